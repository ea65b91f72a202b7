import { GuardFailed, uniqueViolation } from '@kaoping/db/batch-errors';
import { isWithin, withinSubtree } from '@kaoping/db/org-paths';
import { orgUnits } from '@kaoping/db/schema';
import { count, eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { kindRuleError } from './create.ts';
import { orgUnitConflict, parentArchived, parentNotFound, rootUnitFixed } from './errors.ts';
import { canBeChildOf } from './kinds.ts';
import type { OrgUnitRow } from './present.ts';
import { reread, staleToPrecondition, unitAtVersion, versionGuard } from './versioned-write.ts';

export interface MoveOrgUnitInput {
  unitId: string;
  expectedVersion: number;
  parent_id: string;
}

/**
 * Move a unit, with its whole subtree, under another parent (If-Match). The
 * subtree is re-pathed in one UPDATE over its path range; moving a unit
 * under itself or one of its descendants is refused, and guards make sure
 * neither the unit nor the new parent moved between the checks and the commit.
 */
export async function moveOrgUnit({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: MoveOrgUnitInput;
}): Promise<OrgUnitRow> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const unit = await unitAtVersion(tdb, input.unitId, input.expectedVersion);
  if (unit.parentId === null) throw rootUnitFixed();
  const parent = await tdb.first(orgUnits, eq(orgUnits.id, input.parent_id));
  if (!parent) throw parentNotFound();
  if (isWithin(parent.path, unit.path)) {
    throw new AppError(
      'validation',
      {
        zh: '不能把单元移到它自己或它的下级之下',
        en: 'A unit cannot move under itself or its descendants',
      },
      {
        errors: [
          {
            path: 'body.parent_id',
            code: 'cycle',
            message: 'is the unit itself or one of its descendants',
            message_zh: '是该单元本身或其下级',
          },
        ],
      },
    );
  }
  if (parent.status !== 'active') throw parentArchived();
  if (!canBeChildOf(parent.kind, unit.kind)) {
    throw kindRuleError(parent.kind, unit.kind, 'body.parent_id');
  }
  if (parent.id === unit.parentId) return unit;

  const oldPath = unit.path;
  const newPath = `${parent.path}${unit.id}/`;
  const depthDelta = parent.depth + 1 - unit.depth;
  const at = ctx.now.toISOString();
  const [{ n: subtreeSize } = { n: 0 }] = await tdb.db
    .select({ n: count() })
    .from(orgUnits)
    .where(tdb.where(orgUnits, withinSubtree(orgUnits.path, oldPath)));
  try {
    await commitWithAudit(
      ctx,
      [
        versionGuard(tdb, unit.id, input.expectedVersion),
        tdb.guard(
          tdb.exists(
            orgUnits,
            eq(orgUnits.id, parent.id),
            eq(orgUnits.status, 'active'),
            eq(orgUnits.path, parent.path),
          ),
          'parent_changed',
        ),
        tdb.update(
          orgUnits,
          { parentId: parent.id },
          eq(orgUnits.id, unit.id),
          eq(orgUnits.rowVersion, input.expectedVersion),
        ),
        // The unit and every descendant: new path prefix, new depth, new version.
        tdb.update(
          orgUnits,
          {
            path: sql`${newPath} || substr(${orgUnits.path}, ${oldPath.length + 1})`,
            depth: sql`${orgUnits.depth} + ${depthDelta}`,
            rowVersion: sql`${orgUnits.rowVersion} + 1`,
            updatedAt: at,
          },
          withinSubtree(orgUnits.path, oldPath),
        ),
      ],
      [
        {
          action: 'org_unit.move',
          entityType: 'org_unit',
          entityId: unit.id,
          before: { parent_id: unit.parentId, path: oldPath, depth: unit.depth },
          after: {
            parent_id: parent.id,
            path: newPath,
            depth: unit.depth + depthDelta,
            units_moved: subtreeSize,
          },
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'parent_changed') {
      throw new AppError('conflict', {
        zh: '目标上级单元刚被修改，请重试',
        en: 'The new parent changed meanwhile; retry',
      });
    }
    throw orgUnitConflict(uniqueViolation(err)) ?? staleToPrecondition(err);
  }
  return reread(tdb, unit.id);
}
