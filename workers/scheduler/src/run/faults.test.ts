import { env } from 'cloudflare:workers';
import { newId } from '@kaoping/db/ids';
import { cycles, packVersions } from '@kaoping/db/schema';
import { cycleScoringChanged, updateStageData } from '@kaoping/db/scoring-work';
import { contentHash, definePack, type PackInput } from '@kaoping/standards';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { record } from '../../../../scripts/resilience/record.ts';
import { FaultyD1, InjectedFault } from '../../test/d1-faults.ts';
import { AT, type Campaign, GZ, GZ_HASH, mintCampaign, rowKey } from '../../test/factories.ts';
import {
  count,
  decoded,
  expectedJson,
  expireLeases,
  outcome,
  snapshots,
  tickOutcome,
} from '../../test/harness.ts';

// RESILIENCE.md, "Faults survived": fail at every statement k of a run; stop the Worker
// mid-run; overlap two runs; edit inputs and publish a pack version while a run is going.
// The oracle: what a clean run leaves — one snapshot per stage row equal to score(), a
// pointer and an event for each, nothing dirty, no run left running, no lease held.

const SHAPE = { units: 6, stages: ['self', 'town'] } as const;
const SMALL_CHUNKS = { SCORING_CHUNK_ROWS: '5' };

async function tickUntilSettled(overrides = SMALL_CHUNKS): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const result = await tickOutcome(overrides);
    seen.push(result.outcome);
    if (result.outcome === 'idle') return;
  }
  throw new Error(`the scheduler did not settle: ${seen.join(', ')}`);
}

/** The state a clean run leaves for a campaign, checked against score() itself. */
async function expectClean(campaign: Campaign): Promise<void> {
  const rows = await snapshots(campaign.tenantId);
  const keys = rows.map((r) => rowKey(r.submission_id, r.stage));
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.sort()).toEqual([...campaign.inputs.keys()].sort());
  const json = await decoded(campaign.tenantId, rows);
  rows.forEach((row, i) => {
    expect(json[i]).toBe(expectedJson(campaign, row.submission_id, row.stage));
  });
  const state = await outcome(campaign.tenantId);
  expect(state.pointers).toHaveLength(rows.length);
  expect(state.events).toHaveLength(rows.length);
  expect(state.dirty).toBe(0);
  expect(await count(`SELECT count(*) AS n FROM scoring_runs WHERE status = 'running'`)).toBe(0);
  expect(await count('SELECT count(*) AS n FROM leases')).toBe(0);
  expect(
    await count(
      'SELECT count(*) AS n FROM rollup_contributions WHERE tenant_id = ? AND stale > 0',
      campaign.tenantId,
    ),
  ).toBe(0);
  // The tenant's share of the runs counts each row once: a batch rolled back counted nothing.
  expect(
    await count(
      'SELECT coalesce(sum(handled), 0) AS n FROM scoring_run_cycles WHERE tenant_id = ?',
      campaign.tenantId,
    ),
  ).toBe(rows.length);
}

// A test that fails must not leave its lease to fail the next ones.
afterEach(async () => {
  await env.DB.prepare('DELETE FROM leases').run();
});

