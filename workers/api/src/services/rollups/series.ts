import { orgUnits } from '@kaoping/db/schema';
import { eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { readETag } from '../../lib/conditional.ts';
import { findCycle } from '../cycles/versioned-write.ts';
import { unitNotFound } from '../org-units/errors.ts';
import { readScope } from '../scores/read-scope.ts';
import { presentRollup, ROLLUP_COLUMNS, type RollupRowRaw } from './present.ts';

/** A chart has room for this many bars; more children are cut (`truncated`). */
export const MAX_SERIES_CHILDREN = 1000;

/** The rollup rows of a unit's children, by name: org_units_parent_idx, then rollups_uq. */
export function childRollupsSql(q: {
  tenantId: string;
  cycleId: string;
  parentId: string;
  unitKind: string;
  limit: number;
}): SQL {
  const t = q.tenantId;
  return sql`SELECT ${ROLLUP_COLUMNS}
    FROM org_units o CROSS JOIN rollups r
    WHERE o.tenant_id = ${t} AND o.parent_id = ${q.parentId}
      AND r.tenant_id = ${t} AND r.cycle_id = ${q.cycleId} AND r.org_unit_id = o.id
      AND r.unit_kind = ${q.unitKind}
    ORDER BY o.name, o.id
    LIMIT ${q.limit}`;
}

export function ownRollupSql(q: {
  tenantId: string;
  cycleId: string;
  orgUnitId: string;
  unitKind: string;
}): SQL {
  const t = q.tenantId;
  return sql`SELECT ${ROLLUP_COLUMNS}
    FROM rollups r CROSS JOIN org_units o
    WHERE r.tenant_id = ${t} AND r.cycle_id = ${q.cycleId} AND r.org_unit_id = ${q.orgUnitId}
      AND r.unit_kind = ${q.unitKind} AND o.tenant_id = ${t} AND o.id = r.org_unit_id`;
}

const percent = (text: string | null) => (text === null ? null : Number(text));

/**
 * GET /v1/cycles/{cycleId}/rollups/series: one unit's rollup and its children's, as columns —
 * the compact shape a bar chart of "designation rate vs target per town" draws from. Numbers
 * here are numbers (rates as percent floats); the rows themselves keep exact decimal strings.
 */
export async function rollupSeries({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cycleId: string; orgUnitId?: string | undefined; unitKind: string };
}) {
  const { tdb } = ctx;
  const [cycle, scope] = await Promise.all([
    findCycle(ctx, input.cycleId),
    readScope(ctx, input.orgUnitId),
  ]);
  let node = scope.root;
  if (!node) {
    if (scope.all) {
      const root = await tdb.first(orgUnits, isNull(orgUnits.parentId));
      if (!root) throw unitNotFound();
      node = { id: root.id, path: root.path };
    } else {
      // A subtree reader's own (first) subtree: its root's id is the path's last segment.
      const path = scope.paths[0];
      if (!path) throw unitNotFound();
      node = { id: path.split('/').at(-2) as string, path };
    }
  }
  const t = tdb.tenantId;
  const [own, children] = (await Promise.all([
    tdb.db.all(
      ownRollupSql({
        tenantId: t,
        cycleId: cycle.id,
        orgUnitId: node.id,
        unitKind: input.unitKind,
      }),
    ),
    tdb.db.all(
      childRollupsSql({
        tenantId: t,
        cycleId: cycle.id,
        parentId: node.id,
        unitKind: input.unitKind,
        limit: MAX_SERIES_CHILDREN + 1,
      }),
    ),
  ])) as [RollupRowRaw[], RollupRowRaw[]];
  const unit = await tdb.first(orgUnits, eq(orgUnits.id, node.id));
  if (!unit) throw unitNotFound();
  const shown = children.slice(0, MAX_SERIES_CHILDREN);
  const body = {
    cycle_id: cycle.id,
    unit_kind: input.unitKind,
    org_unit: { id: unit.id, name: unit.name, kind: unit.kind },
    total: own[0] ? presentRollup(own[0]) : null,
    children: {
      org_unit_id: shown.map((r) => r.org_unit_id),
      name: shown.map((r) => r.unit_name),
      kind: shown.map((r) => r.org_kind),
      in_scope: shown.map((r) => r.in_scope),
      submitted: shown.map((r) => r.submitted),
      designated: shown.map((r) => r.designated),
      rate_percent: shown.map((r) => percent(r.rate_percent)),
      target_percent: shown.map((r) => percent(r.target_percent)),
      target_met: shown.map((r) => (r.target_met === null ? null : r.target_met === 1)),
      needed_units: shown.map((r) => r.needed_units),
    },
    truncated: children.length > MAX_SERIES_CHILDREN,
  };
  const etag = await readETag('rollup-series', body);
  return { etag, render: async () => JSON.stringify(body) };
}
