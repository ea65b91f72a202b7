import { env } from 'cloudflare:workers';
import { cycles } from '@kaoping/db/schema';
import type { ChunkMessage } from '@kaoping/db/scoring-messages';
import {
  getRun,
  listDeadLetters,
  listRuns,
  replayDeadLetter,
  requestRescore,
} from '@kaoping/db/scoring-runs';
import { cycleScoringChanged } from '@kaoping/db/scoring-work';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { AT, mintCampaign } from '../../test/factories.ts';

const now = () => new Date().toISOString();

import { FaultyD1, InjectedFault } from '../../test/d1-faults.ts';
import {
  count,
  decoded,
  deliver,
  drain,
  expectedJson,
  expireLeases,
  RecordingQueue,
  snapshots,
  tickOutcome,
} from '../../test/harness.ts';
import { retryDelay } from './consumer.ts';

// The queue path: a run with more work than one invocation should do sends chunks to the
// scoring queue; the worker's queue() scores them; what keeps failing goes to the dead-letter
// queue, is recorded, and can be replayed. Messages are delivered through the real queue()
// handler with createMessageBatch, exactly as the worker sent them.

const FAN_OUT = { SCORING_INLINE_MAX_ROWS: '100', SCORING_CHUNK_ROWS: '50' };

afterEach(async () => {
  await env.DB.prepare('DELETE FROM leases').run();
});

function recorder() {
  return new RecordingQueue(env.SCORING_QUEUE as unknown as Queue);
}

describe('fan-out', () => {
  it('a large cycle goes to the queue in chunks; the consumer scores every row', async () => {
    const campaign = await mintCampaign({ units: 600, towns: 6 });
    const queue = recorder();
    const outcome = await tickOutcome({ ...FAN_OUT, SCORING_QUEUE: queue });
    expect(outcome).toMatchObject({ outcome: 'ran', scored: 0, chunks: 12 });
    const sent = [...queue.sent] as ChunkMessage[];
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Contiguous key ranges: each chunk starts where the previous ended; the last is open.
    sent.forEach((m, i) => {
      expect(m.after).toEqual(i === 0 ? null : sent[i - 1]?.through);
    });
    expect(sent.at(-1)?.through).toBeNull();
    const runId = sent[0]?.runId as string;
    expect(
      await env.DB.prepare('SELECT status, total FROM scoring_runs WHERE id = ?')
        .bind(runId)
        .first(),
    ).toEqual({ status: 'running', total: 600 });
    // The cron leaves a cycle alone while its chunks are out.
    expect((await tickOutcome({ ...FAN_OUT, SCORING_QUEUE: queue })).chunks).toBe(0);

    await drain(queue, FAN_OUT);
    const rows = await snapshots(campaign.tenantId);
    expect(rows).toHaveLength(600);
    const json = await decoded(campaign.tenantId, rows);
    rows.forEach((row, i) => {
      expect(json[i]).toBe(expectedJson(campaign, row.submission_id, row.stage));
    });
    expect(
      await env.DB.prepare(
        'SELECT status, total, done, written, errors FROM scoring_runs WHERE id = ?',
      )
        .bind(runId)
        .first(),
    ).toEqual({ status: 'done', total: 600, done: 600, written: 600, errors: 0 });
    // The consumer that finished the run refreshed the cycle's rollups.
    expect(
      await env.DB.prepare(
        `SELECT in_scope FROM rollups WHERE tenant_id = ? AND org_unit_id = ? AND unit_kind = '*'`,
      )
        .bind(campaign.tenantId, campaign.rootId)
        .first(),
    ).toEqual({ in_scope: 600 });

    // A message delivered twice does nothing the second time.
    const before = await count('SELECT count(*) AS n FROM score_snapshots');
    const again = await deliver('kaoping-scoring', [{ body: sent[3] }], { SCORING_QUEUE: queue });
    expect(again.explicitAcks).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM score_snapshots')).toBe(before);
    expect(queue.sent).toHaveLength(0);
  });

  it('two consumers scoring the same chunk at once write each snapshot and event once', async () => {
    const campaign = await mintCampaign({ units: 120 });
    const queue = recorder();
    await tickOutcome({ ...FAN_OUT, SCORING_QUEUE: queue });
    const [first, ...rest] = queue.take();
    await Promise.all([
      deliver('kaoping-scoring', [{ body: first }], { ...FAN_OUT, SCORING_QUEUE: queue }),
      deliver('kaoping-scoring', [{ body: first }], { ...FAN_OUT, SCORING_QUEUE: queue }),
    ]);
    const rows = await snapshots(campaign.tenantId);
    expect(rows).toHaveLength(50);
    expect(
      await count('SELECT count(*) AS n FROM score_events WHERE tenant_id = ?', campaign.tenantId),
    ).toBe(50);
    await deliver(
      'kaoping-scoring',
      rest.map((body) => ({ body })),
      { ...FAN_OUT, SCORING_QUEUE: queue },
    );
    expect(await snapshots(campaign.tenantId)).toHaveLength(120);
  });
});

