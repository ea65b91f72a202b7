import { env } from 'cloudflare:workers';
import { cycleUnits, submissions } from '@kaoping/db/schema';
import {
  cycleRollupsChanged,
  submissionStatusChanged,
  unitScopeChanged,
  updateStageData,
} from '@kaoping/db/scoring-work';
import { definePack, rollUp } from '@kaoping/standards';
import { input, ratio } from '@kaoping/standards/expression-builders';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { AT, addTargets, type Campaign, mintCampaign, rowKey } from '../../test/factories.ts';
import { tickOutcome } from '../../test/harness.ts';
import { Sql } from '../d1.ts';
import { acquireLease, releaseLease } from '../run/lease.ts';
import { refreshCycleRollups } from './refresh.ts';

// Rollups for a Liangkou-shaped campaign (000_…txt): 良口镇's 21 villages and 2 communities,
// targets of 75 % of communities (即2个社区) and 70 % of villages, set on the town.

const LIANGKOU = [
  '黄竹塱社区',
  '彩虹社区',
  '良新村',
  '米埗村',
  '和丰村',
  '良平村',
  '塘尾村',
  '少沙村',
  '良明村',
  '磻溪村',
  '塘料村',
  '高沙村',
  '联群村',
  '胜塘村',
  '长流村',
  '北溪村',
  '合群村',
  '梅树村',
  '锦村',
  '乐明村',
  '下溪村',
  '溪头村',
  '东星村',
];

afterEach(async () => {
  await env.DB.prepare('DELETE FROM leases').run();
});

interface Row {
  org_unit_id: string;
  unit_kind: string;
  in_scope: number;
  submitted: number;
  by_status: string;
  designated: number;
  rate_percent: string | null;
  target_percent: string | null;
  target_met: number | null;
  needed_units: number | null;
  stats: string | null;
}

async function rollups(campaign: Campaign): Promise<Row[]> {
  const { results } = await env.DB.prepare(
    `SELECT org_unit_id, unit_kind, in_scope, submitted, by_status, designated, rate_percent,
            target_percent, target_met, needed_units, stats
     FROM rollups WHERE tenant_id = ? AND cycle_id = ? ORDER BY org_unit_id, unit_kind`,
  )
    .bind(campaign.tenantId, campaign.cycleId)
    .all<Row>();
  return results;
}

function row(rows: Row[], orgUnitId: string, unitKind: string) {
  const found = rows.find((r) => r.org_unit_id === orgUnitId && r.unit_kind === unitKind);
  if (!found) throw new Error(`no rollup ${orgUnitId} ${unitKind}`);
  return { ...found, by_status: JSON.parse(found.by_status) };
}

async function setStatus(
  campaign: Campaign,
  names: readonly string[],
  status: 'draft' | 'submitted' | 'verified' | 'published' | 'returned' | 'revoked',
) {
  const units = campaign.units.filter((u) => names.includes(u.name));
  await campaign.tdb.batch(
    units.flatMap((u) => [
      campaign.tdb.update(
        submissions,
        { status, revokedAt: status === 'revoked' ? AT : null },
        eq(submissions.id, u.submissionId),
      ),
      submissionStatusChanged(campaign.tdb, { cycleId: campaign.cycleId, orgUnitId: u.id, at: AT }),
    ]),
  );
}

/** Recomputes the cycle's rollups whole, as a full refresh does, and returns them. */
async function fullRecompute(campaign: Campaign, pageUnits = 500): Promise<Row[]> {
  const sql = new Sql(env.DB, 1000);
  const lease = await acquireLease(sql, 'lease_test_full', Date.now());
  if (!lease) throw new Error('lease');
  await refreshCycleRollups(sql, campaign.tenantId, campaign.cycleId, {
    lease,
    at: new Date().toISOString(),
    nowMs: Date.now(),
    forceFull: true,
    pageUnits,
  });
  await releaseLease(sql, lease);
  return await rollups(campaign);
}

async function liangkou() {
  const campaign = await mintCampaign({
    units: 23,
    communities: 2,
    towns: 1,
    stages: ['self', 'town', 'district'],
    names: LIANGKOU,
    // Any complete scorecard meets a pass mark of 0: designation then follows publication,
    // except where the final stage's scorecard is incomplete.
    parameters: { passMark: 0 },
  });
  const town = campaign.towns[0] as { id: string };
  await addTargets(campaign, town.id, [
    { unitKind: 'community', ratePercent: '75', count: 2 },
    { unitKind: 'village', ratePercent: '70' },
  ]);
  return { campaign, town };
}

