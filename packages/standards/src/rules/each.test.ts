import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { input } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [
    { id: 'honours', kind: 'count', label: label('获得市级以上荣誉次数', 'City-level honours') },
  ],
});

// 获得市级以上荣誉，每次加3分 (加分项合计10分)
const honours: RuleInput = { kind: 'each', count: input('honours'), points: 3, max: 10 };

describe('each', () => {
  it('"每次加3分" up to its max', () => {
    expect(pointsOf(h.evaluate(honours, { inputs: { honours: 0 } }).outcome)).toBe(0);
    expect(pointsOf(h.evaluate(honours, { inputs: { honours: 3 } }).outcome)).toBe(9);
    expect(pointsOf(h.evaluate(honours, { inputs: { honours: 4 } }).outcome)).toBe(10);
  });

  it('explains the count and the cap', () => {
    expect(explanationOf(h.evaluate(honours, { inputs: { honours: 4 } }).outcome)).toEqual({
      zh: '获得市级以上荣誉次数 = 4，每次3分，至多10分，得10分',
      en: 'City-level honours = 4, 3 each, at most 10, 10 points',
    });
  });

  it('bounds and describes', () => {
    expect(h.bounds(honours)).toEqual({ min: 0, max: 10 });
    expect(h.describe(honours).zh).toBe('获得市级以上荣誉次数每次3分，最高10分');
  });
});
