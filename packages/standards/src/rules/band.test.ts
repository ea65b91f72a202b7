import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { input, metric, param, pct, ratio, sub, switchOn } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [
    { id: 'employed', kind: 'count', label: label('实现就业人数', 'Employed') },
    { id: 'total', kind: 'count', label: label('总人数', 'Total') },
    { id: 'excluded', kind: 'count', label: label('剔除人数', 'Excluded') },
    { id: 'rate', kind: 'percent', label: label('就业率', 'Employment rate') },
  ],
  metrics: [
    {
      id: 'difficultRate',
      label: label('就业困难人员就业率', 'Employment rate of people with employment difficulties'),
      expression: ratio(input('employed'), sub(input('total'), input('excluded')), 'full-points'),
    },
  ],
  parameters: [
    {
      id: 'level',
      kind: 'enum',
      label: label('创建级别', 'Level'),
      options: [
        { value: 'city', label: label('市级', 'city') },
        { value: 'county', label: label('县级', 'county') },
      ],
      default: 'county',
    },
  ],
});

// 就业困难人员就业率: 达90%得5分，达85%得4分，80%-85%得3分，75%-80%得2分，70%-75%得1分
const difficultBands: RuleInput = {
  kind: 'band',
  value: metric('difficultRate'),
  bands: [
    { operator: '>=', threshold: pct(90), points: 5 },
    { operator: '>=', threshold: pct(85), points: 4 },
    { operator: '>=', threshold: pct(80), points: 3 },
    { operator: '>=', threshold: pct(75), points: 2 },
    { operator: '>=', threshold: pct(70), points: 1 },
  ],
};

const rateOf = (employed: number, total: number, excluded = 0) =>
  pointsOf(h.evaluate(difficultBands, { inputs: { employed, total, excluded } }).outcome);

describe('band', () => {
  it('lands 17 of 20 (exactly 85 %) in the "达85%" band', () => {
    expect(rateOf(17, 20)).toBe(4);
  });

  it('puts each lower bound in its own band and just below it in the next', () => {
    expect(rateOf(90, 100)).toBe(5);
    expect(rateOf(8999, 10000)).toBe(4);
    expect(rateOf(80, 100)).toBe(3);
    expect(rateOf(7999, 10000)).toBe(2);
    expect(rateOf(70, 100)).toBe(1);
    expect(rateOf(6999, 10000)).toBe(0);
    expect(rateOf(0, 10)).toBe(0);
  });

  it('explains the value, the band and the points in both languages', () => {
    const { outcome } = h.evaluate(difficultBands, {
      inputs: { employed: 43, total: 50, excluded: 2 },
    });
    expect(explanationOf(outcome)).toEqual({
      zh: '就业困难人员就业率 = 43 ÷ (50 − 2) = 89.6%，达85%档，得4分',
      en: 'Employment rate of people with employment difficulties = 43 ÷ (50 − 2) = 89.6%, band ≥85%, 4 points',
    });
  });

  it('says which bound was missed when no band is reached', () => {
    const { outcome } = h.evaluate(difficultBands, {
      inputs: { employed: 6, total: 10, excluded: 0 },
    });
    expect(explanationOf(outcome).zh).toBe(
      '就业困难人员就业率 = 6 ÷ (10 − 0) = 60%，低于70%，不得分',
    );
    expect(explanationOf(outcome).en).toContain('below 70%, 0 points');
  });

  it('never shows a value rounded up onto a threshold it misses', () => {
    const { outcome } = h.evaluate(difficultBands, {
      inputs: { employed: 8499, total: 10000, excluded: 0 },
    });
    expect(pointsOf(outcome)).toBe(3);
    expect(explanationOf(outcome).zh).toContain('= 84.99%，达80%档');
  });

  it('applies the empty-denominator policy: full points', () => {
    const { outcome } = h.evaluate(difficultBands, {
      inputs: { employed: 0, total: 2, excluded: 2 },
    });
    expect(pointsOf(outcome)).toBe(5);
  });

  it('names the missing inputs instead of scoring 0', () => {
    const { outcome } = h.evaluate(difficultBands, { inputs: { employed: 3 } });
    expect(outcome).toEqual({ status: 'missing', missing: ['total', 'excluded'], awaiting: [] });
  });

  it('supports ">" and lower-is-better bands', () => {
    const strictly: RuleInput = {
      kind: 'band',
      value: input('rate'),
      bands: [
        { operator: '>', threshold: pct(0), points: 10 },
        { operator: '>=', threshold: pct(0), points: 5 },
      ],
    };
    expect(pointsOf(h.evaluate(strictly, { inputs: { rate: 0.5 } }).outcome)).toBe(10);
    expect(pointsOf(h.evaluate(strictly, { inputs: { rate: 0 } }).outcome)).toBe(5);
    const lower: RuleInput = {
      kind: 'band',
      value: input('rate'),
      bands: [
        { operator: '<=', threshold: pct(0), points: 2 },
        { operator: '<', threshold: pct(3), points: 1.5 },
      ],
    };
    expect(pointsOf(h.evaluate(lower, { inputs: { rate: 0 } }).outcome)).toBe(2);
    expect(pointsOf(h.evaluate(lower, { inputs: { rate: 2.99 } }).outcome)).toBe(1.5);
    expect(pointsOf(h.evaluate(lower, { inputs: { rate: 3 } }).outcome)).toBe(0);
    expect(explanationOf(h.evaluate(lower, { inputs: { rate: 3 } }).outcome).zh).toBe(
      '就业率 = 3%，不低于3%，不得分',
    );
  });

  it('takes thresholds from parameters (宜春: city vs county targets)', () => {
    const byLevel: RuleInput = {
      kind: 'band',
      value: input('rate'),
      bands: [
        {
          operator: '>=',
          threshold: switchOn(param('level'), { city: pct(95), county: pct(90) }),
          points: 10,
        },
      ],
    };
    expect(pointsOf(h.evaluate(byLevel, { inputs: { rate: 92 } }).outcome)).toBe(10);
    expect(
      pointsOf(
        h.evaluate(byLevel, { inputs: { rate: 92 }, parameters: { level: 'city' } }).outcome,
      ),
    ).toBe(0);
    expect(
      explanationOf(
        h.evaluate(byLevel, { inputs: { rate: 95 }, parameters: { level: 'city' } }).outcome,
      ).zh,
    ).toBe('就业率 = 95%，达95%档，得10分');
  });

  it('bounds are the least and most any band (or otherwise) awards', () => {
    expect(h.bounds(difficultBands)).toEqual({ min: 0, max: 5 });
    expect(h.bounds({ ...difficultBands, otherwise: -2 } as RuleInput)).toEqual({
      min: -2,
      max: 5,
    });
  });

  it('describes itself in plain words', () => {
    expect(h.describe(difficultBands)).toEqual({
      zh: '按就业困难人员就业率分档：≥90%得5分，≥85%得4分，≥80%得3分，≥75%得2分，≥70%得1分，否则得0分',
      en: 'Banded on Employment rate of people with employment difficulties: ≥90%: 5; ≥85%: 4; ≥80%: 3; ≥75%: 2; ≥70%: 1; otherwise 0',
    });
  });

  it('is monotone in its rate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(500), fc.nat(500), (total, a, b) => {
        const low = Math.min(a, b) % (total + 1);
        const high = Math.max(a, b) % (total + 1);
        const [x, y] = low <= high ? [low, high] : [high, low];
        expect(rateOf(x, total) as number).toBeLessThanOrEqual(rateOf(y, total) as number);
      }),
    );
  });
});
