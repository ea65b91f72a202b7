import { expect, inject, it } from 'vitest';
import { quantile, record } from '../../../scripts/resilience/record.ts';
import { bearer, seeded, Traffic } from './traffic.ts';
import type { LoadTenant } from './world.ts';

/**
 * RESILIENCE.md, "Load held": a soak of mixed reads and writes from the three demo tenants
 * against a real `wrangler dev` (api + scheduler) on loopback, for SOAK_SECONDS: four
 * clients per tenant, each reading score pages, the org tree, submissions, rollups and the
 * audit log, and saving its own submissions (If-Match) and creating units (Idempotency-Key).
 * No errors, no answer carrying another tenant's id, and at the end every write is there
 * exactly once: each submission holds the last inputs its client saved, each unit exists once.
 */

const SOAK_SECONDS = 60;
const CLIENTS_PER_TENANT = 4;
const OWNED = 5;

interface Client {
  tenant: LoadTenant;
  index: number;
  owned: string[];
  /** The inputs last saved to each owned submission. */
  saved: Map<string, number>;
  /** Units this client created (their names). */
  created: string[];
}

it(`${SOAK_SECONDS} s of mixed reads and writes from three tenants`, async ({ task }) => {
  const world = inject('world');
  const traffic = new Traffic(world);
  const clients: Client[] = world.tenants.flatMap((tenant) =>
    Array.from({ length: CLIENTS_PER_TENANT }, (_, index) => ({
      tenant,
      index,
      owned: tenant.submissions.slice(index * OWNED, (index + 1) * OWNED),
      saved: new Map<string, number>(),
      created: [],
    })),
  );
  const deadline = Date.now() + SOAK_SECONDS * 1000;
  let counter = 0;

  async function step(c: Client, random: () => number): Promise<void> {
    const t = c.tenant;
    const auth = bearer(t.admin);
    const roll = random();
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    if (roll < 0.2) {
      await traffic.send(
        t,
        'read',
        `/v1/scores?cycle_id=${pick(t.cycleIds)}&limit=20`,
        { headers: auth },
        [200],
      );
    } else if (roll < 0.35) {
      await traffic.send(t, 'read', '/v1/org-units?limit=50', { headers: auth }, [200]);
    } else if (roll < 0.5) {
      await traffic.send(
        t,
        'read',
        `/v1/cycles/${t.cycleId}/submissions?limit=20`,
        { headers: auth },
        [200],
      );
    } else if (roll < 0.6) {
      await traffic.send(t, 'read', `/v1/submissions/${pick(c.owned)}`, { headers: auth }, [200]);
    } else if (roll < 0.67) {
      await traffic.send(
        t,
        'read',
        `/v1/cycles/${t.cycleId}/rollups?limit=20`,
        { headers: auth },
        [200],
      );
    } else if (roll < 0.75) {
      await traffic.send(t, 'read', '/v1/audit?limit=20', { headers: auth }, [200]);
    } else if (roll < 0.92) {
      // Save inputs on one of this client's own submissions, with the ETag just read.
      const id = pick(c.owned);
      const read = await traffic.send(t, 'read', `/v1/submissions/${id}`, { headers: auth }, [200]);
      const value = 1000 + ++counter;
      const saved = await traffic.send(
        t,
        'write',
        `/v1/submissions/${id}/inputs`,
        {
          method: 'PATCH',
          headers: bearer(t.admin, {
            'content-type': 'application/json',
            'if-match': read.headers.get('etag') ?? '"0"',
          }),
          body: JSON.stringify({
            inputs: { registeredUnemployed: value, unemployedReemployed: 1 },
          }),
        },
        [200],
      );
      if (saved.status === 200) c.saved.set(id, value);
    } else {
      const name = `浸泡村${c.index}-${++counter}`;
      const created = await traffic.send(
        t,
        'write',
        '/v1/org-units',
        {
          method: 'POST',
          headers: bearer(t.admin, {
            'content-type': 'application/json',
            'idempotency-key': crypto.randomUUID(),
          }),
          body: JSON.stringify({ parent_id: t.rootId, kind: 'village', name }),
        },
        [201],
      );
      if (created.status === 201) c.created.push(name);
    }
  }

  const started = performance.now();
  await Promise.all(
    clients.map(async (c, i) => {
      const random = seeded(20_261_122 + i);
      while (Date.now() < deadline) await step(c, random);
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // Every write is there exactly once.
  let lost = 0;
  let duplicated = 0;
  for (const c of clients) {
    const auth = { headers: bearer(c.tenant.admin) };
    for (const [id, value] of c.saved) {
      const res = await fetch(`${world.origin}/v1/submissions/${id}`, auth);
      const body = (await res.json()) as { data: { inputs: Record<string, unknown> } };
      if (body.data.inputs.registeredUnemployed !== value) lost += 1;
    }
  }
  for (const t of world.tenants) {
    const names = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const res = await fetch(
        `${world.origin}/v1/org-units?kind=village&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: bearer(t.admin) },
      );
      const page = (await res.json()) as { items: { name: string }[]; next_cursor: string | null };
      for (const u of page.items) names.set(u.name, (names.get(u.name) ?? 0) + 1);
      cursor = page.next_cursor;
    } while (cursor);
    for (const c of clients.filter((x) => x.tenant === t)) {
      for (const name of c.created) {
        const n = names.get(name) ?? 0;
        if (n === 0) lost += 1;
        if (n > 1) duplicated += n - 1;
      }
    }
  }

  const reads = traffic.byKind.get('read') ?? [];
  const writes = traffic.byKind.get('write') ?? [];
  record(task, {
    family: 'soak',
    tried: traffic.requests,
    fiveXX: traffic.fiveXX,
    foreignIds: traffic.leaks.length,
    lost,
    duplicated,
    p50: quantile(traffic.latencies, 0.5),
    p99: quantile(traffic.latencies, 0.99),
    rps: Math.round((traffic.requests / seconds) * 10) / 10,
  });
  console.log(
    `soak: ${traffic.requests} requests in ${seconds.toFixed(1)} s from ${clients.length} clients; ` +
      `reads p50 ${quantile(reads, 0.5)} ms p99 ${quantile(reads, 0.99)} ms (${reads.length}); ` +
      `writes p50 ${quantile(writes, 0.5)} ms p99 ${quantile(writes, 0.99)} ms (${writes.length})`,
  );
  expect(seconds).toBeGreaterThanOrEqual(SOAK_SECONDS);
  expect(traffic.unexpected.slice(0, 10)).toEqual([]);
  expect(traffic.leaks.slice(0, 10)).toEqual([]);
  expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
});
