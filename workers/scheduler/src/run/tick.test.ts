import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { ScorecardReader } from '@kaoping/db/scorecard-reader';
import { updateStageData } from '@kaoping/db/scoring-work';
import { ENGINE_VERSION } from '@kaoping/standards';
import { describe, expect, it } from 'vitest';
import { FaultyD1 } from '../../test/d1-faults.ts';
import { AT, GZ_HASH, mintCampaign, rowKey } from '../../test/factories.ts';
import {
  count,
  decoded,
  expectedJson,
  holdLeaseFor,
  runTick,
  snapshots,
  testEnv,
  tick,
  tickOutcome,
} from '../../test/harness.ts';
import worker from '../index.ts';

// A cron tick over a seeded campaign, through the real scheduled() handler.

describe('a scoring run', () => {
  it('snapshots every stage row with exactly what score() gives, and points at it', async () => {
    const campaign = await mintCampaign({ units: 7, stages: ['self', 'town'] });
    await tick({ SCORING_CHUNK_ROWS: '4' });

    const rows = await snapshots(campaign.tenantId);
    expect(rows).toHaveLength(14);
    const json = await decoded(campaign.tenantId, rows);
    rows.forEach((row, i) => {
      expect(json[i]).toBe(expectedJson(campaign, row.submission_id, row.stage));
      expect(row).toMatchObject({
        pack_key: 'gz.full-employment',
        pack_version: '2024.1',
        pack_hash: GZ_HASH,
        engine_version: ENGINE_VERSION,
        complete: 1,
      });
      expect(row.total).toBe(JSON.parse(json[i] as string).total);
    });
    // The read API's decoder gives the same scorecards.
    const reader = new ScorecardReader(campaign.tdb);
    expect(
      (await reader.decodeMany(rows.map((r) => r.scorecard))).map((c) => JSON.stringify(c)),
    ).toEqual(json);
    expect(await reader.decodeJson(rows[0]?.scorecard)).toBe(json[0]);
    // One pointer and one event per stage row, each at its snapshot.
    expect(
      await count(
        `SELECT count(*) AS n FROM current_scores c JOIN score_snapshots s ON s.seq = c.snapshot_seq
         WHERE c.tenant_id = ? AND s.submission_id = c.submission_id AND s.stage = c.stage`,
        campaign.tenantId,
      ),
    ).toBe(14);
    expect(
      await count('SELECT count(*) AS n FROM score_events WHERE tenant_id = ?', campaign.tenantId),
    ).toBe(14);
    expect(
      await count(
        'SELECT count(*) AS n FROM submission_stages WHERE tenant_id = ? AND dirty <> 0',
        campaign.tenantId,
      ),
    ).toBe(0);
    const run = await env.DB.prepare(
      `SELECT status, total, done, written, errors FROM scoring_runs
       WHERE id = (SELECT run_id FROM score_snapshots WHERE tenant_id = ? LIMIT 1)`,
    )
      .bind(campaign.tenantId)
      .first();
    expect(run).toEqual({ status: 'done', total: 14, done: 14, written: 14, errors: 0 });
  });

  it('a second run reads next to nothing and writes nothing', async () => {
    const campaign = await mintCampaign({ units: 5 });
    await tick();
    const before = {
      snapshots: await count('SELECT count(*) AS n FROM score_snapshots'),
      events: await count('SELECT count(*) AS n FROM score_events'),
      runs: await count('SELECT count(*) AS n FROM scoring_runs'),
      rollups: await count('SELECT count(*) AS n FROM rollups'),
    };
    const faults = new FaultyD1(env.DB);
    const outcome = await tickOutcome({ DB: faults.binding });
    expect(outcome.outcome).toBe('idle');
    expect(faults.calls).toBe(1);
    expect(faults.rowsWritten).toBe(0);
    expect(faults.rowsRead).toBeLessThanOrEqual(4);
    expect({
      snapshots: await count('SELECT count(*) AS n FROM score_snapshots'),
      events: await count('SELECT count(*) AS n FROM score_events'),
      runs: await count('SELECT count(*) AS n FROM scoring_runs'),
      rollups: await count('SELECT count(*) AS n FROM rollups'),
    }).toEqual(before);
    expect((await snapshots(campaign.tenantId)).length).toBe(5);
  });

  it('an edited input makes exactly one new snapshot, one event, one pointer move', async () => {
    const campaign = await mintCampaign({ units: 4, stages: ['self', 'town'] });
    await tick();
    const unit = campaign.units[2];
    if (!unit) throw new Error('no unit');
    const inputs = {
      ...campaign.inputs.get(rowKey(unit.submissionId, 'town')),
      unemployedReemployed: 1,
    };
    await campaign.tdb.batch([
      updateStageData(campaign.tdb, {
        submissionId: unit.submissionId,
        stage: 'town',
        inputs,
        assessments: {},
        updatedBy: 'usr_test',
        at: AT,
      }),
    ]);
    const eventsBefore = await count(
      'SELECT count(*) AS n FROM score_events WHERE tenant_id = ?',
      campaign.tenantId,
    );
    await tick();
    const rows = await snapshots(campaign.tenantId);
    expect(rows).toHaveLength(9);
    const fresh = rows.at(-1);
    expect(fresh).toMatchObject({ submission_id: unit.submissionId, stage: 'town' });
    expect((await decoded(campaign.tenantId, [fresh as never]))[0]).toBe(
      expectedJson(campaign, unit.submissionId, 'town', { inputs }),
    );
    expect(
      await count('SELECT count(*) AS n FROM score_events WHERE tenant_id = ?', campaign.tenantId),
    ).toBe(eventsBefore + 1);
    expect(
      await count(
        `SELECT count(*) AS n FROM current_scores WHERE tenant_id = ? AND submission_id = ?
           AND stage = 'town' AND snapshot_seq = ?`,
        campaign.tenantId,
        unit.submissionId,
        fresh?.seq,
      ),
    ).toBe(1);
  });

  it('reverting an edit moves the pointer back to the old snapshot and logs the move', async () => {
    const campaign = await mintCampaign({ units: 2 });
    await tick();
    const unit = campaign.units[0];
    if (!unit) throw new Error('no unit');
    const original = campaign.inputs.get(rowKey(unit.submissionId, 'self')) ?? {};
    const write = (inputs: Record<string, unknown>) =>
      campaign.tdb.batch([
        updateStageData(campaign.tdb, {
          submissionId: unit.submissionId,
          stage: 'self',
          inputs,
          assessments: {},
          updatedBy: 'usr_test',
          at: AT,
        }),
      ]);
    await write({ ...original, staffCount: 9 });
    await tick();
    await write(original);
    await tick();
    expect(await snapshots(campaign.tenantId)).toHaveLength(3);
    const moves = await env.DB.prepare(
      `SELECT snapshot_seq FROM score_events WHERE tenant_id = ? AND submission_id = ? ORDER BY seq`,
    )
      .bind(campaign.tenantId, unit.submissionId)
      .all<{ snapshot_seq: number }>();
    const seqs = moves.results.map((m) => m.snapshot_seq);
    expect(seqs).toHaveLength(3);
    expect(seqs[2]).toBe(seqs[0]);
  });
});

