import type {
  ComparisonOperator,
  EmptyDenominatorPolicy,
  Expression,
  ExpressionOf,
} from './expression.ts';
import type { Text } from './text.ts';

// Small constructors so packs read like their source: ge(metric('rate'), pct(85)).
// Plain numbers are accepted wherever an expression is, and become number literals.

export type ExpressionLike = Expression | number | boolean;

export function lift(x: ExpressionLike): Expression {
  if (typeof x === 'number') return { op: 'number', value: x };
  if (typeof x === 'boolean') return { op: 'boolean', value: x };
  return x;
}

export const num = (value: number): ExpressionOf<'number'> => ({ op: 'number', value });
/** `pct(85)` is 85 %. */
export const pct = (value: number): ExpressionOf<'percent'> => ({ op: 'percent', value });
export const bool = (value: boolean): ExpressionOf<'boolean'> => ({ op: 'boolean', value });
export const str = (value: string): ExpressionOf<'text'> => ({ op: 'text', value });
export const input = (id: string): ExpressionOf<'input'> => ({ op: 'input', id });
export const provided = (id: string): ExpressionOf<'provided'> => ({ op: 'provided', id });
export const param = (id: string): ExpressionOf<'param'> => ({ op: 'param', id });
export const reference = (id: string): ExpressionOf<'reference'> => ({ op: 'reference', id });
export const metric = (id: string): ExpressionOf<'metric'> => ({ op: 'metric', id });
export const unitKind = (): ExpressionOf<'unit-kind'> => ({ op: 'unit-kind' });
export const total = (): ExpressionOf<'total'> => ({ op: 'total' });
export const itemPoints = (id: string): ExpressionOf<'item-points'> => ({ op: 'item-points', id });

export const add = (...args: ExpressionLike[]): ExpressionOf<'add'> => ({
  op: 'add',
  args: args.map(lift),
});
export const sub = (left: ExpressionLike, right: ExpressionLike): ExpressionOf<'sub'> => ({
  op: 'sub',
  left: lift(left),
  right: lift(right),
});
export const mul = (...args: ExpressionLike[]): ExpressionOf<'mul'> => ({
  op: 'mul',
  args: args.map(lift),
});
export const div = (
  left: ExpressionLike,
  right: ExpressionLike,
  onZero: EmptyDenominatorPolicy,
  emptyNote?: Text,
): ExpressionOf<'div'> => ({
  op: 'div',
  left: lift(left),
  right: lift(right),
  onZero,
  ...(emptyNote ? { emptyNote } : {}),
});
export const ratio = (
  numerator: ExpressionLike,
  denominator: ExpressionLike,
  onZero: EmptyDenominatorPolicy,
  emptyNote?: Text,
): ExpressionOf<'ratio'> => ({
  op: 'ratio',
  numerator: lift(numerator),
  denominator: lift(denominator),
  onZero,
  ...(emptyNote ? { emptyNote } : {}),
});
export const min = (...args: ExpressionLike[]): ExpressionOf<'min'> => ({
  op: 'min',
  args: args.map(lift),
});
export const max = (...args: ExpressionLike[]): ExpressionOf<'max'> => ({
  op: 'max',
  args: args.map(lift),
});

function comparison(operator: ComparisonOperator) {
  return (left: ExpressionLike, right: ExpressionLike): ExpressionOf<'compare'> => ({
    op: 'compare',
    operator,
    left: lift(left),
    right: lift(right),
  });
}
export const ge = comparison('>=');
export const gt = comparison('>');
export const le = comparison('<=');
export const lt = comparison('<');
export const eq = comparison('=');
export const ne = comparison('!=');

export const and = (...args: ExpressionLike[]): ExpressionOf<'and'> => ({
  op: 'and',
  args: args.map(lift),
});
export const or = (...args: ExpressionLike[]): ExpressionOf<'or'> => ({
  op: 'or',
  args: args.map(lift),
});
export const not = (arg: ExpressionLike): ExpressionOf<'not'> => ({ op: 'not', arg: lift(arg) });
export const ifThen = (
  test: ExpressionLike,
  then: ExpressionLike,
  otherwise: ExpressionLike,
): ExpressionOf<'if'> => ({
  op: 'if',
  test: lift(test),
  ifTrue: lift(then),
  ifFalse: lift(otherwise),
});

/** `switchOn(param('level'), { city: pct(95), county: pct(90) })`. */
export const switchOn = (
  on: Expression,
  cases: Readonly<Record<string, ExpressionLike>>,
  otherwise?: ExpressionLike,
): ExpressionOf<'switch'> => ({
  op: 'switch',
  on,
  cases: Object.entries(cases).map(([is, value]) => ({ is, value: lift(value) })),
  ...(otherwise === undefined ? {} : { otherwise: lift(otherwise) }),
});
