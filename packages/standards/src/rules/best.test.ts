import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { input, num } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [
    { id: 'referrals', kind: 'count', label: label('推荐培训次数', 'Training referrals') },
    { id: 'allEmployed', kind: 'boolean', label: label('均已实现就业创业', 'All found work') },
  ],
});

// 推荐1次培训得2分，推荐2次培训得3分，推荐3次培训得5分。推荐培训次数不足3次，但均已实现就业创业的，得5分。
const training: RuleInput = {
  kind: 'best',
  parts: [
    {
      kind: 'ladder',
      value: input('referrals'),
      steps: [
        { atLeast: num(1), points: 2 },
        { atLeast: num(2), points: 3 },
        { atLeast: num(3), points: 5 },
      ],
    },
    { kind: 'check', when: input('allEmployed'), points: 5 },
  ],
};

describe('best', () => {
  it('takes the better of its parts', () => {
    expect(
      pointsOf(h.evaluate(training, { inputs: { referrals: 1, allEmployed: false } }).outcome),
    ).toBe(2);
    expect(
      pointsOf(h.evaluate(training, { inputs: { referrals: 1, allEmployed: true } }).outcome),
    ).toBe(5);
    expect(
      pointsOf(h.evaluate(training, { inputs: { referrals: 3, allEmployed: false } }).outcome),
    ).toBe(5);
  });

  it('is decided by a part at the highest possible points even if another is missing', () => {
    const { outcome } = h.evaluate(training, { inputs: { referrals: 3 } });
    expect(pointsOf(outcome)).toBe(5);
    expect(explanationOf(outcome).zh).toBe('推荐培训次数 = 3，达3档，得5分；取较高者5分');
  });

  it('is missing when no part can decide', () => {
    expect(h.evaluate(training, { inputs: { referrals: 2 } }).outcome).toEqual({
      status: 'missing',
      missing: ['allEmployed'],
      awaiting: [],
    });
  });

  it('bounds and describes', () => {
    expect(h.bounds(training)).toEqual({ min: 0, max: 5 });
    expect(h.describe(training).en).toMatch(/^The best of: /);
  });
});
