import { expect, inject, it } from 'vitest';
import { quantile, record } from '../../../scripts/resilience/record.ts';
import { bearer, pause, seeded, Traffic } from './traffic.ts';
import { LOAD_UNITS, type LoadTenant } from './world.ts';

/**
 * RESILIENCE.md, "Load held": a deadline burst. Hundreds of saves at once, WRITERS_EACH on
 * each of SUBMISSIONS_EACH submissions of each of the three tenants (a deadline several
 * bureaus share), every writer holding the ETag it read before the burst: per submission exactly one wins and every other answer is 412 — no
 * 500, no second winner. A save answered 503 with Retry-After (a tenant's audit chain
 * admits one write at a time; under this burst some give up after their retries) waits
 * what it was told and is sent again unchanged, as a client does: it is counted in the
 * table's 503+RA column, not as a failure. Then the losers do what a person does: read the
 * other's save and save again, one after another. Counted afterwards: every 200
 * moved the submission's version by exactly one and left exactly one audit row, and each
 * submission holds its last winner's inputs — nothing silently overwritten, nothing lost.
 */

const SUBMISSIONS_EACH = 10;
const WRITERS_EACH = 10;
/** Sends of one save answered 503 + Retry-After before the client gives up (counted lost). */
const SENDS_PER_SAVE = 8;

interface Save {
  submission: string;
  value: number;
  status: number;
  etag: string | null;
}

it(`${3 * SUBMISSIONS_EACH * WRITERS_EACH} concurrent saves with ETags, three tenants`, async ({
  task,
}) => {
  const world = inject('world');
  const traffic = new Traffic(world);
  // The soak owns the first submissions of each load cycle; the burst takes the last ones.
  const tenantOf = new Map<string, LoadTenant>();
  for (const t of world.tenants) {
    for (const id of t.submissions.slice(LOAD_UNITS - SUBMISSIONS_EACH)) tenantOf.set(id, t);
  }
  const targets = [...tenantOf.keys()];
  const SUBMISSIONS = targets.length;
  const auth = (id: string) => ({ headers: bearer(tenantOf.get(id)!.admin) });
  const versionOf = (etag: string | null) => Number(etag?.replace(/\D/g, '') ?? Number.NaN);
  const read = (id: string) =>
    traffic.send(tenantOf.get(id)!, 'read', `/v1/submissions/${id}`, auth(id), [200]);
  const start = new Map<string, number>();
  const startedAt = new Date().toISOString();
  for (const id of targets) {
    start.set(id, versionOf((await read(id)).headers.get('etag')));
  }
  const random = seeded(20_261_122);
  const save = async (submission: string, value: number, etag: string): Promise<Save> => {
    const t = tenantOf.get(submission)!;
    for (let send = 1; ; send++) {
      const answer = await traffic.send(
        t,
        'save',
        `/v1/submissions/${submission}/inputs`,
        {
          method: 'PATCH',
          headers: bearer(t.admin, { 'content-type': 'application/json', 'if-match': etag }),
          body: JSON.stringify({
            inputs: { registeredUnemployed: value, unemployedReemployed: 2 },
          }),
        },
        [200, 412, 503],
      );
      const retryAfter = Number(answer.headers.get('retry-after'));
      if (answer.status === 503 && retryAfter > 0 && send < SENDS_PER_SAVE) {
        // What it was told, spread a little so the retries do not arrive together.
        await pause(retryAfter * 1000 * (0.5 + random()));
        continue;
      }
      return { submission, value, status: answer.status, etag: answer.headers.get('etag') };
    }
  };

  // The burst: everyone at once with the ETag read before it.
  let value = 5000;
  const burst = await Promise.all(
    targets.flatMap((id) =>
      Array.from({ length: WRITERS_EACH }, () => save(id, ++value, `"${start.get(id)}"`)),
    ),
  );
  const saves: Save[] = [...burst];
  const winners = new Map<string, number>();
  for (const s of burst) {
    if (s.status === 200) winners.set(s.submission, (winners.get(s.submission) ?? 0) + 1);
  }
  const conflicts = burst.filter((s) => s.status === 412).length;

  // Then each loser does what a person does on a 412: reads the other's save, saves again.
  // One person after another on a submission (the submissions all at once): every save gets
  // in, each on top of the one before it.
  const losers = burst.filter((s) => s.status === 412);
  await Promise.all(
    targets.map(async (id) => {
      for (const s of losers.filter((l) => l.submission === id)) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const etag = (await read(id)).headers.get('etag');
          const again = await save(id, s.value, etag ?? '"0"');
          saves.push(again);
          if (again.status !== 412) break;
        }
      }
    }),
  );

  // Counting: versions, audit rows and the data itself.
  let lost = 0;
  let duplicated = 0;
  for (const id of targets) {
    const ok = saves.filter((s) => s.submission === id && s.status === 200);
    const final = await fetch(`${world.origin}/v1/submissions/${id}`, auth(id));
    const body = (await final.json()) as { data: { inputs: Record<string, unknown> } };
    const moved = versionOf(final.headers.get('etag')) - start.get(id)!;
    const audit = await fetch(
      `${world.origin}/v1/audit?entity_id=${id}&since=${encodeURIComponent(startedAt)}&limit=100`,
      auth(id),
    );
    const rows = ((await audit.json()) as { items: { action: string }[] }).items.filter((r) =>
      r.action.startsWith('submission.'),
    ).length;
    const last = ok.reduce<Save | undefined>(
      (a, b) => (a === undefined || versionOf(b.etag) > versionOf(a.etag) ? b : a),
      undefined,
    );
    // A save nobody was told about is a silent overwrite; a 200 that left no trace, a loss.
    for (const counted of [moved, rows]) {
      if (counted > ok.length) duplicated += counted - ok.length;
      if (counted < ok.length) lost += ok.length - counted;
    }
    if (ok.length !== WRITERS_EACH) lost += Math.abs(WRITERS_EACH - ok.length);
    if (last && body.data.inputs.registeredUnemployed !== last.value) lost += 1;
  }
  const twoWinners = [...winners.values()].filter((n) => n > 1).length;
  record(task, {
    family: 'deadline-burst',
    tried: saves.length,
    fiveXX: traffic.fiveXX,
    designed503: traffic.designed503,
    stateChanges: twoWinners,
    lost,
    duplicated,
    p50: quantile(traffic.byKind.get('save') ?? [], 0.5),
    p99: quantile(traffic.byKind.get('save') ?? [], 0.99),
  });
  console.log(
    `deadline burst: ${burst.length} saves at once → ${winners.size} winners, ${conflicts} × 412; ` +
      `${saves.length} saves in all until every one was in (${traffic.designed503} × 503 + Retry-After, waited)`,
  );
  expect(traffic.unexpected.slice(0, 10)).toEqual([]);
  expect(traffic.fiveXX).toBe(0);
  expect(saves.filter((s) => s.status !== 200 && s.status !== 412)).toEqual([]);
  expect(winners.size).toBe(SUBMISSIONS);
  expect(twoWinners).toBe(0);
  expect(conflicts).toBe(SUBMISSIONS * (WRITERS_EACH - 1));
  expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
});
