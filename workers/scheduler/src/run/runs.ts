import { newId } from '@kaoping/db/ids';
import { type Sql, stmt } from '../d1.ts';
import { finishFannedOutRun } from '../scoring/chunk-writes.ts';
import { CLOCK_SKEW_MS, LEASE_TTL_MS } from './lease.ts';

/**
 * scoring_runs rows: one per cron tick that found work (unique on trigger + scheduled time, so
 * a tick delivered twice runs once), per on-demand re-score, and their progress. A run whose
 * Worker died (no heartbeat for a lease's lifetime) is adopted by the next tick and finished
 * under its own id; the dirty flags tell it what is left.
 */

export interface RunRow {
  readonly id: string;
  readonly trigger: string;
  readonly scheduled_time: string | null;
  readonly status: string;
  readonly total: number;
  readonly done: number;
  readonly written: number;
  readonly errors: number;
  readonly cursor: string | null;
}

/** Queued chunks untouched this long were lost (never delivered, tried nor dead-lettered). */
export const CHUNK_LOST_MS = 60 * 60_000;

export function stalledBefore(nowMs: number): string {
  return new Date(nowMs - LEASE_TTL_MS - CLOCK_SKEW_MS).toISOString();
}

const RUN_COLUMNS = 'id, trigger, scheduled_time, status, total, done, written, errors, cursor';

/**
 * The run for a cron tick (the caller holds the lease): a run that died mid-way is adopted;
 * otherwise a new one keyed by the scheduled time. Null: this tick already ran.
 */
export async function openCronRun(
  sql: Sql,
  scheduledIso: string,
  nowMs: number,
): Promise<{ run: RunRow; adopted: boolean } | null> {
  const at = new Date(nowMs).toISOString();
  const existing = await sql.first<RunRow>(
    stmt(
      `SELECT ${RUN_COLUMNS} FROM scoring_runs WHERE trigger = 'cron' AND scheduled_time = ?`,
      scheduledIso,
    ),
  );
  if (existing && existing.status !== 'running') return null;
  const stalled = await sql.all<RunRow>(
    stmt(
      `SELECT ${RUN_COLUMNS} FROM scoring_runs r
       WHERE r.status = 'running' AND r.heartbeat_at < ? AND r.trigger = 'cron'
         AND NOT EXISTS (SELECT 1 FROM scoring_chunks c WHERE c.run_id = r.id)
       ORDER BY r.started_at DESC`,
      stalledBefore(nowMs),
    ),
  );
  const [adopt, ...older] = stalled;
  if (adopt) {
    await sql.batch([
      stmt(
        `UPDATE scoring_runs SET heartbeat_at = ? WHERE id = ? AND status = 'running'`,
        at,
        adopt.id,
      ),
      ...older.map((r) =>
        stmt(
          `UPDATE scoring_runs SET status = 'failed', finished_at = ?, last_error = ?
           WHERE id = ? AND status = 'running'`,
          at,
          `stopped; its work was finished by run ${adopt.id}`,
          r.id,
        ),
      ),
    ]);
    return { run: adopt, adopted: true };
  }
  if (existing) return null;
  const created = await sql.first<RunRow>(
    stmt(
      `INSERT INTO scoring_runs (id, trigger, scheduled_time, status, started_at, heartbeat_at)
       VALUES (?, 'cron', ?, 'running', ?, ?)
       ON CONFLICT (trigger, scheduled_time) DO NOTHING
       RETURNING ${RUN_COLUMNS}`,
      newId('run'),
      scheduledIso,
      at,
      at,
    ),
  );
  return created ? { run: created, adopted: false } : null;
}

/**
 * Fanned-out runs whose queued chunks were never delivered nor dead-lettered (lost) are
 * closed, so their cycles are planned again by the next tick.
 */
