import type { ChunkMessage, CyclePin, ScoringQueue, StageKey } from '@kaoping/db/scoring-messages';
import { type Sql, type Statement, stmt } from '../d1.ts';
import { finishFannedOutRun } from '../scoring/chunk-writes.ts';
import { readDirtyKeys } from '../scoring/read-rows.ts';

/** Keys read per query while cutting a cycle into chunks (index only). */
const KEYS_PAGE = 5000;
/** Queue.sendBatch takes at most 100 messages (and 256 KB) per call. */
const SEND_BATCH = 100;

export interface PlannedCycle {
  readonly chunks: number;
  readonly rows: number;
  readonly nextSeq: number;
}

/**
 * Cuts a cycle's rows to score (after `after`) into key ranges of `chunkRows`, records each as a
 * scoring_chunks row (so a second delivery, a dead letter and progress can be traced), then
 * sends one message per chunk. The last range is open-ended: rows added meanwhile are in it.
 * A peer-relative pack is one chunk: its stages are scored whole.
 */
export async function planCycle(
  sql: Sql,
  queue: ScoringQueue,
  plan: {
    readonly runId: string;
    readonly tenantId: string;
    readonly cycleId: string;
    readonly pin: CyclePin;
    readonly after: StageKey | null;
    readonly firstSeq: number;
    readonly chunkRows: number;
    readonly wholeCycle: boolean;
    readonly at: string;
    /** Statements for the same batch as the chunk rows, given the rows planned. */
    readonly extra?: (rows: number) => Statement[];
  },
): Promise<PlannedCycle> {
  const messages: { message: ChunkMessage; rows: number }[] = [];
  let seq = plan.firstSeq;
  const chunk = (after: StageKey | null, through: StageKey | null, rows: number) => {
    messages.push({
      message: {
        kind: 'chunk',
        runId: plan.runId,
        seq: seq++,
        tenantId: plan.tenantId,
        cycleId: plan.cycleId,
        pin: plan.pin,
        after,
        through,
        replay: 0,
      },
      rows,
    });
  };
  let total = 0;
  if (plan.wholeCycle) {
    const keys = await readDirtyKeys(sql, plan.tenantId, plan.cycleId, null, KEYS_PAGE);
    total = keys.length;
    chunk(null, null, total);
  } else {
    let after = plan.after;
    let start = plan.after;
    let inChunk = 0;
    for (;;) {
      const keys = await readDirtyKeys(sql, plan.tenantId, plan.cycleId, after, KEYS_PAGE);
      for (const key of keys) {
        inChunk += 1;
        total += 1;
        if (inChunk === plan.chunkRows) {
          chunk(start, key, inChunk);
          start = key;
          inChunk = 0;
        }
        after = key;
      }
      if (keys.length < KEYS_PAGE) break;
    }
    if (inChunk > 0) chunk(start, null, inChunk);
    else if (messages.length > 0) {
      // Leave the last range open so rows added after planning are not orphaned.
      const last = messages[messages.length - 1] as { message: ChunkMessage; rows: number };
      last.message = { ...last.message, through: null };
    }
  }
  const extra = plan.extra?.(total) ?? [];
  if (messages.length === 0) {
    await sql.batch(extra);
    return { chunks: 0, rows: 0, nextSeq: seq };
  }

  const rows = JSON.stringify(messages.map((m) => [m.message.seq, m.message, m.rows]));
  await sql.batch([
    stmt(
      `INSERT OR IGNORE INTO scoring_chunks (run_id, seq, tenant_id, cycle_id, message, rows,
         status, created_at, updated_at)
       SELECT ?, json_extract(value, '$[0]'), ?, ?, json_extract(value, '$[1]'),
         json_extract(value, '$[2]'), 'queued', ?, ? FROM json_each(?)`,
      plan.runId,
      plan.tenantId,
      plan.cycleId,
      plan.at,
      plan.at,
      rows,
    ),
    ...extra,
  ]);
  try {
    for (let i = 0; i < messages.length; i += SEND_BATCH) {
      await queue.sendBatch(messages.slice(i, i + SEND_BATCH).map((m) => ({ body: m.message })));
    }
  } catch (err) {
    // Not sent: the chunks will never be delivered. Their rows stay dirty for the next run.
    await sql.batch([
      stmt(
        `UPDATE scoring_chunks SET status = 'superseded', last_error = ?, updated_at = ?
         WHERE run_id = ? AND seq >= ? AND seq < ? AND status = 'queued'`,
        `send failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 1000),
        plan.at,
        plan.runId,
        plan.firstSeq,
        seq,
      ),
      finishFannedOutRun(plan.runId, plan.at),
    ]);
    throw err;
  }
  return { chunks: messages.length, rows: total, nextSeq: seq };
}