describe('a run that fails part-way', () => {
  it('fails at every D1 call k in turn; re-running until done equals a clean run', async ({
    task,
  }) => {
    const clean = await mintCampaign(SHAPE);
    const counter = new FaultyD1(env.DB);
    await tickOutcome({ DB: counter.binding, ...SMALL_CHUNKS });
    await expectClean(clean);
    const calls = counter.calls;
    expect(calls).toBeGreaterThan(15);

    for (let k = 1; k <= calls; k++) {
      const campaign = await mintCampaign(SHAPE);
      const faults = new FaultyD1(env.DB, { failAt: k });
      await tickOutcome({ DB: faults.binding, ...SMALL_CHUNKS }).catch(() => undefined);
      await tickUntilSettled();
      await expectClean(campaign);
    }
    // For the `pnpm test:resilience` table (each k ended equal to a clean run, or failed above).
    record(task, { family: 'scheduler', tried: calls, fiveXX: 0, lost: 0, duplicated: 0 });
  });

  it('a Worker that stops at call k (lease held, run left running) is finished by the next', async () => {
    const probe = new FaultyD1(env.DB);
    await mintCampaign(SHAPE);
    await tickOutcome({ DB: probe.binding, ...SMALL_CHUNKS });
    // Not the last call: it releases the lease, best-effort (tried three times, else left to
    // expire and be taken over: tick.test.ts), so a Worker that dies there has done its work.
    for (let k = 3; k < probe.calls; k += 3) {
      const campaign = await mintCampaign(SHAPE);
      const dying = new FaultyD1(env.DB, { dieAt: k });
      await expect(tickOutcome({ DB: dying.binding, ...SMALL_CHUNKS })).rejects.toThrow(
        /injected fault/,
      );
      // Time passes: the dead Worker's lease and heartbeat run out.
      await expireLeases();
      await tickUntilSettled();
      await expectClean(campaign);
    }
  });

  it('a run stopped at 50 % resumes under the same run id and scores only what is left', async () => {
    const campaign = await mintCampaign({ units: 10 });
    const chunks = { SCORING_CHUNK_ROWS: '2' };
    // The Worker dies as soon as two chunks (4 of 10 rows) have committed.
    let dead = false;
    const probe = new FaultyD1(env.DB, {
      before: async (call) => {
        const committed = await count(
          'SELECT count(*) AS n FROM score_snapshots WHERE tenant_id = ?',
          campaign.tenantId,
        );
        if (dead || committed >= 4) {
          dead = true;
          throw new InjectedFault(call);
        }
      },
    });
    await expect(tickOutcome({ DB: probe.binding, ...chunks })).rejects.toThrow();
    const halfway = await snapshots(campaign.tenantId);
    expect(halfway).toHaveLength(4);
    const run = await env.DB.prepare(`SELECT id, status, total, done FROM scoring_runs
      WHERE id = ?`)
      .bind(halfway[0]?.run_id)
      .first<{ id: string; status: string; total: number; done: number }>();
    expect(run).toMatchObject({ status: 'running', total: 10, done: halfway.length });

    await expireLeases();
    const resume = new FaultyD1(env.DB);
    await tickOutcome({ DB: resume.binding, ...chunks });
    const all = await snapshots(campaign.tenantId);
    expect(all).toHaveLength(10);
    // Only the remaining rows were read and scored, under the same run.
    expect(new Set(all.map((s) => s.run_id))).toEqual(new Set([run?.id]));
    const finished = await env.DB.prepare(
      'SELECT status, total, done, written FROM scoring_runs WHERE id = ?',
    )
      .bind(run?.id)
      .first();
    expect(finished).toEqual({ status: 'done', total: 10, done: 10, written: 10 });
    await expectClean(campaign);
  });
});

