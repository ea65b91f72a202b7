import { newId } from '@kaoping/db/ids';
import {
  type ChunkMessage,
  type PlanMessage,
  parseScoringMessage,
  type ScoringMessage,
} from '@kaoping/db/scoring-messages';
import { Sql, stmt } from '../d1.ts';
import type { SchedulerEnv } from '../env.ts';
import { afterScoring } from '../run/after-scoring.ts';
import { acquireLease, releaseLease } from '../run/lease.ts';
import { finishFannedOutRun } from '../scoring/chunk-writes.ts';
import { scoreRange } from '../scoring/commit.ts';
import { cycleContext, loadCycle, pinOf, samePin } from '../scoring/cycle-context.ts';
import { planCycle } from './fan-out.ts';

/** Retries back off exponentially: 2, 4, 8, … seconds, at most ten minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), 600);
}

export class PoisonMessage extends Error {
  constructor(body: unknown) {
    super(`not a scoring message: ${JSON.stringify(body)?.slice(0, 200)}`);
    this.name = 'PoisonMessage';
  }
}

function errorText(err: unknown): string {
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 1000);
}

async function chunkState(sql: Sql, runId: string, seq: number) {
  return await sql.first<{ status: string; replays: number }>(
    stmt('SELECT status, replays FROM scoring_chunks WHERE run_id = ? AND seq = ?', runId, seq),
  );
}

function supersede(runId: string, seq: number, replay: number, at: string, why: string) {
  return [
    stmt(
      `UPDATE scoring_chunks SET status = 'superseded', last_error = ?, updated_at = ?
       WHERE run_id = ? AND seq = ? AND status = 'queued' AND replays = ?`,
      why,
      at,
      runId,
      seq,
      replay,
    ),
    finishFannedOutRun(runId, at),
  ];
}

/**
 * One chunk: skipped when already done (a second delivery) or superseded by a replay; left
 * to the next run when its cycle changed since it was planned; otherwise its range is scored
 * under the pinned pack version. A pack or parameters that cannot be scored throw: the
 * message is retried with backoff and, in the end, dead-lettered.
 */
async function processChunk(sql: Sql, env: SchedulerEnv, message: ChunkMessage) {
  const state = await chunkState(sql, message.runId, message.seq);
  if (state && (state.status !== 'queued' || state.replays !== message.replay)) return;
  const cycle = await loadCycle(sql, message.tenantId, message.cycleId);
  const at = new Date().toISOString();
  if (!cycle || !samePin(pinOf(cycle), message.pin)) {
    // Stay on the version the run started with: a cycle that moved on is scored afresh by the
    // next run (every row it has is marked to score under the new epoch).
    await sql.batch(
      supersede(message.runId, message.seq, message.replay, at, 'cycle changed after planning'),
    );
    return;
  }
  const ctx = await cycleContext(sql, cycle, message.pin);
  const outcome = await scoreRange(sql, ctx, {
    after: message.after,
    through: message.through,
    chunkRows: env.knobs.SCORING_CHUNK_ROWS,
    finalCommit: true,
    mayContinue: () => true,
    progress: (_after, last) => ({
      kind: 'queued',
      runId: message.runId,
      seq: message.seq,
      replay: message.replay,
      last,
    }),
  });
  if (outcome.superseded) {
    await sql.batch(
      supersede(message.runId, message.seq, message.replay, at, 'cycle changed during scoring'),
    );
  }
}

/** A re-score's planning step (chunk 0): cut the cycle into chunks and send them. */
async function processPlan(sql: Sql, env: SchedulerEnv, message: PlanMessage) {
  const state = await chunkState(sql, message.runId, 0);
  if (state?.status !== 'queued' || state.replays !== message.replay) return;
  const at = new Date().toISOString();
  const cycle = await loadCycle(sql, message.tenantId, message.cycleId);
  if (!cycle) {
    await sql.batch(supersede(message.runId, 0, message.replay, at, 'cycle not found'));
    return;
  }
  let wholeCycle: boolean;
  try {
    wholeCycle = (await cycleContext(sql, cycle)).peerRelative;
  } catch {
    // Unscorable: one chunk, which the queue retries and dead-letters.
    wholeCycle = true;
  }
  await planCycle(sql, env.SCORING_QUEUE, {
    runId: message.runId,
    tenantId: cycle.tenant_id,
    cycleId: cycle.id,
    pin: pinOf(cycle),
    after: null,
    firstSeq: 1,
    chunkRows: env.knobs.SCORING_CHUNK_ROWS,
    wholeCycle,
    at,
    extra: (rows) => [
      stmt(
        `UPDATE scoring_chunks SET status = 'done', rows = ?, updated_at = ?
         WHERE run_id = ? AND seq = 0 AND status = 'queued' AND replays = ?`,
        rows,
        at,
        message.runId,
        message.replay,
      ),
      stmt(
        `UPDATE scoring_runs SET total = ?, heartbeat_at = ?, cursor = json_object('phase',
           'fanned-out', 'inline', json_object('done', 0, 'written', 0, 'errors', 0))
         WHERE id = ? AND status = 'running'`,
        rows,
        at,
        message.runId,
      ),
      finishFannedOutRun(message.runId, at),
    ],
  });
}

async function recordAttempt(sql: Sql, message: ScoringMessage, attempts: number, err: unknown) {
  await sql.run(
    stmt(
      `UPDATE scoring_chunks SET attempts = ?, last_error = ?, updated_at = ?
       WHERE run_id = ? AND seq = ? AND status = 'queued'`,
      attempts,
      errorText(err),
      new Date().toISOString(),
      message.runId,
      message.kind === 'chunk' ? message.seq : 0,
    ),
  );
}

/** Rollups and deadlines for runs this batch finished, if no one else holds the lease. */
export async function refreshFinishedRuns(
  sql: Sql,
  runIds: ReadonlySet<string>,
  rollupPageUnits: number,
) {
  if (runIds.size === 0) return;
  const done = await sql.all<{ id: string }>(
    stmt(
      `SELECT id FROM scoring_runs WHERE status = 'done' AND id IN (SELECT value FROM json_each(?))`,
      JSON.stringify([...runIds]),
    ),
  );
  if (done.length === 0) return;
  const lease = await acquireLease(sql, `lease_${newId('run').slice(4)}`, Date.now());
  if (!lease) return;
  try {
    await afterScoring(sql, lease, rollupPageUnits);
  } finally {
    await releaseLease(sql, lease).catch(() => undefined);
  }
}

/**
 * The scoring queue's consumer. Messages are handled one by one; each is acked when its work
 * committed, or retried with backoff — a failing message never holds up the others.
 */
export async function consumeScoring(
  batch: MessageBatch<unknown>,
  env: SchedulerEnv,
): Promise<void> {
  const sql = new Sql(env.DB, env.knobs.SCORING_QUERY_BUDGET);
  const runs = new Set<string>();
  for (const item of batch.messages) {
    const message = parseScoringMessage(item.body);
    try {
      if (!message) throw new PoisonMessage(item.body);
      if (message.kind === 'chunk') await processChunk(sql, env, message);
      else await processPlan(sql, env, message);
      runs.add(message.runId);
      item.ack();
    } catch (err) {
      if (message) await recordAttempt(sql, message, item.attempts, err).catch(() => undefined);
      item.retry({ delaySeconds: retryDelay(item.attempts) });
    }
  }
  await refreshFinishedRuns(sql, runs, env.knobs.ROLLUP_PAGE_UNITS).catch(() => undefined);
}