describe('a fan-out whose Worker died', () => {
  it('is closed by a later tick once its chunks are done', async () => {
    const campaign = await mintCampaign({ units: 120 });
    const queue = recorder();
    let dead = false;
    const dying = new FaultyD1(env.DB, {
      // The chunks are recorded and sent; the Worker dies before it closes the run.
      before: async (call, kind, batches) => {
        if (dead || (kind === 'batch' && batches >= 1)) {
          dead = true;
          throw new InjectedFault(call);
        }
      },
    });
    await expect(
      tickOutcome({ ...FAN_OUT, DB: dying.binding, SCORING_QUEUE: queue }),
    ).rejects.toThrow(/injected/);
    const runId = (queue.sent[0] as ChunkMessage).runId;
    await drain(queue, FAN_OUT);
    expect(await snapshots(campaign.tenantId)).toHaveLength(120);
    const stillOpen = await env.DB.prepare('SELECT status FROM scoring_runs WHERE id = ?')
      .bind(runId)
      .first();
    expect(stillOpen).toEqual({ status: 'running' });
    await expireLeases();
    // The next tick (it also refreshes the rollups nobody could) closes it.
    await tickOutcome(FAN_OUT);
    expect(
      await env.DB.prepare('SELECT status, total, done, written FROM scoring_runs WHERE id = ?')
        .bind(runId)
        .first(),
    ).toEqual({ status: 'done', total: 120, done: 120, written: 120 });
  });
});

describe('poison, dead letters and replay', () => {
  it('a poisoned chunk is retried with backoff, dead-lettered and quarantined; the rest go on', async () => {
    const good = await mintCampaign({ units: 150 });
    // "eighty" is not a number: every score of this cycle throws a ParameterError.
    const poisoned = await mintCampaign({ units: 8, parameters: { passMark: 'eighty' } });
    const queue = recorder();
    await tickOutcome({ ...FAN_OUT, SCORING_QUEUE: queue });
    const sent = queue.take() as ChunkMessage[];
    const bad = sent.find((m) => m.tenantId === poisoned.tenantId) as ChunkMessage;
    expect(bad).toMatchObject({ after: null, through: null });
    expect(sent.filter((m) => m.tenantId === good.tenantId)).toHaveLength(3);

    // One batch: the poisoned message among good ones. Only it is retried.
    const result = await deliver(
      'kaoping-scoring',
      sent.map((body) => ({ body })),
      { ...FAN_OUT, SCORING_QUEUE: queue },
    );
    expect(result.explicitAcks).toHaveLength(sent.length - 1);
    expect(result.retryMessages).toHaveLength(1);
    expect(result.retryMessages[0]?.delaySeconds).toBe(2);
    expect(await snapshots(good.tenantId)).toHaveLength(150);
    for (const attempts of [2, 3, 4, 5, 6]) {
      const retry = await deliver('kaoping-scoring', [{ body: bad, attempts }], {
        SCORING_QUEUE: queue,
      });
      expect(retry.retryMessages[0]?.delaySeconds).toBe(retryDelay(attempts));
      expect(retryDelay(attempts)).toBe(2 ** attempts);
    }

    // Cloudflare moves it to the dead-letter queue; its consumer records it (once).
    await deliver('kaoping-scoring-dlq', [{ body: bad }]);
    await deliver('kaoping-scoring-dlq', [{ body: bad }]);
    const letters = await listDeadLetters(poisoned.tdb);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ queue: 'kaoping-scoring', attempts: 6, replayedAt: null });
    expect(letters[0]?.error).toMatch(/ParameterError/);
    expect(await listDeadLetters(good.tdb)).toHaveLength(0);
    expect(
      await count(
        'SELECT count(*) AS n FROM submission_stages WHERE tenant_id = ? AND dirty = 2',
        poisoned.tenantId,
      ),
    ).toBe(8);
    const run = await env.DB.prepare('SELECT status, errors FROM scoring_runs WHERE id = ?')
      .bind(bad.runId)
      .first();
    expect(run).toEqual({ status: 'done', errors: 1 });
    // Quarantined rows are not picked up again and again: the next tick is idle.
    expect((await tickOutcome({ SCORING_QUEUE: queue })).outcome).toBe('idle');

    // The cycle is fixed, then the dead letter replayed: it completes.
    await poisoned.tdb.batch([
      poisoned.tdb.update(
        cycles,
        { parameters: { passMark: 80 } },
        eq(cycles.id, poisoned.cycleId),
      ),
      ...cycleScoringChanged(poisoned.tdb, { cycleId: poisoned.cycleId, at: AT }),
    ]);
    const replay = await replayDeadLetter(poisoned.tdb, queue, {
      deadLetterId: letters[0]?.id as string,
      at: now(),
    });
    expect(replay.replayed).toBe(true);
    expect(
      await replayDeadLetter(poisoned.tdb, queue, {
        deadLetterId: letters[0]?.id as string,
        at: now(),
      }),
    ).toEqual({ replayed: false });
    // Another tenant cannot see or replay it.
    expect(
      await replayDeadLetter(good.tdb, queue, {
        deadLetterId: letters[0]?.id as string,
        at: now(),
      }),
    ).toEqual({ replayed: false });
    await drain(queue, FAN_OUT);
    const fixed = await snapshots(poisoned.tenantId);
    expect(fixed).toHaveLength(8);
    const json = await decoded(poisoned.tenantId, fixed);
    fixed.forEach((row, i) => {
      expect(json[i]).toBe(
        expectedJson({ ...poisoned, parameters: { passMark: 80 } }, row.submission_id, row.stage),
      );
    });
    expect((await listDeadLetters(poisoned.tdb, { pending: true })).length).toBe(0);
    expect(
      await env.DB.prepare('SELECT status FROM scoring_runs WHERE id = ?').bind(bad.runId).first(),
    ).toEqual({ status: 'done' });
  });

  it('a body that is not a scoring message is dead-lettered as it came', async () => {
    const result = await deliver('kaoping-scoring', [{ body: { kind: 'chunk', runId: 7 } }]);
    expect(result.retryMessages).toHaveLength(1);
    await deliver('kaoping-scoring-dlq', [{ body: { kind: 'chunk', runId: 7 } }]);
    expect(
      await count(`SELECT count(*) AS n FROM dead_letters WHERE error = 'not a scoring message'`),
    ).toBe(1);
  });
});

