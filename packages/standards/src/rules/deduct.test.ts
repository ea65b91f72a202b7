import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import { input, max, metric, pct, ratio, reference, sub } from '../expression-builders.ts';
import type { RuleInput } from './rule.ts';

const h = harness({
  inputs: [
    {
      id: 'incidents',
      kind: 'count',
      label: label('欠薪重大舆情起数', 'Major wage-arrears incidents'),
    },
    { id: 'unclear', kind: 'boolean', label: label('底数不清', 'Base numbers unclear') },
    { id: 'sampled', kind: 'count', label: label('抽查人数', 'Sampled') },
    { id: 'mismatched', kind: 'count', label: label('不一致人数', 'Inconsistent') },
    { id: 'rate', kind: 'percent', label: label('鉴定通过率', 'Pass rate') },
    { id: 'good', kind: 'boolean', label: label('达到要求', 'Meets the requirement') },
    { id: 'dev1', kind: 'percent', label: label('指标1偏离', 'Indicator 1 deviation') },
    { id: 'dev2', kind: 'percent', label: label('指标2偏离', 'Indicator 2 deviation') },
    { id: 'dev3', kind: 'percent', label: label('指标3偏离', 'Indicator 3 deviation') },
  ],
  metrics: [
    {
      id: 'mismatchShare',
      label: label('抽查不一致比例', 'Share inconsistent'),
      expression: ratio(input('mismatched'), input('sampled'), 'zero'),
    },
  ],
  references: [
    {
      id: 'provinceRate',
      label: label('全省平均通过率', 'Province average'),
      format: 'percent',
      source: { from: 'cycle' },
    },
  ],
});

