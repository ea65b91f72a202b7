import { beforeAll, describe, expect, it } from 'vitest';
import { freshCycle } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson, type Problem } from '../../../test/http.ts';
import { importUnits } from '../../../test/score-fixtures.ts';
import { runScheduler } from '../../../test/scoring.ts';

/**
 * Score reads refused or bounded: unknown objects are 404, malformed cursors and ids 400 naming
 * the field, and `limit` is clamped — a page never holds more than 100 full scorecards (200
 * summaries), however large the limit asked for (RESILIENCE: limit=100000 is clamped).
 */

let t: TestTenant;
let cycleId: string;
const UNITS = 120;

beforeAll(async () => {
  t = await createTestTenant();
  const units = await importUnits(t, t.units.town, UNITS);
  cycleId = (await freshCycle(t, { units: units.map((u) => ({ org_unit_id: u.id })) })).id;
  await runScheduler();
});

async function problem(path: string, status: number): Promise<Problem> {
  const res = await call(path, { token: t.tokens.admin });
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return JSON.parse(text) as Problem;
}

describe('limits', () => {
  it('limit=100000 gives 100 full scorecards, then the rest; 200 summaries', async () => {
    const first = await callJson<{ items: unknown[]; next_cursor: string }>(
      `/v1/scores?cycle_id=${cycleId}&limit=100000`,
      { token: t.tokens.readerClient },
    );
    expect(first.items).toHaveLength(100);
    const rest = await callJson<{ items: unknown[]; next_cursor: string | null }>(
      `/v1/scores?cycle_id=${cycleId}&limit=100000&cursor=${first.next_cursor}`,
      { token: t.tokens.readerClient },
    );
    expect(rest.items).toHaveLength(UNITS - 100);
    expect(rest.next_cursor).toBeNull();
    const summary = await callJson<{ items: unknown[] }>(
      `/v1/scores?cycle_id=${cycleId}&limit=100000&view=summary`,
      { token: t.tokens.readerClient },
    );
    expect(summary.items).toHaveLength(UNITS);
    const changes = await callJson<{ items: unknown[]; has_more: boolean }>(
      '/v1/scores/changes?limit=100000',
      { token: t.tokens.readerClient },
    );
    expect(changes.items).toHaveLength(100);
    expect(changes.has_more).toBe(true);
  });
});

describe('refusals', () => {
  it('an unknown cycle, snapshot, unit or run is 404', async () => {
    const missing = '00000000000000000000000000000000';
    await problem(`/v1/scores?cycle_id=cyc_${missing}`, 404);
    await problem(`/v1/scores/changes?cycle_id=cyc_${missing}`, 404);
    await problem(`/v1/scores/snp_${missing}`, 404);
    await problem(`/v1/org-units/org_${missing}/scores`, 404);
    await problem(`/v1/cycles/cyc_${missing}/rollups`, 404);
    await problem(`/v1/cycles/cyc_${missing}/rollups/series`, 404);
    await problem(`/v1/cycles/cyc_${missing}/deadline-flags`, 404);
    await problem(`/v1/runs/run_${missing}`, 404);
  });

  it('cycle_id is required; malformed ids, views and cursors are 400 naming the field', async () => {
    expect((await problem('/v1/scores', 400)).errors?.[0]?.path).toBe('query.cycle_id');
    expect((await problem('/v1/scores?cycle_id=../etc', 400)).errors?.[0]?.path).toBe(
      'query.cycle_id',
    );
    expect(
      (await problem(`/v1/scores?cycle_id=${cycleId}&view=everything`, 400)).errors?.[0]?.path,
    ).toBe('query.view');
    for (const path of [
      `/v1/scores?cycle_id=${cycleId}&cursor=nope`,
      '/v1/scores/changes?cursor=nope',
      `/v1/org-units/${t.units.town.id}/scores?cursor=nope`,
      `/v1/cycles/${cycleId}/rollups?cursor=nope`,
      `/v1/cycles/${cycleId}/deadline-flags?cursor=nope`,
    ]) {
      expect((await problem(path, 400)).errors?.[0]).toMatchObject({
        path: 'query.cursor',
        code: 'invalid_cursor',
      });
    }
    // A cursor of one list is not a cursor of another.
    const page = await callJson<{ next_cursor: string }>(`/v1/scores?cycle_id=${cycleId}&limit=1`, {
      token: t.tokens.admin,
    });
    expect(
      (await problem(`/v1/scores/changes?cursor=${page.next_cursor}`, 400)).errors?.[0]?.path,
    ).toBe('query.cursor');
  });

  it('the feed starts from a cursor or from updated_since, not both', async () => {
    const feed = await callJson<{ next_cursor: string }>('/v1/scores/changes?limit=1', {
      token: t.tokens.admin,
    });
    const p = await problem(
      `/v1/scores/changes?cursor=${feed.next_cursor}&updated_since=2026-01-01T00:00:00Z`,
      400,
    );
    expect(p.errors?.[0]?.path).toBe('query.updated_since');
    expect(p.detail_zh).toBeTruthy();
    expect(
      (await problem('/v1/scores/changes?updated_since=yesterday', 400)).errors?.[0]?.path,
    ).toBe('query.updated_since');
  });

  it('runs and dead letters are for admins', async () => {
    for (const who of ['viewer', 'reviewer', 'readerClient'] as const) {
      for (const path of ['/v1/runs', '/v1/dead-letters']) {
        const res = await call(path, { token: t.tokens[who] });
        expect(res.status, `${who} ${path}`).toBe(403);
      }
    }
  });
});