export async function closeLostChunks(sql: Sql, nowMs: number): Promise<number> {
  const at = new Date(nowMs).toISOString();
  const lostBefore = new Date(nowMs - CHUNK_LOST_MS).toISOString();
  const runs = await sql.all<{ run_id: string }>(
    stmt(
      `SELECT DISTINCT run_id FROM scoring_chunks WHERE status = 'queued' AND updated_at < ?`,
      lostBefore,
    ),
  );
  if (runs.length === 0) return 0;
  await sql.batch([
    stmt(
      `UPDATE scoring_chunks SET status = 'superseded', last_error = 'lost: never delivered',
         updated_at = ? WHERE status = 'queued' AND updated_at < ?`,
      at,
      lostBefore,
    ),
    ...runs.map((r) => finishFannedOutRun(r.run_id, at)),
  ]);
  return runs.length;
}

/**
 * Fanned-out runs whose Worker stopped before it said planning was over, once none of their
 * chunks is queued any more: closed with what their chunks did.
 */
export async function closeSettledRuns(sql: Sql, nowMs: number): Promise<void> {
  const at = new Date(nowMs).toISOString();
  const settled = await sql.all<{ id: string }>(
    stmt(
      `SELECT r.id FROM scoring_runs r
       WHERE r.status = 'running' AND r.heartbeat_at < ?
         AND EXISTS (SELECT 1 FROM scoring_chunks c WHERE c.run_id = r.id)
         AND NOT EXISTS (SELECT 1 FROM scoring_chunks c WHERE c.run_id = r.id
                         AND c.status = 'queued')`,
      stalledBefore(nowMs),
    ),
  );
  if (settled.length === 0) return;
  await sql.batch(
    settled.flatMap((r) => [
      stmt(
        `UPDATE scoring_runs SET cursor = json_object('phase', 'fanned-out', 'inline',
           json_object('done', done, 'written', written, 'errors', errors))
         WHERE id = ? AND status = 'running'
           AND coalesce(json_extract(cursor, '$.phase'), '') <> 'fanned-out'`,
        r.id,
      ),
      finishFannedOutRun(r.id, at),
    ]),
  );
}

/**
 * Inline runs whose Worker stopped when nothing was left to do (no rows to score, no rollups,
 * no deadlines): their work is complete, so they are closed as done.
 */
export async function closeStalledRuns(sql: Sql, nowMs: number): Promise<void> {
  const at = new Date(nowMs).toISOString();
  await sql.run(
    stmt(
      `UPDATE scoring_runs SET status = 'done', finished_at = ?,
         last_error = 'the Worker stopped after its work; closed by a later tick'
       WHERE status = 'running' AND heartbeat_at < ? AND NOT EXISTS (
         SELECT 1 FROM scoring_chunks c WHERE c.run_id = scoring_runs.id)`,
      at,
      stalledBefore(nowMs),
    ),
  );
}

/** Ends an inline run, or hands a fanned-out one over to its chunks. */
export async function closeRun(
  sql: Sql,
  runId: string,
  fannedOut: boolean,
  nowMs: number,
): Promise<void> {
  const at = new Date(nowMs).toISOString();
  if (!fannedOut) {
    await sql.run(
      stmt(
        `UPDATE scoring_runs SET status = 'done', finished_at = ?, heartbeat_at = ?, cursor = NULL
         WHERE id = ? AND status = 'running'`,
        at,
        at,
        runId,
      ),
    );
    return;
  }
  await sql.batch([
    stmt(
      `UPDATE scoring_runs SET heartbeat_at = ?, cursor = json_object('phase', 'fanned-out',
         'inline', json_object('done', done, 'written', written, 'errors', errors))
       WHERE id = ? AND status = 'running'`,
      at,
      runId,
    ),
    finishFannedOutRun(runId, at),
  ]);
}

export async function failRun(sql: Sql, runId: string, error: unknown, nowMs: number) {
  const at = new Date(nowMs).toISOString();
  await sql.run(
    stmt(
      `UPDATE scoring_runs SET status = 'failed', finished_at = ?, heartbeat_at = ?,
         last_error = ?, errors = errors + 1 WHERE id = ? AND status = 'running'`,
      at,
      at,
      (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000),
      runId,
    ),
  );
}
