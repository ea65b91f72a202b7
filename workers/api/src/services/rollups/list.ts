import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { readETag } from '../../lib/conditional.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { findCycle } from '../cycles/versioned-write.ts';
import { pathWithin, type ReadScope, readScope } from '../scores/read-scope.ts';
import { presentRollup, ROLLUP_COLUMNS, type RollupRowRaw } from './present.ts';

export interface RollupsQuery {
  readonly tenantId: string;
  readonly cycleId: string;
  readonly scope: ReadScope;
  readonly unitKind?: string | undefined;
  /** Rows strictly after (org unit id, unit kind). */
  readonly after?: readonly [string, string] | undefined;
  readonly limit: number;
}

/**
 * A cycle's rollup rows in (org unit id, unit kind) order: the whole tenant walks rollups_uq
 * (tenant, cycle, unit, kind); a subtree walks org_units_path_idx and probes rollups_uq per unit.
 */
export function rollupsSql(q: RollupsQuery): SQL {
  const t = q.tenantId;
  const kind = q.unitKind === undefined ? sql`` : sql`AND r.unit_kind = ${q.unitKind}`;
  const unitCol = q.scope.all ? sql.raw('r.org_unit_id') : sql.raw('o.id');
  const after =
    q.after === undefined
      ? sql``
      : sql`AND ${unitCol} >= ${q.after[0]}
            AND (${unitCol} > ${q.after[0]} OR r.unit_kind > ${q.after[1]})`;
  if (q.scope.all) {
    return sql`SELECT ${ROLLUP_COLUMNS}
      FROM rollups r CROSS JOIN org_units o
      WHERE r.tenant_id = ${t} AND r.cycle_id = ${q.cycleId} ${kind} ${after}
        AND o.tenant_id = ${t} AND o.id = r.org_unit_id
      ORDER BY r.org_unit_id, r.unit_kind
      LIMIT ${q.limit}`;
  }
  return sql`SELECT ${ROLLUP_COLUMNS}
    FROM org_units o CROSS JOIN rollups r
    WHERE o.tenant_id = ${t} AND ${pathWithin('o', q.scope.paths)} ${after}
      AND r.tenant_id = ${t} AND r.cycle_id = ${q.cycleId} AND r.org_unit_id = o.id ${kind}
    ORDER BY o.id, r.unit_kind
    LIMIT ${q.limit}`;
}

/**
 * GET /v1/cycles/{cycleId}/rollups: every rollup row of the cycle in the caller's subtrees (or
 * below `org_unit_id`), each unit kind and '*'. A subtree reader sees the rows of units inside
 * its subtrees only — an ancestor's row counts units it may not read.
 */
export async function listRollups({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    cycleId: string;
    orgUnitId?: string | undefined;
    unitKind?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  };
}) {
  const [cycle, scope] = await Promise.all([
    findCycle(ctx, input.cycleId),
    readScope(ctx, input.orgUnitId),
  ]);
  const after =
    input.cursor === undefined
      ? undefined
      : (decodeCursor(input.cursor, 2).map(String) as [string, string]);
  const rows = (await ctx.tdb.db.all(
    rollupsSql({
      tenantId: ctx.tdb.tenantId,
      cycleId: cycle.id,
      scope,
      unitKind: input.unitKind,
      after,
      limit: input.limit + 1,
    }),
  )) as RollupRowRaw[];
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor([last.org_unit_id, last.unit_kind]) : null;
  const body = { items: page.map(presentRollup), next_cursor: nextCursor };
  const etag = await readETag('rollups', body);
  return { etag, render: async () => JSON.stringify(body) };
}
