import { describe, expect, it } from 'vitest';
import { basePack, label } from '../../test/rule-harness.ts';
import { score, scoreCycle } from '../engine.ts';
import { input } from '../expression-builders.ts';
import { definePack } from '../pack-integrity.ts';
import { fromNumber } from '../rational.ts';
import { competitionRank } from './rank.ts';
import type { RuleInput } from './rule.ts';

function packWith(rule: RuleInput) {
  return definePack(
    basePack({
      inputs: [{ id: 'rate', kind: 'percent', label: label('就业率', 'Employment rate') }],
      categories: [{ id: '一', title: label('一', 'One'), max: 100 }],
      items: [
        {
          id: '一.1',
          category: '一',
          title: label('排名', 'Rank'),
          max: 10,
          source: { file: 'test.txt', quote: 'q' },
          rule,
        },
      ],
    }),
  );
}

const units = [
  { id: 'u3', unitKind: 'community' as const, inputs: { rate: 80 } },
  { id: 'u1', unitKind: 'community' as const, inputs: { rate: 90 } },
  { id: 'u2', unitKind: 'community' as const, inputs: { rate: 90 } },
  { id: 'u4', unitKind: 'community' as const, inputs: { rate: 60 } },
  { id: 'v1', unitKind: 'village' as const, inputs: { rate: 99 } },
  { id: 'v2', unitKind: 'village' as const, inputs: {} },
];

describe('rank', () => {
  it('ranks competition-style: ties share the better rank', () => {
    const values = [90, 90, 80, 60].map(fromNumber);
    expect(competitionRank(fromNumber(90), values, 'higher-is-better')).toBe(1);
    expect(competitionRank(fromNumber(80), values, 'higher-is-better')).toBe(3);
    expect(competitionRank(fromNumber(60), values, 'lower-is-better')).toBe(1);
  });

  it('排名赋分 by position among units of the same kind, sorted by id', () => {
    const pack = packWith({
      kind: 'rank',
      value: input('rate'),
      award: {
        by: 'position',
        positions: [
          { top: 1, points: 10 },
          { top: 3, points: 6 },
        ],
      },
    });
    const cycle = scoreCycle(pack, {}, units);
    expect(cycle.units.map((u) => u.unit.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'v1', 'v2']);
    expect(cycle.units.map((u) => u.items[0]?.points)).toEqual([10, 10, 6, 0, 10, null]);
    expect(cycle.units[2]?.items[0]?.explanation.zh).toBe(
      '就业率 = 80%，在4个单位中排第3名，得6分',
    );
    expect(cycle.units[5]?.items[0]?.missing).toEqual(['rate']);
  });

  it('by share of the ranked units, and across all kinds', () => {
    const pack = packWith({
      kind: 'rank',
      value: input('rate'),
      peers: 'all',
      award: { by: 'top-percent', shares: [{ top: 40, points: 10 }] },
    });
    // 5 ranked units: top 40 % = ranks 1..2
    const cycle = scoreCycle(pack, {}, units);
    expect(cycle.units.map((u) => u.items[0]?.points)).toEqual([10, 10, 0, 0, 10, null]);
  });

  it('by ratio to the best', () => {
    const pack = packWith({
      kind: 'rank',
      value: input('rate'),
      award: { by: 'ratio-to-best', points: 10 },
    });
    const cycle = scoreCycle(pack, {}, units);
    expect(cycle.units.map((u) => u.items[0]?.points)).toEqual([10, 10, 8.89, 6.67, 10, null]);
    const lower = packWith({
      kind: 'rank',
      value: input('rate'),
      order: 'lower-is-better',
      award: { by: 'ratio-to-best', points: 10 },
    });
    expect(scoreCycle(lower, {}, units).units.map((u) => u.items[0]?.points)).toEqual([
      6.67,
      6.67,
      7.5,
      10,
      10,
      null,
    ]);
  });

  it('needs the cycle: scored alone, a unit is missing its peers', () => {
    const pack = packWith({
      kind: 'rank',
      value: input('rate'),
      award: { by: 'ratio-to-best', points: 10 },
    });
    const alone = score(pack, {}, { rate: 90 }, { unitKind: 'community' });
    expect(alone.items[0]?.status).toBe('missing-inputs');
    expect(alone.items[0]?.missing).toEqual(['peers']);
    const withPeers = score(
      pack,
      {},
      { rate: 45 },
      { unitKind: 'community', peers: units.slice(0, 2) },
    );
    expect(withPeers.items[0]?.points).toBe(5);
  });

  it('gives every unit the same answer whatever order the units come in', () => {
    const pack = packWith({
      kind: 'rank',
      value: input('rate'),
      award: { by: 'ratio-to-best', points: 10 },
    });
    const forward = JSON.stringify(scoreCycle(pack, {}, units));
    const backward = JSON.stringify(scoreCycle(pack, {}, [...units].reverse()));
    expect(backward).toBe(forward);
  });
});
