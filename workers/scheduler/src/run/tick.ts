import { newId } from '@kaoping/db/ids';
import type { StageKey } from '@kaoping/db/scoring-messages';
import { Sql, stmt } from '../d1.ts';
import { DUE_MILESTONES } from '../deadlines/sweep.ts';
import type { SchedulerEnv } from '../env.ts';
import { planCycle } from '../queue/fan-out.ts';
import { scoreRange } from '../scoring/commit.ts';
import { cycleContext, loadCycle, pinOf } from '../scoring/cycle-context.ts';
import { afterScoring } from './after-scoring.ts';
import { acquireLease, releaseLease } from './lease.ts';
import {
  closeLostChunks,
  closeRun,
  closeSettledRuns,
  closeStalledRuns,
  failRun,
  openCronRun,
  stalledBefore,
} from './runs.ts';

/** Queries one chunk takes: its read and its batch (measured; docs/ARCHITECTURE.md). */
export const QUERIES_PER_CHUNK = 12;
/** Kept back for planning what is left, rollups, deadline flags and closing the run. */
const RESERVE_QUERIES = 120;

export interface TickOutcome {
  readonly outcome: 'idle' | 'lease-held' | 'duplicate' | 'housekeeping' | 'ran';
  readonly runId?: string;
  /** Stage rows scored in this invocation. */
  readonly scored: number;
  /** Chunks sent to the queue. */
  readonly chunks: number;
  /** Cycles whose rollups were refreshed; how many of them whole. */
  readonly rollups: number;
  readonly fullRollups: number;
  /** Deadline flags raised; flags resolved. */
  readonly flagged: number;
  readonly resolved: number;
  /** D1 queries this invocation made. */
  readonly queries: number;
}

/**
 * Is there anything to do? Four index probes in one query; on an idle tick each finds nothing,
 * so the tick reads next to nothing and writes nothing.
 */
const WORK_PROBE = `SELECT
  EXISTS (SELECT 1 FROM submission_stages WHERE dirty = 1) AS dirty,
  EXISTS (SELECT 1 FROM rollup_contributions WHERE stale > 0) AS stale,
  EXISTS (SELECT 1 FROM (${DUE_MILESTONES})) AS due,
  EXISTS (SELECT 1 FROM scoring_runs WHERE status = 'running' AND heartbeat_at < ?2) AS stalled`;

interface Probe {
  dirty: number;
  stale: number;
  due: number;
  stalled: number;
}

/**
 * One cron tick: find the work, take the lease, open (or adopt) the run, score what fits in
 * this invocation chunk by chunk and send the rest to the queue, then refresh rollups and
 * deadline flags. Throws only what it cannot record (the run is then marked failed, or — if
 * the Worker itself died — adopted by the next tick).
 */
export async function tick(env: SchedulerEnv, scheduledTime: number): Promise<TickOutcome> {
  const sql = new Sql(env.DB, env.knobs.SCORING_QUERY_BUDGET);
  const nowMs = Date.now();
  const none = { scored: 0, chunks: 0, rollups: 0, fullRollups: 0, flagged: 0, resolved: 0 };
  const probe = await sql.first<Probe>(
    stmt(WORK_PROBE, new Date(nowMs).toISOString(), stalledBefore(nowMs)),
  );
  if (!probe || !(probe.dirty || probe.stale || probe.due || probe.stalled)) {
    return { outcome: 'idle', ...none, queries: sql.used };
  }
  const lease = await acquireLease(sql, `lease_${newId('run').slice(4)}`, nowMs);
  if (!lease) return { outcome: 'lease-held', ...none, queries: sql.used };
  // Cleanup must work even when the budget is spent.
  const cleanup = new Sql(env.DB, Number.POSITIVE_INFINITY);
  let runId: string | undefined;
  try {
    if (probe.stalled) {
      await closeLostChunks(sql, nowMs);
      await closeSettledRuns(sql, nowMs);
    }
    if (!(probe.dirty || probe.stale || probe.due)) {
      if (probe.stalled) await closeStalledRuns(sql, nowMs);
      return { outcome: 'housekeeping', ...none, queries: sql.used };
    }
    const opened = await openCronRun(sql, new Date(scheduledTime).toISOString(), nowMs);
    if (!opened) return { outcome: 'duplicate', ...none, queries: sql.used };
    runId = opened.run.id;
    const scoring = probe.dirty
      ? await scoreDirtyCycles(sql, env, runId, lease)
      : { scored: 0, chunks: 0 };
    const after = await afterScoring(sql, lease, env.knobs.ROLLUP_PAGE_UNITS);
    await closeRun(cleanup, runId, scoring.chunks > 0, Date.now());
    return {
      outcome: 'ran',
      runId,
      scored: scoring.scored,
      chunks: scoring.chunks,
      rollups: after.rollups,
      fullRollups: after.fullRollups,
      flagged: after.flagged,
      resolved: after.resolved,
      queries: sql.used + cleanup.used,
    };
  } catch (err) {
    const failed = runId;
    if (failed) await retried(() => failRun(cleanup, failed, err, Date.now()));
    throw err;
  } finally {
    await retried(() => releaseLease(cleanup, lease));
  }
}

