import { uniqueViolation } from '@kaoping/db/batch-errors';
import { orgUnits } from '@kaoping/db/schema';
import { eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { orgUnitConflict } from './errors.ts';
import { type OrgUnitRow, presentOrgUnit } from './present.ts';
import { reread, staleToPrecondition, unitAtVersion, versionGuard } from './versioned-write.ts';

export interface UpdateOrgUnitInput {
  unitId: string;
  expectedVersion: number;
  name?: string | undefined;
  name_en?: string | null | undefined;
  code?: string | null | undefined;
}

/** Rename a unit, or set or clear its English name or statistical code (If-Match). */
export async function updateOrgUnit({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateOrgUnitInput;
}): Promise<OrgUnitRow> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const unit = await unitAtVersion(tdb, input.unitId, input.expectedVersion);
  const at = ctx.now.toISOString();
  const changes: Partial<OrgUnitRow> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.name_en !== undefined) changes.nameEn = input.name_en;
  if (input.code !== undefined) changes.code = input.code;
  const after: OrgUnitRow = {
    ...unit,
    ...changes,
    updatedAt: at,
    rowVersion: input.expectedVersion + 1,
  };
  try {
    await commitWithAudit(
      ctx,
      [
        versionGuard(tdb, unit.id, input.expectedVersion),
        tdb.update(
          orgUnits,
          { ...changes, updatedAt: at, rowVersion: sql`${orgUnits.rowVersion} + 1` },
          eq(orgUnits.id, unit.id),
          eq(orgUnits.rowVersion, input.expectedVersion),
        ),
      ],
      [
        {
          action: 'org_unit.update',
          entityType: 'org_unit',
          entityId: unit.id,
          before: presentOrgUnit(unit),
          after: presentOrgUnit(after),
        },
      ],
    );
  } catch (err) {
    throw orgUnitConflict(uniqueViolation(err)) ?? staleToPrecondition(err);
  }
  return reread(tdb, unit.id);
}
