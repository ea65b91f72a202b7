import { orgUnits } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import { canReadUnit, requireScope } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { unitNotFound } from './errors.ts';
import type { OrgUnitRow } from './present.ts';

/** One unit the caller may read; another tenant's, or one outside the caller's subtrees, is 404. */
export async function readOrgUnit({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unitId: string };
}): Promise<OrgUnitRow> {
  requireScope(ctx.principal, 'scores:read');
  const unit = await ctx.tdb.first(orgUnits, eq(orgUnits.id, input.unitId));
  if (!unit || !canReadUnit(ctx.principal, unit.path)) throw unitNotFound();
  return unit;
}
