import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { readETag } from '../../lib/conditional.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { cycleNotFound } from '../cycles/errors.ts';
import { canReadCycles, findCycle } from '../cycles/versioned-write.ts';
import { pathWithin, type ReadScope, readScope } from './read-scope.ts';
import {
  cachedBody,
  listBody,
  SCORE_COLUMNS,
  type ScoreRow,
  type ScoreView,
  scoreItems,
} from './score-rows.ts';
import { withheldFor } from './scorecards.ts';

/** Full scorecards are ~20 KB of JSON each: a page holds at most this many. */
export const MAX_FULL_PAGE = 100;
export const MAX_SUMMARY_PAGE = 200;

export interface CurrentScoresInput {
  readonly cycleId: string;
  readonly orgUnitId?: string | undefined;
  readonly stage?: string | undefined;
  readonly packVersion?: string | undefined;
  readonly view: ScoreView;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

export interface CurrentScoresQuery {
  readonly tenantId: string;
  readonly cycleId: string;
  readonly scope: ReadScope;
  readonly stage?: string | undefined;
  readonly packVersion?: string | undefined;
  /** Rows strictly after (org unit id, stage). */
  readonly after?: readonly [string, string] | undefined;
  readonly limit: number;
}

type Row = ScoreRow & { status: string };

/**
 * The page query: current score pointers of a cycle, in (org unit id, stage) order, with their
 * snapshots and units — metadata only, the scorecards come after the ETag check. CROSS JOIN
 * fixes the loop order. The whole tenant walks `submissions_uq` (tenant, cycle, unit) in key
 * order and stops after `limit` rows; a subtree walks `org_units_path_idx` by path range and
 * sorts what it finds (a subtree is small next to a cycle; walking the cycle instead would read
 * all of it for a reviewer of one town). Every other table is reached by a unique key.
 */
export function currentScoresSql(q: CurrentScoresQuery): SQL {
  const t = q.tenantId;
  const stage = q.stage === undefined ? sql`` : sql`AND c.stage = ${q.stage}`;
  const version = q.packVersion === undefined ? sql`` : sql`AND ss.pack_version = ${q.packVersion}`;
  const unitCol = q.scope.all ? sql.raw('s.org_unit_id') : sql.raw('o.id');
  const after =
    q.after === undefined
      ? sql``
      : sql`AND ${unitCol} >= ${q.after[0]} AND (${unitCol} > ${q.after[0]} OR c.stage > ${q.after[1]})`;
  const rest = sql`
      AND c.tenant_id = ${t} AND c.submission_id = s.id ${stage}
      AND ss.seq = c.snapshot_seq AND ss.tenant_id = ${t} ${version}`;
  if (q.scope.all) {
    return sql`SELECT ${SCORE_COLUMNS}, s.status AS status
      FROM submissions s
      CROSS JOIN org_units o
      CROSS JOIN current_scores c
      CROSS JOIN score_snapshots ss
      WHERE s.tenant_id = ${t} AND s.cycle_id = ${q.cycleId} ${after}
        AND o.tenant_id = ${t} AND o.id = s.org_unit_id ${rest}
      ORDER BY s.org_unit_id, c.stage
      LIMIT ${q.limit}`;
  }
  return sql`SELECT ${SCORE_COLUMNS}, s.status AS status
    FROM org_units o
    CROSS JOIN submissions s
    CROSS JOIN current_scores c
    CROSS JOIN score_snapshots ss
    WHERE o.tenant_id = ${t} AND ${pathWithin('o', q.scope.paths)} ${after}
      AND s.tenant_id = ${t} AND s.cycle_id = ${q.cycleId} AND s.org_unit_id = o.id ${rest}
    ORDER BY o.id, c.stage
    LIMIT ${q.limit}`;
}

/**
 * GET /v1/scores: the current scorecard of each (unit, stage) of a cycle the caller may read,
 * filtered by subtree, stage and pack version. One D1 query reads the page's keys and totals
 * (the cycle itself is looked up only when the page is empty, to tell an unknown cycle from an
 * empty one); its ETag is computed before any scorecard is read, so a 304 reads and decodes
 * nothing more, and an answer this isolate already built is served as it was (read-cache.ts).
 * Otherwise one more query reads the scorecards not decoded yet, by primary key.
 */
export async function listCurrentScores({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CurrentScoresInput;
}) {
  if (!canReadCycles(ctx.principal)) throw cycleNotFound();
  const scope = await readScope(ctx, input.orgUnitId);
  const full = input.view === 'full';
  const limit = Math.min(input.limit, full ? MAX_FULL_PAGE : MAX_SUMMARY_PAGE);
  const after =
    input.cursor === undefined
      ? undefined
      : (decodeCursor(input.cursor, 2).map(String) as [string, string]);
  const rows = (await ctx.tdb.db.all(
    currentScoresSql({
      tenantId: ctx.tdb.tenantId,
      cycleId: input.cycleId,
      scope,
      stage: input.stage,
      packVersion: input.packVersion,
      after,
      limit: limit + 1,
    }),
  )) as Row[];
  if (rows.length === 0) await findCycle(ctx, input.cycleId);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor([last.org_unit_id, last.stage]) : null;
  const etag = await readETag('scores', input.view, withheldFor(ctx.principal), page, nextCursor);
  return {
    etag,
    render: () =>
      cachedBody(ctx.tdb.tenantId, etag, async () =>
        listBody(
          await scoreItems(ctx.tdb, ctx.principal, page, input.view, (r) => ({
            submission_status: r.status,
          })),
          { next_cursor: nextCursor },
        ),
      ),
  };
}
