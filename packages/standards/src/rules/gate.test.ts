import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { ge, input, reference } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [
    { id: 'rate', kind: 'percent', label: label('就业率', 'Employment rate') },
    { id: 'staff', kind: 'count', label: label('工作人员人数', 'Staff') },
    { id: 'trained', kind: 'boolean', label: label('工作人员有参加培训', 'Staff trained') },
    {
      id: 'violation',
      kind: 'boolean',
      label: label('培训资金违规使用', 'Training funds misused'),
    },
    {
      id: 'plan',
      kind: 'boolean',
      label: label('制定培训补贴标准目录', 'Subsidy catalogue published'),
    },
  ],
  references: [
    {
      id: 'countyRate',
      label: label('所在县平均就业率', 'County average employment rate'),
      format: 'percent',
      source: { from: 'cycle' },
    },
  ],
});

describe('gate', () => {
  // 有1名以上负责就业服务的工作人员…不达标不得分。工作人员有参加培训，得3分
  const staffed: RuleInput = {
    kind: 'gate',
    label: label('有1名以上负责就业服务的工作人员', 'At least one member of staff'),
    when: ge(input('staff'), 1),
    rule: { kind: 'check', when: input('trained'), points: 3 },
    failNote: label('不达标不得分', 'not met'),
  };

  it('"不达标不得分": fails without reading the inner rule\'s inputs', () => {
    const { outcome } = h.evaluate(staffed, { inputs: { staff: 0 } });
    expect(pointsOf(outcome)).toBe(0);
    expect(explanationOf(outcome).zh).toBe(
      '有1名以上负责就业服务的工作人员：否（工作人员人数 = 0），不达标不得分，不得分',
    );
  });

  it("asks for the condition and the inner rule's inputs together until the condition is known", () => {
    expect(h.evaluate(staffed).outcome).toEqual({
      status: 'missing',
      missing: ['staff', 'trained'],
      awaiting: [],
    });
  });

  it('passes to the inner rule when met', () => {
    const { outcome } = h.evaluate(staffed, { inputs: { staff: 2, trained: true } });
    expect(pointsOf(outcome)).toBe(3);
    expect(explanationOf(outcome).zh).toBe(
      '有1名以上负责就业服务的工作人员：是（工作人员人数 = 2）；工作人员有参加培训 = 是，得3分',
    );
  });

  // 就业率低于所在县（市、区）平均就业率的该指标不得分
  const aboveCounty: RuleInput = {
    kind: 'gate',
    when: ge(input('rate'), reference('countyRate')),
    rule: {
      kind: 'proportional',
      value: input('rate'),
      target: { op: 'percent', value: 95 },
      points: 10,
    },
  };

  it('"低于所在县平均就业率的该指标不得分"', () => {
    expect(
      pointsOf(
        h.evaluate(aboveCounty, { inputs: { rate: 88 }, references: { countyRate: 90 } }).outcome,
      ),
    ).toBe(0);
    expect(
      pointsOf(
        h.evaluate(aboveCounty, { inputs: { rate: 90 }, references: { countyRate: 90 } }).outcome,
      ),
    ).toBeCloseTo(9.473684, 5);
    expect(h.evaluate(aboveCounty, { inputs: { rate: 90 } }).outcome).toEqual({
      status: 'missing',
      missing: ['reference:countyRate'],
      awaiting: [],
    });
  });

  // 培训资金违规使用…的，不得分并倒扣5分
  const penalty: RuleInput = {
    kind: 'gate',
    when: { op: 'not', arg: input('violation') },
    rule: { kind: 'check', when: input('plan'), points: 5 },
    otherwise: -5,
    failNote: label('不得分并倒扣5分', 'no points and −5'),
  };

  it('"不得分并倒扣5分" reaches −5', () => {
    const { outcome } = h.evaluate(penalty, { inputs: { violation: true } });
    expect(pointsOf(outcome)).toBe(-5);
    expect(explanationOf(outcome).zh).toContain('不得分并倒扣5分，倒扣5分');
    expect(h.bounds(penalty)).toEqual({ min: -5, max: 5 });
  });

  it('describes itself', () => {
    expect(h.describe(staffed).zh).toBe(
      '须有1名以上负责就业服务的工作人员，否则得0分；满足时：工作人员有参加培训得3分，否则得0分',
    );
  });
});
