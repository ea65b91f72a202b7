import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { input, param, pct, switchOn } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [{ id: 'rate', kind: 'percent', label: label('就业率', 'Employment rate') }],
  parameters: [
    {
      id: 'designation',
      kind: 'enum',
      label: label('创建级别', 'Designation sought'),
      options: [
        { value: 'city', label: label('市级', 'city-level') },
        { value: 'county', label: label('县级', 'county-level') },
      ],
      default: 'city',
    },
  ],
});

// 宜春 就业率: 市级村达95%以上、县级村达90%以上…完成给10分，未完成按比例得分
const employment: RuleInput = {
  kind: 'proportional',
  value: input('rate'),
  target: switchOn(param('designation'), { city: pct(95), county: pct(90) }),
  points: 10,
};

describe('proportional', () => {
  it('"完成给10分"', () => {
    expect(pointsOf(h.evaluate(employment, { inputs: { rate: 95 } }).outcome)).toBe(10);
    expect(pointsOf(h.evaluate(employment, { inputs: { rate: 99 } }).outcome)).toBe(10);
  });

  it('"未完成按比例得分", exactly', () => {
    const { outcome } = h.evaluate(employment, { inputs: { rate: 76 } });
    expect(pointsOf(outcome)).toBe(8);
    const odd = h.evaluate(employment, { inputs: { rate: 87 } }).outcome;
    expect(odd.status === 'scored' && `${odd.points.num}/${odd.points.den}`).toBe('174/19');
    expect(explanationOf(odd).zh).toBe(
      '就业率 = 87%，未完成目标95%，按比例得10 × 87% ÷ 95% = 9.16分',
    );
  });

  it('depends on the designation sought', () => {
    expect(
      pointsOf(
        h.evaluate(employment, { inputs: { rate: 90 }, parameters: { designation: 'county' } })
          .outcome,
      ),
    ).toBe(10);
  });

  it('bounds and describes', () => {
    expect(h.bounds(employment)).toEqual({ min: 0, max: 10 });
    expect(h.describe(employment).zh).toBe(
      '就业率达到按创建级别（市级时95%；县级时90%）得10分，未达到按比例得分',
    );
  });
});
