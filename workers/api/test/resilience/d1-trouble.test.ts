import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { quantile, record } from '../../../../scripts/resilience/record.ts';
import {
  D1_BACKOFF_CAP_MS,
  D1_WRITE_ATTEMPTS,
  RETRY_AFTER_SECONDS,
  resetD1CoolDown,
} from '../../src/lib/d1-retry.ts';
import { FaultyD1 } from './d1-faults.ts';
import { callThrough, type LightTenant, lightTenant } from './fault-http.ts';

/**
 * RESILIENCE.md: "Transient D1 errors on an idempotent write are retried with backoff;
 * 'overloaded' answers 503 with Retry-After, with no retry storm", and "a client that
 * times out after the server committed retries with the same idempotency key and gets
 * the same answer; one row".
 */

afterEach(() => resetD1CoolDown());

const countUnits = async (tenantId: string, name: string) =>
  (await env.DB.prepare('SELECT count(*) AS n FROM org_units WHERE tenant_id = ? AND name = ?')
    .bind(tenantId, name)
    .first<{ n: number }>())!.n;

/** A D1 whose first `n` commits (batch calls) fail with `kind`; reads pass. */
const failingCommits = (n: number, kind: 'transient' | 'overloaded') =>
  new FaultyD1(env.DB, { failFirst: n, kind, commitsOnly: true });

/** When each commit was tried. */
const commitTimes = (d1: FaultyD1) => d1.times.filter((_, i) => d1.kinds[i] === 'batch');

function createUnit(t: LightTenant, db: D1Database | undefined, name: string, key?: string) {
  return callThrough(db, '/v1/org-units', {
    token: t.admin,
    headers: key ? { 'idempotency-key': key } : {},
    body: { parent_id: t.root.id, kind: 'town', name },
  });
}

describe('transient D1 errors on writes', { timeout: 60_000 }, () => {
  it('are retried with backoff: two lost connections, then the write lands once', async ({
    task,
  }) => {
    const t = await lightTenant();
    const d1 = failingCommits(D1_WRITE_ATTEMPTS - 1, 'transient');
    const res = await createUnit(t, d1.binding, '重试镇');
    expect(res.status, res.text).toBe(201);
    expect(d1.batches).toBe(D1_WRITE_ATTEMPTS);
    expect(await countUnits(t.id, '重试镇')).toBe(1);
    // Each retry waited at most its backoff ceiling (plus the landed-check read).
    const times = commitTimes(d1);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    for (const gap of gaps) expect(gap).toBeLessThan(D1_BACKOFF_CAP_MS + 500);
    record(task, { family: 'd1-transient', tried: d1.injected, fiveXX: 0, lost: 0, duplicated: 0 });
  });

  it('that outlast the retries answer 503 with Retry-After, and nothing is written', async ({
    task,
  }) => {
    const t = await lightTenant();
    const d1 = failingCommits(100, 'transient');
    const res = await createUnit(t, d1.binding, '失败镇');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.text).not.toMatch(/D1_ERROR|Network connection/);
    expect(d1.batches).toBe(D1_WRITE_ATTEMPTS);
    expect(await countUnits(t.id, '失败镇')).toBe(0);
    record(task, {
      family: 'd1-transient',
      tried: d1.injected,
      fiveXX: 0,
      designed503: 1,
      stateChanges: 0,
    });
  });
});

describe('an overloaded D1', { timeout: 60_000 }, () => {
  it('gets 503 with Retry-After and no retry storm: one commit attempt per request', async ({
    task,
  }) => {
    const t = await lightTenant();
    const d1 = failingCommits(1_000, 'overloaded');
    const requests = 50;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: requests }, (_, i) => createUnit(t, d1.binding, `过载镇${i}`)),
    );
    const elapsed = performance.now() - started;
    for (const a of answers) {
      expect(a.status).toBe(503);
      expect(a.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    }
    // Amplification 1.0: D1 saw exactly one commit per request, none retried.
    expect(d1.batches).toBe(requests);
    const written = await env.DB.prepare(
      `SELECT count(*) AS n FROM org_units WHERE tenant_id = ? AND name LIKE '过载镇%'`,
    )
      .bind(t.id)
      .first<{ n: number }>();
    expect(written?.n).toBe(0);
    // And during the cool-down a transient failure is not retried either.
    const transient = failingCommits(1, 'transient');
    const during = await createUnit(t, transient.binding, '冷却镇');
    expect(during.status).toBe(503);
    expect(transient.batches).toBe(1);
    record(task, {
      family: 'd1-transient',
      tried: d1.injected + transient.injected,
      fiveXX: 0,
      designed503: requests + 1,
      stateChanges: 0,
      p50: quantile([elapsed / requests], 0.5),
    });
  });
});

describe('a client that timed out after the server committed', { timeout: 60_000 }, () => {
  it('retries with the same Idempotency-Key and gets the same answer; one row', async ({
    task,
  }) => {
    const t = await lightTenant();
    const key = crypto.randomUUID();
    // The first answer never reaches the client (it gave up waiting); the server finished.
    const lost = await createUnit(t, undefined, '超时镇', key);
    expect(lost.status).toBe(201);
    const retried = await createUnit(t, undefined, '超时镇', key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.text).toBe(lost.text);
    expect(retried.headers.get('etag')).toBe(lost.headers.get('etag'));
    // And when D1's answer to the commit itself was lost: the write is found, not redone.
    const key2 = crypto.randomUUID();
    const faulty = new FaultyD1(env.DB, { loseAnswerAt: 1, commitsOnly: true });
    const first = await createUnit(t, faulty.binding, '丢答镇', key2);
    expect(faulty.injected).toBe(1);
    expect(first.status).toBe(201);
    const again = await createUnit(t, undefined, '丢答镇', key2);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(await countUnits(t.id, '超时镇')).toBe(1);
    expect(await countUnits(t.id, '丢答镇')).toBe(1);
    record(task, { family: 'd1-write', tried: 2, fiveXX: 0, lost: 0, duplicated: 0 });
  });
});
