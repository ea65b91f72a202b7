import * as q from './rational.ts';
import type { Text } from './text.ts';
import { displayNumber as displayRational, type NumberFormat } from './value.ts';

// Exact numbers for the compiled engine: a fraction of two safe integers while it fits (every
// count, every rate of counts, every threshold of the seeds), the bigint rational otherwise.
// Fast paths use double arithmetic only where it is provably exact — integer results below
// 2^53 (an out-of-range product or sum is detected: it rounds to 2^53 or beyond) and one
// division of two exact integers, which IEEE 754 rounds correctly, as rational.ts's toNumber
// does. Anything else is handed to rational.ts; exact.test.ts shows both paths agree.

/** n/d in lowest terms: d ≥ 1, both safe integers, n never −0. Treat as immutable. */
export class Fraction {
  readonly n: number;
  readonly d: number;
  constructor(n: number, d: number) {
    this.n = n;
    this.d = d;
  }
}

/** An exact number: a Fraction when it fits, else a bigint Rational. */
export type Exact = Fraction | q.Rational;

const isSafe = Number.isSafeInteger;

export const ZERO = new Fraction(0, 1);
export const ONE = new Fraction(1, 1);

function gcd(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** An integer (safe). */
export function int(n: number): Fraction {
  return n === 0 ? ZERO : n === 1 ? ONE : new Fraction(n, 1);
}

/** n/d in lowest terms, from safe integers with d ≠ 0. */
function make(n: number, d: number): Fraction {
  if (n === 0) return ZERO;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (d === 1) return int(n);
  const g = gcd(n, d);
  return g === 1 ? new Fraction(n, d) : new Fraction(n / g, d / g);
}

export function fromRational(r: q.Rational): Exact {
  if (r.num >= MIN_BIG && r.num <= MAX_BIG && r.den <= MAX_BIG) {
    const n = Number(r.num);
    return r.den === 1n ? int(n) : new Fraction(n, Number(r.den));
  }
  return r;
}
const MAX_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_BIG = -MAX_BIG;

export function toRational(x: Exact): q.Rational {
  return x instanceof Fraction ? { num: BigInt(x.n), den: BigInt(x.d) } : x;
}

const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The number's shortest round-trip decimal, exactly (0.1 is 1/10), as rational.ts's
 * fromNumber; NaN and ±∞ are refused the same way.
 */
export function fromNumber(x: number): Exact {
  if (isSafe(x)) return int(x === 0 ? 0 : x);
  if (Number.isFinite(x)) {
    const text = String(x);
    const dot = text.indexOf('.');
    if (dot > 0 && text.indexOf('e') < 0) {
      const places = text.length - dot - 1;
      const digits = text.slice(0, dot) + text.slice(dot + 1);
      // 15 digits and a sign are below 2^53: Number() reads them exactly.
      if (digits.length <= 16 && places < POWERS.length) {
        const n = Number(digits);
        if (isSafe(n)) return make(n, POWERS[places] as number);
      }
    }
  }
  return fromRational(q.fromNumber(x));
}

function slow(x: Exact, y: Exact, op: (a: q.Rational, b: q.Rational) => q.Rational): Exact {
  return fromRational(op(toRational(x), toRational(y)));
}

export function add(x: Exact, y: Exact): Exact {
  if (x instanceof Fraction && y instanceof Fraction) {
    if (x.d === y.d) {
      const n = x.n + y.n;
      if (isSafe(n)) return x.d === 1 ? int(n) : make(n, x.d);
    } else {
      const a = x.n * y.d;
      const b = y.n * x.d;
      const d = x.d * y.d;
      const n = a + b;
      if (isSafe(a) && isSafe(b) && isSafe(d) && isSafe(n)) return make(n, d);
    }
  }
  return slow(x, y, q.add);
}

export function sub(x: Exact, y: Exact): Exact {
  if (x instanceof Fraction && y instanceof Fraction) {
    if (x.d === y.d) {
      const n = x.n - y.n;
      if (isSafe(n)) return x.d === 1 ? int(n) : make(n, x.d);
    } else {
      const a = x.n * y.d;
      const b = y.n * x.d;
      const d = x.d * y.d;
      const n = a - b;
      if (isSafe(a) && isSafe(b) && isSafe(d) && isSafe(n)) return make(n, d);
    }
  }
  return slow(x, y, q.sub);
}

export function mul(x: Exact, y: Exact): Exact {
  if (x instanceof Fraction && y instanceof Fraction) {
    const n = x.n * y.n;
    const d = x.d * y.d;
    if (isSafe(n) && isSafe(d)) return d === 1 ? int(n) : make(n, d);
  }
  return slow(x, y, q.mul);
}

/** x ÷ y; throws on division by zero like rational.ts. */
export function div(x: Exact, y: Exact): Exact {
  if (x instanceof Fraction && y instanceof Fraction) {
    if (y.n === 0) throw new RangeError('rational: division by zero');
    const n = x.n * y.d;
    const d = x.d * y.n;
    if (isSafe(n) && isSafe(d)) return make(n, d);
  }
  return slow(x, y, q.div);
}

export function neg(x: Exact): Exact {
  if (x instanceof Fraction) return x.n === 0 ? ZERO : new Fraction(-x.n, x.d);
  return q.neg(x);
}

/** -1, 0 or 1 as x is below, equal to or above y. */
export function compare(x: Exact, y: Exact): -1 | 0 | 1 {
  if (x instanceof Fraction && y instanceof Fraction) {
    if (x.d === y.d) return x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
    const a = x.n * y.d;
    const b = y.n * x.d;
    if (isSafe(a) && isSafe(b)) return a < b ? -1 : a > b ? 1 : 0;
  }
  return q.compare(toRational(x), toRational(y));
}

export const eq = (x: Exact, y: Exact): boolean => compare(x, y) === 0;
export const lt = (x: Exact, y: Exact): boolean => compare(x, y) < 0;
export const le = (x: Exact, y: Exact): boolean => compare(x, y) <= 0;
export const gt = (x: Exact, y: Exact): boolean => compare(x, y) > 0;
export const ge = (x: Exact, y: Exact): boolean => compare(x, y) >= 0;

export function isZero(x: Exact): boolean {
  return x instanceof Fraction ? x.n === 0 : x.num === 0n;
}

export function isNegative(x: Exact): boolean {
  return x instanceof Fraction ? x.n < 0 : x.num < 0n;
}

/** The first of the least (as rational.ts's min: a later value wins only if strictly less). */
export function min(x: Exact, y: Exact): Exact {
  return lt(y, x) ? y : x;
}

export function max(x: Exact, y: Exact): Exact {
  return gt(y, x) ? y : x;
}

/** `x` within [low, high], as rational.ts's clamp: max(low, min(x, high)). */
export function clamp(x: Exact, low: Exact, high: Exact): Exact {
  return max(low, min(x, high));
}

/** ⌊a / b⌋ for safe integers a ≥ 0, b > 0, exactly. */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return r === 0 ? a / b : (a - r) / b + 1;
}

