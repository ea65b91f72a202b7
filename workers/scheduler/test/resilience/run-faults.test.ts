import { env } from 'cloudflare:workers';
import type { ChunkMessage } from '@kaoping/db/scoring-messages';
import { afterEach, describe, expect, it } from 'vitest';
import { record } from '../../../../scripts/resilience/record.ts';
import { FaultyD1, InjectedFault } from '../d1-faults.ts';
import { type Campaign, mintCampaign, rowKey } from '../factories.ts';
import {
  count,
  decoded,
  deliver,
  drain,
  expectedJson,
  expireLeases,
  holdLeaseFor,
  outcome,
  RecordingQueue,
  snapshots,
  tickOutcome,
} from '../harness.ts';

// RESILIENCE.md, "Faults survived", for scoring runs, with figures for the
// `pnpm test:resilience` table: the Worker stopped at every D1 call k of a run (the sweep in
// src/run/faults.test.ts fails each call once; here the Worker dies there and stays dead);
// every chunk of a fan-out delivered twice, one after the other and at once; leases under
// clock skew, from 150 s behind to 150 s ahead. The oracle is a clean run's outcome: one
// snapshot per stage row equal to score(), one pointer and one event each, nothing dirty,
// no run left running, no lease left held.

const SHAPE = { units: 6, stages: ['self', 'town'] } as const;
const SMALL_CHUNKS = { SCORING_CHUNK_ROWS: '5' };
const FAN_OUT = { SCORING_INLINE_MAX_ROWS: '20', SCORING_CHUNK_ROWS: '10' };

afterEach(async () => {
  await env.DB.prepare('DELETE FROM leases').run();
});

async function settle(overrides: Record<string, unknown> = SMALL_CHUNKS): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if ((await tickOutcome(overrides)).outcome === 'idle') return;
  }
  throw new Error('the scheduler did not settle');
}

/** How far a campaign's outcome is from a clean run's: rows missing and rows beyond. */
async function distanceFromClean(
  campaign: Campaign,
): Promise<{ lost: number; duplicated: number }> {
  const rows = await snapshots(campaign.tenantId);
  const keys = rows.map((r) => rowKey(r.submission_id, r.stage));
  const expected = [...campaign.inputs.keys()];
  const lost = expected.filter((k) => !keys.includes(k)).length;
  const duplicated = keys.length - new Set(keys).size;
  const json = await decoded(campaign.tenantId, rows);
  const wrong = rows.filter((r, i) => json[i] !== expectedJson(campaign, r.submission_id, r.stage));
  const state = await outcome(campaign.tenantId);
  const extraPointers = Math.max(0, state.pointers.length - expected.length);
  const extraEvents = Math.max(0, state.events.length - expected.length);
  const leftRunning = await count(
    `SELECT count(*) AS n FROM scoring_runs WHERE status = 'running'`,
  );
  return {
    lost: lost + wrong.length + state.dirty + leftRunning,
    duplicated: duplicated + extraPointers + extraEvents,
  };
}

describe('a scoring run whose Worker stops', { timeout: 300_000 }, () => {
  it('at every D1 call k, lease held and run left running: the next tick finishes it', async ({
    task,
  }) => {
    const probe = new FaultyD1(env.DB);
    const clean = await mintCampaign(SHAPE);
    await tickOutcome({ DB: probe.binding, ...SMALL_CHUNKS });
    expect(await distanceFromClean(clean)).toEqual({ lost: 0, duplicated: 0 });
    const calls = probe.calls;
    expect(calls).toBeGreaterThan(10);
    let lost = 0;
    let duplicated = 0;
    for (let k = 1; k <= calls; k++) {
      const campaign = await mintCampaign(SHAPE);
      const dying = new FaultyD1(env.DB, { dieAt: k });
      // It throws, or — where the worker catches the error to carry on — finishes early.
      await tickOutcome({ DB: dying.binding, ...SMALL_CHUNKS }).catch((err: unknown) => {
        if (!(err instanceof InjectedFault)) throw err;
      });
      expect(dying.calls).toBeGreaterThanOrEqual(k);
      // Time passes: the dead Worker's lease and heartbeat run out.
      await expireLeases();
      await settle();
      const d = await distanceFromClean(campaign);
      lost += d.lost;
      duplicated += d.duplicated;
    }
    record(task, { family: 'scheduler', tried: calls, fiveXX: 0, lost, duplicated });
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });
});

describe('queue messages delivered twice', { timeout: 120_000 }, () => {
  it('every chunk twice in a row, then every chunk twice at once: each row scored once', async ({
    task,
  }) => {
    let tried = 0;
    let lost = 0;
    let duplicated = 0;
    for (const atOnce of [false, true]) {
      const campaign = await mintCampaign({ units: 60 });
      const queue = new RecordingQueue(env.SCORING_QUEUE as unknown as Queue);
      await tickOutcome({ ...FAN_OUT, SCORING_QUEUE: queue });
      const chunks = queue.take() as ChunkMessage[];
      expect(chunks.length).toBeGreaterThan(3);
      for (const chunk of chunks) {
        const send = () =>
          deliver('kaoping-scoring', [{ body: chunk }], { ...FAN_OUT, SCORING_QUEUE: queue });
        if (atOnce) await Promise.all([send(), send()]);
        else {
          await send();
          await send();
        }
        tried += 1;
      }
      await drain(queue, FAN_OUT);
      await settle(FAN_OUT);
      const d = await distanceFromClean(campaign);
      lost += d.lost;
      duplicated += d.duplicated;
    }
    record(task, { family: 'queue', tried, fiveXX: 0, lost, duplicated });
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });
});

describe('clock skew on leases', { timeout: 120_000 }, () => {
  it('a lease expired by up to 2 min is left alone; beyond, it is taken over; ahead, never', async ({
    task,
  }) => {
    const LEASE_SKEW_SECONDS = 120;
    let tried = 0;
    let wrong = 0;
    // Seconds from now the other Worker's lease ends, by our clock (never exactly ±2 min).
    for (const skew of [
      -150, -135, -125, -115, -90, -60, -30, -5, 0, 5, 30, 60, 90, 115, 125, 150,
    ]) {
      await mintCampaign({ units: 1 });
      // Another Worker holds the lease until `skew` seconds from now by our clock.
      await holdLeaseFor('lease_skewed_clock', skew * 1000);
      const result = await tickOutcome();
      const shouldTake = skew < -LEASE_SKEW_SECONDS;
      if ((result.outcome === 'ran') !== shouldTake) wrong += 1;
      tried += 1;
      await env.DB.prepare('DELETE FROM leases').run();
      await settle();
    }
    record(task, { family: 'clock-skew', tried, fiveXX: 0, stateChanges: wrong });
    expect(wrong).toBe(0);
  });
});
