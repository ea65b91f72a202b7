import { submissions } from '@kaoping/db/schema';
import { updateStageData } from '@kaoping/db/scoring-work';
import { assessmentProblem } from '@kaoping/standards/rules/assessed';
import { eq, sql } from 'drizzle-orm';
import { forbidden } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import type { FieldError } from '../../lib/problem.ts';
import { packOfCycle } from '../cycles/cycle-pack.ts';
import { fieldError, invalid } from '../cycles/errors.ts';
import { assessedRules } from '../cycles/review-chain.ts';
import { loadSubmission, openCycleGuard, requireEditable, submissionGuard } from './access.ts';
import { presentStageData } from './present.ts';
import { guardToProblem } from './save-inputs.ts';

export interface SaveAssessmentsInput {
  submissionId: string;
  expectedVersion: number;
  /** By assessment key (the item id unless the pack names one); null withdraws one. */
  assessments: Record<string, { points: number; reason: string } | null>;
}

/**
 * Enter 酌情评分 judgements at the submission's current stage (If-Match): each one an item the
 * pack lets this stage assess (the stage's pack_stage among the rule's stages), 0..max in the
 * rule's steps, with a reason; who and when are recorded with it, and the stage (so the engine
 * checks it too). People only: API clients report figures, they do not judge.
 */
export async function saveAssessments({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SaveAssessmentsInput;
}) {
  if (ctx.principal.kind !== 'user') throw forbidden();
  const s = await loadSubmission(ctx, input.submissionId);
  requireEditable(ctx, s, input.expectedVersion);
  const pack = await packOfCycle(ctx.tdb, s.cycle);
  const rules = assessedRules(pack);
  const at = ctx.now.toISOString();
  const by = actorOf(ctx.principal).id;
  const errors: FieldError[] = [];
  const next: Record<string, unknown> = { ...s.row.assessments };
  for (const [key, value] of Object.entries(input.assessments)) {
    const path = `body.assessments.${key}`;
    const found = rules.get(key);
    if (!found) {
      errors.push(
        fieldError(
          path,
          'unknown_item',
          `the pack has no assessed item ${key}`,
          `标准包没有酌情评分指标 ${key}`,
        ),
      );
      continue;
    }
    if (!found.rule.stages.includes(s.stage.pack_stage)) {
      errors.push(
        fieldError(
          path,
          'wrong_stage',
          `${found.itemId} is assessed at ${found.rule.stages.join(' or ')}, not at ${s.stage.key}`,
          `${found.itemId} 须在 ${found.rule.stages.join('或')} 阶段评分，不在“${s.stage.title.zh}”阶段`,
        ),
      );
      continue;
    }
    if (value === null) {
      delete next[key];
      continue;
    }
    const assessment = {
      points: value.points,
      reason: value.reason.trim(),
      by,
      at,
      stage: s.stage.pack_stage,
    };
    const problem = assessmentProblem(found.rule, assessment);
    if (problem) {
      errors.push(fieldError(path, 'assessment', problem.en, problem.zh));
      continue;
    }
    next[key] = assessment;
  }
  if (errors.length > 0) throw invalid(errors);

  const { tdb } = ctx;
  try {
    await commitWithAudit(
      ctx,
      [
        submissionGuard(tdb, s.submission.id, input.expectedVersion),
        openCycleGuard(tdb, s.cycle.id),
        updateStageData(tdb, {
          submissionId: s.submission.id,
          stage: s.stage.key,
          inputs: s.row.inputs,
          assessments: next,
          updatedBy: by,
          at,
        }),
        tdb.update(
          submissions,
          { updatedAt: at, rowVersion: sql`${submissions.rowVersion} + 1` },
          eq(submissions.id, s.submission.id),
          eq(submissions.rowVersion, input.expectedVersion),
        ),
      ],
      [
        {
          action: 'submission.assess',
          entityType: 'submission',
          entityId: s.submission.id,
          before: {
            stage: s.stage.key,
            assessments: Object.fromEntries(
              Object.keys(input.assessments).map((k) => [k, s.row.assessments[k] ?? null]),
            ),
          },
          after: {
            stage: s.stage.key,
            assessments: Object.fromEntries(
              Object.keys(input.assessments).map((k) => [k, next[k] ?? null]),
            ),
          },
        },
      ],
    );
  } catch (err) {
    throw guardToProblem(err);
  }
  const after = await loadSubmission(ctx, s.submission.id);
  return {
    data: presentStageData(ctx.principal, after.row),
    rowVersion: after.submission.rowVersion,
  };
}
