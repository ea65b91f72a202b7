import { env } from 'cloudflare:workers';
import type { ChunkMessage, ScoringMessage } from '@kaoping/db/scoring-messages';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshCycle } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { importUnits } from '../../../test/score-fixtures.ts';
import {
  deliverDeadLetters,
  deliverScoring,
  queuedMessage,
  runScheduler,
} from '../../../test/scoring.ts';

/**
 * Scoring on demand: an admin re-scores a cycle; the scheduler's queue consumer (the real one,
 * given the messages the api queued) plans and scores it; the run's progress and outcome are
 * readable; a message that dies lands in the dead letters and a replay completes it.
 */

interface Run {
  id: string;
  cycle_id: string;
  trigger: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  progress: number;
  written: number;
  errors: number;
  chunks: Record<string, number>;
}

interface DeadLetter {
  id: string;
  message: { kind: string; run_id: string; cycle_id: string; seq: number } | null;
  error: string;
  replayed_at: string | null;
}

let t: TestTenant;
let cycleId: string;
const UNITS = 7;

beforeAll(async () => {
  t = await createTestTenant();
  const units = await importUnits(t, t.units.town, UNITS);
  cycleId = (await freshCycle(t, { units: units.map((u) => ({ org_unit_id: u.id })) })).id;
  await runScheduler();
});

/** Delivers what the scheduler sends on, until it sends nothing more. */
async function drain(first: ScoringMessage[]) {
  let pending = first;
  for (let round = 0; pending.length > 0 && round < 10; round++) {
    const next: ScoringMessage[] = [];
    for (let i = 0; i < pending.length; i += 5) {
      next.push(...(await deliverScoring(pending.slice(i, i + 5))));
    }
    pending = next;
  }
}

async function rescore(): Promise<Run> {
  return callJson<Run>(`/v1/cycles/${cycleId}/rescore`, {
    method: 'POST',
    token: t.tokens.admin,
    expect: 202,
  });
}

describe('POST /v1/cycles/{cycleId}/rescore and GET /v1/runs', () => {
  it('queues a plan the scheduler carries out; the run reports its progress and outcome', async () => {
    const run = await rescore();
    expect(run).toMatchObject({ cycle_id: cycleId, trigger: 'manual', status: 'running' });
    const plan = await queuedMessage(run.id);
    expect(plan).toMatchObject({ kind: 'plan', runId: run.id, cycleId, tenantId: t.id });
    const { results } = await env.DB.prepare(
      'SELECT dirty FROM submission_stages WHERE tenant_id = ? AND cycle_id = ?',
    )
      .bind(t.id, cycleId)
      .all<{ dirty: number }>();
    expect(results.map((r) => r.dirty)).toEqual(results.map(() => 1));

    await drain([plan]);
    const done = await callJson<Run>(`/v1/runs/${run.id}`, { token: t.tokens.admin });
    expect(done).toMatchObject({
      status: 'done',
      total: UNITS,
      done: UNITS,
      progress: 1,
      errors: 0,
    });
    // Nothing had changed: the same inputs give the same snapshots, none new.
    expect(done.written).toBe(0);
    const list = await callJson<{ items: Run[] }>(`/v1/runs?cycle_id=${cycleId}`, {
      token: t.tokens.admin,
    });
    expect(list.items[0]!.id).toBe(run.id);
    const audit = await callJson<{ items: { action: string; entity_id: string }[] }>(
      '/v1/audit?action=cycle.rescore',
      { token: t.tokens.admin },
    );
    expect(audit.items.map((a) => a.entity_id)).toContain(cycleId);
  });

  it('the same Idempotency-Key does not start a second run', async () => {
    const key = crypto.randomUUID();
    const send = () =>
      call(`/v1/cycles/${cycleId}/rescore`, {
        method: 'POST',
        token: t.tokens.admin,
        headers: { 'idempotency-key': key },
      });
    const first = (await (await send()).json()) as Run;
    const again = await send();
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Run).id).toBe(first.id);
    await drain([await queuedMessage(first.id)]);
  });
});