/**
 * Cleanup writes are idempotent: a transient D1 error gets two more tries with backoff, so
 * one failed statement does not leave a lease blocking the next tick. Beyond that the lease
 * simply expires.
 */
async function retried(write: () => Promise<void>): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await write();
      return;
    } catch {
      if (attempt < 2) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    }
  }
}

async function scoreDirtyCycles(
  sql: Sql,
  env: SchedulerEnv,
  runId: string,
  lease: { name: string; owner: string },
): Promise<{ scored: number; chunks: number }> {
  const { SCORING_CHUNK_ROWS: chunkRows, SCORING_INLINE_MAX_ROWS: inlineMax } = env.knobs;
  // Cycles with rows to score, except those a fan-out is still working through.
  const cycles = await sql.all<{ tenant_id: string; cycle_id: string; n: number }>(
    stmt(
      `SELECT d.tenant_id, d.cycle_id, count(*) AS n FROM submission_stages d
       WHERE d.dirty = 1 AND NOT EXISTS (
         SELECT 1 FROM scoring_chunks c WHERE c.tenant_id = d.tenant_id
           AND c.cycle_id = d.cycle_id AND c.status = 'queued')
       GROUP BY d.tenant_id, d.cycle_id ORDER BY d.tenant_id, d.cycle_id`,
    ),
  );
  if (cycles.length === 0) return { scored: 0, chunks: 0 };
  await sql.run(
    stmt(
      'UPDATE scoring_runs SET total = max(total, ?) WHERE id = ?',
      cycles.reduce((sum, c) => sum + c.n, 0),
      runId,
    ),
  );
  const seqRow = await sql.first<{ next: number }>(
    stmt('SELECT coalesce(max(seq), 0) + 1 AS next FROM scoring_chunks WHERE run_id = ?', runId),
  );
  let seq = seqRow?.next ?? 1;
  let inlineLeft = inlineMax;
  let scored = 0;
  let chunks = 0;

  for (const entry of cycles) {
    const cycle = await loadCycle(sql, entry.tenant_id, entry.cycle_id);
    if (!cycle) {
      // Rows of a cycle that no longer exists can never be scored: quarantine them.
      await sql.run(
        stmt(
          `UPDATE submission_stages SET dirty = 2 WHERE tenant_id = ? AND cycle_id = ? AND dirty = 1`,
          entry.tenant_id,
          entry.cycle_id,
        ),
      );
      continue;
    }
    const fanOut = async (after: StageKey | null, wholeCycle: boolean) => {
      const planned = await planCycle(sql, env.SCORING_QUEUE, {
        runId,
        tenantId: cycle.tenant_id,
        cycleId: cycle.id,
        pin: pinOf(cycle),
        after,
        firstSeq: seq,
        chunkRows,
        wholeCycle,
        at: new Date().toISOString(),
      });
      seq = planned.nextSeq;
      chunks += planned.chunks;
    };
    const budgetFor = (rows: number) =>
      sql.left - RESERVE_QUERIES - Math.ceil(rows / chunkRows) * QUERIES_PER_CHUNK >= 0;
    if (entry.n > inlineLeft || !budgetFor(entry.n)) {
      await fanOut(null, false);
      continue;
    }
    let ctx: Awaited<ReturnType<typeof cycleContext>>;
    try {
      ctx = await cycleContext(sql, cycle);
    } catch {
      // The cycle cannot be scored at all (its pack or parameters): the queue retries it with
      // backoff and, if it keeps failing, dead-letters it where an admin sees and replays it.
      await fanOut(null, true);
      continue;
    }
    const outcome = await scoreRange(sql, ctx, {
      after: null,
      through: null,
      chunkRows,
      finalCommit: false,
      mayContinue: () => inlineLeft > 0 && budgetFor(chunkRows),
      progress: (after) => ({
        kind: 'inline',
        runId,
        lease,
        cursor: JSON.stringify({ phase: 'scoring', cycleId: cycle.id, after }),
      }),
    });
    scored += outcome.handled;
    inlineLeft -= outcome.handled;
    if (!outcome.finished && !outcome.superseded) await fanOut(outcome.after, ctx.peerRelative);
  }
  return { scored, chunks };
}
