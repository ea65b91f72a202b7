import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { input } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [
    {
      id: 'a',
      kind: 'boolean',
      label: label('有组织参加“粤菜师傅”培训', 'Cantonese-chef training'),
    },
    { id: 'b', kind: 'boolean', label: label('组织参加其他涉农培训', 'Other rural training') },
    { id: 'c', kind: 'boolean', label: label('设置就业服务专区', 'Employment service area') },
  ],
});

// 有组织参加…培训的，得1分，组织参加…其他涉农培训的，加1分。加至该项指标满分为止。
const capped: RuleInput = {
  kind: 'sum',
  parts: [
    { kind: 'check', when: input('a'), points: 1 },
    { kind: 'check', when: input('b'), points: 1 },
    { kind: 'check', when: input('c'), points: 2 },
  ],
  cap: 3,
};

describe('sum', () => {
  it('adds its parts', () => {
    expect(pointsOf(h.evaluate(capped, { inputs: { a: true, b: false, c: true } }).outcome)).toBe(
      3,
    );
    expect(pointsOf(h.evaluate(capped, { inputs: { a: true, b: true, c: false } }).outcome)).toBe(
      2,
    );
  });

  it('"加至该项指标满分为止": caps at the cap and says so', () => {
    const { outcome } = h.evaluate(capped, { inputs: { a: true, b: true, c: true } });
    expect(pointsOf(outcome)).toBe(3);
    expect(explanationOf(outcome).zh).toBe(
      '有组织参加“粤菜师傅”培训 = 是，得1分；组织参加其他涉农培训 = 是，得1分；设置就业服务专区 = 是，得2分；合计4分，加至3分为止',
    );
    expect(explanationOf(outcome).en).toContain('total 4, capped at 3');
  });

  it('prefixes labelled parts', () => {
    const labelled: RuleInput = {
      kind: 'sum',
      parts: [
        { kind: 'check', label: label('甲(1分)', 'A (1)'), when: input('a'), points: 1 },
        { kind: 'check', when: input('b'), points: 1 },
      ],
    };
    expect(explanationOf(h.evaluate(labelled, { inputs: { a: true, b: false } }).outcome).zh).toBe(
      '甲(1分)：是（有组织参加“粤菜师傅”培训 = 是），得1分；组织参加其他涉农培训 = 否，不得分；合计1分',
    );
  });

  it('needs every part: missing inputs are named together', () => {
    expect(h.evaluate(capped, { inputs: { b: true } }).outcome).toEqual({
      status: 'missing',
      missing: ['a', 'c'],
      awaiting: [],
    });
  });

  it('honours a floor', () => {
    const floored: RuleInput = {
      kind: 'sum',
      parts: [{ kind: 'check', when: input('a'), points: 0, otherwise: -3 }],
      floor: -1,
    };
    expect(pointsOf(h.evaluate(floored, { inputs: { a: false } }).outcome)).toBe(-1);
  });

  it('bounds are the sums of the parts, within cap and floor', () => {
    expect(h.bounds(capped)).toEqual({ min: 0, max: 3 });
    expect(h.bounds({ ...capped, cap: undefined } as RuleInput)).toEqual({ min: 0, max: 4 });
  });

  it('describes its parts', () => {
    expect(h.describe(capped).zh).toMatch(/^以下各项相加，加至3分为止：/);
  });
});
