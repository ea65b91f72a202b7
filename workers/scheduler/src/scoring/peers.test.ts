import { env } from 'cloudflare:workers';
import { updateStageData } from '@kaoping/db/scoring-work';
import {
  type CycleUnit,
  definePack,
  type Pack,
  scoreCycle,
  type UnitKind,
} from '@kaoping/standards';
import { afterEach, describe, expect, it } from 'vitest';
import { AT, type Campaign, mintCampaign } from '../../test/factories.ts';
import { decoded, deliver, RecordingQueue, snapshots, tickOutcome } from '../../test/harness.ts';

// A peer-relative pack (排名赋分, and a reference computed over the cycle's units): a stage is
// scored whole with scoreCycle, so every unit sees the same peers; one unit's edit can change
// the others' scores, and only the scorecards that changed get new snapshots.

afterEach(async () => {
  await env.DB.prepare('DELETE FROM leases').run();
});

const text = (zh: string, en: string) => ({ zh, en });

const rankPack: Pack = definePack({
  key: 'test.rank',
  version: '1.0',
  title: text('排名测试', 'Rank test'),
  issuer: text('测试', 'Test'),
  source: { file: 'test.txt', title: 'test' },
  effectiveFrom: '2024-01-01',
  total: 20,
  unitKinds: ['community', 'village'],
  inputs: [{ id: 'rate', kind: 'percent', label: text('就业率', 'Employment rate') }],
  references: [
    {
      id: 'meanRate',
      label: text('平均就业率', 'Mean employment rate'),
      format: 'percent',
      source: { from: 'units', aggregate: 'mean', of: { op: 'input', id: 'rate' }, peers: 'all' },
    },
  ],
  categories: [{ id: '一', title: text('一', 'One'), max: 20 }],
  items: [
    {
      id: '一.1',
      category: '一',
      title: text('排名', 'Rank'),
      max: 10,
      source: { file: 'test.txt', quote: '排名赋分' },
      rule: {
        kind: 'rank',
        value: { op: 'input', id: 'rate' },
        peers: 'all',
        award: {
          by: 'position',
          positions: [
            { top: 1, points: 10 },
            { top: 3, points: 6 },
          ],
        },
      },
    },
    {
      id: '一.2',
      category: '一',
      title: text('高于平均', 'Above the mean'),
      max: 10,
      source: { file: 'test.txt', quote: '高于平均得10分' },
      rule: {
        kind: 'check',
        when: {
          op: 'compare',
          operator: '>=',
          left: { op: 'input', id: 'rate' },
          right: { op: 'reference', id: 'meanRate' },
        },
        points: 10,
      },
    },
  ],
});

const RATES = [90, 80, 70, 60, 50];

function expected(campaign: Campaign, rates: readonly number[]): Map<string, string> {
  const units: CycleUnit[] = campaign.units.map((u, i) => ({
    id: u.id,
    unitKind: u.kind as UnitKind,
    inputs: { rate: rates[i] },
    assessments: {},
    references: {},
  }));
  const cycle = scoreCycle(rankPack, campaign.parameters, units);
  return new Map(cycle.units.map((card) => [card.unit.id as string, JSON.stringify(card)]));
}

async function current(campaign: Campaign): Promise<Map<string, string>> {
  const { results } = await env.DB.prepare(
    `SELECT s.org_unit_id, s.scorecard FROM current_scores c JOIN score_snapshots s
       ON s.seq = c.snapshot_seq WHERE c.tenant_id = ?`,
  )
    .bind(campaign.tenantId)
    .all<{ org_unit_id: string; scorecard: string }>();
  const json = await decoded(campaign.tenantId, results as never);
  return new Map(results.map((r, i) => [r.org_unit_id, json[i] as string]));
}

describe('a peer-relative pack', () => {
  it('scores the stage whole; an edit re-scores it and writes only the cards that changed', async () => {
    const campaign = await mintCampaign({
      units: 5,
      pack: rankPack,
      parameters: {},
      inputsFor: (i) => ({ rate: RATES[i] }),
    });
    await tickOutcome();
    expect(await current(campaign)).toEqual(expected(campaign, RATES));
    expect(await snapshots(campaign.tenantId)).toHaveLength(5);

    // The last unit jumps to the top: everyone's rank moves, and the mean with it.
    const edit = async (index: number, rate: number) => {
      const unit = campaign.units[index];
      if (!unit) throw new Error('unit');
      await campaign.tdb.batch([
        updateStageData(campaign.tdb, {
          submissionId: unit.submissionId,
          stage: 'self',
          inputs: { rate },
          assessments: {},
          updatedBy: 'usr_test',
          at: AT,
        }),
      ]);
    };
    await edit(4, 95);
    expect((await tickOutcome()).scored).toBe(5);
    const jumped = [90, 80, 70, 60, 95];
    expect(await current(campaign)).toEqual(expected(campaign, jumped));
    expect(await snapshots(campaign.tenantId)).toHaveLength(10);

    // Two units swap their rates: the mean and everyone else's rank stay, so only the two
    // swapped cards are new.
    await edit(3, 95);
    await edit(4, 60);
    expect((await tickOutcome()).scored).toBe(5);
    expect(await current(campaign)).toEqual(expected(campaign, [90, 80, 70, 95, 60]));
    expect(await snapshots(campaign.tenantId)).toHaveLength(12);
  });

  it('fans out as one chunk for the whole cycle', async () => {
    const campaign = await mintCampaign({
      units: 5,
      pack: rankPack,
      parameters: {},
      inputsFor: (i) => ({ rate: RATES[i] }),
    });
    const queue = new RecordingQueue(env.SCORING_QUEUE as unknown as Queue);
    await tickOutcome({ SCORING_INLINE_MAX_ROWS: '0', SCORING_QUEUE: queue });
    const sent = queue.take();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ after: null, through: null });
    await deliver('kaoping-scoring', [{ body: sent[0] }], { SCORING_QUEUE: queue });
    expect(await current(campaign)).toEqual(expected(campaign, RATES));
  });
});