describe('deduct', () => {
  // 因欠薪引发重大舆情情况，每发生1起扣1分，扣完为止。没有发生得5分。
  const arrears: RuleInput = {
    kind: 'deduct',
    base: 5,
    deductions: [
      {
        label: label('欠薪重大舆情', 'Wage-arrears incidents'),
        amount: input('incidents'),
        points: 1,
      },
    ],
  };

  it('"每发生1起扣1分，扣完为止"', () => {
    expect(pointsOf(h.evaluate(arrears, { inputs: { incidents: 0 } }).outcome)).toBe(5);
    expect(pointsOf(h.evaluate(arrears, { inputs: { incidents: 2 } }).outcome)).toBe(3);
    expect(pointsOf(h.evaluate(arrears, { inputs: { incidents: 9 } }).outcome)).toBe(0);
    expect(explanationOf(h.evaluate(arrears, { inputs: { incidents: 9 } }).outcome)).toEqual({
      zh: '基础分5分；欠薪重大舆情：欠薪重大舆情起数 = 9，每次扣1分，扣9分；扣完为止，不得分',
      en: 'base 5; Wage-arrears incidents: Major wage-arrears incidents = 9, 1 each, −9; deducted down to the floor, 0 points',
    });
  });

  // 一.1: band base, "底数不清扣4分", "每占抽查比例10%扣4分"
  const withSteps: RuleInput = {
    kind: 'deduct',
    base: { kind: 'check', when: input('good'), points: 8 },
    deductions: [
      { label: label('底数不清', 'Base unclear'), amount: input('unclear'), points: 4 },
      {
        label: label('核实不一致', 'Inconsistent'),
        amount: metric('mismatchShare'),
        step: pct(10),
        points: 4,
      },
    ],
  };
  const stepped = (mismatched: number, unclear = false) =>
    pointsOf(
      h.evaluate(withSteps, { inputs: { good: true, unclear, sampled: 20, mismatched } }).outcome,
    );

  it('"每占抽查比例10%扣4分" counts whole steps: 9.9 % none, 10 % one, 15 % one, 20 % two', () => {
    expect(stepped(1)).toBe(8); // 5 %
    expect(stepped(2)).toBe(4); // 10 %
    expect(stepped(3)).toBe(4); // 15 %
    expect(stepped(4)).toBe(0); // 20 %
    expect(stepped(10)).toBe(0); // 50 %: floor 0
  });

  it('a condition deducts once ("底数不清扣4分")', () => {
    expect(stepped(0, true)).toBe(4);
    expect(stepped(2, true)).toBe(0);
    expect(
      explanationOf(
        h.evaluate(withSteps, { inputs: { good: true, unclear: true, sampled: 20, mismatched: 3 } })
          .outcome,
      ).zh,
    ).toBe(
      '达到要求 = 是，得8分；底数不清：是，扣4分；核实不一致：抽查不一致比例 = 3 ÷ 20 = 15%，每10%扣4分，扣4分；不得分',
    );
  });

  it('rounds steps up or exactly when told to', () => {
    const started = {
      ...withSteps,
      deductions: [
        {
          label: label('x', 'x'),
          amount: metric('mismatchShare'),
          step: pct(10),
          rounding: 'started-steps',
          points: 4,
        },
      ],
    } as RuleInput;
    expect(
      pointsOf(h.evaluate(started, { inputs: { good: true, sampled: 20, mismatched: 1 } }).outcome),
    ).toBe(4);
    const exact = {
      ...withSteps,
      deductions: [
        {
          label: label('x', 'x'),
          amount: metric('mismatchShare'),
          step: pct(10),
          rounding: 'exact',
          points: 4,
        },
      ],
    } as RuleInput;
    expect(
      pointsOf(h.evaluate(exact, { inputs: { good: true, sampled: 20, mismatched: 3 } }).outcome),
    ).toBe(2);
  });

  // 鉴定通过率达到省当年平均通过率得5分，通过率每低一个百分点扣0.5分，扣完为止。
  const passRate: RuleInput = {
    kind: 'deduct',
    base: 5,
    deductions: [
      {
        label: label('通过率低于全省平均', 'Below the province average'),
        amount: max(0, sub(reference('provinceRate'), input('rate'))),
        step: pct(1),
        points: 0.5,
      },
    ],
  };

  it('"每低一个百分点扣0.5分" against a cycle-supplied reference', () => {
    const at = (rate: number) =>
      pointsOf(
        h.evaluate(passRate, { inputs: { rate }, references: { provinceRate: 80 } }).outcome,
      );
    expect(at(85)).toBe(5);
    expect(at(80)).toBe(5);
    expect(at(79.5)).toBe(5);
    expect(at(79)).toBe(4.5);
    expect(at(73.2)).toBe(2);
    expect(at(60)).toBe(0);
    expect(h.evaluate(passRate, { inputs: { rate: 70 } }).outcome).toEqual({
      status: 'missing',
      missing: ['reference:provinceRate'],
      awaiting: [],
    });
  });

  // 主要指标数据上传量偏离实际数量每10%扣5分，单个指标扣完10分为止，总计扣完20分为止。
  const upload: RuleInput = {
    kind: 'deduct',
    base: 20,
    deductions: ['dev1', 'dev2', 'dev3'].map((id) => ({
      label: label(id, id),
      amount: input(id),
      step: pct(10),
      points: 5,
      max: 10,
    })),
    maxTotal: 20,
  };

  it('caps each deduction and all of them ("单个指标扣完10分为止，总计扣完20分为止")', () => {
    const at = (dev1: number, dev2: number, dev3: number) =>
      pointsOf(h.evaluate(upload, { inputs: { dev1, dev2, dev3 } }).outcome);
    expect(at(0, 0, 0)).toBe(20);
    expect(at(15, 0, 0)).toBe(15);
    expect(at(60, 0, 0)).toBe(10);
    expect(at(60, 10, 0)).toBe(5);
    expect(at(60, 60, 60)).toBe(0);
    expect(h.bounds(upload)).toEqual({ min: 0, max: 20 });
  });

  it('a negative floor lets deductions go below zero', () => {
    const below: RuleInput = { ...arrears, floor: -5 } as RuleInput;
    expect(pointsOf(h.evaluate(below, { inputs: { incidents: 20 } }).outcome)).toBe(-5);
    expect(h.bounds(below)).toEqual({ min: -5, max: 5 });
  });

  it('bounds: the base, down to the floor or the capped deductions', () => {
    expect(h.bounds(arrears)).toEqual({ min: 0, max: 5 });
    expect(h.bounds(withSteps)).toEqual({ min: 0, max: 8 });
    const capped: RuleInput = {
      kind: 'deduct',
      base: 5,
      deductions: [{ label: label('x', 'x'), amount: input('unclear'), points: 1, max: 1 }],
    };
    expect(h.bounds(capped)).toEqual({ min: 4, max: 5 });
  });

  it('describes itself', () => {
    expect(h.describe(arrears).zh).toBe(
      '基础分5分；减去：欠薪重大舆情（欠薪重大舆情起数）每次扣1分；最低0分',
    );
  });

  it('never leaves its bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.nat(50),
        fc.boolean(),
        fc.boolean(),
        (sampled, mismatched, good, unclear) => {
          const outcome = h.evaluate(withSteps, {
            inputs: { good, unclear, sampled, mismatched: Math.min(mismatched, sampled) },
          }).outcome;
          const points = pointsOf(outcome) as number;
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(8);
        },
      ),
    );
  });
});
