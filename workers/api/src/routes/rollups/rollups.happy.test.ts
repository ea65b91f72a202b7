import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign, type TestCampaign } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { runScheduler } from '../../../test/scoring.ts';

/**
 * Rollups and deadline flags as the scheduler wrote them for a campaign made through the API:
 * 一镇 has 甲村 (a draft), 乙村 (under publicity) and 丙社区 (a draft) in scope, targets of 75 %
 * of communities (at least 1) and 70 % of villages, a submission deadline long past and weekly
 * progress reports.
 */

interface Rollup {
  org_unit: { id: string; name: string; kind: string };
  unit_kind: string;
  in_scope: number;
  submitted: number;
  by_status: Record<string, number>;
  designated: number;
  rate_percent: string | null;
  target: { rate_percent: string; met: boolean | null; needed_units: number | null } | null;
  stats: unknown;
}

interface Flag {
  milestone: { id: string; type: string; title: { zh: string; en: string } };
  level: 'unit' | 'cycle';
  org_unit: { id: string } | null;
  due_at: string;
  open: boolean;
}

let t: TestTenant;
let campaign: TestCampaign;

beforeAll(async () => {
  t = await createTestTenant();
  campaign = await createTestCampaign(t);
  await runScheduler();
});

const rollups = (query = '', token = t.tokens.admin) =>
  callJson<{ items: Rollup[]; next_cursor: string | null }>(
    `/v1/cycles/${campaign.cycleId}/rollups?limit=200${query}`,
    { token },
  );

describe('GET /v1/cycles/{cycleId}/rollups', () => {
  it('counts units in scope, by status, designated, and the units still needed per target', async () => {
    const { items } = await rollups();
    const row = (unitId: string, kind: string) =>
      items.find((r) => r.org_unit.id === unitId && r.unit_kind === kind);
    expect(row(t.units.town.id, '*')).toMatchObject({
      org_unit: { name: t.units.town.name, kind: 'town' },
      in_scope: 3,
      submitted: 1,
      by_status: { draft: 2, publicised: 1 },
      designated: 0,
      rate_percent: '0.00',
      target: null,
    });
    // 75 % of one community, at least the stated 1: one more needed.
    expect(row(t.units.town.id, 'community')).toMatchObject({
      in_scope: 1,
      designated: 0,
      target: { rate_percent: '75', met: false, needed_units: 1 },
    });
    // 70 % of two villages: ⌈1.4⌉ = 2 needed.
    expect(row(t.units.town.id, 'village')).toMatchObject({
      in_scope: 2,
      target: { rate_percent: '70', met: false, needed_units: 2 },
    });
    // The root counts what its subtree holds; the village itself is a row too.
    expect(row(t.units.root.id, '*')).toMatchObject({ in_scope: 3, submitted: 1 });
    expect(row(t.units.village.id, 'village')).toMatchObject({
      in_scope: 1,
      by_status: { draft: 1 },
    });
    expect(items.some((r) => r.org_unit.id === t.units.otherTown.id)).toBe(false);
  });

  it('pages by cursor and filters by kind and subtree', async () => {
    const all = (await rollups()).items;
    const walked: Rollup[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Rollup[]; next_cursor: string | null } = await callJson(
        `/v1/cycles/${campaign.cycleId}/rollups?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: t.tokens.admin },
      );
      walked.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    expect(walked).toEqual(all);
    const villages = (await rollups('&unit_kind=village')).items;
    expect(villages.every((r) => r.unit_kind === 'village')).toBe(true);
    const inTown = (await rollups(`&org_unit_id=${t.units.town.id}`)).items;
    expect(inTown.some((r) => r.org_unit.id === t.units.root.id)).toBe(false);
    expect(inTown.some((r) => r.org_unit.id === t.units.town.id)).toBe(true);
  });

  it('a reviewer of 一镇 sees rows inside 一镇 only (the root counts units it may not read)', async () => {
    const mine = (await rollups('', t.tokens.reviewer)).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((r) => r.org_unit.id === t.units.root.id)).toBe(false);
    const reporter = (await rollups('', t.tokens.reporter)).items;
    expect(reporter.map((r) => r.org_unit.id)).toEqual(reporter.map(() => t.units.village.id));
  });

  it('answers 304 while nothing changed', async () => {
    const path = `/v1/cycles/${campaign.cycleId}/rollups`;
    const first = await call(path, { token: t.tokens.viewer });
    const again = await call(path, {
      token: t.tokens.viewer,
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});

describe('GET /v1/cycles/{cycleId}/rollups/series', () => {
  it('gives a unit and its children as columns, numbers for the chart', async () => {
    const series = await callJson<{
      org_unit: { id: string };
      total: Rollup | null;
      children: Record<string, unknown[]>;
      truncated: boolean;
    }>(`/v1/cycles/${campaign.cycleId}/rollups/series?unit_kind=village`, {
      token: t.tokens.admin,
    });
    expect(series.org_unit.id).toBe(t.units.root.id);
    expect(series.total).toMatchObject({ unit_kind: 'village', in_scope: 2 });
    expect(series.children).toEqual({
      org_unit_id: [t.units.town.id],
      name: [t.units.town.name],
      kind: ['town'],
      in_scope: [2],
      submitted: [1],
      designated: [0],
      rate_percent: [0],
      target_percent: [70],
      target_met: [false],
      needed_units: [2],
    });
    expect(series.truncated).toBe(false);
    const town = await callJson<{ children: { org_unit_id: string[] } }>(
      `/v1/cycles/${campaign.cycleId}/rollups/series?org_unit_id=${t.units.town.id}`,
      { token: t.tokens.reviewer },
    );
    expect(town.children.org_unit_id.sort()).toEqual(
      [t.units.village.id, t.units.siblingVillage.id, t.units.community.id].sort(),
    );
  });
});

describe('GET /v1/cycles/{cycleId}/deadline-flags', () => {
  it('flags the units that missed the submission deadline, and the cycle', async () => {
    const { items } = await callJson<{ items: Flag[] }>(
      `/v1/cycles/${campaign.cycleId}/deadline-flags?milestone_id=${campaign.milestoneId}`,
      { token: t.tokens.admin },
    );
    const units = items.filter((f) => f.level === 'unit').map((f) => f.org_unit!.id);
    expect(units.sort()).toEqual([t.units.village.id, t.units.community.id].sort());
    expect(items.filter((f) => f.level === 'cycle')).toHaveLength(1);
    for (const f of items) {
      expect(f.open).toBe(true);
      expect(f.milestone).toMatchObject({ type: 'submission', title: { zh: '提交自评材料' } });
      expect(f.due_at).toBe('2024-10-15T08:00:00.000Z');
    }
    // A reviewer of 一镇 sees its units' flags, not the cycle's own.
    const reviewer = await callJson<{ items: Flag[] }>(
      `/v1/cycles/${campaign.cycleId}/deadline-flags?milestone_id=${campaign.milestoneId}`,
      { token: t.tokens.reviewer },
    );
    expect(reviewer.items.map((f) => f.level)).toEqual(['unit', 'unit']);
    const resolved = await callJson<{ items: Flag[] }>(
      `/v1/cycles/${campaign.cycleId}/deadline-flags?status=resolved`,
      { token: t.tokens.admin },
    );
    expect(resolved.items.every((f) => !f.open)).toBe(true);
  });
});
