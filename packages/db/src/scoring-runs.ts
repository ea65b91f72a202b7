import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { newId } from './ids.ts';
import {
  cycles,
  deadLetters,
  scoringChunks,
  scoringRunCycles,
  scoringRuns,
  submissionStages,
} from './schema.ts';
import {
  type ChunkMessage,
  type PlanMessage,
  parseScoringMessage,
  type ScoringMessage,
  type ScoringQueue,
  stageKeyRange,
} from './scoring-messages.ts';
import { DIRTY } from './scoring-work.ts';
import type { TenantDb } from './tenant-db.ts';

/**
 * What the API offers admins about scoring (issue 7's "on demand"): re-score a cycle now, see
 * runs and their progress, see what died in the dead-letter queue and replay it. The API
 * passes its producer binding for the scoring queue (`[[queues.producers]]` binding
 * SCORING_QUEUE, queue "kaoping-scoring"); the scheduler worker does the work.
 */

export type RunStatus = 'running' | 'done' | 'failed';

export interface RunView {
  readonly id: string;
  readonly cycleId: string | null;
  readonly trigger: 'cron' | 'manual' | 'queue';
  readonly status: RunStatus;
  /** Stage rows the run set out to score, and how many it has handled. */
  readonly total: number;
  readonly done: number;
  /** New snapshots written. */
  readonly written: number;
  readonly errors: number;
  readonly lastError: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** Queue chunks by status (fanned-out runs). */
  readonly chunks: Record<string, number>;
}

type RunRow = typeof scoringRuns.$inferSelect;

function inlineDone(cursor: string | null): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(cursor) as { inline?: { done?: number } };
    return parsed.inline?.done ?? 0;
  } catch {
    return 0;
  }
}

async function chunkSummary(tdb: TenantDb, runIds: readonly string[]) {
  const byRun = new Map<string, { chunks: Record<string, number>; scored: number }>();
  for (const runId of runIds) {
    const rows = await tdb.db
      .select({
        status: scoringChunks.status,
        count: sql<number>`count(*)`,
        scored: sql<number>`coalesce(sum(${scoringChunks.scored}), 0)`,
      })
      .from(scoringChunks)
      .where(tdb.where(scoringChunks, eq(scoringChunks.runId, runId)))
      .groupBy(scoringChunks.status);
    const chunks: Record<string, number> = {};
    let scored = 0;
    for (const row of rows) {
      chunks[row.status] = row.count;
      scored += row.scored;
    }
    byRun.set(runId, { chunks, scored });
  }
  return byRun;
}

function view(run: RunRow, summary: { chunks: Record<string, number>; scored: number }): RunView {
  const running = run.status === 'running';
  return {
    id: run.id,
    cycleId: run.cycleId,
    trigger: run.trigger,
    status: run.status,
    total: run.total,
    // While chunks are out, progress is what was scored inline plus what the chunks scored.
    done: running ? Math.max(run.done, inlineDone(run.cursor) + summary.scored) : run.done,
    written: run.written,
    errors: run.errors,
    lastError: run.lastError,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    chunks: summary.chunks,
  };
}

/**
 * The tenant's share of cron runs: the runs' shared rows carry no tenant (one cron run scores
 * every tenant with work), so they are reached only through the tenant's own
 * scoring_run_cycles rows, and show only its figures — never the run's totals or its last
 * error, which may name another tenant's rows. A run row gone (a tenant restored from an
 * export keeps its shares, renamed) shows as done between its first and last write.
 */
