import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { FaultyD1 } from '../../../../scheduler/test/d1-faults.ts';
import { freshCycle, saveInputs, submissionOf } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant, type TestUnit } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { importUnits } from '../../../test/score-fixtures.ts';
import { runScheduler } from '../../../test/scoring.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';

/**
 * The incremental pull never skips or repeats a change. The proof: pull the feed a few items
 * at a time while units are edited and scored between pages — and, in the second test, while a
 * scheduler run is in the middle of its chunks (a page is pulled before every batch it commits,
 * then the run dies part-way and the next run finishes it). What was pulled, in order, must be
 * exactly the log of pointer moves in the database; replaying it gives exactly the current
 * scores; a score that went back to an earlier snapshot is there as a change of its own.
 */

interface Change {
  change_seq: number;
  changed_at: string;
  snapshot_id: string;
  submission_id: string;
  stage: string;
  org_unit: { id: string };
  total: number | null;
  scorecard?: { total: number };
}

interface Feed {
  items: Change[];
  next_cursor: string;
  has_more: boolean;
}

let t: TestTenant;
let units: TestUnit[];
let cycleId: string;
const submissionIds = new Map<string, string>();

async function pull(cursor: string | undefined, query = '', token = t.tokens.readerClient) {
  const c = cursor === undefined ? '' : `&cursor=${cursor}`;
  return callJson<Feed>(`/v1/scores/changes?limit=4${c}${query}`, { token });
}

async function edit(unit: TestUnit, quality: number, extra: Record<string, number> = {}) {
  await saveInputs(submissionIds.get(unit.id)!, t.tokens.admin, {
    ...gzFullEmploymentInputs(unit.name, 'village', quality),
    ...extra,
  });
}

/** The tenant's pointer moves as stored: (seq, snapshot id), in seq order. */
async function eventLog(): Promise<{ seq: number; snapshot_id: string }[]> {
  const { results } = await env.DB.prepare(
    'SELECT seq, snapshot_id FROM score_events WHERE tenant_id = ? ORDER BY seq',
  )
    .bind(t.id)
    .all<{ seq: number; snapshot_id: string }>();
  return results;
}

async function currentSnapshots(): Promise<Map<string, string>> {
  const page = await callJson<{ items: Change[] }>(
    `/v1/scores?cycle_id=${cycleId}&view=summary&limit=200`,
    { token: t.tokens.readerClient },
  );
  return new Map(page.items.map((s) => [`${s.submission_id}/${s.stage}`, s.snapshot_id]));
}

function replay(changes: readonly Change[]): Map<string, string> {
  const mirror = new Map<string, string>();
  for (const c of changes) mirror.set(`${c.submission_id}/${c.stage}`, c.snapshot_id);
  return mirror;
}

function expectExactlyTheLog(
  pulled: readonly Change[],
  log: { seq: number; snapshot_id: string }[],
) {
  const seqs = pulled.map((c) => c.change_seq);
  expect(new Set(seqs).size, 'no change repeated').toBe(seqs.length);
  expect(seqs, 'in order').toEqual([...seqs].sort((a, b) => a - b));
  expect(
    pulled.map((c) => [c.change_seq, c.snapshot_id]),
    'nothing skipped',
  ).toEqual(log.map((e) => [e.seq, e.snapshot_id]));
}

beforeAll(async () => {
  t = await createTestTenant();
  units = await importUnits(t, t.units.town, 12);
  const cycle = await freshCycle(t, { units: units.map((u) => ({ org_unit_id: u.id })) });
  cycleId = cycle.id;
  for (const u of units) submissionIds.set(u.id, (await submissionOf(t, cycleId, u.id)).id);
});

