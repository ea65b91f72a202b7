import {
  exactDecimalString,
  floor,
  mul,
  type Rational,
  round,
  toFractionString,
  toNumber,
  toTrimmedDecimalString,
} from './rational.ts';
import type { Text } from './text.ts';

/**
 * How a number is shown: `count` as an integer, `number` as a decimal, `percent` as a
 * percentage. A percent value is held as a fraction of one (85 % is 17/20).
 */
export type NumberFormat = 'count' | 'number' | 'percent';

/** A value an expression can produce. */
export type Value =
  | { readonly type: 'number'; readonly value: Rational; readonly format: NumberFormat }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'text'; readonly value: string };

const DEFAULT_DIGITS: Readonly<Record<NumberFormat, number>> = { count: 0, number: 2, percent: 1 };

/**
 * A decimal with at most `digits` places, trailing zeros trimmed. Exact values are shown
 * exactly when they fit; otherwise halves round away from zero — except that a display never
 * rounds up onto an integer the value does not reach (84.96 is shown as "84.96", not "85.0"),
 * so an explanation cannot appear to meet a threshold it misses.
 */
export function displayDecimal(x: Rational, digits: number): string {
  const exact = exactDecimalString(x, digits);
  if (exact !== null) return toTrimmedDecimalString(x, digits);
  const rounded = round(x, digits);
  if (floor(rounded) === floor(x)) return toTrimmedDecimalString(rounded, digits);
  const finer = digits + 2;
  const scale = 10n ** BigInt(finer);
  const truncated = { num: floor(mul(x, { num: scale, den: 1n })), den: scale };
  return toTrimmedDecimalString(truncated, finer);
}

/** A number shown in its format: "43", "2.5", "89.6%". */
export function displayNumber(x: Rational, format: NumberFormat, digits?: number): string {
  const places = digits ?? DEFAULT_DIGITS[format];
  if (x.den === 1n && format !== 'percent') return x.num.toString();
  // The same value is often shown several times (a metric in its fact, its item and the
  // scorecard): remember each rendering on the (immutable) rational.
  const key = FORMAT_INDEX[format] * 16 + places;
  let shown = displays.get(x);
  const known = shown?.[key];
  if (known !== undefined) return known;
  const text =
    format === 'percent'
      ? `${displayDecimal(mul(x, 100), places)}%`
      : format === 'count' && x.den !== 1n
        ? displayDecimal(x, Math.max(places, 2))
        : displayDecimal(x, places);
  if (!shown) {
    shown = [];
    displays.set(x, shown);
  }
  shown[key] = text;
  return text;
}

const FORMAT_INDEX: Readonly<Record<NumberFormat, number>> = { count: 0, number: 1, percent: 2 };
const displays = new WeakMap<Rational, string[]>();

export function displayValue(value: Value, digits?: number): Text {
  switch (value.type) {
    case 'number': {
      const shown = displayNumber(value.value, value.format, digits);
      return { zh: shown, en: shown };
    }
    case 'boolean':
      return value.value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
    case 'text':
      return { zh: value.value, en: value.value };
  }
}

/** Plain JSON for a value: percentages as percent numbers (85 % → 85), like inputs are given. */
export function valueToJson(value: Value): number | boolean | string {
  if (value.type !== 'number') return value.value;
  if (value.format !== 'percent') return toNumber(value.value);
  const known = percentNumbers.get(value.value);
  if (known !== undefined) return known;
  const n = toNumber(mul(value.value, 100));
  percentNumbers.set(value.value, n);
  return n;
}

const percentNumbers = new WeakMap<Rational, number>();

/** "17/20" style exact text of a number value, for audit trails. */
export function exactText(value: Value): string {
  return value.type === 'number' ? toFractionString(value.value) : String(value.value);
}

export function numberValue(value: Rational, format: NumberFormat = 'number'): Value {
  return { type: 'number', value, format };
}

export function booleanValue(value: boolean): Value {
  return { type: 'boolean', value };
}

export function textValue(value: string): Value {
  return { type: 'text', value };
}
