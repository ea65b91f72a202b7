import type { Expression } from './expression.ts';
import type { ExpressionScope } from './expression-eval.ts';
import * as q from './rational.ts';

// The value of an expression without its explanation: what consistency checks need (they
// report a fixed message, never the arithmetic). Same semantics and the same order of reads as
// evaluateExpression — missing stays missing, one false decides an `and` — for the operators
// such checks use; anything else (metrics, references, points) returns `undefined` and the
// caller evaluates it in full (so type errors are refused, and worded, in one place).

/** A plain value; `null` when it is not known (missing, not applicable, empty denominator). */
export type PlainValue = q.Rational | boolean | string | null;

/** Thrown inside to give up: the caller then evaluates in full. */
class Unsupported extends Error {}

/** The value of `expr`, or `undefined` when it needs the full evaluator. */
export function plainValue(expr: Expression, scope: ExpressionScope): PlainValue | undefined {
  try {
    return plainOf(expr, scope);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function plainOf(expr: Expression, scope: ExpressionScope): PlainValue {
  const of = (e: Expression) => plainOf(e, scope);
  switch (expr.op) {
    case 'number':
      return q.fromNumber(expr.value);
    case 'percent':
      return q.div(q.fromNumber(expr.value), 100);
    case 'boolean':
    case 'text':
      return expr.value;
    case 'input': {
      const lookup = scope.input(expr.id);
      return lookup.status === 'value' ? lookup.value.value : null;
    }
    case 'provided':
      return scope.provided(expr.id);
    case 'param': {
      const lookup = scope.param(expr.id);
      return lookup.status === 'value' ? lookup.value.value : null;
    }
    case 'unit-kind': {
      const lookup = scope.unitKind();
      return lookup.status === 'value' ? lookup.value.value : null;
    }
    case 'add':
    case 'mul':
    case 'min':
    case 'max': {
      const args = expr.args.map(of);
      if (args.some((a) => a === null)) return null;
      const numbers = args.map(number);
      const [first, ...rest] = numbers as [q.Rational, ...q.Rational[]];
      if (expr.op === 'add') return q.sum(numbers);
      if (expr.op === 'mul') return numbers.reduce((a, b) => q.mul(a, b), q.ONE);
      return expr.op === 'min' ? q.min(first, ...rest) : q.max(first, ...rest);
    }
    case 'sub': {
      const left = of(expr.left);
      const right = of(expr.right);
      if (left === null || right === null) return null;
      return q.sub(number(left), number(right));
    }
    case 'div':
    case 'ratio': {
      const [top, bottom] =
        expr.op === 'ratio' ? [expr.numerator, expr.denominator] : [expr.left, expr.right];
      const den = of(bottom);
      if (den !== null && q.isZero(number(den))) {
        // Only a numeric policy gives a value (full points, n/a and missing do not).
        if (expr.onZero === 'zero') return q.ZERO;
        return typeof expr.onZero === 'object' ? q.fromNumber(expr.onZero.value) : null;
      }
      const num = of(top);
      if (num === null || den === null) return null;
      return q.div(number(num), number(den));
    }
    case 'compare': {
      const left = of(expr.left);
      const right = of(expr.right);
      if (left === null || right === null) return null;
      if (typeof left === 'object' && typeof right === 'object') {
        const order = q.compare(left, right);
        switch (expr.operator) {
          case '>=':
            return order >= 0;
          case '>':
            return order > 0;
          case '<=':
            return order <= 0;
          case '<':
            return order < 0;
          case '=':
            return order === 0;
          case '!=':
            return order !== 0;
        }
      }
      // Mixed or ordered comparisons of non-numbers are the full evaluator's to refuse.
      if (typeof left !== typeof right || (expr.operator !== '=' && expr.operator !== '!=')) {
        throw new Unsupported();
      }
      return (left === right) === (expr.operator === '=');
    }
    case 'and':
    case 'or': {
      const args = expr.args.map(of);
      const decisive = expr.op === 'or';
      if (args.some((a) => a !== null && boolean(a) === decisive)) return decisive;
      return args.some((a) => a === null) ? null : !decisive;
    }
    case 'not': {
      const arg = of(expr.arg);
      return arg === null ? null : !boolean(arg);
    }
    case 'if': {
      const test = of(expr.test);
      if (test === null) return null;
      return of(boolean(test) ? expr.ifTrue : expr.ifFalse);
    }
    case 'switch': {
      const on = of(expr.on);
      if (on === null) return null;
      if (typeof on === 'object') throw new Unsupported();
      const branch = expr.cases.find((c) => c.is === on)?.value ?? expr.otherwise;
      if (!branch) throw new Unsupported();
      return of(branch);
    }
    default:
      throw new Unsupported();
  }
}

function number(x: PlainValue): q.Rational {
  if (x === null || typeof x !== 'object') throw new Unsupported();
  return x;
}

function boolean(x: PlainValue): boolean {
  if (typeof x !== 'boolean') throw new Unsupported();
  return x;
}
