import { GuardFailed } from '@kaoping/db/batch-errors';
import { orgUnits } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { eq } from 'drizzle-orm';
import { preconditionFailed } from '../../lib/etag.ts';
import { unitNotFound } from './errors.ts';
import type { OrgUnitRow } from './present.ts';

/** The unit, or 404; 412 at once when the caller's ETag is already stale. */
export async function unitAtVersion(
  tdb: TenantDb,
  unitId: string,
  expected: number,
): Promise<OrgUnitRow> {
  const unit = await tdb.first(orgUnits, eq(orgUnits.id, unitId));
  if (!unit) throw unitNotFound();
  if (unit.rowVersion !== expected) throw preconditionFailed();
  return unit;
}

/** Batch guard: the unit is still at the version the caller sent in If-Match. */
export function versionGuard(tdb: TenantDb, unitId: string, expected: number) {
  return tdb.guard(
    tdb.exists(orgUnits, eq(orgUnits.id, unitId), eq(orgUnits.rowVersion, expected)),
    'stale',
  );
}

/** A lost race on the version guard is a 412, like any stale ETag. */
export function staleToPrecondition(err: unknown): unknown {
  return err instanceof GuardFailed && err.reason === 'stale' ? preconditionFailed() : err;
}

/** The unit after a write, read back. */
export async function reread(tdb: TenantDb, unitId: string): Promise<OrgUnitRow> {
  const unit = await tdb.first(orgUnits, eq(orgUnits.id, unitId));
  if (!unit) throw unitNotFound();
  return unit;
}