describe('GET /v1/scores/changes', () => {
  it('with writes and scheduler runs between pages: every change once, in order', async () => {
    await runScheduler();
    // Rounds of edits: unit 0 goes 0.9 → 0.4 → 0.9 (back to its first snapshot), others move.
    const rounds: [number, number][][] = [
      [
        [0, 0.9],
        [1, 0.8],
        [2, 0.7],
      ],
      [
        [0, 0.4],
        [3, 0.95],
      ],
      [
        [4, 0.6],
        [5, 0.5],
        [1, 0.3],
      ],
      [[0, 0.9]],
      [
        [6, 0.85],
        [7, 0.75],
        [8, 0.65],
        [9, 0.55],
      ],
    ];
    const pulled: Change[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await pull(cursor);
      pages += 1;
      pulled.push(...page.items);
      cursor = page.next_cursor;
      const next = rounds.shift();
      if (next) {
        // The years designated follow the quality, so every edit changes the data (nearby
        // qualities can give the same invented figures) and 0.9 again is the first snapshot.
        for (const [i, quality] of next) {
          await edit(units[i]!, quality, { consecutiveYearsDesignated: Math.round(quality * 100) });
        }
        // An edit the scheduler has not scored yet is not a change yet.
        if (rounds.length % 2 === 0) await runScheduler();
      } else if (!page.has_more) {
        if ((await runScheduler()).outcome === 'idle') {
          const last = await pull(cursor);
          if (last.items.length === 0) break;
          pulled.push(...last.items);
          cursor = last.next_cursor;
        }
      }
      expect(pages).toBeLessThan(100);
    }
    expectExactlyTheLog(pulled, await eventLog());
    expect(replay(pulled)).toEqual(await currentSnapshots());

    // Unit 0 returned to its first scored inputs: the pointer moved back to that snapshot,
    // and that move is a change of its own.
    const unit0 = pulled.filter((c) => c.org_unit.id === units[0]!.id).map((c) => c.snapshot_id);
    expect(unit0.length).toBeGreaterThanOrEqual(4);
    expect(unit0.at(-1)).toBe(unit0[1]);
    expect(unit0.at(-2)).not.toBe(unit0.at(-1));

    // Caught up: the same cursor gives nothing new, and a 304 to its ETag.
    const idle = await call(`/v1/scores/changes?limit=4&cursor=${cursor}`, {
      token: t.tokens.readerClient,
    });
    const body = (await idle.json()) as Feed;
    expect(body.items).toEqual([]);
    expect(body.has_more).toBe(false);
    expect(body.next_cursor).toBe(cursor);
    const again = await call(`/v1/scores/changes?limit=4&cursor=${cursor}`, {
      token: t.tokens.readerClient,
      headers: { 'if-none-match': idle.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('pulled between every batch of a running scheduler, and across a run that died', async () => {
    const pulled: Change[] = [];
    let cursor: string | undefined;
    const drain = async () => {
      for (;;) {
        const page = await pull(cursor);
        pulled.push(...page.items);
        cursor = page.next_cursor;
        if (!page.has_more) return;
      }
    };
    await drain();
    const before = pulled.length;
    // Each edit must change the unit's data: nearby qualities can give the same invented figures
    // (the names, and so the figures, differ per run), so every unit also gets a figure the
    // generator never sets (四.5's years designated), different for each and from the first test's.
    for (const [i, u] of units.entries()) {
      await edit(u, 0.3 + i * 0.05, { consecutiveYearsDesignated: i + 1 });
    }
    // Chunks of 3 rows: the run commits four batches; a pull lands before each of them.
    // Pull before each batch; at the third, the Worker stops (every later call fails).
    let pullsDuringRun = 0;
    let stopped = false;
    const d1 = new FaultyD1(env.DB, {
      before: async (_call, kind) => {
        if (stopped) throw new Error('injected fault: the Worker stopped');
        if (kind !== 'batch') return;
        await drain();
        pullsDuringRun += 1;
        if (pullsDuringRun === 3) {
          stopped = true;
          throw new Error('injected fault: the Worker stopped');
        }
      },
    });
    await expect(runScheduler({ DB: d1.binding, SCORING_CHUNK_ROWS: '3' })).rejects.toThrow(
      /injected fault/,
    );
    expect(pullsDuringRun).toBe(3);
    await drain();
    const partial = pulled.length - before;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(units.length);
    // Time passes: the dead Worker's lease expires; the next run finishes the rest.
    await env.DB.prepare(`UPDATE leases SET expires_at = '2000-01-01T00:00:00.000Z'`).run();
    expect((await runScheduler({ SCORING_CHUNK_ROWS: '3' })).outcome).toBe('ran');
    await drain();
    expectExactlyTheLog(pulled, await eventLog());
    expect(replay(pulled)).toEqual(await currentSnapshots());
    const left = await env.DB.prepare(
      'SELECT dirty, count(*) AS n FROM submission_stages WHERE tenant_id = ? GROUP BY dirty',
    )
      .bind(t.id)
      .all<{ dirty: number; n: number }>();
    expect(left.results, 'every edit scored').toEqual([{ dirty: 0, n: units.length }]);
    expect(
      pulled.length - before,
      JSON.stringify(pulled.slice(before).map((c) => c.org_unit.id)),
    ).toBe(units.length);
  });

  it('starts from updated_since, and a cursor keeps to its filters', async () => {
    const all = await callJson<Feed>('/v1/scores/changes?limit=200&view=summary', {
      token: t.tokens.admin,
    });
    const first = all.items[0]!;
    const fromFirst = await callJson<Feed>(
      `/v1/scores/changes?limit=200&view=summary&updated_since=${encodeURIComponent(first.changed_at)}`,
      { token: t.tokens.admin },
    );
    expect(fromFirst.items.map((c) => c.change_seq)).toEqual(all.items.map((c) => c.change_seq));
    const future = await callJson<Feed>('/v1/scores/changes?updated_since=2099-01-01T00:00:00Z', {
      token: t.tokens.admin,
    });
    expect(future.items.map((c) => c.change_seq)).toEqual(
      // 10 minutes of slack before 2099 still reaches nothing written today.
      [],
    );
    const byCycle = await callJson<Feed>(`/v1/scores/changes?cycle_id=${cycleId}&limit=1`, {
      token: t.tokens.admin,
    });
    const res = await call(`/v1/scores/changes?cursor=${byCycle.next_cursor}`, {
      token: t.tokens.admin,
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string; code: string }[] };
    expect(problem.errors[0]).toMatchObject({
      path: 'query.cursor',
      code: 'cursor_filters_differ',
    });
  });
});