describe('rollups', () => {
  it('count units, statuses and designations up the tree against the town’s targets', async () => {
    const { campaign, town } = await liangkou();
    const villages = LIANGKOU.slice(2);
    await setStatus(campaign, ['黄竹塱社区', ...villages.slice(0, 16)], 'published');
    await setStatus(campaign, ['彩虹社区'], 'verified');
    await setStatus(campaign, villages.slice(16, 18), 'submitted');
    await setStatus(campaign, villages.slice(18, 20), 'draft');
    await setStatus(campaign, villages.slice(20), 'returned');
    // 良新村 is published but its district-stage data is incomplete: not designated.
    const liangxin = campaign.units.find((u) => u.name === '良新村');
    if (!liangxin) throw new Error('良新村');
    const { registeredUnemployed: _dropped, ...incomplete } =
      campaign.inputs.get(rowKey(liangxin.submissionId, 'district')) ?? {};
    await campaign.tdb.batch([
      updateStageData(campaign.tdb, {
        submissionId: liangxin.submissionId,
        stage: 'district',
        inputs: incomplete,
        assessments: {},
        updatedBy: 'usr_test',
        at: AT,
      }),
    ]);
    await tickOutcome();
    const rows = await rollups(campaign);

    expect(row(rows, town.id, '*')).toMatchObject({
      in_scope: 23,
      submitted: 20,
      by_status: { draft: 2, published: 17, returned: 1, submitted: 2, verified: 1 },
      designated: 16,
      rate_percent: '69.57',
      target_percent: null,
    });
    // 75 % of 2 communities is 1.5: two are needed (即2个社区); one is designated.
    expect(row(rows, town.id, 'community')).toMatchObject({
      in_scope: 2,
      designated: 1,
      rate_percent: '50.00',
      target_percent: '75',
      target_met: 0,
      needed_units: 1,
    });
    // 70 % of 21 villages is 14.7: fifteen are needed; fifteen are designated.
    expect(row(rows, town.id, 'village')).toMatchObject({
      in_scope: 21,
      designated: 15,
      rate_percent: '71.43',
      target_met: 1,
      needed_units: 0,
    });
    // The district above the town has the same counts and no target of its own.
    expect(row(rows, campaign.rootId, 'village')).toMatchObject({
      in_scope: 21,
      designated: 15,
      target_percent: null,
      target_met: null,
      needed_units: null,
    });
    // Each unit has its own row.
    expect(row(rows, liangxin.id, 'village')).toMatchObject({ in_scope: 1, designated: 0 });

    // A designation revoked (动态管理): 14 of 21 is 66.67 %, one short of 70 %.
    await setStatus(campaign, [villages[1] as string], 'revoked');
    const outcome = await tickOutcome();
    expect(outcome).toMatchObject({ rollups: 1, fullRollups: 0 });
    const after = await rollups(campaign);
    expect(row(after, town.id, 'village')).toMatchObject({
      designated: 14,
      rate_percent: '66.67',
      target_met: 0,
      needed_units: 1,
    });
    // The incremental update and a full recompute give the same rows — also when the
    // recompute reads the units in pages of 4 (rows written as their subtrees are passed) or 1.
    expect(await fullRecompute(campaign)).toEqual(after);
    expect(await fullRecompute(campaign, 4)).toEqual(after);
    expect(await fullRecompute(campaign, 1)).toEqual(after);
    // Nothing changed since: the next tick is idle.
    expect((await tickOutcome()).outcome).toBe('idle');
  });

  it('units leaving the scope and new targets: incremental and full agree', async () => {
    const { campaign, town } = await liangkou();
    await setStatus(campaign, LIANGKOU.slice(0, 12), 'published');
    await tickOutcome();
    // Two villages leave the cycle; another status changes.
    const leaving = campaign.units.filter((u) => ['东星村', '溪头村'].includes(u.name));
    await campaign.tdb.batch([
      ...leaving.map((u) =>
        campaign.tdb.delete(
          cycleUnits,
          and(eq(cycleUnits.cycleId, campaign.cycleId), eq(cycleUnits.orgUnitId, u.id)),
        ),
      ),
      ...leaving.map((u) =>
        unitScopeChanged(campaign.tdb, { cycleId: campaign.cycleId, orgUnitId: u.id, at: AT }),
      ),
    ]);
    await setStatus(campaign, ['乐明村'], 'submitted');
    expect(await tickOutcome()).toMatchObject({ rollups: 1, fullRollups: 0 });
    const incremental = await rollups(campaign);
    expect(row(incremental, town.id, '*')).toMatchObject({ in_scope: 21 });
    expect(incremental.some((r) => leaving.some((u) => u.id === r.org_unit_id))).toBe(false);
    expect(await fullRecompute(campaign)).toEqual(incremental);

    // A target changed: the contract marks the cycle for a full recompute.
    await env.DB.prepare(
      `UPDATE cycle_targets SET rate_percent = '50' WHERE tenant_id = ? AND unit_kind = 'village'`,
    )
      .bind(campaign.tenantId)
      .run();
    await campaign.tdb.batch([
      cycleRollupsChanged(campaign.tdb, { cycleId: campaign.cycleId, at: AT }),
    ]);
    expect(await tickOutcome()).toMatchObject({ rollups: 1, fullRollups: 1 });
    expect(row(await rollups(campaign), town.id, 'village')).toMatchObject({
      in_scope: 19,
      target_percent: '50',
    });
  });
});

