import type { Expression } from '../expression.ts';
import type { Pack } from '../pack-schema.ts';
import * as q from '../rational.ts';
import { type StaticEnv, staticValue } from './static-values.ts';

// The values an expression can take, as a closed interval (null = unbounded): a count is at
// least 0, a percent input lies in 0..100 %, declared bounds hold. Deliberately generous — a
// band is called unreachable only when no value in the interval can reach it.

export interface Domain {
  readonly lo: q.Rational | null;
  readonly hi: q.Rational | null;
}

export const UNBOUNDED: Domain = { lo: null, hi: null };

const point = (x: q.Rational): Domain => ({ lo: x, hi: x });
const opt = (x: number | undefined) => (x === undefined ? null : q.fromNumber(x));

export function inDomain(x: q.Rational, domain: Domain): boolean {
  return (domain.lo === null || q.ge(x, domain.lo)) && (domain.hi === null || q.le(x, domain.hi));
}

function hull(domains: readonly Domain[]): Domain {
  if (domains.length === 0) return UNBOUNDED;
  let lo: q.Rational | null = domains[0]?.lo ?? null;
  let hi: q.Rational | null = domains[0]?.hi ?? null;
  for (const d of domains.slice(1)) {
    lo = lo === null || d.lo === null ? null : q.min(lo, d.lo);
    hi = hi === null || d.hi === null ? null : q.max(hi, d.hi);
  }
  return { lo, hi };
}

const addBound = (a: q.Rational | null, b: q.Rational | null) =>
  a === null || b === null ? null : q.add(a, b);

export function valueDomain(
  expr: Expression,
  pack: Pack,
  env: StaticEnv,
  seen: ReadonlySet<string> = new Set(),
): Domain {
  const known = staticValue(expr, pack, env, seen);
  if (known?.type === 'number') return point(known.value);
  const domain = (e: Expression) => valueDomain(e, pack, env, seen);
  switch (expr.op) {
    case 'input': {
      const input = pack.inputs.find((i) => i.id === expr.id);
      if (!input) return UNBOUNDED;
      if (input.kind === 'count') return { lo: opt(input.min ?? 0), hi: opt(input.max) };
      if (input.kind === 'number') return { lo: opt(input.min), hi: opt(input.max) };
      if (input.kind === 'percent') {
        return {
          lo: q.div(q.fromNumber(input.min ?? 0), 100),
          hi: q.div(q.fromNumber(input.max ?? 100), 100),
        };
      }
      return UNBOUNDED;
    }
    case 'param': {
      const p = pack.parameters.find((x) => x.id === expr.id);
      return p?.kind === 'number' ? { lo: opt(p.min), hi: opt(p.max) } : UNBOUNDED;
    }
    case 'metric': {
      const metric = pack.metrics.find((m) => m.id === expr.id);
      if (!metric || seen.has(expr.id)) return UNBOUNDED;
      return valueDomain(metric.expression, pack, env, new Set([...seen, expr.id]));
    }
    case 'add':
      return expr.args.map(domain).reduce((a, b) => ({
        lo: addBound(a.lo, b.lo),
        hi: addBound(a.hi, b.hi),
      }));
    case 'sub': {
      const a = domain(expr.left);
      const b = domain(expr.right);
      return {
        lo: a.lo === null || b.hi === null ? null : q.sub(a.lo, b.hi),
        hi: a.hi === null || b.lo === null ? null : q.sub(a.hi, b.lo),
      };
    }
    case 'mul': {
      const args = expr.args.map(domain);
      if (!args.every((d) => d.lo !== null && q.ge(d.lo, 0))) return UNBOUNDED;
      const lo = args.reduce((p, d) => q.mul(p, d.lo as q.Rational), q.ONE);
      const hi = args.some((d) => d.hi === null)
        ? null
        : args.reduce((p, d) => q.mul(p, d.hi as q.Rational), q.ONE);
      return { lo, hi };
    }
    case 'min':
    case 'max': {
      const args = expr.args.map(domain);
      const pick = expr.op === 'min' ? q.min : q.max;
      const los = args.map((d) => d.lo);
      const his = args.map((d) => d.hi);
      const combine = (values: (q.Rational | null)[], unboundedWins: boolean) => {
        if (values.some((v) => v === null)) {
          if (unboundedWins) return null;
          const finite = values.filter((v): v is q.Rational => v !== null);
          return finite.length === 0 ? null : pick(finite[0] as q.Rational, ...finite.slice(1));
        }
        const all = values as q.Rational[];
        return pick(all[0] as q.Rational, ...all.slice(1));
      };
      // min: the lowest lo (an unbounded lo stays unbounded); the lowest finite hi.
      return expr.op === 'min'
        ? { lo: combine(los, true), hi: combine(his, false) }
        : { lo: combine(los, false), hi: combine(his, true) };
    }
    case 'div':
    case 'ratio': {
      const [left, right] =
        expr.op === 'div' ? [expr.left, expr.right] : [expr.numerator, expr.denominator];
      const a = domain(left);
      const b = domain(right);
      const nonNegative = a.lo !== null && q.ge(a.lo, 0) && b.lo !== null && q.ge(b.lo, 0);
      if (!nonNegative) return UNBOUNDED;
      const policy = expr.onZero;
      const quotient: Domain = { lo: q.ZERO, hi: null };
      return typeof policy === 'object'
        ? hull([quotient, point(q.fromNumber(policy.value))])
        : quotient;
    }
    case 'if':
      return hull([domain(expr.ifTrue), domain(expr.ifFalse)]);
    case 'switch':
      return hull([
        ...expr.cases.map((c) => domain(c.value)),
        ...(expr.otherwise ? [domain(expr.otherwise)] : []),
      ]);
    default:
      return UNBOUNDED;
  }
}