/** The largest integer not above x. */
export function floor(x: Exact): Exact {
  if (x instanceof Fraction) {
    if (x.d === 1) return x;
    return x.n >= 0 ? int(floorDiv(x.n, x.d)) : int(-ceilDiv(-x.n, x.d));
  }
  return fromRational(q.rational(q.floor(x)));
}

/** The smallest integer not below x. */
export function ceil(x: Exact): Exact {
  if (x instanceof Fraction) {
    if (x.d === 1) return x;
    return x.n >= 0 ? int(ceilDiv(x.n, x.d)) : int(-floorDiv(-x.n, x.d));
  }
  return fromRational(q.rational(q.ceil(x)));
}

/** Rounds to `digits` places, halves away from zero (四舍五入), as rational.ts's round. */
export function round(x: Exact, digits: number): Exact {
  if (x instanceof Fraction) {
    if (x.d === 1) return x;
    const scale = POWERS[digits];
    if (scale !== undefined) {
      const magnitude = (x.n < 0 ? -x.n : x.n) * scale;
      if (isSafe(magnitude)) {
        const rest = magnitude % x.d;
        let rounded = (magnitude - rest) / x.d;
        if (rest >= x.d - rest) rounded += 1;
        return make(x.n < 0 ? -rounded : rounded, scale);
      }
    }
  }
  return fromRational(q.round(toRational(x), digits));
}

/**
 * The double rational.ts's toNumber gives: it reads 25 significant digits and a sticky digit,
 * which rounds correctly unless a midpoint between two doubles lies within 10^-24 of the value;
 * for n/d that distance is at least 1/(d·2^53), so below 2^26 one correctly rounded division of
 * two exact integers gives the same double.
 */
export function toNumber(x: Exact): number {
  if (x instanceof Fraction) {
    if (x.d === 1) return x.n;
    if (x.d <= MAX_DIVISOR) return x.n / x.d;
  }
  return q.toNumber(toRational(x));
}
const MAX_DIVISOR = 2 ** 26;

export function sum(values: readonly Exact[]): Exact {
  let total: Exact = ZERO;
  for (const x of values) total = add(total, x);
  return total;
}

// Displays, as value.ts shows rationals: at most `digits` places, trailing zeros trimmed,
// exact values exactly, halves away from zero — and never rounded up onto an integer the
// value misses (84.96 % is "84.96%", not "85.0%").