describe('statistics', () => {
  const text = (zh: string, en: string) => ({ zh, en });
  const statsPack = definePack({
    key: 'test.stats',
    version: '1.0',
    title: text('统计', 'Statistics'),
    issuer: text('测试', 'Test'),
    source: { file: 'test.txt', title: 'test' },
    effectiveFrom: '2024-01-01',
    total: 0,
    unitKinds: ['community', 'village'],
    inputs: [
      {
        id: 'newJobs',
        kind: 'count',
        label: text('城镇新增就业', 'New urban jobs'),
        aggregate: 'sum',
      },
      { id: 'registered', kind: 'count', label: text('登记失业', 'Registered'), aggregate: 'sum' },
      { id: 'reemployed', kind: 'count', label: text('再就业', 'Re-employed'), aggregate: 'sum' },
      {
        id: 'hasStation',
        kind: 'boolean',
        label: text('有驿站', 'Has a station'),
        aggregate: 'all',
      },
    ],
    metrics: [
      {
        id: 'reemploymentRate',
        label: text('再就业率', 'Re-employment rate'),
        expression: ratio(input('reemployed'), input('registered'), 'zero'),
        aggregate: 'recompute',
      },
    ],
  });
  const figures = (i: number) => ({
    newJobs: 100 + i * 10,
    registered: 20 + i,
    reemployed: 10 + i,
    hasStation: i !== 3,
  });

  it('roll each subtree’s figures up with the engine’s rollUp (sums, all, ratios of sums)', async () => {
    const campaign = await mintCampaign({
      units: 4,
      towns: 2,
      pack: statsPack,
      parameters: {},
      inputsFor: (i) => figures(i),
    });
    await setStatus(
      campaign,
      campaign.units.map((u) => u.name),
      'submitted',
    );
    const outcome = await tickOutcome();
    expect(outcome).toMatchObject({ rollups: 1, fullRollups: 1 });
    const rows = await rollups(campaign);
    for (const town of campaign.towns) {
      const members = campaign.units
        .map((u, i) => ({ unit: u, i }))
        .filter(({ unit }) => unit.townId === town.id);
      const rolled = rollUp(
        statsPack,
        members.map(({ unit, i }) => ({ id: unit.id, unitKind: unit.kind, inputs: figures(i) })),
        {},
      );
      const stats = JSON.parse(row(rows, town.id, '*').stats as string);
      expect(stats).toEqual({ inputs: rolled.inputs, metrics: rolled.metrics });
    }
    const root = JSON.parse(row(rows, campaign.rootId, '*').stats as string);
    expect(root.inputs.newJobs.value).toBe(100 + 110 + 120 + 130);
    expect(root.inputs.hasStation.value).toBe(false);
    expect(root.metrics.reemploymentRate.value).toBeCloseTo((46 / 86) * 100, 10);
  });
});
