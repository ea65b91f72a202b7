import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  ceil,
  compare,
  div,
  eq,
  floor,
  fromDecimalString,
  fromNumber,
  ge,
  max,
  min,
  mul,
  rational,
  round,
  sub,
  toDecimalString,
  toFractionString,
  toNumber,
  toTrimmedDecimalString,
} from './rational.ts';

describe('rational', () => {
  it('normalises sign and common factors', () => {
    expect(rational(6, -8)).toEqual({ num: -3n, den: 4n });
    expect(rational(0, 5)).toEqual({ num: 0n, den: 1n });
    expect(() => rational(1, 0)).toThrow(RangeError);
  });

  it('reads JS numbers through their shortest decimal: 0.1 is exactly 1/10', () => {
    expect(fromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(eq(add(0.1, 0.2), 0.3)).toBe(true);
    expect(fromNumber(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(fromNumber(1.5e21)).toEqual({ num: 1_500_000_000_000_000_000_000n, den: 1n });
    expect(fromNumber(-2.5)).toEqual({ num: -5n, den: 2n });
  });

  it('refuses NaN and infinities', () => {
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => fromNumber(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
    expect(() => fromDecimalString('12abc')).toThrow(RangeError);
    expect(() => fromDecimalString('.')).toThrow(RangeError);
  });

  it('makes 17 of 20 exactly 85 %', () => {
    const rate = div(17, 20);
    expect(compare(rate, fromDecimalString('0.85'))).toBe(0);
    expect(ge(rate, div(85, 100))).toBe(true);
    expect(toFractionString(rate)).toBe('17/20');
  });

  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(toFractionString(sub(div(43, 48), div(1, 3)))).toBe('9/16');
    expect(toFractionString(mul(div(2, 3), 9))).toBe('6');
    expect(() => div(1, 0)).toThrow(RangeError);
    expect(toFractionString(min(3, div(5, 2), 4))).toBe('5/2');
    expect(toFractionString(max(3, div(7, 2), -1))).toBe('7/2');
  });

  it('floors and ceils negative values correctly', () => {
    expect(floor(div(-3, 2))).toBe(-2n);
    expect(floor(div(3, 2))).toBe(1n);
    expect(ceil(div(-3, 2))).toBe(-1n);
    expect(ceil(div(3, 2))).toBe(2n);
    expect(floor(rational(-4))).toBe(-4n);
  });

  it('rounds halves away from zero (四舍五入)', () => {
    expect(toDecimalString(fromDecimalString('2.345'), 2)).toBe('2.35');
    expect(toDecimalString(fromDecimalString('-2.345'), 2)).toBe('-2.35');
    expect(toDecimalString(fromDecimalString('2.344999'), 2)).toBe('2.34');
    expect(toDecimalString(div(2, 3), 2)).toBe('0.67');
    expect(toDecimalString(div(-1, 1000), 2)).toBe('0.00');
    expect(toDecimalString(div(5, 2), 0)).toBe('3');
    expect(toDecimalString(rational(4), 2)).toBe('4.00');
    expect(toTrimmedDecimalString(div(9, 2), 2)).toBe('4.5');
    expect(toTrimmedDecimalString(rational(4), 2)).toBe('4');
    expect(toFractionString(round(div(1, 3), 2))).toBe('33/100');
  });

  it('converts back to the nearest double', () => {
    expect(toNumber(div(17, 20))).toBe(0.85);
    expect(toNumber(div(1, 3))).toBeCloseTo(1 / 3, 15);
    expect(toNumber(rational(-7))).toBe(-7);
  });

  it('round-trips every finite double through fromNumber/toNumber', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
        (x) => {
          expect(toNumber(fromNumber(x))).toBe(x === 0 ? 0 : x);
        },
      ),
    );
  });

  it('obeys field laws on random fractions', () => {
    const arb = fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([n, d]) => rational(n, d));
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => {
        expect(eq(add(a, b), add(b, a))).toBe(true);
        expect(eq(mul(a, add(b, c)), add(mul(a, b), mul(a, c)))).toBe(true);
        expect(eq(sub(add(a, b), b), a)).toBe(true);
        if (b.num !== 0n) expect(eq(mul(div(a, b), b), a)).toBe(true);
      }),
    );
  });
});