async function cronShares(
  tdb: TenantDb,
  options: { cycleId?: string; runId?: string; limit: number },
): Promise<RunView[]> {
  const share = scoringRunCycles;
  const rows = await tdb.db
    .select({
      id: share.runId,
      cycleId: sql<string | null>`CASE WHEN count(*) = 1 THEN min(${share.cycleId}) END`,
      handled: sql<number>`sum(${share.handled})`,
      failed: sql<number>`sum(${share.failed})`,
      written: sql<number>`sum(${share.written})`,
      firstAt: sql<string>`min(${share.firstAt})`,
      lastAt: sql<string>`max(${share.lastAt})`,
      status: scoringRuns.status,
      startedAt: scoringRuns.startedAt,
      finishedAt: scoringRuns.finishedAt,
    })
    .from(share)
    .leftJoin(scoringRuns, eq(scoringRuns.id, share.runId))
    .where(
      and(
        tdb.where(
          share,
          options.cycleId === undefined ? undefined : eq(share.cycleId, options.cycleId),
          options.runId === undefined ? undefined : eq(share.runId, options.runId),
        ),
        // Cron runs only: a tenant's own runs are read from scoring_runs itself.
        isNull(scoringRuns.tenantId),
      ),
    )
    .groupBy(share.runId)
    .orderBy(desc(sql`coalesce(${scoringRuns.startedAt}, min(${share.firstAt}))`))
    .limit(options.limit);
  const summaries = await chunkSummary(
    tdb,
    rows.map((r) => r.id),
  );
  const views: RunView[] = [];
  for (const r of rows) {
    const status = r.status ?? 'done';
    // While it runs, what is left is the tenant's rows still waiting to be scored.
    const waiting = status === 'running' ? await dirtyRows(tdb, options.cycleId) : 0;
    views.push({
      id: r.id,
      cycleId: r.cycleId,
      trigger: 'cron',
      status,
      total: r.handled + waiting,
      done: r.handled,
      written: r.written,
      errors: r.failed,
      lastError: null,
      startedAt: r.startedAt ?? r.firstAt,
      finishedAt: r.status ? r.finishedAt : r.lastAt,
      chunks: summaries.get(r.id)?.chunks ?? {},
    });
  }
  return views;
}