describe('re-score on demand', () => {
  it('requestRescore plans the cycle through the queue; the run shows progress and outcome', async () => {
    const campaign = await mintCampaign({ units: 120 });
    const queue = recorder();
    const cron = await tickOutcome({ SCORING_QUEUE: queue });
    expect(await snapshots(campaign.tenantId)).toHaveLength(120);

    const requested = await requestRescore(campaign.tdb, queue, {
      cycleId: campaign.cycleId,
      at: now(),
    });
    expect(requested).not.toBeNull();
    const runId = requested?.runId as string;
    // The cron stays away while the re-score's planning step is out.
    expect((await tickOutcome({ SCORING_QUEUE: queue })).scored).toBe(0);
    const [plan] = queue.take();
    expect(plan).toMatchObject({ kind: 'plan', runId, cycleId: campaign.cycleId });
    await deliver('kaoping-scoring', [{ body: plan }], { ...FAN_OUT, SCORING_QUEUE: queue });
    const planned = await getRun(campaign.tdb, runId);
    expect(planned).toMatchObject({ status: 'running', total: 120, trigger: 'manual' });
    expect(planned?.chunks).toEqual({ done: 1, queued: 3 });

    await drain(queue, FAN_OUT);
    const finished = await getRun(campaign.tdb, runId);
    expect(finished).toMatchObject({ status: 'done', total: 120, done: 120, written: 0 });
    // Nothing changed, so nothing new was written.
    expect(await snapshots(campaign.tenantId)).toHaveLength(120);
    // The tenant's runs: the re-score, then its share of the cron run that scored it first.
    expect(
      (await listRuns(campaign.tdb, { cycleId: campaign.cycleId })).map((r) => [r.id, r.done]),
    ).toEqual([
      [runId, 120],
      [cron.runId, 120],
    ]);
    const other = await mintCampaign({ units: 1 });
    expect(await getRun(other.tdb, runId)).toBeUndefined();
    expect(
      await requestRescore(other.tdb, queue, { cycleId: campaign.cycleId, at: now() }),
    ).toBeNull();
  });
});

describe('under miniflare', () => {
  it('the real queue delivers a chunk to the worker’s consumer', async () => {
    const campaign = await mintCampaign({ units: 60 });
    const queue = recorder();
    await tickOutcome({ ...FAN_OUT, SCORING_INLINE_MAX_ROWS: '10', SCORING_QUEUE: queue });
    const [chunk] = queue.take();
    await (env.LIVE_SCORING_QUEUE as Queue).send(chunk);
    for (let i = 0; i < 100; i++) {
      if ((await snapshots(campaign.tenantId)).length >= 50) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await snapshots(campaign.tenantId)).length).toBeGreaterThanOrEqual(50);
    await drain(queue, FAN_OUT);
  });
});