describe('a row the engine refuses', () => {
  it('is quarantined with its error on the run; the others are scored', async () => {
    const campaign = await mintCampaign({ units: 4 });
    const odd = campaign.units[1];
    if (!odd) throw new Error('unit');
    // The gz pack assesses communities and villages, not towns.
    await env.DB.prepare(
      `UPDATE cycle_units SET unit_kind = 'town' WHERE tenant_id = ? AND org_unit_id = ?`,
    )
      .bind(campaign.tenantId, odd.id)
      .run();
    const outcome = await tickOutcome();
    expect(outcome.scored).toBe(4);
    expect(await snapshots(campaign.tenantId)).toHaveLength(3);
    const row = await env.DB.prepare(
      'SELECT dirty FROM submission_stages WHERE tenant_id = ? AND submission_id = ?',
    )
      .bind(campaign.tenantId, odd.submissionId)
      .first();
    expect(row).toEqual({ dirty: 2 });
    const run = await env.DB.prepare('SELECT errors, last_error FROM scoring_runs WHERE id = ?')
      .bind(outcome.runId)
      .first<{ errors: number; last_error: string }>();
    expect(run?.errors).toBe(1);
    expect(run?.last_error).toMatch(/RangeError.*town/);
    // Quarantined: not work any more, until its data or the cycle changes.
    expect((await tickOutcome()).outcome).toBe('idle');
  });
});

