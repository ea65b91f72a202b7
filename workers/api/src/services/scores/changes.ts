import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { readETag } from '../../lib/conditional.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { AppError } from '../../lib/problem.ts';
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

/**
 * The incremental pull: every move of a current-score pointer (`score_events`, written in the
 * same batch as the move) after the caller's cursor, oldest first. `score_events.seq` is an
 * AUTOINCREMENT key and D1 commits one writer at a time, so seq order is commit order: reading
 * "seq > cursor" again and again never skips a change and never repeats one, whatever the
 * scheduler writes between two pages. A score that returns to an earlier snapshot is a change
 * too (a new event), which a pull over snapshots alone would miss.
 *
 * The cursor carries the last seq handed out and the filters it was issued for. When the page
 * is the last one, the cursor moves to the log's end as the same statement saw it (its
 * high-water mark), so events the caller may not see are not read again on the next pull.
 */

export const MAX_FULL_CHANGES = 100;
export const MAX_SUMMARY_CHANGES = 200;

/**
 * Clocks of two scheduler invocations may differ (leases allow 2 minutes): `updated_since`
 * starts this much earlier, so it may repeat a few older changes but never skips one.
 */
export const UPDATED_SINCE_SLACK_MS = 10 * 60_000;

export interface ChangesInput {
  readonly cursor?: string | undefined;
  readonly updatedSince?: string | undefined;
  readonly cycleId?: string | undefined;
  readonly orgUnitId?: string | undefined;
  readonly view: ScoreView;
  readonly limit: number;
}

export interface ChangesQuery {
  readonly tenantId: string;
  readonly afterSeq: number;
  readonly cycleId?: string | undefined;
  readonly scope: ReadScope;
  readonly limit: number;
}

type ChangeRow = ScoreRow & { hwm: number | null; change_seq: number | null; changed_at: string };

/**
 * One statement, one consistent read: the log's end (`hwm`) and the page of visible events after
 * the cursor. The events come from score_events_feed_idx (tenant, seq) or, for one cycle,
 * score_events_cycle_idx (tenant, cycle, seq), in seq order; snapshots by primary key, units
 * by id.
 */
export function changesSql(q: ChangesQuery): SQL {
  const t = q.tenantId;
  const cycle = q.cycleId === undefined ? sql`` : sql`AND e.cycle_id = ${q.cycleId}`;
  const within = q.scope.all ? sql`` : sql`AND ${pathWithin('o', q.scope.paths)}`;
  return sql`WITH hw AS (SELECT max(seq) AS hwm FROM score_events WHERE tenant_id = ${t})
    SELECT hw.hwm AS hwm, page.* FROM hw LEFT JOIN (
      SELECT e.seq AS change_seq, e.at AS changed_at, ${SCORE_COLUMNS}
      FROM score_events e
      CROSS JOIN score_snapshots ss
      CROSS JOIN org_units o
      WHERE e.tenant_id = ${t} AND e.seq > ${q.afterSeq} ${cycle}
        AND ss.seq = e.snapshot_seq AND ss.tenant_id = ${t}
        AND o.tenant_id = ${t} AND o.id = e.org_unit_id ${within}
      ORDER BY e.seq
      LIMIT ${q.limit}
    ) page ON 1
    ORDER BY page.change_seq`;
}

/** The last event before `at` (by its time, then seq): one probe of score_events_at_idx. */
export function seqBeforeSql(tenantId: string, at: string): SQL {
  return sql`SELECT seq FROM score_events WHERE tenant_id = ${tenantId} AND at < ${at}
    ORDER BY at DESC, seq DESC LIMIT 1`;
}

const cursorForOtherFilters = () =>
  new AppError(
    'validation',
    {
      zh: '该游标是为另一组筛选条件签发的',
      en: 'The cursor was issued for other filters',
    },
    {
      errors: [
        {
          path: 'query.cursor',
          code: 'cursor_filters_differ',
          message: 'use the cursor with the cycle_id and org_unit_id it was issued for',
          message_zh: '请使用签发该游标时的 cycle_id 与 org_unit_id',
        },
      ],
    },
  );

const bothStarts = () =>
  new AppError(
    'validation',
    { zh: '请只给出 cursor 或 updated_since 之一', en: 'Give cursor or updated_since, not both' },
    {
      errors: [
        {
          path: 'query.updated_since',
          code: 'cursor_and_updated_since',
          message: 'not allowed together with cursor',
          message_zh: '不能与 cursor 同时使用',
        },
      ],
    },
  );

/** Where the pull starts: after the cursor's seq, or just before `updated_since`, or at 0. */
async function startSeq(ctx: ServiceContext, input: ChangesInput, filters: string[]) {
  if (input.cursor !== undefined) {
    if (input.updatedSince !== undefined) throw bothStarts();
    const [seq, ...issuedFor] = decodeCursor(input.cursor, 3);
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) throw cursorForOtherFilters();
    if (issuedFor.join('|') !== filters.join('|')) throw cursorForOtherFilters();
    return seq;
  }
  if (input.updatedSince === undefined) return 0;
  const at = new Date(Date.parse(input.updatedSince) - UPDATED_SINCE_SLACK_MS).toISOString();
  const [row] = (await ctx.tdb.db.all(seqBeforeSql(ctx.tdb.tenantId, at))) as { seq: number }[];
  return row?.seq ?? 0;
}

/** GET /v1/scores/changes. */
export async function listScoreChanges({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChangesInput;
}) {
  if (!canReadCycles(ctx.principal)) throw cycleNotFound();
  const scope = await readScope(ctx, input.orgUnitId);
  const filters = [input.cycleId ?? '', input.orgUnitId ?? ''];
  const after = await startSeq(ctx, input, filters);
  const full = input.view === 'full';
  const limit = Math.min(input.limit, full ? MAX_FULL_CHANGES : MAX_SUMMARY_CHANGES);
  const rows = (await ctx.tdb.db.all(
    changesSql({
      tenantId: ctx.tdb.tenantId,
      afterSeq: after,
      cycleId: input.cycleId,
      scope,
      limit: limit + 1,
    }),
  )) as ChangeRow[];
  const hwm = rows[0]?.hwm ?? 0;
  const visible = rows.filter((r) => r.change_seq !== null);
  // An unknown cycle reads as an empty feed: say which it is (404), only when it is empty.
  if (visible.length === 0 && input.cycleId !== undefined) await findCycle(ctx, input.cycleId);
  const page = visible.slice(0, limit);
  const hasMore = visible.length > limit;
  const nextSeq = hasMore ? (page.at(-1)?.change_seq as number) : Math.max(after, hwm);
  const nextCursor = encodeCursor([nextSeq, ...filters]);
  const etag = await readETag('changes', input.view, withheldFor(ctx.principal), page, nextCursor);
  return {
    etag,
    render: () =>
      cachedBody(ctx.tdb.tenantId, etag, async () =>
        listBody(
          await scoreItems(ctx.tdb, ctx.principal, page, input.view, (r) => ({
            change_seq: r.change_seq,
            changed_at: r.changed_at,
          })),
          { next_cursor: nextCursor, has_more: hasMore },
        ),
      ),
  };
}
