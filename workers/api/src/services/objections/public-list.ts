import { findCycleByPublicToken } from '@kaoping/db/bootstrap';
import {
  currentScores,
  cycles,
  cycleUnits,
  orgUnits,
  scoreSnapshots,
  submissions,
} from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { PublicContext } from '../../auth/principal.ts';
import { notFound } from '../../lib/problem.ts';

export const linkNotFound = () => notFound({ zh: '公示链接', en: 'Publicity link' });

/** The cycle behind a public link, and a TenantDb for its tenant (the link names the tenant). */
export async function cycleOfLink(ctx: PublicContext, token: string) {
  const found = /^kpo_[A-Za-z0-9_-]{43}$/.test(token)
    ? await findCycleByPublicToken(ctx.db, token)
    : undefined;
  if (!found) throw linkNotFound();
  const tdb = new TenantDb(ctx.db, found.tenantId);
  const cycle = await tdb.first(cycles, eq(cycles.id, found.id));
  if (cycle?.status !== 'open') throw linkNotFound();
  return { tdb, cycle };
}

/**
 * What a cycle's public link shows during publicity (公示): the units whose results are being
 * publicised, with the window and their score — names of units and numbers only, no people.
 */
export async function publicObjectionPage({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: { token: string };
}) {
  const { tdb, cycle } = await cycleOfLink(ctx, input.token);
  const now = ctx.now.toISOString();
  const rows = await tdb.db
    .select({
      submissionId: submissions.id,
      name: orgUnits.name,
      unitKind: cycleUnits.unitKind,
      publicityEndsAt: submissions.publicityEndsAt,
      total: scoreSnapshots.total,
      max: scoreSnapshots.max,
      designationMet: scoreSnapshots.designationMet,
    })
    .from(submissions)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, submissions.tenantId), eq(orgUnits.id, submissions.orgUnitId)),
    )
    .innerJoin(
      cycleUnits,
      and(
        eq(cycleUnits.tenantId, submissions.tenantId),
        eq(cycleUnits.cycleId, submissions.cycleId),
        eq(cycleUnits.orgUnitId, submissions.orgUnitId),
      ),
    )
    .leftJoin(
      currentScores,
      and(
        eq(currentScores.tenantId, submissions.tenantId),
        eq(currentScores.submissionId, submissions.id),
        eq(currentScores.stage, submissions.stage),
      ),
    )
    .leftJoin(scoreSnapshots, eq(scoreSnapshots.seq, currentScores.snapshotSeq))
    .where(
      and(
        tdb.where(submissions, eq(submissions.cycleId, cycle.id)),
        eq(submissions.status, 'publicised'),
        gt(submissions.publicityEndsAt, now),
      ),
    )
    .orderBy(asc(orgUnits.path))
    .limit(1000);
  return {
    cycle: { name: cycle.name, period: { start: cycle.periodStart, end: cycle.periodEnd } },
    units: rows.map((r) => ({
      submission_id: r.submissionId,
      unit_name: r.name,
      unit_kind: r.unitKind,
      publicity_ends_at: r.publicityEndsAt!,
      total: r.total,
      max: r.max,
      designated: r.designationMet === null ? null : r.designationMet === 1,
    })),
  };
}
