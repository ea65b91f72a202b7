import { describe, expect, it } from 'vitest';
import { provinceEmploymentWork } from '../../../packs/province-employment-work.ts';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { lintPack } from '../lint-pack.ts';

/** The province table's 失业保险统计 (max 4) as the source words it: "达到省要求的得5分". */
function literalUnemploymentStatistics() {
  const pack = structuredClone(provinceEmploymentWork);
  const item = pack.items.find((i) => i.id === '失业保险.8');
  if (item?.rule.kind !== 'deduct') throw new Error('失业保险.8 is a deduction from a base');
  item.rule.base = 5;
  return pack;
}

describe('item-bounds', () => {
  it('rejects the province 失业保险统计 written as the source says (max 4, "得5分")', () => {
    expect(lintPack(provinceEmploymentWork).errors).toEqual([]);
    const { errors } = lintPack(literalUnemploymentStatistics());
    expect(errors).toEqual([
      {
        check: 'item-bounds',
        severity: 'error',
        path: 'items[失业保险.8].rule',
        message: {
          zh: '失业保险.8 的评分规则最高可得5分，超过本项满分4分',
          en: "失业保险.8: the rule can award 5, more than the item's max of 4",
        },
      },
    ]);
  });

  it('accepts the built-in reading of the same item: base 4, as its max says', () => {
    const item = provinceEmploymentWork.items.find((i) => i.id === '失业保险.8');
    expect(item?.rule.kind === 'deduct' && item.rule.base).toBe(4);
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