describe('dead letters', () => {
  it('a plan that died is listed, replayed once, and its run then completes', async () => {
    const run = await rescore();
    await deliverDeadLetters([await queuedMessage(run.id)]);
    const failed = await callJson<Run>(`/v1/runs/${run.id}`, { token: t.tokens.admin });
    expect(failed.status).toBe('failed');
    const pending = await callJson<{ items: DeadLetter[] }>('/v1/dead-letters', {
      token: t.tokens.admin,
    });
    const letter = pending.items.find((d) => d.message?.run_id === run.id)!;
    expect(letter.message).toMatchObject({ kind: 'plan', cycle_id: cycleId, seq: 0 });
    expect(letter.replayed_at).toBeNull();

    const replayed = await callJson<{ id: string; run: Run }>(
      `/v1/dead-letters/${letter.id}/replay`,
      { method: 'POST', token: t.tokens.admin, expect: 200 },
    );
    expect(replayed.run).toMatchObject({ id: run.id, status: 'running' });
    const twice = await call(`/v1/dead-letters/${letter.id}/replay`, {
      method: 'POST',
      token: t.tokens.admin,
    });
    expect(twice.status).toBe(409);
    await drain([await queuedMessage(run.id)]);
    expect(await callJson<Run>(`/v1/runs/${run.id}`, { token: t.tokens.admin })).toMatchObject({
      status: 'done',
      done: UNITS,
    });
    const left = await callJson<{ items: DeadLetter[] }>('/v1/dead-letters', {
      token: t.tokens.admin,
    });
    expect(left.items.some((d) => d.id === letter.id)).toBe(false);
    const all = await callJson<{ items: DeadLetter[] }>('/v1/dead-letters?status=all', {
      token: t.tokens.admin,
    });
    expect(all.items.find((d) => d.id === letter.id)!.replayed_at).not.toBeNull();
  });

  it('a dead chunk quarantines its rows until the replay scores them', async () => {
    const run = await rescore();
    const chunks: ScoringMessage[] = await deliverScoring([await queuedMessage(run.id)]);
    expect(chunks.length).toBeGreaterThan(0);
    const [dead, ...rest] = chunks as ChunkMessage[];
    await deliverDeadLetters([dead!]);
    await drain(rest);
    const quarantined = await env.DB.prepare(
      'SELECT count(*) AS n FROM submission_stages WHERE tenant_id = ? AND dirty = 2',
    )
      .bind(t.id)
      .first<{ n: number }>();
    expect(quarantined!.n).toBeGreaterThan(0);
    const letter = (
      await callJson<{ items: DeadLetter[] }>('/v1/dead-letters', { token: t.tokens.admin })
    ).items.find((d) => d.message?.run_id === run.id)!;
    expect(letter.message).toMatchObject({ kind: 'chunk', seq: dead!.seq });
    await callJson(`/v1/dead-letters/${letter.id}/replay`, {
      method: 'POST',
      token: t.tokens.admin,
      expect: 200,
    });
    await drain([await queuedMessage(run.id, dead!.seq)]);
    const after = await env.DB.prepare(
      'SELECT count(*) AS n FROM submission_stages WHERE tenant_id = ? AND dirty <> 0',
    )
      .bind(t.id)
      .first<{ n: number }>();
    expect(after!.n).toBe(0);
    expect(await callJson<Run>(`/v1/runs/${run.id}`, { token: t.tokens.admin })).toMatchObject({
      status: 'done',
    });
  });
});

describe('cron runs, as each tenant sees them', () => {
  it('one cron run over two tenants: each admin sees the run with its own share only', async () => {
    const other = await createTestTenant();
    const stranger = await createTestTenant();
    const mine = await importUnits(t, t.units.town, 4);
    const theirs = await importUnits(other, other.units.town, 3);
    const myCycle = (await freshCycle(t, { units: mine.map((u) => ({ org_unit_id: u.id })) })).id;
    const theirCycle = (
      await freshCycle(other, { units: theirs.map((u) => ({ org_unit_id: u.id })) })
    ).id;
    const tick = await runScheduler();
    expect(tick.outcome).toBe('ran');

    const cronOf = async (tenant: TestTenant, cycle: string) =>
      (
        await callJson<{ items: (Run & { last_error: string | null })[] }>(
          `/v1/runs?cycle_id=${cycle}`,
          { token: tenant.tokens.admin },
        )
      ).items.filter((r) => r.trigger === 'cron');
    const [seenByMe] = await cronOf(t, myCycle);
    const [seenByThem] = await cronOf(other, theirCycle);
    // The same run, each tenant's figures: one stage row (self-assessment) per unit.
    expect(seenByMe).toMatchObject({
      id: tick.runId,
      cycle_id: myCycle,
      status: 'done',
      total: 4,
      done: 4,
      progress: 1,
      written: 4,
      errors: 0,
      last_error: null,
    });
    expect(seenByThem).toMatchObject({ id: tick.runId, cycle_id: theirCycle, done: 3, written: 3 });
    // Without a cycle filter the run still shows this tenant's share, not the other's rows.
    const all = await callJson<{ items: Run[] }>('/v1/runs', { token: other.tokens.admin });
    expect(all.items.find((r) => r.id === tick.runId)).toMatchObject({ done: 3 });
    expect(
      await callJson<Run>(`/v1/runs/${tick.runId}`, { token: other.tokens.admin }),
    ).toMatchObject({ trigger: 'cron', done: 3, cycle_id: theirCycle });
    // A tenant the run did nothing for does not see it at all.
    await call(`/v1/runs/${tick.runId}`, { token: stranger.tokens.admin }).then((res) =>
      expect(res.status).toBe(404),
    );
    const strangers = await callJson<{ items: Run[] }>('/v1/runs', {
      token: stranger.tokens.admin,
    });
    expect(strangers.items.map((r) => r.id)).not.toContain(tick.runId);

    // A second tick with nothing new adds no run to anyone's list.
    expect((await runScheduler()).outcome).toBe('idle');
    expect(await cronOf(t, myCycle)).toHaveLength(1);
  });
});
