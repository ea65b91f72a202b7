import { createMessageBatch } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { ScoringMessage } from '@kaoping/db/scoring-messages';
import { schedulerEnv } from '../../scheduler/src/env.ts';
import { consumeScoring } from '../../scheduler/src/queue/consumer.ts';
import { consumeDeadLetters } from '../../scheduler/src/queue/dead-letters.ts';
import { type TickOutcome, tick } from '../../scheduler/src/run/tick.ts';
import { callJson } from './http.ts';

/**
 * The real scheduler, run against the api tests' D1: what the api reads (snapshots, pointers,
 * score events, rollups, deadline flags) is written by the code that writes it in production,
 * never by hand. Ticks get increasing scheduled times, as cron would give them.
 */

let scheduled = Date.UTC(2026, 10, 22, 0, 0);

function scheduler(overrides: Record<string, unknown> = {}) {
  return schedulerEnv({ ...env, ENVIRONMENT: 'test', ...overrides });
}

/** One cron tick: scores every dirty stage row (all tenants), refreshes rollups and flags. */
export async function runScheduler(
  overrides: Record<string, unknown> = {},
  at?: number,
): Promise<TickOutcome> {
  scheduled += 5 * 60_000;
  return tick(scheduler(overrides), at ?? scheduled);
}

/** Ticks until one finds nothing to do (at most `max`). */
export async function scoreEverything(max = 10): Promise<TickOutcome[]> {
  const outcomes: TickOutcome[] = [];
  for (let i = 0; i < max; i++) {
    const outcome = await runScheduler();
    outcomes.push(outcome);
    if (outcome.outcome === 'idle') return outcomes;
  }
  throw new Error(`the scheduler still had work after ${max} ticks`);
}

let messageIds = 0;

function batchOf(queue: string, bodies: readonly ScoringMessage[], attempts = 1) {
  return createMessageBatch(
    queue,
    bodies.map((body) => ({
      id: `api-test-${++messageIds}`,
      timestamp: new Date(),
      attempts,
      body,
    })),
  );
}

/** Delivers messages to the scheduler's scoring-queue consumer; returns what it sent on. */
export async function deliverScoring(bodies: readonly ScoringMessage[]) {
  const sent: ScoringMessage[] = [];
  const queue = {
    async send(body: ScoringMessage) {
      sent.push(body);
    },
    async sendBatch(messages: Iterable<{ body: ScoringMessage }>) {
      for (const m of messages) sent.push(m.body);
    },
  };
  const batch = batchOf('kaoping-scoring', bodies);
  await consumeScoring(batch, scheduler({ SCORING_QUEUE: queue }));
  return sent;
}

/** Delivers messages that exhausted their retries to the dead-letter consumer. */
export async function deliverDeadLetters(bodies: readonly ScoringMessage[]): Promise<void> {
  await consumeDeadLetters(batchOf('kaoping-scoring-dlq', bodies, 6), scheduler());
}

/** The message a re-score or a replay left for the scheduler (its chunk row holds it). */
export async function queuedMessage(runId: string, seq = 0): Promise<ScoringMessage> {
  const row = await env.DB.prepare(
    'SELECT message FROM scoring_chunks WHERE run_id = ? AND seq = ?',
  )
    .bind(runId, seq)
    .first<{ message: string }>();
  if (!row) throw new Error(`no chunk ${runId}/${seq}`);
  return JSON.parse(row.message) as ScoringMessage;
}

export interface ScoredFixtures {
  /** A snapshot of the cycle (any). */
  readonly snapshotId: string;
  /** A manual run of the cycle whose plan died. */
  readonly runId: string;
  /** That plan's dead letter. */
  readonly deadLetterId: string;
}

/**
 * Scores everything, then makes one of each scoring object for `cycleId` through the API: a
 * snapshot, a re-score run and (its plan delivered to the dead-letter consumer) a dead letter.
 */
export async function scoredFixtures(adminToken: string, cycleId: string): Promise<ScoredFixtures> {
  await runScheduler();
  const page = await callJson<{ items: { snapshot_id: string }[] }>(
    `/v1/scores?cycle_id=${cycleId}&view=summary&limit=1`,
    { token: adminToken },
  );
  const snapshotId = page.items[0]?.snapshot_id;
  if (!snapshotId) throw new Error('scoredFixtures: the cycle has no snapshot');
  const run = await callJson<{ id: string }>(`/v1/cycles/${cycleId}/rescore`, {
    method: 'POST',
    token: adminToken,
    expect: 202,
  });
  await deliverDeadLetters([await queuedMessage(run.id)]);
  const letters = await callJson<{ items: { id: string; message: { run_id: string } | null }[] }>(
    '/v1/dead-letters',
    { token: adminToken },
  );
  const letter = letters.items.find((d) => d.message?.run_id === run.id);
  if (!letter) throw new Error('scoredFixtures: no dead letter');
  return { snapshotId, runId: run.id, deadLetterId: letter.id };
}
