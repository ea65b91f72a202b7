// Exact rational arithmetic on bigints, so that rates compare without float drift:
// 17 of 20 is exactly 85 %, and lands in the "达85%" band.

/** A normalised fraction: `den > 0` and `gcd(|num|, den) = 1`. Treat as immutable. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds `num / den`, normalised. Throws on a zero denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = typeof num === 'bigint' ? num : integerToBigint(num);
  let d = typeof den === 'bigint' ? den : integerToBigint(den);
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

function integerToBigint(x: number): bigint {
  if (!Number.isSafeInteger(x)) throw new RangeError(`rational: ${x} is not a safe integer`);
  return BigInt(x);
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a decimal string ("85", "-0.125", "1e-7") exactly. Throws on anything else.
 */
export function fromDecimalString(text: string): Rational {
  const match = DECIMAL.exec(text.trim());
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole.length + fraction.length === 0) {
    throw new RangeError(`rational: "${text}" is not a decimal number`);
  }
  const exponent = Number(match[4] ?? '0') - fraction.length;
  let num = BigInt(whole + fraction || '0');
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return rational(match[1] === '-' ? -num : num, den);
}

/**
 * Converts a JS number through its shortest round-trip decimal string, so 0.1 is exactly 1/10
 * (not the binary double nearest to it). NaN and ±Infinity are refused.
 */
export function fromNumber(x: number): Rational {
  if (Number.isSafeInteger(x)) return { num: BigInt(x), den: 1n };
  if (!Number.isFinite(x)) throw new RangeError(`rational: ${x} is not a finite number`);
  // Packs repeat the same few fractions (0.5 points, 1.5 …): parse each once.
  const known = decimals.get(x);
  if (known) return known;
  const parsed = fromDecimalString(String(x));
  if (decimals.size >= CACHE_LIMIT) decimals.clear();
  decimals.set(x, parsed);
  return parsed;
}

const CACHE_LIMIT = 4096;
const decimals = new Map<number, Rational>();

/** A number or a rational, for functions that accept either. */
export type RationalLike = Rational | number;

export function toRational(x: RationalLike): Rational {
  return typeof x === 'number' ? fromNumber(x) : x;
}

// Integers are the common case (counts, whole points): they skip the gcd.

export function add(a: RationalLike, b: RationalLike): Rational {
  const x = toRational(a);
  const y = toRational(b);
  if (x.den === 1n && y.den === 1n) return { num: x.num + y.num, den: 1n };
  return rational(x.num * y.den + y.num * x.den, x.den * y.den);
}

export function sub(a: RationalLike, b: RationalLike): Rational {
  const x = toRational(a);
  const y = toRational(b);
  if (x.den === 1n && y.den === 1n) return { num: x.num - y.num, den: 1n };
  return rational(x.num * y.den - y.num * x.den, x.den * y.den);
}

export function mul(a: RationalLike, b: RationalLike): Rational {
  const x = toRational(a);
  const y = toRational(b);
  if (x.den === 1n && y.den === 1n) return { num: x.num * y.num, den: 1n };
  return rational(x.num * y.num, x.den * y.den);
}

/** `a / b`; throws on division by zero (callers decide what an empty denominator means). */
export function div(a: RationalLike, b: RationalLike): Rational {
  const x = toRational(a);
  const y = toRational(b);
  if (y.num === 0n) throw new RangeError('rational: division by zero');
  return rational(x.num * y.den, x.den * y.num);
}

export function neg(a: RationalLike): Rational {
  const x = toRational(a);
  return { num: -x.num, den: x.den };
}

