import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { decodeScorecardJson, scorecardDictionary } from '@kaoping/db/scorecard-codec';
import type { ScoringMessage } from '@kaoping/db/scoring-messages';
import { type Assessment, type Pack, score, type UnitKind } from '@kaoping/standards';
import worker from '../src/index.ts';
import { tickOutcomes } from '../src/run/outcomes.ts';
import type { TickOutcome } from '../src/run/tick.ts';
import { type Campaign, GZ, rowKey } from './factories.ts';

// Driving the real handlers: scheduled() for cron ticks, queue() for the scoring queue and its
// dead-letter queue, with the bindings a test chooses (a D1 with injected faults, a queue that
// records what the worker sent).

export type TestEnv = Record<string, unknown>;

export function testEnv(overrides: TestEnv = {}): TestEnv {
  return { ...env, ...overrides };
}

/** Runs the cron handler as Cloudflare would for a tick scheduled at `at`. */
export async function runTick(at: number | Date, overrides: TestEnv = {}): Promise<void> {
  const controller = createScheduledController({ scheduledTime: at, cron: '*/5 * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, testEnv(overrides) as unknown as Env, ctx);
  await waitOnExecutionContext(ctx);
}

let ticks = Date.UTC(2026, 10, 22, 0, 0);
/** A fresh scheduled time for each tick (each is a distinct cron tick). */
export function nextTickTime(): number {
  ticks += 5 * 60_000;
  return ticks;
}

export async function tick(overrides: TestEnv = {}): Promise<void> {
  await runTick(nextTickTime(), overrides);
}

/** A tick through the real scheduled() handler, with its outcome. */
export async function tickOutcome(overrides: TestEnv = {}): Promise<TickOutcome> {
  const controller = createScheduledController({
    scheduledTime: nextTickTime(),
    cron: '*/5 * * * *',
  });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, testEnv(overrides) as unknown as Env, ctx);
  await waitOnExecutionContext(ctx);
  const outcome = tickOutcomes.get(controller);
  if (!outcome) throw new Error('scheduled() recorded no outcome');
  return outcome;
}

/** A producer that records what the worker sent, then sends it on (to the held queue). */
export class RecordingQueue {
  readonly sent: ScoringMessage[] = [];
  private readonly inner: Queue;
  constructor(inner: Queue) {
    this.inner = inner;
  }
  async send(body: ScoringMessage, options?: QueueSendOptions) {
    this.sent.push(body);
    await this.inner.send(body, options);
  }
  async sendBatch(messages: Iterable<MessageSendRequest<ScoringMessage>>) {
    const list = [...messages];
    for (const m of list) this.sent.push(m.body);
    await this.inner.sendBatch(list);
  }
  take(): ScoringMessage[] {
    return this.sent.splice(0, this.sent.length);
  }
}

let messageIds = 0;

/** Delivers messages to the worker's queue() handler; returns Cloudflare's ack/retry record. */
export async function deliver(
  queue: string,
  bodies: readonly { body: unknown; attempts?: number }[],
  overrides: TestEnv = {},
) {
  const batch = createMessageBatch(
    queue,
    bodies.map((b) => ({
      id: `msg-${++messageIds}`,
      timestamp: new Date(),
      attempts: b.attempts ?? 1,
      body: b.body,
    })),
  );
  // The plugin's result records which messages were retried, not with what delay: note it.
  const delays = new Map<string, number | undefined>();
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    Object.defineProperty(message, 'retry', {
      value: (options?: QueueRetryOptions) => {
        delays.set(message.id, options?.delaySeconds);
        retry(options);
      },
    });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, testEnv(overrides) as unknown as Env, ctx);
  const result = await getQueueResult(batch, ctx);
  return {
    ...result,
    retryMessages: result.retryMessages.map((m) => ({ ...m, delaySeconds: delays.get(m.msgId) })),
  };
}

/** Delivers everything the recording queue holds, until the worker sends no more. */
export async function drain(queue: RecordingQueue, overrides: TestEnv = {}): Promise<number> {
  let delivered = 0;
  for (let round = 0; round < 20; round++) {
    const pending = queue.take();
    if (pending.length === 0) return delivered;
    for (let i = 0; i < pending.length; i += 5) {
      await deliver(
        'kaoping-scoring',
        pending.slice(i, i + 5).map((body) => ({ body })),
        { SCORING_QUEUE: queue, ...overrides },
      );
    }
    delivered += pending.length;
  }
  throw new Error('queue did not drain');
}

