import { expect, inject, it } from 'vitest';
import { quantile, record } from '../../../scripts/resilience/record.ts';
import { bearer, Traffic } from './traffic.ts';
import type { LoadTenant, World } from './world.ts';

/**
 * RESILIENCE.md, "Load held": 50 and 200 concurrent API clients pulling score pages (each
 * with its tenant's scores:read client, every page of its load cycle by cursor): zero 5xx,
 * no body carrying another tenant's id. And reads during a full scoring run: the same pull
 * while every cycle of every tenant is re-scored, its p99 set beside the idle one.
 */

const PAGE = 10;

async function pullAll(traffic: Traffic, world: World, t: LoadTenant, kind: string) {
  let cursor: string | null = null;
  let items = 0;
  do {
    const answer = await traffic.send(
      t,
      kind,
      `/v1/scores?cycle_id=${t.cycleId}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: bearer(t.reader) },
      [200],
    );
    if (answer.status !== 200) return items;
    const page = JSON.parse(answer.text) as { items: unknown[]; next_cursor: string | null };
    items += page.items.length;
    cursor = page.next_cursor;
  } while (cursor);
  void world;
  return items;
}

async function pull(world: World, clients: number, kind: string) {
  const traffic = new Traffic(world);
  const started = performance.now();
  const counts = await Promise.all(
    Array.from({ length: clients }, (_, i) => {
      const t = world.tenants[i % world.tenants.length]!;
      return pullAll(traffic, world, t, kind).then((n) => ({ t, n }));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Every client saw its whole cycle: one scorecard per submission, none of another tenant.
  const short = counts.filter(({ t, n }) => n !== t.submissions.length).length;
  return { traffic, seconds, short };
}

for (const clients of [50, 200] as const) {
  it(`${clients} concurrent clients pulling score pages`, async ({ task }) => {
    const world = inject('world');
    const { traffic, seconds, short } = await pull(world, clients, 'pull');
    record(task, {
      family: clients === 50 ? 'pull-50' : 'pull-200',
      tried: traffic.requests,
      fiveXX: traffic.fiveXX,
      foreignIds: traffic.leaks.length,
      lost: short,
      p50: quantile(traffic.latencies, 0.5),
      p99: quantile(traffic.latencies, 0.99),
      rps: Math.round((traffic.requests / seconds) * 10) / 10,
    });
    expect(traffic.unexpected.slice(0, 10)).toEqual([]);
    expect(traffic.leaks.slice(0, 10)).toEqual([]);
    expect(short).toBe(0);
  });
}

it('reads during a full scoring run, beside idle reads', async ({ task }) => {
  const world = inject('world');
  const idle = await pull(world, 20, 'idle');
  for (const t of world.tenants) {
    for (const cycleId of t.cycleIds) {
      const res = await fetch(`${world.origin}/v1/cycles/${cycleId}/rescore`, {
        method: 'POST',
        headers: bearer(t.admin),
      });
      expect(res.status).toBe(202);
    }
  }
  const during = await pull(world, 20, 'during');
  const p99Idle = quantile(idle.traffic.latencies, 0.99);
  const p99During = quantile(during.traffic.latencies, 0.99);
  console.log(`reads: idle p99 ${p99Idle} ms, during a full scoring run p99 ${p99During} ms`);
  for (const [family, run] of [
    ['reads-idle', idle],
    ['reads-during-run', during],
  ] as const) {
    record(task, {
      family,
      tried: run.traffic.requests,
      fiveXX: run.traffic.fiveXX,
      foreignIds: run.traffic.leaks.length,
      p50: quantile(run.traffic.latencies, 0.5),
      p99: quantile(run.traffic.latencies, 0.99),
    });
  }
  expect(during.traffic.fiveXX + idle.traffic.fiveXX).toBe(0);
  expect(during.traffic.leaks).toEqual([]);
});