describe('overlapping runs', () => {
  it('two ticks at once: one runs, the other finds the lease and leaves; nothing twice', async () => {
    const campaign = await mintCampaign(SHAPE);
    const results = await Promise.all([tickOutcome(SMALL_CHUNKS), tickOutcome(SMALL_CHUNKS)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['lease-held', 'ran']);
    await tickUntilSettled();
    await expectClean(campaign);
  });

  it('a run whose lease was taken over cannot write: its next batch is refused whole', async () => {
    const campaign = await mintCampaign(SHAPE);
    let overtaken = false;
    const slow = new FaultyD1(env.DB, {
      // After its first chunk, the slow run stalls past its lease; another tick takes over
      // and does everything. Then the slow run wakes up and tries its next chunk.
      before: async (_call, kind, batches) => {
        // Its second chunk is read; just before that chunk's batch, the takeover.
        if (kind === 'batch' && batches === 1 && !overtaken) {
          overtaken = true;
          await expireLeases();
          await tickOutcome(SMALL_CHUNKS);
        }
      },
    });
    await expect(tickOutcome({ DB: slow.binding, ...SMALL_CHUNKS })).rejects.toThrow(
      /lease_lost|guard/,
    );
    expect(overtaken).toBe(true);
    await tickUntilSettled();
    await expectClean(campaign);
  });
});

describe('changes while a run is going', () => {
  it('inputs edited mid-run: rows behind the run stay dirty and the next run scores them', async () => {
    const campaign = await mintCampaign({ units: 6 });
    const [first, , , , , last] = campaign.units;
    if (!first || !last) throw new Error('units');
    const edit = async (submissionId: string) => {
      const inputs = { ...campaign.inputs.get(rowKey(submissionId, 'self')), staffCount: 7 };
      campaign.inputs.set(rowKey(submissionId, 'self'), inputs);
      await campaign.tdb.batch([
        updateStageData(campaign.tdb, {
          submissionId,
          stage: 'self',
          inputs,
          assessments: {},
          updatedBy: 'usr_test',
          at: AT,
        }),
      ]);
    };
    const sorted = [...campaign.units].sort((a, b) => a.submissionId.localeCompare(b.submissionId));
    const early = sorted[0] as (typeof sorted)[number];
    const late = sorted[5] as (typeof sorted)[number];
    let edited = false;
    const run = new FaultyD1(env.DB, {
      before: async (_call, _kind, batches) => {
        // After the first chunk (2 rows) committed: edit a row it scored and one still ahead.
        if (!edited && batches === 1) {
          edited = true;
          await edit(early.submissionId);
          await edit(late.submissionId);
        }
      },
    });
    await tickOutcome({ DB: run.binding, SCORING_CHUNK_ROWS: '2' });
    expect(edited).toBe(true);
    // The row ahead was read after the edit: scored with it. The row behind waits.
    expect(
      await count(
        `SELECT count(*) AS n FROM submission_stages WHERE tenant_id = ? AND dirty = 1`,
        campaign.tenantId,
      ),
    ).toBe(1);
    await tickUntilSettled();
    const state = await outcome(campaign.tenantId);
    expect(state.dirty).toBe(0);
    for (const unit of campaign.units) {
      const pointer = await env.DB.prepare(
        `SELECT s.scorecard, s.id FROM current_scores c JOIN score_snapshots s ON s.seq = c.snapshot_seq
         WHERE c.tenant_id = ? AND c.submission_id = ?`,
      )
        .bind(campaign.tenantId, unit.submissionId)
        .first<{ scorecard: string }>();
      const [json] = await decoded(campaign.tenantId, [pointer as never]);
      expect(json).toBe(expectedJson(campaign, unit.submissionId, 'self'));
    }
  });

  it('a pack version published mid-run: the run stays on its version, the next uses the new', async () => {
    const campaign = await mintCampaign({ units: 6 });
    const v2 = definePack({ ...(GZ as unknown as PackInput), version: '2024.2' });
    const v2Hash = contentHash(v2);
    let published = false;
    const run = new FaultyD1(env.DB, {
      before: async (_call, _kind, batches) => {
        if (!published && batches === 1) {
          published = true;
          await campaign.tdb.batch([
            campaign.tdb.insert(packVersions, {
              id: newId('packVersion'),
              key: v2.key,
              version: v2.version,
              status: 'published',
              body: v2,
              contentHash: v2Hash,
              createdBy: 'usr_test',
              createdAt: AT,
              updatedAt: AT,
              publishedAt: AT,
            }),
            campaign.tdb.update(
              cycles,
              { packVersion: v2.version, packHash: v2Hash },
              eq(cycles.id, campaign.cycleId),
            ),
            ...cycleScoringChanged(campaign.tdb, { cycleId: campaign.cycleId, at: AT }),
          ]);
        }
      },
    });
    await tickOutcome({ DB: run.binding, SCORING_CHUNK_ROWS: '2' });
    expect(published).toBe(true);
    const firstRun = await snapshots(campaign.tenantId);
    // Everything this run wrote is on the version it started with.
    expect(new Set(firstRun.map((s) => s.pack_hash))).toEqual(new Set([GZ_HASH]));
    expect(firstRun.length).toBeLessThan(6);

    await tickUntilSettled();
    const pointers = await env.DB.prepare(
      `SELECT s.pack_hash, s.pack_version, s.submission_id, s.scorecard FROM current_scores c
       JOIN score_snapshots s ON s.seq = c.snapshot_seq WHERE c.tenant_id = ?`,
    )
      .bind(campaign.tenantId)
      .all<{ pack_hash: string; pack_version: string; submission_id: string; scorecard: string }>();
    expect(pointers.results).toHaveLength(6);
    expect(new Set(pointers.results.map((p) => p.pack_version))).toEqual(new Set(['2024.2']));
    const json = await decoded(campaign.tenantId, pointers.results as never);
    pointers.results.forEach((p, i) => {
      expect(json[i]).toBe(expectedJson(campaign, p.submission_id, 'self', { pack: v2 }));
    });
  });
});
