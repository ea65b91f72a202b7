import { cycleUnits, evidence, submissionStages, submissions } from '@kaoping/db/schema';
import { cycleRollupsChanged, unitScopeChanged } from '@kaoping/db/scoring-work';
import { eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { formatETag } from '../../lib/etag.ts';
import { AppError } from '../../lib/problem.ts';
import { WHOLE_ROLLUP_AT } from './add-units.ts';
import { unitsNotFound } from './errors.ts';
import { inIds } from './id-list.ts';
import { bumpCycle, cycleForWrite, cycleGuard, staleToPrecondition } from './versioned-write.ts';

const alreadyUnderReview = (names: string[]) =>
  new AppError('conflict', {
    zh: `${names.join('、')} 已提交审核，不能移出范围（可在复查时撤销其资格）`,
    en: `${names.join(', ')} already went under review and cannot leave the scope (revoke instead)`,
  });

/**
 * Take units out of a cycle's scope (If-Match): only units whose submission is still with the
 * unit (draft, or returned to it) — their submission and its draft rows go, their evidence is
 * marked deleted (the files are removed after the commit). Units under review or beyond are
 * refused; one id not in scope refuses the whole request. Returns the R2 keys to remove.
 */
export async function removeCycleUnits({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cycleId: string; expectedVersion: number; org_unit_ids: string[] };
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await cycleForWrite(tdb, input.cycleId, input.expectedVersion);
  const ids = [...new Set(input.org_unit_ids)];
  const inScope = new Set(
    (
      await tdb.select(
        cycleUnits,
        eq(cycleUnits.cycleId, cycle.id),
        inIds(cycleUnits.orgUnitId, ids),
      )
    ).map((u) => u.orgUnitId),
  );
  if (ids.some((id) => !inScope.has(id))) throw unitsNotFound();
  const subs = await tdb.select(
    submissions,
    eq(submissions.cycleId, cycle.id),
    inIds(submissions.orgUnitId, ids),
  );
  const moved = subs.filter((s) => s.status !== 'draft' && s.status !== 'returned');
  if (moved.length > 0) throw alreadyUnderReview(moved.map((s) => s.orgUnitId));
  const subIds = subs.map((s) => s.id);
  const files = subIds.length
    ? await tdb.select(evidence, inIds(evidence.submissionId, subIds), isNull(evidence.deletedAt))
    : [];
  const at = ctx.now.toISOString();
  const statements: BatchItem<'sqlite'>[] = [
    cycleGuard(tdb, cycle.id, input.expectedVersion),
    bumpCycle(tdb, cycle.id, input.expectedVersion, at),
    tdb.delete(cycleUnits, eq(cycleUnits.cycleId, cycle.id), inIds(cycleUnits.orgUnitId, ids)),
  ];
  for (const s of subs) {
    // Still with the unit when this commits: nobody submitted it meanwhile.
    statements.push(
      tdb.guard(
        tdb.exists(submissions, eq(submissions.id, s.id), eq(submissions.rowVersion, s.rowVersion)),
        'stale',
      ),
    );
  }
  if (subIds.length > 0) {
    statements.push(
      tdb.update(
        evidence,
        { deletedAt: at },
        inIds(evidence.submissionId, subIds),
        isNull(evidence.deletedAt),
      ),
      tdb.delete(submissionStages, inIds(submissionStages.submissionId, subIds)),
      tdb.delete(submissions, inIds(submissions.id, subIds)),
    );
  }
  if (ids.length > WHOLE_ROLLUP_AT)
    statements.push(cycleRollupsChanged(tdb, { cycleId: cycle.id, at }));
  else
    for (const id of ids)
      statements.push(unitScopeChanged(tdb, { cycleId: cycle.id, orgUnitId: id, at }));
  try {
    await commitWithAudit(ctx, statements, [
      {
        action: 'cycle.units_remove',
        entityType: 'cycle',
        entityId: cycle.id,
        before: {
          units: ids,
          submissions: subs.map((s) => ({ id: s.id, org_unit_id: s.orgUnitId, status: s.status })),
          evidence: files.map((f) => f.id),
        },
      },
    ]);
  } catch (err) {
    throw staleToPrecondition(err);
  }
  return {
    removed: ids.length,
    etag: formatETag(input.expectedVersion + 1),
    r2Keys: files.map((f) => f.r2Key),
  };
}
