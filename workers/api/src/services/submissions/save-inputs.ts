import { GuardFailed } from '@kaoping/db/batch-errors';
import { evidence, submissionStages, submissions } from '@kaoping/db/schema';
import { updateStageData } from '@kaoping/db/scoring-work';
import { canonicalJson, type Pack, type UnitKind, validateInputs } from '@kaoping/standards';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import { preconditionFailed } from '../../lib/etag.ts';
import type { FieldError } from '../../lib/problem.ts';
import { packOfCycle } from '../cycles/cycle-pack.ts';
import { cycleNotOpen, fieldError, invalid } from '../cycles/errors.ts';
import {
  loadSubmission,
  openCycleGuard,
  requireEditable,
  type SubmissionContext,
  submissionGuard,
} from './access.ts';
import { presentStageData } from './present.ts';

export interface SaveInputsInput {
  submissionId: string;
  expectedVersion: number;
  /** Values to set; null clears one. Inputs not named keep their value. */
  inputs: Record<string, unknown>;
  /** Why a reviewer corrects reported figures (required at reviewer stages). */
  reason?: string | undefined;
}

/** The pack's validation issues as field errors under `prefix` (zh and en). */
export function inputIssues(
  pack: Pack,
  unitKind: string,
  inputs: Record<string, unknown>,
  mode: 'draft' | 'submit',
  prefix: string,
): FieldError[] {
  const checked = validateInputs(pack, unitKind as UnitKind, inputs, { mode });
  if (checked.ok) return [];
  return checked.issues.map((i) => ({
    path: i.path.length > 0 ? `${prefix}.${i.path.join('.')}` : prefix,
    code: i.code,
    message: i.message.en,
    message_zh: i.message.zh,
  }));
}

/** Evidence inputs must name live files of this submission. */
async function evidenceIssues(
  ctx: ServiceContext,
  pack: Pack,
  s: SubmissionContext,
  inputs: Record<string, unknown>,
): Promise<FieldError[]> {
  const refs = pack.inputs
    .filter((i) => i.kind === 'evidence' && inputs[i.id] !== undefined)
    .flatMap((i) => {
      const v = inputs[i.id];
      return (Array.isArray(v) ? v : [v]).map((id) => ({ input: i.id, id: String(id) }));
    });
  if (refs.length === 0) return [];
  const live = new Set(
    (
      await ctx.tdb.select(
        evidence,
        eq(evidence.submissionId, s.submission.id),
        isNull(evidence.deletedAt),
      )
    ).map((e) => e.id),
  );
  return refs
    .filter((r) => !live.has(r.id))
    .map((r) =>
      fieldError(
        `body.inputs.${r.input}`,
        'evidence_not_found',
        `no evidence ${r.id} on this submission`,
        `本填报没有佐证材料 ${r.id}`,
      ),
    );
}

/**
 * Enter or change inputs at the submission's current stage (If-Match). Partial saves are
 * drafts: the pack's own generated schema checks types and bounds (NaN, Infinity, negative
 * counts, rates above 100, numeric strings are refused, naming the field in zh and en);
 * completeness is checked when the stage is completed. At reviewer stages each change is a
 * correction of the reported figure and needs a reason: who, when, why and the figure as
 * received are kept with the stage's data.
 */
export async function saveInputs({ ctx, input }: { ctx: ServiceContext; input: SaveInputsInput }) {
  const s = await loadSubmission(ctx, input.submissionId);
  requireEditable(ctx, s, input.expectedVersion);
  const pack = await packOfCycle(ctx.tdb, s.cycle);
  const current = s.row.inputs;
  // Object.fromEntries defines own properties: a "__proto__" key stays a key, never a prototype.
  const merged = Object.fromEntries(
    [...Object.entries(current), ...Object.entries(input.inputs)].filter(
      ([key]) => !(Object.hasOwn(input.inputs, key) && input.inputs[key] === null),
    ),
  );
  const errors = inputIssues(pack, s.unitKind, merged, 'draft', 'body.inputs');
  const reviewer = s.stage.actor === 'reviewer';
  const changed = Object.keys(input.inputs).filter(
    (key) => canonicalJson(current[key] ?? null) !== canonicalJson(input.inputs[key] ?? null),
  );
  if (reviewer && changed.length > 0 && !input.reason?.trim()) {
    errors.push(
      fieldError(
        'body.reason',
        'required',
        'a reviewer’s correction of reported figures needs a reason',
        '审核阶段更正填报数据须说明理由',
      ),
    );
  }
  if (errors.length === 0) errors.push(...(await evidenceIssues(ctx, pack, s, merged)));
  if (errors.length > 0) throw invalid(errors);
  if (changed.length === 0)
    return { data: presentStageData(ctx.principal, s.row), rowVersion: s.submission.rowVersion };

  const at = ctx.now.toISOString();
  const by = actorOf(ctx.principal).id;
  const corrections: Record<string, unknown> = { ...s.row.corrections };
  if (reviewer) {
    for (const key of changed) {
      const earlier = corrections[key] as { from?: unknown } | undefined;
      const from = earlier ? (earlier.from ?? null) : (current[key] ?? null);
      const to = input.inputs[key] ?? null;
      if (canonicalJson(from) === canonicalJson(to)) delete corrections[key];
      else corrections[key] = { from, to, reason: input.reason!.trim(), by, at };
    }
  }
  const { tdb } = ctx;
  const statements = [
    submissionGuard(tdb, s.submission.id, input.expectedVersion),
    openCycleGuard(tdb, s.cycle.id),
    updateStageData(tdb, {
      submissionId: s.submission.id,
      stage: s.stage.key,
      inputs: merged,
      assessments: s.row.assessments,
      updatedBy: by,
      at,
    }),
    ...(reviewer
      ? [
          tdb.update(
            submissionStages,
            { corrections },
            and(
              eq(submissionStages.submissionId, s.submission.id),
              eq(submissionStages.stage, s.stage.key),
            ),
          ),
        ]
      : []),
    tdb.update(
      submissions,
      { updatedAt: at, rowVersion: sql`${submissions.rowVersion} + 1` },
      eq(submissions.id, s.submission.id),
      eq(submissions.rowVersion, input.expectedVersion),
    ),
  ];
  try {
    await commitWithAudit(ctx, statements, [
      {
        action: reviewer ? 'submission.correct_inputs' : 'submission.save_inputs',
        entityType: 'submission',
        entityId: s.submission.id,
        before: {
          stage: s.stage.key,
          inputs: Object.fromEntries(changed.map((k) => [k, current[k] ?? null])),
        },
        after: {
          stage: s.stage.key,
          inputs: Object.fromEntries(changed.map((k) => [k, input.inputs[k] ?? null])),
          ...(reviewer ? { reason: input.reason } : {}),
        },
      },
    ]);
  } catch (err) {
    throw guardToProblem(err);
  }
  const after = await loadSubmission(ctx, s.submission.id);
  return {
    data: presentStageData(ctx.principal, after.row),
    rowVersion: after.submission.rowVersion,
  };
}

/** A lost race: stale ETag → 412; the cycle closed meanwhile → 409. */
export function guardToProblem(err: unknown): unknown {
  if (err instanceof GuardFailed && err.reason === 'stale') return preconditionFailed();
  if (err instanceof GuardFailed && err.reason === 'cycle_not_open') return cycleNotOpen();
  return err;
}