describe('one run per tick, one scheduler at a time', () => {
  it('two deliveries of the same scheduled time start one run', async () => {
    await mintCampaign({ units: 3 });
    const at = Date.UTC(2026, 10, 23, 9, 0);
    await runTick(at);
    const { mintCampaign: again } = await import('../../test/factories.ts');
    await again({ units: 2 });
    await runTick(at);
    const runs = await env.DB.prepare(
      `SELECT status FROM scoring_runs WHERE trigger = 'cron' AND scheduled_time = ?`,
    )
      .bind(new Date(at).toISOString())
      .all();
    expect(runs.results).toEqual([{ status: 'done' }]);
    // The second delivery found the tick already run: its work waits for the next tick.
    expect(await count('SELECT count(*) AS n FROM submission_stages WHERE dirty = 1')).toBe(2);
    await tick();
    expect(await count('SELECT count(*) AS n FROM submission_stages WHERE dirty = 1')).toBe(0);
  });

  it('a tick that finds a live lease exits cleanly and touches nothing', async () => {
    await mintCampaign({ units: 2 });
    await holdLeaseFor('lease_other', 60_000);
    const faults = new FaultyD1(env.DB);
    const outcome = await tickOutcome({ DB: faults.binding });
    expect(outcome.outcome).toBe('lease-held');
    expect(faults.rowsWritten).toBe(0);
    await env.DB.prepare(`DELETE FROM leases WHERE owner = 'lease_other'`).run();
    expect((await tickOutcome()).outcome).toBe('ran');
  });

  it('an expired lease is taken over, but not within the two minutes of clock skew', async () => {
    await mintCampaign({ units: 2 });
    await holdLeaseFor('lease_slow_clock', -60_000);
    expect((await tickOutcome()).outcome).toBe('lease-held');
    await holdLeaseFor('lease_dead', -(2 * 60_000 + 5_000));
    expect((await tickOutcome()).outcome).toBe('ran');
    expect(await count(`SELECT count(*) AS n FROM leases`)).toBe(0);
  });
});

describe('the dev-only tick route', () => {
  it('answers 404 unless ENVIRONMENT is development; there it runs a tick', async () => {
    const request = () =>
      new Request('http://scheduler/__dev/tick', { method: 'POST' }) as unknown as Request<
        unknown,
        IncomingRequestCfProperties
      >;
    const ctx = createExecutionContext();
    const hidden = await worker.fetch(request(), testEnv() as unknown as Env, ctx);
    expect(hidden.status).toBe(404);
    const production = await worker.fetch(
      request(),
      testEnv({ ENVIRONMENT: 'production' }) as unknown as Env,
      ctx,
    );
    expect(production.status).toBe(404);
    await mintCampaign({ units: 2 });
    const dev = await worker.fetch(
      request(),
      testEnv({ ENVIRONMENT: 'development' }) as unknown as Env,
      ctx,
    );
    expect(dev.status).toBe(200);
    expect(await dev.json()).toMatchObject({ outcome: 'ran', scored: 2 });
  });
});
