import { cycles, cycleUnits } from '@kaoping/db/schema';
import { cycleScoringChanged } from '@kaoping/db/scoring-work';
import type { Pack } from '@kaoping/standards';
import { rescorePreview } from '@kaoping/standards/diff/rescore-preview';
import { eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { formatETag, preconditionFailed } from '../../lib/etag.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import { type CycleRow, packOfCycle, parameterErrors, usablePack } from './cycle-pack.ts';
import { cycleClosed, cycleNotFound, fieldError, invalid } from './errors.ts';
import { assessedStages, parseChain } from './review-chain.ts';
import { cycleStageData, engineUnit, splitReferences } from './stage-data.ts';
import { cycleGuard, cycleView, staleToPrecondition } from './versioned-write.ts';

/** The preview scores at most this many units (twice each); more are reported as left out. */
export const PREVIEW_UNIT_LIMIT = 2000;

export interface SwitchVersionInput {
  cycleId: string;
  step: 'preview' | 'confirm';
  pack_key?: string | undefined;
  pack_version: string;
  parameters?: Record<string, unknown> | undefined;
  /** Required to confirm: the cycle's ETag, as the preview returned it. */
  expectedVersion?: number | undefined;
}

const sameVersion = () =>
  new AppError('conflict', {
    zh: '周期已在使用该标准包版本',
    en: 'The cycle already uses this pack version',
  });

/** What the new version must accept of the cycle: its units' kinds and its chain's assessments. */
function compatibilityErrors(newPack: Pack, cycle: CycleRow, kinds: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const unassessed = [...new Set(kinds)].filter(
    (k) => !(newPack.unitKinds as readonly string[]).includes(k),
  );
  if (unassessed.length > 0) {
    errors.push(
      fieldError(
        'body.pack_version',
        'unit_kinds',
        `the new version does not assess ${unassessed.join(', ')}, which this cycle’s units are`,
        `新版本不考核本周期单位的类型：${unassessed.join('、')}`,
      ),
    );
  }
  const packStages = new Set(parseChain(cycle.stages).map((s) => s.pack_stage));
  for (const [key, { itemId, stages }] of assessedStages(newPack)) {
    if (!stages.some((s) => packStages.has(s))) {
      errors.push(
        fieldError(
          'body.pack_version',
          'unassessable',
          `item ${itemId} (${key}) of the new version is assessed at ${stages.join(' or ')}, which this cycle’s chain lacks`,
          `新版本的指标 ${itemId}（${key}）须在 ${stages.join('或')} 阶段评分，本周期流程没有该阶段`,
        ),
      );
    }
  }
  return errors;
}

/**
 * Switch a cycle to another pack version, in two steps. `preview` scores every unit's current
 * stage data under both versions (packages/standards' rescorePreview) and says who would gain
 * or lose points and designations; `confirm` (If-Match, the ETag the preview returned) moves the
 * cycle and, through the scoring-work contract, marks every score to be recomputed. Snapshots
 * under the old version are immutable and stay readable.
 */
export async function switchCycleVersion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SwitchVersionInput;
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await tdb.first(cycles, eq(cycles.id, input.cycleId));
  if (!cycle) throw cycleNotFound();
  if (input.step === 'confirm') {
    if (input.expectedVersion === undefined) {
      throw new AppError('precondition_required', {
        zh: '确认切换时请在 If-Match 中带上预览返回的 ETag',
        en: 'To confirm, send the ETag the preview returned in If-Match',
      });
    }
    if (cycle.rowVersion !== input.expectedVersion) throw preconditionFailed();
  }
  if (cycle.status === 'closed') throw cycleClosed();
  const oldPack = await packOfCycle(tdb, cycle);
  const target = await usablePack(
    ctx,
    { key: input.pack_key ?? cycle.packKey, version: input.pack_version },
    cycle.periodEnd,
  );
  if (target.hash === cycle.packHash) throw sameVersion();
  const newPack = target.pack;
  const declared = new Set(newPack.parameters.map((p) => p.id));
  const parameters =
    input.parameters ??
    Object.fromEntries(Object.entries(cycle.parameters).filter(([id]) => declared.has(id)));
  const kinds = (await tdb.select(cycleUnits, eq(cycleUnits.cycleId, cycle.id))).map(
    (u) => u.unitKind,
  );
  const errors = [
    ...parameterErrors(newPack, parameters, 'body.parameters'),
    ...compatibilityErrors(newPack, cycle, kinds),
  ];
  if (errors.length > 0) throw invalid(errors);

  const rows = await cycleStageData(tdb, cycle.id, { limit: PREVIEW_UNIT_LIMIT + 1 });
  const scored = rows.slice(0, PREVIEW_UNIT_LIMIT);
  const refs = splitReferences(cycle.references);
  const preview = rescorePreview(
    oldPack,
    newPack,
    scored.map((r) => engineUnit(r, refs.forUnit)),
    { parameters: { ...cycle.parameters, ...parameters }, references: refs.cycleWide },
  );
  const byUnit = new Map(scored.map((r) => [r.orgUnitId, r]));
  const answer = {
    step: input.step,
    from: { key: cycle.packKey, version: cycle.packVersion, content_hash: cycle.packHash },
    to: { key: newPack.key, version: newPack.version, content_hash: target.hash },
    parameters,
    summary: preview.summary,
    truncated: rows.length > PREVIEW_UNIT_LIMIT,
    units: preview.units.map((u) => {
      const row = byUnit.get(u.unitId)!;
      return {
        org_unit_id: u.unitId,
        name: row.name,
        submission_id: row.submissionId,
        stage: row.stage,
        old: u.old,
        new: u.new,
        delta: u.delta,
        moved: u.moved,
      };
    }),
  };
  if (input.step === 'preview') return { ...answer, etag: formatETag(cycle.rowVersion) };

  const at = ctx.now.toISOString();
  try {
    await commitWithAudit(
      ctx,
      [
        cycleGuard(tdb, cycle.id, input.expectedVersion!),
        tdb.update(
          cycles,
          {
            packKey: newPack.key,
            packVersion: newPack.version,
            packHash: target.hash,
            parameters,
            updatedAt: at,
            rowVersion: sql`${cycles.rowVersion} + 1`,
          },
          eq(cycles.id, cycle.id),
          eq(cycles.rowVersion, input.expectedVersion!),
        ),
        ...cycleScoringChanged(tdb, { cycleId: cycle.id, at }),
      ],
      [
        {
          action: 'cycle.switch_version',
          entityType: 'cycle',
          entityId: cycle.id,
          before: { pack: answer.from, parameters: cycle.parameters },
          after: { pack: answer.to, parameters, summary: preview.summary },
        },
      ],
    );
  } catch (err) {
    throw staleToPrecondition(err);
  }
  const view = await cycleView(ctx, cycle.id);
  return { ...answer, etag: view.etag };
}