export interface SnapshotRow {
  seq: number;
  id: string;
  submission_id: string;
  stage: string;
  pack_key: string;
  pack_version: string;
  pack_hash: string;
  input_hash: string;
  engine_version: string;
  total: number;
  designation_met: number | null;
  complete: number;
  scorecard: string;
  run_id: string | null;
}

export async function snapshots(tenantId: string): Promise<SnapshotRow[]> {
  const { results } = await env.DB.prepare(
    'SELECT * FROM score_snapshots WHERE tenant_id = ? ORDER BY seq',
  )
    .bind(tenantId)
    .all<SnapshotRow>();
  return results;
}

export async function dictionaries(tenantId: string): Promise<Map<string, Uint8Array>> {
  const { results } = await env.DB.prepare(
    'SELECT id, body FROM scorecard_dictionaries WHERE tenant_id = ?',
  )
    .bind(tenantId)
    .all<{ id: string; body: string }>();
  return new Map(results.map((r) => [r.id, scorecardDictionary(r.body).bytes]));
}

/** The stored scorecard's JSON, decoded. */
export async function decoded(tenantId: string, rows: readonly SnapshotRow[]) {
  const dicts = await dictionaries(tenantId);
  return rows.map((r) => decodeScorecardJson(r.scorecard, (id) => dicts.get(id)));
}

/** The scorecard `score` gives for a stage row of a campaign, as JSON. */
export function expectedJson(
  campaign: Campaign,
  submissionId: string,
  stage: string,
  options: {
    pack?: Pack;
    inputs?: Record<string, unknown>;
    assessments?: Record<string, Assessment>;
  } = {},
): string {
  const unit = campaign.units.find((u) => u.submissionId === submissionId);
  if (!unit) throw new Error(`no unit for ${submissionId}`);
  const inputs = options.inputs ?? campaign.inputs.get(rowKey(submissionId, stage));
  if (!inputs) throw new Error(`no inputs for ${rowKey(submissionId, stage)}`);
  return JSON.stringify(
    score(options.pack ?? GZ, campaign.parameters, inputs, {
      unitId: unit.id,
      unitKind: unit.kind as UnitKind,
      assessments: options.assessments ?? {},
      references: {},
    }),
  );
}

export async function count(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Everything a run leaves for a tenant, without ids and times: to compare two outcomes. */
export async function outcome(tenantId: string) {
  const snaps = await snapshots(tenantId);
  const json = await decoded(tenantId, snaps);
  const pointers = await env.DB.prepare(
    `SELECT c.submission_id, c.stage, s.input_hash, s.pack_hash FROM current_scores c
     JOIN score_snapshots s ON s.seq = c.snapshot_seq
     WHERE c.tenant_id = ? ORDER BY c.submission_id, c.stage`,
  )
    .bind(tenantId)
    .all();
  const events = await env.DB.prepare(
    `SELECT e.submission_id, e.stage, s.input_hash FROM score_events e
     JOIN score_snapshots s ON s.seq = e.snapshot_seq
     WHERE e.tenant_id = ? ORDER BY e.submission_id, e.stage, e.seq`,
  )
    .bind(tenantId)
    .all();
  return {
    snapshots: snaps
      .map((s, i) => ({
        key: `${s.submission_id}/${s.stage}/${s.pack_hash.slice(0, 8)}/${s.input_hash}`,
        json: json[i],
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    pointers: pointers.results,
    events: events.results,
    dirty: await count(
      'SELECT count(*) AS n FROM submission_stages WHERE tenant_id = ? AND dirty <> 0',
      tenantId,
    ),
  };
}

/** A lease held by someone else, expiring `msFromNow` from now (negative: in the past). */
export async function holdLeaseFor(owner: string, msFromNow: number): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO leases (name, owner, expires_at) VALUES ('scoring', ?, ?)
     ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at`,
  )
    .bind(owner, new Date(Date.now() + msFromNow).toISOString())
    .run();
}

/** Time passing: every lease expires beyond the clock-skew margin (a dead run's too). */
export async function expireLeases(): Promise<void> {
  await env.DB.prepare(`UPDATE leases SET expires_at = '2000-01-01T00:00:00.000Z'`).run();
  await env.DB.prepare(
    `UPDATE scoring_runs SET heartbeat_at = '2000-01-01T00:00:00.000Z' WHERE status = 'running'`,
  ).run();
}
