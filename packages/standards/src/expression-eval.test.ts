import { describe, expect, it } from 'vitest';
import { label } from '../test/rule-harness.ts';
import type { Expression } from './expression.ts';
import {
  add,
  and,
  div,
  eq,
  ge,
  ifThen,
  input,
  lt,
  max,
  metric,
  min,
  mul,
  not,
  or,
  param,
  pct,
  provided,
  ratio,
  str,
  sub,
  switchOn,
  unitKind,
} from './expression-builders.ts';
import { describeExpression } from './expression-describe.ts';
import {
  type Evaluated,
  ExpressionError,
  type ExpressionScope,
  evaluateExpression,
  type Lookup,
} from './expression-eval.ts';
import * as q from './rational.ts';
import { displayValue } from './value.ts';

const labels = (kind: string, id: string) => label(`${kind}:${id}`, `${kind}:${id}`);

function scope(
  values: Record<string, number | boolean | string>,
  params: Record<string, string> = {},
): ExpressionScope {
  const lookup = (raw: number | boolean | string | undefined, name: string): Lookup => {
    if (raw === undefined) return { status: 'missing', missing: [name] };
    if (typeof raw === 'number')
      return {
        status: 'value',
        value: { type: 'number', value: q.fromNumber(raw), format: 'count' },
      };
    if (typeof raw === 'boolean')
      return { status: 'value', value: { type: 'boolean', value: raw } };
    return { status: 'value', value: { type: 'text', value: raw } };
  };
  const self: ExpressionScope = {
    labels,
    input: (id) => lookup(values[id], id),
    provided: (id) => id in values,
    param: (id) => lookup(params[id], `parameter:${id}`),
    reference: (id) => lookup(undefined, `reference:${id}`),
    metric: (id) => ({
      result: evaluateExpression(input(id), self),
      label: label(`指标${id}`, `metric ${id}`),
    }),
    unitKind: () => lookup(values.kind, 'unit-kind'),
    points: () => ({ status: 'missing', missing: ['items'] }),
  };
  return self;
}

function value(
  expr: Expression,
  values: Record<string, number | boolean | string> = {},
  params = {},
) {
  const result = evaluateExpression(expr, scope(values, params));
  if (result.status !== 'value')
    return result.status === 'missing' ? { missing: result.missing } : result.status;
  return result.value.type === 'number'
    ? q.toFractionString(result.value.value)
    : result.value.value;
}

describe('evaluateExpression', () => {
  it('computes exactly', () => {
    expect(value(add(input('a'), input('b'), 1), { a: 0.1, b: 0.2 })).toBe('13/10');
    expect(value(sub(input('a'), mul(input('b'), 2)), { a: 1, b: 3 })).toBe('-5');
    expect(value(div(input('a'), input('b'), 'missing'), { a: 1, b: 3 })).toBe('1/3');
    expect(value(min(3, input('a'), 7), { a: 4 })).toBe('3');
    expect(value(max(3, input('a')), { a: 4 })).toBe('4');
    expect(value(pct(12.5))).toBe('1/8');
  });

  it('names every missing input of a formula', () => {
    expect(value(add(input('a'), input('b'), input('a')))).toEqual({ missing: ['a', 'b'] });
  });

  it('applies each empty-denominator policy', () => {
    expect(value(ratio(input('a'), input('b'), 'full-points'), { a: 0, b: 0 })).toBe('full-points');
    expect(value(ratio(input('a'), input('b'), 'not-applicable'), { a: 0, b: 0 })).toBe(
      'not-applicable',
    );
    expect(value(ratio(input('a'), input('b'), 'zero'), { a: 0, b: 0 })).toBe('0');
    expect(value(ratio(input('a'), input('b'), { value: 1 }), { a: 0, b: 0 })).toBe('1');
    expect(value(ratio(input('a'), input('b'), 'missing'), { a: 0, b: 0 })).toEqual({
      missing: ['b'],
    });
    // A known empty denominator decides even if the numerator is missing.
    expect(value(ratio(input('a'), input('b'), 'zero'), { b: 0 })).toBe('0');
  });

  it('uses three-valued logic: a known false decides "and", a known true decides "or"', () => {
    expect(value(and(input('x'), input('y')), { x: false })).toBe(false);
    expect(value(and(input('x'), input('y')), { x: true })).toEqual({ missing: ['y'] });
    expect(value(or(input('x'), input('y')), { y: true })).toBe(true);
    expect(value(not(input('x')), { x: false })).toBe(true);
  });

  it('compares numbers exactly and text for equality only', () => {
    expect(value(ge(ratio(input('a'), input('b'), 'zero'), pct(85)), { a: 17, b: 20 })).toBe(true);
    expect(value(lt(ratio(input('a'), input('b'), 'zero'), pct(85)), { a: 17, b: 20 })).toBe(false);
    expect(value(eq(unitKind(), str('village')), { kind: 'village' })).toBe(true);
    expect(() => value(lt(str('a'), str('b')))).toThrow(ExpressionError);
    expect(() => value(eq(str('a'), input('n')), { n: 1 })).toThrow(ExpressionError);
    expect(() => value(add(input('t'), 1), { t: 'x' })).toThrow(ExpressionError);
  });

  it('evaluates only the branch taken', () => {
    expect(value(ifThen(input('c'), input('a'), input('b')), { c: true, a: 1 })).toBe('1');
    expect(value(switchOn(param('level'), { city: 95, county: 90 }), {}, { level: 'county' })).toBe(
      '90',
    );
    expect(value(switchOn(param('level'), { city: 95 }, 80), {}, { level: 'county' })).toBe('80');
    expect(value(switchOn(param('level'), { city: 95 }), {})).toEqual({
      missing: ['parameter:level'],
    });
    expect(() => value(switchOn(param('level'), { city: 95 }), {}, { level: 'county' })).toThrow(
      ExpressionError,
    );
  });

  it('tells whether an input was provided without ever being missing', () => {
    expect(value(provided('a'), {})).toBe(false);
    expect(value(provided('a'), { a: 0 })).toBe(true);
  });

  it('renders the substituted formula and the facts behind it', () => {
    const result = evaluateExpression(
      ratio(input('employed'), sub(input('total'), input('excluded')), 'zero'),
      scope({ employed: 43, total: 50, excluded: 2 }),
    ) as Extract<Evaluated, { status: 'value' }>;
    expect(result.inline).toEqual({ zh: '43 ÷ (50 − 2)', en: '43 ÷ (50 − 2)' });
    expect(displayValue(result.value)).toEqual({ zh: '89.6%', en: '89.6%' });
    expect(result.facts.map((f) => f.zh)).toEqual([
      'input:employed = 43',
      'input:total = 50',
      'input:excluded = 2',
    ]);
    const viaMetric = evaluateExpression(metric('a'), scope({ a: 7 })) as Extract<
      Evaluated,
      { status: 'value' }
    >;
    expect(viaMetric.facts).toEqual([label('指标a = 7', 'metric a = 7')]);
  });
});

describe('describeExpression', () => {
  it('reads like the source', () => {
    expect(
      describeExpression(ratio(input('a'), sub(input('b'), input('c')), 'zero'), labels).zh,
    ).toBe('input:a ÷ (input:b − input:c)');
    expect(describeExpression(ge(metric('rate'), pct(85)), labels).en).toBe('metric:rate ≥ 85%');
    expect(describeExpression(switchOn(unitKind(), { village: true }, input('x')), labels).zh).toBe(
      '按单位类型（行政村时是；其他input:x）',
    );
  });
});
