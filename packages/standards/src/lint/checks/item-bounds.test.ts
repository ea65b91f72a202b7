import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { basePack } from '../../../test/rule-harness.ts';
import { input } from '../../expression-builders.ts';
import { definePack } from '../../pack-integrity.ts';
import { lintPack } from '../lint-pack.ts';

const SOURCE = '001_0c8b13447a812187.txt';

/** The province table's 失业保险统计 transcribed literally: max 4, "达到省要求的得5分". */
function literalUnemploymentStatistics() {
  return definePack(
    basePack({
      key: 'test.province',
      total: 4,
      unitKinds: ['city'],
      inputs: [
        {
          id: 'unmetStatistics',
          kind: 'count',
          label: { zh: '统计未达要求项数', en: 'Statistics requirements unmet' },
        },
      ],
      categories: [
        { id: '失业保险', title: { zh: '失业保险', en: 'Unemployment insurance' }, max: 4 },
      ],
      items: [
        {
          id: '失业保险.1',
          category: '失业保险',
          title: { zh: '失业保险统计', en: 'Unemployment-insurance statistics' },
          max: 4,
          source: { file: SOURCE, quote: '达到省要求的得5分，每有一项未达要求的扣1分，扣完为止。' },
          rule: {
            kind: 'deduct',
            base: 5,
            deductions: [
              {
                label: { zh: '未达要求', en: 'unmet' },
                amount: input('unmetStatistics'),
                points: 1,
              },
            ],
          },
        },
      ],
    }),
  );
}

describe('item-bounds', () => {
  it('rejects the province 失业保险统计 written as the source says (max 4, "得5分")', () => {
    const { errors } = lintPack(literalUnemploymentStatistics());
    expect(errors).toEqual([
      {
        check: 'item-bounds',
        severity: 'error',
        path: 'items[失业保险.1].rule',
        message: {
          zh: '失业保险.1 的评分规则最高可得5分，超过本项满分4分',
          en: "失业保险.1: the rule can award 5, more than the item's max of 4",
        },
      },
    ]);
  });

  it('accepts the same item once the base is resolved to the item max of 4', () => {
    const pack = structuredClone(literalUnemploymentStatistics());
    const rule = pack.items[0]?.rule;
    if (rule?.kind !== 'deduct') throw new Error('fixture');
    rule.base = 4;
    expect(lintPack(pack).errors).toEqual([]);
  });

  it('rejects a rule that reaches below the item min, and warns when it cannot reach the max', () => {
    const pack = structuredClone(cleanPack());
    const band = pack.items[0]?.rule;
    if (band?.kind !== 'band') throw new Error('fixture');
    band.otherwise = -2;
    const below = lintPack(pack).errors.filter((f) => f.check === 'item-bounds');
    expect(below.map((f) => f.message.en)).toEqual([
      "一.1: the rule can award −2, less than the item's min of 0",
    ]);
    const short = structuredClone(cleanPack());
    const top = short.items[0]?.rule;
    if (top?.kind !== 'band') throw new Error('fixture');
    (top.bands[0] as { points: number }).points = 7;
    const warnings = lintPack(short).warnings.filter((f) => f.check === 'item-bounds');
    expect(warnings.map((f) => f.message.zh)).toEqual([
      '一.1 的评分规则最高只能得7分，达不到本项满分8分',
    ]);
  });

  it('allows a negative item min the source states (倒扣5分)', () => {
    const pack = structuredClone(cleanPack());
    const item = pack.items[1];
    if (item?.rule.kind !== 'check') throw new Error('fixture');
    item.min = -5;
    item.rule.otherwise = -5;
    expect(lintPack(pack).errors).toEqual([]);
  });
});