function withoutTrailingZeros(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** ±scaled / 10^places as a trimmed decimal (scaled ≥ 0 an integer not divisible by 10^places). */
function decimalText(negative: boolean, scaled: number, places: number): string {
  const scale = POWERS[places] as number;
  const fraction = scaled % scale;
  const whole = (scaled - fraction) / scale;
  const text = `${negative ? '-' : ''}${whole}.${String(fraction).padStart(places, '0')}`;
  return withoutTrailingZeros(text);
}

/** The display of num/den (den > 0, not necessarily in lowest terms), or null if too large. */
function displayDecimal(num: number, den: number, digits: number): string | null {
  const scale = POWERS[digits + 2];
  if (scale === undefined) return null;
  const negative = num < 0;
  const magnitude = negative ? -num : num;
  const scaled = magnitude * (POWERS[digits] as number);
  if (!isSafe(scaled) || !isSafe(magnitude * scale)) return null;
  if (magnitude % den === 0) return String(num / den);
  const rest = scaled % den;
  if (rest === 0) return decimalText(negative, scaled / den, digits);
  let rounded = (scaled - rest) / den;
  if (rest >= den - rest) rounded += 1;
  const unit = POWERS[digits] as number;
  const sameInteger = negative
    ? ceilDiv(rounded, unit) === ceilDiv(magnitude, den)
    : floorDiv(rounded, unit) === floorDiv(magnitude, den);
  if (sameInteger) {
    if (rounded % unit === 0) return `${negative && rounded !== 0 ? '-' : ''}${rounded / unit}`;
    return decimalText(negative, rounded, digits);
  }
  // Rounding would reach the next integer: show two more places, truncated toward −∞.
  const finer = digits + 2;
  const fine = magnitude * scale;
  const truncated = negative ? ceilDiv(fine, den) : floorDiv(fine, den);
  if (truncated % scale === 0)
    return `${negative && truncated !== 0 ? '-' : ''}${truncated / scale}`;
  return decimalText(negative, truncated, finer);
}

const DEFAULT_DIGITS: Readonly<Record<NumberFormat, number>> = { count: 0, number: 2, percent: 1 };

/** A number shown in its format: "43", "2.5", "89.6%" (value.ts's displayNumber). */
export function displayNumber(x: Exact, format: NumberFormat, digits?: number): string {
  if (x instanceof Fraction) {
    if (x.d === 1 && format !== 'percent') return String(x.n);
    const places = digits ?? DEFAULT_DIGITS[format];
    let shown: string | null;
    if (format === 'percent') {
      const hundredfold = x.n * 100;
      shown = isSafe(hundredfold) ? displayDecimal(hundredfold, x.d, places) : null;
      if (shown !== null) return `${shown}%`;
    } else {
      shown = displayDecimal(x.n, x.d, format === 'count' ? Math.max(places, 2) : places);
      if (shown !== null) return shown;
    }
  }
  return displayRational(toRational(x), format, digits);
}

/** Percentages as percent numbers (85 % → 85), other numbers as they are (value.ts). */
export function numberToJson(x: Exact, format: NumberFormat): number {
  if (format !== 'percent') return toNumber(x);
  if (x instanceof Fraction && x.d <= MAX_DIVISOR) {
    const hundredfold = x.n * 100;
    if (isSafe(hundredfold)) return hundredfold / x.d;
  }
  return q.toNumber(q.mul(toRational(x), 100));
}

/**
 * Points are few distinct small fractions (4, 0.5, 1.5 …): their texts are kept by value. The
 * key is n/d, one double per small fraction (distinct fractions of such size differ by far
 * more than a double's precision).
 */
function pointsKey(points: Exact): number | null {
  if (!(points instanceof Fraction) || points.d > 1000) return null;
  return points.n >= -1e6 && points.n <= 1e6 ? points.n / points.d : null;
}

const formatted = new Map<number, string>();
const spoken = new Map<number, Text>();
const KEPT = 2048;

/** "4", "4.5", "−5": points as explanations show them (rule-context.ts's formatPoints). */
export function formatPoints(points: Exact): string {
  const key = pointsKey(points);
  if (key === null) return formatPointsOf(points);
  let shown = formatted.get(key);
  if (shown === undefined) {
    shown = formatPointsOf(points);
    if (formatted.size >= KEPT) formatted.clear();
    formatted.set(key, shown);
  }
  return shown;
}

function formatPointsOf(points: Exact): string {
  if (points instanceof Fraction) {
    if (points.d === 1) return points.n < 0 ? `−${-points.n}` : String(points.n);
    const shown = displayDecimal(points.n, points.d, 2);
    if (shown !== null) return shown.charCodeAt(0) === 45 ? `−${shown.slice(1)}` : shown;
  }
  const r = toRational(points);
  if (r.den === 1n) return r.num < 0n ? `−${-r.num}` : r.num.toString();
  return displayRational(r, 'number', 2).replace(/^-/, '−');
}

const NO_POINTS: Text = { zh: '不得分', en: '0 points' };

/** "得4分" / "4 points"; "不得分" / "0 points"; "倒扣5分" / "−5 points" (rule-context.ts). */
export function pointsText(points: Exact): Text {
  const key = pointsKey(points);
  if (key === null) return pointsTextOf(points);
  let text = spoken.get(key);
  if (text === undefined) {
    text = pointsTextOf(points);
    if (spoken.size >= KEPT) spoken.clear();
    spoken.set(key, text);
  }
  return text;
}

function pointsTextOf(points: Exact): Text {
  if (isZero(points)) return NO_POINTS;
  const shown = formatPoints(points);
  const unit = eq(points, ONE) ? 'point' : 'points';
  if (isNegative(points))
    return { zh: `倒扣${formatPoints(neg(points))}分`, en: `${shown} ${unit}` };
  return { zh: `得${shown}分`, en: `${shown} ${unit}` };
}
