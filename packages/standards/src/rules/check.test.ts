import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import {
  and,
  eq,
  ge,
  ifThen,
  input,
  metric,
  pct,
  ratio,
  str,
  unitKind,
} from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [
    {
      id: 'desk',
      kind: 'boolean',
      label: label('有固定办公台位或服务窗口', 'Has a fixed desk or window'),
    },
    {
      id: 'inBudget',
      kind: 'boolean',
      label: label('纳入财政预算', 'In the budget'),
      appliesTo: ['community'],
    },
    { id: 'paid', kind: 'boolean', label: label('按时足额到位', 'Paid in full') },
    { id: 'families', kind: 'count', label: label('零就业家庭户数', 'Zero-employment households') },
    { id: 'cleared', kind: 'count', label: label('清零户数', 'Cleared') },
    { id: 'longTerm', kind: 'count', label: label('失业一年以上人员数', 'Unemployed over a year') },
  ],
  metrics: [
    {
      id: 'clearance',
      label: label('零就业家庭动态清零比例', 'Share cleared'),
      expression: ratio(
        input('cleared'),
        input('families'),
        'full-points',
        label('报告期内未出现零就业家庭', 'No such households'),
      ),
    },
  ],
});

describe('check', () => {
  const desk: RuleInput = { kind: 'check', when: input('desk'), points: 2 };

  it('"有固定办公台位或服务窗口，得2分"', () => {
    expect(pointsOf(h.evaluate(desk, { inputs: { desk: true } }).outcome)).toBe(2);
    expect(pointsOf(h.evaluate(desk, { inputs: { desk: false } }).outcome)).toBe(0);
    expect(explanationOf(h.evaluate(desk, { inputs: { desk: true } }).outcome)).toEqual({
      zh: '有固定办公台位或服务窗口 = 是，得2分',
      en: 'Has a fixed desk or window = yes, 2 points',
    });
  });

  it('states the condition and the facts behind it', () => {
    const none: RuleInput = {
      kind: 'check',
      when: eq(input('longTerm'), 0),
      points: 5,
      label: label('无失业一年以上人员', 'Nobody unemployed over a year'),
    };
    expect(explanationOf(h.evaluate(none, { inputs: { longTerm: 2 } }).outcome)).toEqual({
      zh: '无失业一年以上人员：否（失业一年以上人员数 = 2），不得分',
      en: 'Nobody unemployed over a year: no (Unemployed over a year = 2), 0 points',
    });
  });

  it('awards its points when an empty denominator means full points ("报告期内未出现零就业家庭的，得5分")', () => {
    const cleared: RuleInput = {
      kind: 'check',
      when: ge(metric('clearance'), pct(100)),
      points: 5,
    };
    const { outcome } = h.evaluate(cleared, { inputs: { families: 0, cleared: 0 } });
    expect(pointsOf(outcome)).toBe(5);
    expect(explanationOf(outcome).zh).toBe('报告期内未出现零就业家庭，得5分');
    expect(pointsOf(h.evaluate(cleared, { inputs: { families: 3, cleared: 2 } }).outcome)).toBe(0);
    expect(pointsOf(h.evaluate(cleared, { inputs: { families: 3, cleared: 3 } }).outcome)).toBe(5);
  });

  it('reads only what the unit kind needs ("行政村不要求纳入财政预算")', () => {
    const funds: RuleInput = {
      kind: 'check',
      when: and(ifThen(eq(unitKind(), str('village')), true, input('inBudget')), input('paid')),
      points: 8,
    };
    expect(
      pointsOf(h.evaluate(funds, { inputs: { paid: true }, unitKind: 'village' }).outcome),
    ).toBe(8);
    expect(h.evaluate(funds, { inputs: { paid: true }, unitKind: 'community' }).outcome).toEqual({
      status: 'missing',
      missing: ['inBudget'],
      awaiting: [],
    });
    expect(pointsOf(h.evaluate(funds, { inputs: { paid: true, inBudget: false } }).outcome)).toBe(
      0,
    );
  });

  it('decides an "and" on a known false even when another part is missing', () => {
    const both: RuleInput = { kind: 'check', when: and(input('desk'), input('paid')), points: 2 };
    expect(pointsOf(h.evaluate(both, { inputs: { desk: false } }).outcome)).toBe(0);
    expect(pointsOf(h.evaluate(both, { inputs: { desk: true } }).outcome)).toBe('missing');
  });

  it('bounds and describes', () => {
    expect(h.bounds(desk)).toEqual({ min: 0, max: 2 });
    expect(h.bounds({ kind: 'check', when: input('desk'), points: 0, otherwise: -5 })).toEqual({
      min: -5,
      max: 0,
    });
    expect(h.describe(desk)).toEqual({
      zh: '有固定办公台位或服务窗口得2分，否则得0分',
      en: 'Has a fixed desk or window: 2; otherwise 0',
    });
  });
});
