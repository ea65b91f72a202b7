import { GuardFailed } from '@kaoping/db/batch-errors';
import { cycles, cycleTargets, cycleUnits, milestones } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { asc, count, eq, sql } from 'drizzle-orm';
import { isAdmin, readableSubtrees } from '../../auth/permissions.ts';
import type { Principal, ServiceContext } from '../../auth/principal.ts';
import { preconditionFailed } from '../../lib/etag.ts';
import type { CycleRow } from './cycle-pack.ts';
import { cycleClosed, cycleNotFound } from './errors.ts';
import { type CycleJson, presentCycle } from './present.ts';

/**
 * Cycles are read by everyone in the tenant who reads anything (the configuration is not
 * secret); clients need a scope. Config writes are admin-only and go through the cycle's
 * row_version (its ETag), whichever part they change: name, parameters, scope, targets,
 * milestones, pack version.
 */
export function canReadCycles(p: Principal): boolean {
  if (p.kind === 'client') return p.scopes.length > 0;
  const subtrees = readableSubtrees(p);
  return subtrees === null || subtrees.length > 0;
}

export async function findCycle(ctx: ServiceContext, cycleId: string): Promise<CycleRow> {
  const cycle = await ctx.tdb.first(cycles, eq(cycles.id, cycleId));
  if (!cycle || !canReadCycles(ctx.principal)) throw cycleNotFound();
  return cycle;
}

/** For admins' writes: the cycle, 404 if missing, 412 if the ETag is stale, 409 if closed. */
export async function cycleForWrite(
  tdb: TenantDb,
  cycleId: string,
  expectedVersion: number,
): Promise<CycleRow> {
  const cycle = await tdb.first(cycles, eq(cycles.id, cycleId));
  if (!cycle) throw cycleNotFound();
  if (cycle.rowVersion !== expectedVersion) throw preconditionFailed();
  if (cycle.status === 'closed') throw cycleClosed();
  return cycle;
}

/** Guard: the cycle is still at the version the caller sent, and not closed. */
export function cycleGuard(tdb: TenantDb, cycleId: string, expected: number) {
  return tdb.guard(
    tdb.exists(cycles, eq(cycles.id, cycleId), eq(cycles.rowVersion, expected)),
    'stale',
  );
}

/** The version bump every config write carries. */
export function bumpCycle(tdb: TenantDb, cycleId: string, expected: number, at: string) {
  return tdb.update(
    cycles,
    { updatedAt: at, rowVersion: sql`${cycles.rowVersion} + 1` },
    eq(cycles.id, cycleId),
    eq(cycles.rowVersion, expected),
  );
}

export function staleToPrecondition(err: unknown): unknown {
  return err instanceof GuardFailed && err.reason === 'stale' ? preconditionFailed() : err;
}

/** The cycle with its targets, milestones and scope size, as the API shows it. */
export async function cycleView(
  ctx: ServiceContext,
  cycleId: string,
): Promise<CycleJson & { rowVersion: number }> {
  const { tdb } = ctx;
  const cycle = await tdb.first(cycles, eq(cycles.id, cycleId));
  if (!cycle) throw cycleNotFound();
  const [targets, due, units] = await Promise.all([
    tdb
      .select(cycleTargets, eq(cycleTargets.cycleId, cycleId))
      .orderBy(asc(cycleTargets.orgUnitId), asc(cycleTargets.unitKind)),
    tdb
      .select(milestones, eq(milestones.cycleId, cycleId))
      .orderBy(asc(milestones.dueAt), asc(milestones.id)),
    tdb.db
      .select({ n: count() })
      .from(cycleUnits)
      .where(tdb.where(cycleUnits, eq(cycleUnits.cycleId, cycleId))),
  ]);
  return {
    ...presentCycle(cycle, {
      targets,
      milestones: due,
      unitCount: units[0]?.n ?? 0,
      admin: isAdmin(ctx.principal),
    }),
    rowVersion: cycle.rowVersion,
  };
}

/** A cycle view as the audit log keeps it: without the public link and the version field. */
export function forAudit(view: CycleJson & { rowVersion?: number }) {
  const { rowVersion: _v, public_objection_path: _p, ...rest } = view;
  return rest;
}
