import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as x from './exact.ts';
import * as q from './rational.ts';
import { formatPoints, pointsText } from './rules/rule-context.ts';
import { displayNumber, type NumberFormat, valueToJson } from './value.ts';

// The compiled engine's exact numbers take double-arithmetic fast paths; the bigint rationals
// are the definition. Every operation must agree with rational.ts and value.ts on every value,
// including those where the fast path must give up (products beyond 2^53).

const small = fc.integer({ min: -2000, max: 2000 });
const wide = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const denominators = fc.oneof(
  fc.integer({ min: 1, max: 60 }),
  fc.constantFrom(2, 4, 5, 8, 16, 20, 25, 40, 48, 64, 125, 1000, 1024, 3125, 100_000),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);

/** A rational (the definition) and its Exact form, built through the public constructors. */
const rationals: fc.Arbitrary<q.Rational> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(small, denominators).map(([n, d]) => q.rational(n, d)) },
  { weight: 2, arbitrary: fc.tuple(wide, denominators).map(([n, d]) => q.rational(n, d)) },
  { weight: 2, arbitrary: small.map((n) => q.rational(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
      )
      .map(([n, d]) => q.rational(n, d)),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(0.1, 84.96, 89.5, 85, 1 / 3, 0.1 + 0.2, 1e-7, 1e21, -0.005, 99.995),
      )
      .map((n) => q.fromNumber(n)),
  },
);

function same(a: x.Exact, b: q.Rational): void {
  expect(q.eq(x.toRational(a), b)).toBe(true);
}
const formats: NumberFormat[] = ['count', 'number', 'percent'];
const digitChoices = fc.constantFrom(undefined, 0, 1, 2, 3, 4, 5, 6);

describe('exact numbers agree with the bigint rationals', { timeout: 60_000 }, () => {
  it('converts numbers as fromNumber does (shortest decimal; NaN and ∞ refused)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.double({ min: -1000, max: 1000, noNaN: true }),
          fc.integer().map((n) => n / 100),
          fc.constantFrom(0.1, 84.96, 1e21, 2 ** 53, -(2 ** 53) - 2, 1e-7, -0, 123456789.12345),
        ),
        (n) => {
          same(x.fromNumber(n), q.fromNumber(n));
        },
      ),
      { numRuns: 3000 },
    );
    expect(() => x.fromNumber(Number.NaN)).toThrow(/not a finite number/);
    expect(() => x.fromNumber(Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
    expect(x.fromNumber(0.85)).toEqual(new x.Fraction(17, 20));
  });

  it('adds, subtracts, multiplies, divides and compares exactly', () => {
    fc.assert(
      fc.property(rationals, rationals, (a, b) => {
        const ea = x.fromRational(a);
        const eb = x.fromRational(b);
        same(x.add(ea, eb), q.add(a, b));
        same(x.sub(ea, eb), q.sub(a, b));
        same(x.mul(ea, eb), q.mul(a, b));
        if (!q.isZero(b)) same(x.div(ea, eb), q.div(a, b));
        else expect(() => x.div(ea, eb)).toThrow(RangeError);
        expect(x.compare(ea, eb)).toBe(q.compare(a, b));
        same(x.min(ea, eb), q.min(a, b));
        same(x.max(ea, eb), q.max(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps fractions in lowest terms and never −0', () => {
    fc.assert(
      fc.property(rationals, rationals, (a, b) => {
        for (const r of [x.add(x.fromRational(a), x.fromRational(b)), x.neg(x.fromRational(a))]) {
          if (!(r instanceof x.Fraction)) continue;
          expect(Object.is(r.n, -0)).toBe(false);
          expect(r.d).toBeGreaterThanOrEqual(1);
          expect(q.rational(r.n, r.d)).toEqual(x.toRational(r));
        }
      }),
    );
  });

  it('floors, ceils and rounds (halves away from zero) as rational.ts does', () => {
    fc.assert(
      fc.property(rationals, fc.integer({ min: 0, max: 8 }), (a, digits) => {
        const e = x.fromRational(a);
        same(x.floor(e), q.rational(q.floor(a)));
        same(x.ceil(e), q.rational(q.ceil(a)));
        same(x.round(e, digits), q.round(a, digits));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same double, display, JSON value and points text', () => {
    fc.assert(
      fc.property(rationals, digitChoices, (a, digits) => {
        const e = x.fromRational(a);
        expect(x.toNumber(e)).toBe(q.toNumber(a));
        for (const format of formats) {
          expect(x.displayNumber(e, format, digits)).toBe(displayNumber(a, format, digits));
          expect(x.numberToJson(e, format)).toBe(valueToJson({ type: 'number', value: a, format }));
        }
        expect(x.formatPoints(e)).toBe(formatPoints(a));
        expect(x.pointsText(e)).toEqual(pointsText(a));
      }),
      { numRuns: 5000 },
    );
  });

  it('shows the values the seeds turn on exactly as the rationals do', () => {
    const cases: [number, number][] = [
      [17, 20],
      [43, 48],
      [8496, 10_000],
      [-1, 3],
      [2, 3],
      [99_995, 100_000],
      [-99_995, 100_000],
      [1, 200],
      [-1, 200],
      [9_999_999, 10_000_000],
    ];
    for (const [n, d] of cases) {
      const a = q.rational(n, d);
      for (const format of formats) {
        for (const digits of [undefined, 0, 1, 2, 3, 6]) {
          expect(x.displayNumber(x.fromRational(a), format, digits)).toBe(
            displayNumber(a, format, digits),
          );
        }
      }
    }
    expect(x.displayNumber(x.fromNumber(0.8496), 'percent')).toBe('84.96%');
    expect(x.displayNumber(new x.Fraction(17, 20), 'percent')).toBe('85%');
  });
});
