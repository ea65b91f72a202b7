import { GuardFailed } from '@kaoping/db/batch-errors';
import { orgUnits } from '@kaoping/db/schema';
import { and, eq, not, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { rootUnitFixed } from './errors.ts';
import { type OrgUnitRow, presentOrgUnit } from './present.ts';
import { reread, staleToPrecondition, unitAtVersion, versionGuard } from './versioned-write.ts';

const hasActiveChildren = () =>
  new AppError('conflict', {
    zh: '该单元下还有未归档的下级单元，请先归档或移走它们',
    en: 'The unit still has active children: archive or move them first',
  });

/**
 * Archive a unit (If-Match). Leaves go first: a unit with active children
 * is refused, so no subtree disappears by one click. Archived units keep
 * their history; they take no new children. Archiving twice changes nothing.
 */
export async function archiveOrgUnit({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unitId: string; expectedVersion: number };
}): Promise<OrgUnitRow> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const unit = await unitAtVersion(tdb, input.unitId, input.expectedVersion);
  if (unit.parentId === null) throw rootUnitFixed();
  if (unit.status === 'archived') return unit;
  const at = ctx.now.toISOString();
  const after: OrgUnitRow = {
    ...unit,
    status: 'archived',
    updatedAt: at,
    rowVersion: unit.rowVersion + 1,
  };
  const activeChild = and(eq(orgUnits.parentId, unit.id), eq(orgUnits.status, 'active'));
  try {
    await commitWithAudit(
      ctx,
      [
        versionGuard(tdb, unit.id, input.expectedVersion),
        tdb.guard(not(tdb.exists(orgUnits, activeChild)), 'has_active_children'),
        tdb.update(
          orgUnits,
          { status: 'archived', updatedAt: at, rowVersion: sql`${orgUnits.rowVersion} + 1` },
          eq(orgUnits.id, unit.id),
          eq(orgUnits.rowVersion, input.expectedVersion),
        ),
      ],
      [
        {
          action: 'org_unit.archive',
          entityType: 'org_unit',
          entityId: unit.id,
          before: presentOrgUnit(unit),
          after: presentOrgUnit(after),
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'has_active_children') {
      throw hasActiveChildren();
    }
    throw staleToPrecondition(err);
  }
  return reread(tdb, unit.id);
}
