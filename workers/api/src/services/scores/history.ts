import { orgUnits } from '@kaoping/db/schema';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { canReadUnit, requireScope } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { readETag } from '../../lib/conditional.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { presentLineage, unitLineage } from '../org-lineage/lineage.ts';
import { unitNotFound } from '../org-units/errors.ts';
import {
  cachedBody,
  listBody,
  SCORE_COLUMNS,
  type ScoreRow,
  type ScoreView,
  scoreItems,
} from './score-rows.ts';
import { withheldFor } from './scorecards.ts';

export const MAX_FULL_HISTORY = 100;
export const MAX_SUMMARY_HISTORY = 200;

export interface HistoryQuery {
  readonly tenantId: string;
  readonly unitIds: readonly string[];
  readonly afterSeq: number;
  readonly cycleId?: string | undefined;
  readonly stage?: string | undefined;
  readonly limit: number;
}

type HistoryRow = ScoreRow & {
  cycle_name: string;
  period_start: string;
  period_end: string;
  is_current: number | null;
};

/**
 * Every snapshot of the units, oldest first: score_snapshots_unit_idx (tenant, unit, seq) for
 * each unit — by name, since SQLite would otherwise walk the tenant's (or the cycle's) whole
 * seq index to avoid sorting a unit's few snapshots — then the cycle and the unit by key, and
 * the current pointer to say which one is current.
 */
export function historySql(q: HistoryQuery): SQL {
  const t = q.tenantId;
  const cycle = q.cycleId === undefined ? sql`` : sql`AND ss.cycle_id = ${q.cycleId}`;
  const stage = q.stage === undefined ? sql`` : sql`AND ss.stage = ${q.stage}`;
  return sql`SELECT ${SCORE_COLUMNS}, cy.name AS cycle_name, cy.period_start AS period_start,
      cy.period_end AS period_end, c.snapshot_seq = ss.seq AS is_current
    FROM score_snapshots ss INDEXED BY score_snapshots_unit_idx
    CROSS JOIN org_units o
    CROSS JOIN cycles cy
    LEFT JOIN current_scores c ON c.tenant_id = ss.tenant_id
      AND c.submission_id = ss.submission_id AND c.stage = ss.stage
    WHERE ss.tenant_id = ${t}
      AND ss.org_unit_id IN (SELECT value FROM json_each(${JSON.stringify(q.unitIds)}))
      AND ss.seq > ${q.afterSeq} ${cycle} ${stage}
      AND o.tenant_id = ${t} AND o.id = ss.org_unit_id
      AND cy.tenant_id = ${t} AND cy.id = ss.cycle_id
    ORDER BY ss.seq
    LIMIT ${q.limit}`;
}

/**
 * GET /v1/org-units/{unitId}/scores: a unit's scores over time — every snapshot of every cycle
 * and stage, across pack versions — following its lineage (区划调整): the snapshots of the units
 * it came from or turned into are listed with its own, each under the unit it was taken for.
 */
export async function unitScoreHistory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    unitId: string;
    cycleId?: string | undefined;
    stage?: string | undefined;
    view: ScoreView;
    cursor?: string | undefined;
    limit: number;
  };
}) {
  const { tdb, principal } = ctx;
  requireScope(principal, 'scores:read');
  const unit = await tdb.first(orgUnits, eq(orgUnits.id, input.unitId));
  if (!unit || !canReadUnit(principal, unit.path)) throw unitNotFound();
  const lineage = await unitLineage(tdb, unit.id);
  let unitIds = [unit.id];
  if (lineage.unitIds.length > 1) {
    const related = await tdb.db
      .select({ id: orgUnits.id, path: orgUnits.path })
      .from(orgUnits)
      .where(tdb.where(orgUnits, inArray(orgUnits.id, lineage.unitIds)));
    unitIds = related.filter((u) => canReadUnit(principal, u.path)).map((u) => u.id);
  }
  const limit = Math.min(
    input.limit,
    input.view === 'full' ? MAX_FULL_HISTORY : MAX_SUMMARY_HISTORY,
  );
  const afterSeq = input.cursor === undefined ? 0 : Number(decodeCursor(input.cursor, 1)[0]) || 0;
  const rows = (await tdb.db.all(
    historySql({
      tenantId: tdb.tenantId,
      unitIds,
      afterSeq,
      cycleId: input.cycleId,
      stage: input.stage,
      limit: limit + 1,
    }),
  )) as HistoryRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor([last.seq]) : null;
  const edges = lineage.edges
    .filter((e) => unitIds.includes(e.fromUnitId) && unitIds.includes(e.toUnitId))
    .map(presentLineage);
  const etag = await readETag(
    'history',
    input.view,
    withheldFor(principal),
    page,
    nextCursor,
    unitIds,
    edges,
  );
  return {
    etag,
    render: () =>
      cachedBody(tdb.tenantId, etag, async () =>
        listBody(
          await scoreItems(tdb, principal, page, input.view, (r) => ({
            current: r.is_current === 1,
            cycle: {
              id: r.cycle_id,
              name: r.cycle_name,
              period_start: r.period_start,
              period_end: r.period_end,
            },
          })),
          { next_cursor: nextCursor, lineage: { unit_ids: unitIds, changes: edges } },
        ),
      ),
  };
}