async function dirtyRows(tdb: TenantDb, cycleId: string | undefined): Promise<number> {
  const [row] = await tdb.db
    .select({ n: sql<number>`count(*)` })
    .from(submissionStages)
    .where(
      tdb.where(
        submissionStages,
        eq(submissionStages.dirty, DIRTY.toScore),
        cycleId === undefined ? undefined : eq(submissionStages.cycleId, cycleId),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The tenant's runs, newest first: its own (manual re-scores and their chunks) and its share
 * of the cron runs that scored its rows.
 */
export async function listRuns(
  tdb: TenantDb,
  options: { cycleId?: string; limit?: number } = {},
): Promise<RunView[]> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const runs = await tdb
    .select(
      scoringRuns,
      options.cycleId === undefined ? undefined : eq(scoringRuns.cycleId, options.cycleId),
    )
    .orderBy(desc(scoringRuns.startedAt))
    .limit(limit);
  const summaries = await chunkSummary(
    tdb,
    runs.map((r) => r.id),
  );
  const own = runs.map((r) => view(r, summaries.get(r.id) ?? { chunks: {}, scored: 0 }));
  const cron = await cronShares(tdb, { ...options, limit });
  return [...own, ...cron]
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
    .slice(0, limit);
}

export async function getRun(tdb: TenantDb, runId: string): Promise<RunView | undefined> {
  const run = await tdb.first(scoringRuns, eq(scoringRuns.id, runId));
  if (!run) return (await cronShares(tdb, { runId, limit: 1 }))[0];
  const summaries = await chunkSummary(tdb, [run.id]);
  return view(run, summaries.get(run.id) ?? { chunks: {}, scored: 0 });
}

/**
 * Re-score a cycle now: every stage row of the cycle is marked to score (quarantined ones
 * too), a run is recorded, and a plan message asks the scheduler to cut the cycle into
 * chunks. A placeholder chunk (seq 0, the planning step) keeps the cron from scoring the
 * cycle itself meanwhile. Returns null when the cycle is not the tenant's.
 */
export async function requestRescore(
  tdb: TenantDb,
  queue: ScoringQueue,
  input: { readonly cycleId: string; readonly at: string },
): Promise<{ runId: string } | null> {
  const cycle = await tdb.first(cycles, eq(cycles.id, input.cycleId));
  if (!cycle) return null;
  const runId = newId('run');
  const message: PlanMessage = {
    kind: 'plan',
    runId,
    tenantId: tdb.tenantId,
    cycleId: cycle.id,
    replay: 0,
  };
  await tdb.batch([
    tdb.insert(scoringRuns, {
      id: runId,
      cycleId: cycle.id,
      trigger: 'manual',
      status: 'running',
      startedAt: input.at,
      heartbeatAt: input.at,
      cursor: JSON.stringify({ phase: 'planning' }),
    }),
    tdb.insert(scoringChunks, {
      runId,
      seq: 0,
      cycleId: cycle.id,
      message,
      rows: 0,
      status: 'queued',
      createdAt: input.at,
      updatedAt: input.at,
    }),
    tdb.update(
      submissionStages,
      { dirty: DIRTY.toScore },
      eq(submissionStages.cycleId, cycle.id),
      sql`${submissionStages.dirty} <> ${DIRTY.toScore}`,
    ),
  ]);
  await queue.send(message);
  return { runId };
}

export interface DeadLetterView {
  readonly id: string;
  readonly queue: string;
  readonly body: unknown;
  readonly error: string;
  readonly attempts: number;
  readonly createdAt: string;
  readonly replayedAt: string | null;
}

/** Messages that exhausted their retries, newest first; `pending` leaves out replayed ones. */
export async function listDeadLetters(
  tdb: TenantDb,
  options: { pending?: boolean; limit?: number } = {},
): Promise<DeadLetterView[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await tdb
    .select(deadLetters, options.pending ? isNull(deadLetters.replayedAt) : undefined)
    .orderBy(desc(deadLetters.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    queue: r.queue,
    body: r.body,
    error: r.error,
    attempts: r.attempts,
    createdAt: r.createdAt,
    replayedAt: r.replayedAt,
  }));
}

function rangeOf(message: ChunkMessage): SQL {
  const range = stageKeyRange('submission_stages', message.after, message.through);
  const pieces = range.sql.split('?');
  const chunks: SQL[] = [];
  pieces.forEach((piece, i) => {
    chunks.push(sql.raw(piece));
    if (i < range.params.length) chunks.push(sql`${range.params[i]}`);
  });
  return sql.join(chunks, sql``);
}

/**
 * Sends a dead letter's work again, under the cycle's current pack version and epoch (what
 * failed was the old attempt; a fixed cycle should be scored as it is now). Its rows leave
 * quarantine, its chunk and run re-open. False when it is missing, another tenant's or
 * already replayed.
 */
export async function replayDeadLetter(
  tdb: TenantDb,
  queue: ScoringQueue,
  input: { readonly deadLetterId: string; readonly at: string },
): Promise<{ replayed: boolean; message?: ScoringMessage }> {
  const letter = await tdb.first(deadLetters, eq(deadLetters.id, input.deadLetterId));
  if (!letter || letter.replayedAt !== null) return { replayed: false };
  const body = parseScoringMessage(letter.body);
  if (!body) return { replayed: false };
  const seq = body.kind === 'chunk' ? body.seq : 0;
  const chunk = await tdb.first(
    scoringChunks,
    eq(scoringChunks.runId, body.runId),
    eq(scoringChunks.seq, seq),
  );
  const replay = Math.max(chunk?.replays ?? 0, body.replay) + 1;
  let next: ScoringMessage;
  if (body.kind === 'chunk') {
    const cycle = await tdb.first(cycles, eq(cycles.id, body.cycleId));
    if (!cycle) return { replayed: false };
    next = {
      ...body,
      pin: {
        packKey: cycle.packKey,
        packVersion: cycle.packVersion,
        packHash: cycle.packHash,
        epoch: cycle.scoringEpoch,
      },
      replay,
    };
  } else {
    next = { ...body, replay };
  }
  const statements = [
    tdb.guard(
      tdb.exists(deadLetters, eq(deadLetters.id, letter.id), isNull(deadLetters.replayedAt)),
      'dead_letter_replayed',
    ),
    tdb.update(deadLetters, { replayedAt: input.at }, eq(deadLetters.id, letter.id)),
    tdb.update(
      scoringChunks,
      {
        status: 'queued',
        replays: replay,
        message: next,
        attempts: 0,
        lastError: null,
        updatedAt: input.at,
      },
      eq(scoringChunks.runId, body.runId),
      eq(scoringChunks.seq, seq),
    ),
    tdb.update(
      scoringRuns,
      {
        status: 'running',
        finishedAt: null,
        heartbeatAt: input.at,
        cursor: sql`json_set(coalesce(${scoringRuns.cursor}, '{}'), '$.phase', ${body.kind === 'plan' ? 'planning' : 'fanned-out'})`,
      },
      eq(scoringRuns.id, body.runId),
    ),
  ];
  if (body.kind === 'chunk') {
    statements.push(
      tdb.update(
        submissionStages,
        { dirty: DIRTY.toScore },
        eq(submissionStages.cycleId, body.cycleId),
        eq(submissionStages.dirty, DIRTY.quarantined),
        rangeOf(body),
      ),
    );
  }
  await tdb.batch(statements);
  await queue.send(next);
  return { replayed: true, message: next };
}