export function abs(a: RationalLike): Rational {
  const x = toRational(a);
  return x.num < 0n ? { num: -x.num, den: x.den } : x;
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compare(a: RationalLike, b: RationalLike): -1 | 0 | 1 {
  const x = toRational(a);
  const y = toRational(b);
  if (x.den === y.den) return x.num < y.num ? -1 : x.num > y.num ? 1 : 0;
  const left = x.num * y.den;
  const right = y.num * x.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function eq(a: RationalLike, b: RationalLike): boolean {
  return compare(a, b) === 0;
}
export function lt(a: RationalLike, b: RationalLike): boolean {
  return compare(a, b) < 0;
}
export function le(a: RationalLike, b: RationalLike): boolean {
  return compare(a, b) <= 0;
}
export function gt(a: RationalLike, b: RationalLike): boolean {
  return compare(a, b) > 0;
}
export function ge(a: RationalLike, b: RationalLike): boolean {
  return compare(a, b) >= 0;
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

export function isInteger(a: Rational): boolean {
  return a.den === 1n;
}

export function min(first: RationalLike, ...rest: RationalLike[]): Rational {
  let best = toRational(first);
  for (const x of rest) if (lt(x, best)) best = toRational(x);
  return best;
}

export function max(first: RationalLike, ...rest: RationalLike[]): Rational {
  let best = toRational(first);
  for (const x of rest) if (gt(x, best)) best = toRational(x);
  return best;
}

/** Clamps `x` into `[low, high]`. */
export function clamp(x: RationalLike, low: RationalLike, high: RationalLike): Rational {
  return max(low, min(x, high));
}

/** The largest integer not above `a`. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** The smallest integer not below `a`. */
export function ceil(a: Rational): bigint {
  return -floor(neg(a));
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10n ** BigInt(i));

function powerOfTen(digits: number): bigint {
  return POWERS_OF_TEN[digits] ?? 10n ** BigInt(digits);
}

/**
 * Rounds to `digits` decimal places, halves away from zero (四舍五入: 2.345 → 2.35,
 * −2.345 → −2.35), and returns the exact rounded value.
 */
export function round(a: Rational, digits: number): Rational {
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError('rational: bad digits');
  if (a.den === 1n) return a;
  const scale = powerOfTen(digits);
  const magnitude = (a.num < 0n ? -a.num : a.num) * scale;
  let q = magnitude / a.den;
  if (2n * (magnitude % a.den) >= a.den) q += 1n;
  return rational(a.num < 0n ? -q : q, scale);
}

/**
 * A fixed-point decimal string with exactly `digits` places, rounded halves away from zero
 * (see {@link round}): `toDecimalString(17/20, 2)` is "0.85", `toDecimalString(2/3, 2)` "0.67".
 */
export function toDecimalString(a: Rational, digits: number): string {
  const rounded = round(a, digits);
  const scale = powerOfTen(digits);
  const negative = rounded.num < 0n;
  const scaled = ((negative ? -rounded.num : rounded.num) * scale) / rounded.den;
  const whole = (scaled / scale).toString();
  const sign = negative && scaled !== 0n ? '-' : '';
  if (digits === 0) return sign + whole;
  const fraction = (scaled % scale).toString().padStart(digits, '0');
  return `${sign}${whole}.${fraction}`;
}

/** Like {@link toDecimalString} without trailing zeros ("0.50" → "0.5", "4.00" → "4"). */
export function toTrimmedDecimalString(a: Rational, digits: number): string {
  if (a.den === 1n) return a.num.toString();
  const text = toDecimalString(a, digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The decimal expansion of `a` if it terminates within `maxDigits` places, else null. */
export function exactDecimalString(a: Rational, maxDigits = 12): string | null {
  if (a.den === 1n) return a.num.toString();
  // A fraction terminates iff its denominator is 2^i × 5^j; it then needs max(i, j) places.
  let rest = a.den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  const digits = Math.max(twos, fives);
  return rest === 1n && digits <= maxDigits ? toDecimalString(a, digits) : null;
}

/** The double nearest to `a`. */
export function toNumber(a: Rational): number {
  if (a.den === 1n) return Number(a.num);
  // 25 significant digits, plus a sticky digit when inexact, lets Number() round correctly.
  const magnitude = a.num < 0n ? -a.num : a.num;
  const shift = 25 - (magnitude.toString().length - a.den.toString().length);
  const scale = 10n ** BigInt(Math.max(shift, 0));
  const scaledNum = magnitude * scale;
  const divisor = shift < 0 ? a.den * 10n ** BigInt(-shift) : a.den;
  const q = scaledNum / divisor;
  const sticky = scaledNum % divisor === 0n ? '' : '1';
  const sign = a.num < 0n ? '-' : '';
  return Number(`${sign}${q}${sticky}e${-shift - sticky.length}`);
}

/** "43/48", or "5" for integers: a compact exact form for logs and tests. */
export function toFractionString(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

export function sum(values: readonly RationalLike[]): Rational {
  let total = ZERO;
  for (const x of values) total = add(total, x);
  return total;
}
