import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { readETag } from '../../lib/conditional.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { findCycle } from '../cycles/versioned-write.ts';
import { pathWithin, type ReadScope, readScope } from '../scores/read-scope.ts';

/** The org_unit_id of a cycle-level flag (the cycle as a whole missed a milestone). */
export const CYCLE_FLAG = '*';

export type FlagStatus = 'open' | 'resolved' | 'all';

export interface FlagsQuery {
  readonly tenantId: string;
  readonly cycleId: string;
  readonly scope: ReadScope;
  readonly status: FlagStatus;
  readonly milestoneId?: string | undefined;
  /** Rows strictly after (milestone id, org unit id, due at). */
  readonly after?: readonly [string, string, string] | undefined;
  readonly limit: number;
}

interface FlagRow {
  milestone_id: string;
  org_unit_id: string;
  due_at: string;
  flagged_at: string;
  resolved_at: string | null;
  milestone_type: string;
  milestone_title: string;
  unit_name: string | null;
  unit_kind: string | null;
}

/**
 * The cycle's flags in (milestone, unit, occurrence) order: deadline_flags_uq (tenant,
 * milestone, unit, due_at) walked for each of the cycle's milestones in id order (their ids
 * from milestones_cycle_idx), the milestone and the unit by id. Cycle-level flags ('*') only for whole-tenant readers; a subtree reader's
 * flags are those of units inside its subtrees.
 */
export function flagsSql(q: FlagsQuery): SQL {
  const t = q.tenantId;
  const status =
    q.status === 'open'
      ? sql`AND f.resolved_at IS NULL`
      : q.status === 'resolved'
        ? sql`AND f.resolved_at IS NOT NULL`
        : sql``;
  const milestone = q.milestoneId === undefined ? sql`` : sql`AND id = ${q.milestoneId}`;
  const scope = q.scope.all
    ? sql``
    : sql`AND f.org_unit_id <> ${CYCLE_FLAG} AND ${pathWithin('o', q.scope.paths)}`;
  const after =
    q.after === undefined
      ? sql``
      : sql`AND f.milestone_id >= ${q.after[0]} AND (f.milestone_id > ${q.after[0]}
              OR f.org_unit_id > ${q.after[1]}
              OR (f.org_unit_id = ${q.after[1]} AND f.due_at > ${q.after[2]}))`;
  return sql`SELECT f.milestone_id AS milestone_id, f.org_unit_id AS org_unit_id,
      f.due_at AS due_at, f.flagged_at AS flagged_at, f.resolved_at AS resolved_at,
      m.kind AS milestone_type, m.title AS milestone_title,
      o.name AS unit_name, o.kind AS unit_kind
    FROM deadline_flags f
    CROSS JOIN milestones m
    LEFT JOIN org_units o ON o.tenant_id = f.tenant_id AND o.id = f.org_unit_id
    WHERE f.tenant_id = ${t}
      AND f.milestone_id IN (SELECT id FROM milestones
        WHERE tenant_id = ${t} AND cycle_id = ${q.cycleId} ${milestone})
      ${status} ${after} ${scope}
      AND m.id = f.milestone_id AND m.tenant_id = ${t}
    ORDER BY f.milestone_id, f.org_unit_id, f.due_at
    LIMIT ${q.limit}`;
}

function present(r: FlagRow) {
  const cycleLevel = r.org_unit_id === CYCLE_FLAG;
  return {
    milestone: {
      id: r.milestone_id,
      type: r.milestone_type,
      title: JSON.parse(r.milestone_title) as { zh: string; en: string },
    },
    level: cycleLevel ? ('cycle' as const) : ('unit' as const),
    org_unit: cycleLevel
      ? null
      : { id: r.org_unit_id, name: r.unit_name ?? '', kind: r.unit_kind ?? '' },
    due_at: r.due_at,
    flagged_at: r.flagged_at,
    resolved_at: r.resolved_at,
    open: r.resolved_at === null,
  };
}

/**
 * GET /v1/cycles/{cycleId}/deadline-flags: milestones past due without the step done, per unit
 * (and for the cycle as a whole), as the scheduler's deadline sweep raised and resolved them.
 */
export async function listDeadlineFlags({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    cycleId: string;
    orgUnitId?: string | undefined;
    milestoneId?: string | undefined;
    status: FlagStatus;
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
      : (decodeCursor(input.cursor, 3).map(String) as [string, string, string]);
  const rows = (await ctx.tdb.db.all(
    flagsSql({
      tenantId: ctx.tdb.tenantId,
      cycleId: cycle.id,
      scope,
      status: input.status,
      milestoneId: input.milestoneId,
      after,
      limit: input.limit + 1,
    }),
  )) as FlagRow[];
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor([last.milestone_id, last.org_unit_id, last.due_at])
      : null;
  const body = { items: page.map(present), next_cursor: nextCursor };
  const etag = await readETag('deadline-flags', body);
  return { etag, render: async () => JSON.stringify(body) };
}
