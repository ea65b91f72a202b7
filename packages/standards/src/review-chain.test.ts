import { describe, expect, it } from 'vitest';
import { basePack } from '../test/rule-harness.ts';
import { contentHash } from './content-hash.ts';
import { score } from './engine.ts';
import { definePack, PackError } from './pack-integrity.ts';
import type { PackInput } from './pack-schema.ts';

// A pack's review chain (the province table's 自评分 → 省厅初评分 → 省厅审定考核分): declared
// in order, each stage with who acts; assessed rules may only name declared stages.

const label = (zh: string, en = zh) => ({ zh, en });

const chain: PackInput['reviewChain'] = [
  { key: 'self', title: label('自评分', 'Self-assessment'), actor: 'reporter' },
  { key: 'initial', title: label('省厅初评分', 'Initial review'), actor: 'reviewer' },
  { key: 'final', title: label('省厅审定考核分', 'Final'), actor: 'reviewer' },
];

function pack(stages: string[], reviewChain: PackInput['reviewChain'] | null = chain) {
  return definePack(
    basePack({
      unitKinds: ['city'],
      categories: [{ id: '甲', title: label('甲'), max: 5 }],
      items: [
        {
          id: '甲.1',
          category: '甲',
          title: label('绩效'),
          max: 5,
          source: { file: 'x.txt', quote: '效果显著的得5分' },
          rule: { kind: 'assessed', points: 5, step: 5, stages, guidance: label('效果显著') },
        },
      ],
      ...(reviewChain ? { reviewChain } : {}),
    }),
  );
}

const problems = (build: () => unknown) => {
  try {
    build();
    return [];
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    return error.problems.map((p) => [p.path, p.message.en]);
  }
};

describe('reviewChain', () => {
  it('keeps its stages in order, with who acts at each', () => {
    expect(pack(['self', 'final']).reviewChain?.map((s) => [s.key, s.actor])).toEqual([
      ['self', 'reporter'],
      ['initial', 'reviewer'],
      ['final', 'reviewer'],
    ]);
  });

  it('refuses an assessed rule entered at a stage the chain does not have', () => {
    expect(problems(() => pack(['self', 'district']))).toEqual([
      ['items[甲.1].rule', "assessment stage district is not in the pack's review chain"],
    ]);
  });

  it('refuses duplicate stage keys, an empty chain and an unknown actor', () => {
    expect(
      problems(() => pack(['self'], [...chain, { ...chain[0], title: label('再评') } as never])),
    ).toEqual([['reviewChain[self]', 'duplicate id self']]);
    expect(problems(() => pack(['self'], []))[0]?.[0]).toBe('reviewChain');
    expect(problems(() => pack(['self'], [{ ...chain[0], actor: 'admin' } as never]))[0]?.[0]).toBe(
      'reviewChain.0.actor',
    );
  });

  it('is optional: a pack without one names its stages freely, and its content hash is unchanged', () => {
    const without = pack(['town', 'district'], null);
    expect(without.reviewChain).toBeUndefined();
    expect(contentHash(without)).toBe(contentHash(definePack(JSON.parse(JSON.stringify(without)))));
    expect(JSON.stringify(without)).not.toContain('reviewChain');
  });

  it('scores each stage from its own judgements: the same unit, different totals', () => {
    const p = pack(['self', 'initial', 'final']);
    const at = (stage: string, points: number) =>
      score(p, {}, {}, { assessments: { '甲.1': { points, reason: '评估', stage } } }).total;
    expect([at('self', 5), at('initial', 0), at('final', 5)]).toEqual([5, 0, 5]);
  });
});
