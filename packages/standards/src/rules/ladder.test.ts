import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { input, num } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [{ id: 'driven', kind: 'count', label: label('带动就业人次', 'Jobs driven') }],
});

// 报告期内，带动10人次以上的，得1分；20人次以上的，得2分；…50人次以上的，得5分。
const industry: RuleInput = {
  kind: 'ladder',
  value: input('driven'),
  steps: [10, 20, 30, 40, 50].map((n, i) => ({ atLeast: num(n), points: i + 1 })),
  unit: label('人次', ' person-times'),
};
const score = (driven: number) => pointsOf(h.evaluate(industry, { inputs: { driven } }).outcome);

describe('ladder', () => {
  it('"N以上" includes N', () => {
    expect(score(10)).toBe(1);
    expect(score(50)).toBe(5);
  });

  it('awards the highest step reached', () => {
    expect(score(9)).toBe(0);
    expect(score(19)).toBe(1);
    expect(score(37)).toBe(3);
    expect(score(1000)).toBe(5);
  });

  it('does not depend on the order steps are listed in', () => {
    const reversed = {
      ...industry,
      steps: [...(industry as { steps: unknown[] }).steps].reverse(),
    } as RuleInput;
    expect(pointsOf(h.evaluate(reversed, { inputs: { driven: 37 } }).outcome)).toBe(3);
  });

  it('explains the step in both languages', () => {
    expect(explanationOf(h.evaluate(industry, { inputs: { driven: 37 } }).outcome)).toEqual({
      zh: '带动就业人次 = 37，达30人次档，得3分',
      en: 'Jobs driven = 37, step ≥30 person-times, 3 points',
    });
    expect(explanationOf(h.evaluate(industry, { inputs: { driven: 3 } }).outcome).zh).toBe(
      '带动就业人次 = 3，不足10人次，不得分',
    );
  });

  it('is missing without its count', () => {
    expect(h.evaluate(industry).outcome).toEqual({
      status: 'missing',
      missing: ['driven'],
      awaiting: [],
    });
  });

  it('bounds and describes', () => {
    expect(h.bounds(industry)).toEqual({ min: 0, max: 5 });
    expect(h.describe(industry).zh).toBe(
      '按带动就业人次计：10人次以上得1分，20人次以上得2分，30人次以上得3分，40人次以上得4分，50人次以上得5分，否则得0分',
    );
  });
});
