import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInputs } from '../test/arbitrary-inputs.ts';
import { score } from './engine.ts';
import { add, fromNumber, toNumber, ZERO } from './rational.ts';
import { builtInPacks, packRef } from './registry.ts';
import { scorecardSchema } from './scorecard.ts';

// Properties every built-in pack must have, on random units (complete and partial).

const exactSum = (values: readonly number[]) =>
  toNumber(values.reduce((s, v) => add(s, fromNumber(v)), ZERO));

for (const pack of builtInPacks) {
  describe(`${packRef(pack)} properties`, () => {
    const units = fc
      .constantFrom(...pack.unitKinds)
      .chain((kind) => fc.tuple(fc.constant(kind), arbitraryInputs(pack, kind, 8)));

    it('keeps every item within its declared min..max, and the total the sum of categories', () => {
      fc.assert(
        fc.property(units, ([kind, inputs]) => {
          const card = score(pack, {}, inputs, { unitKind: kind });
          for (const item of card.items) {
            if (item.points === null) continue;
            expect(item.points).toBeGreaterThanOrEqual(item.min);
            expect(item.points).toBeLessThanOrEqual(item.max);
            expect(Math.round(item.points * 100) / 100).toBe(item.points);
          }
          for (const category of card.categories) {
            const own = card.items.filter((i) => i.category === category.id);
            expect(category.itemPoints).toBe(exactSum(own.map((i) => i.points ?? 0)));
            expect(category.points).toBe(Math.min(category.itemPoints, category.max));
          }
          expect(card.total).toBe(exactSum(card.categories.map((c) => c.points)));
          expect(card.total).toBeGreaterThanOrEqual(card.range.min);
          expect(card.total).toBeLessThanOrEqual(card.range.max);
          expect(card.range.max).toBeLessThanOrEqual(card.max + card.bonusMax);
        }),
        { numRuns: 200 },
      );
    });

    it('makes the total the exact sum of the item points when no category cap applies', () => {
      fc.assert(
        fc.property(units, ([kind, inputs]) => {
          const card = score(pack, {}, inputs, { unitKind: kind });
          if (card.categories.some((c) => c.capped)) return;
          expect(card.total).toBe(exactSum(card.items.map((i) => i.points ?? 0)));
        }),
        { numRuns: 100 },
      );
    });

    it('is complete exactly when every applicable input is given (and nothing awaits assessment)', () => {
      fc.assert(
        fc.property(units, ([kind, inputs]) => {
          const card = score(pack, {}, inputs, { unitKind: kind });
          const pending = card.items.filter((i) => i.status === 'missing-inputs');
          expect(card.complete).toBe(
            card.items.every(
              (i) => i.status !== 'missing-inputs' && i.status !== 'awaiting-assessment',
            ),
          );
          for (const item of pending) {
            expect(item.points).toBeNull();
            expect(item.missing.length + item.awaiting.length).toBeGreaterThan(0);
            for (const name of item.missing) expect(inputs).not.toHaveProperty(name);
          }
        }),
        { numRuns: 100 },
      );
    });

    it('is deterministic and produces a valid scorecard', () => {
      fc.assert(
        fc.property(units, ([kind, inputs]) => {
          const first = JSON.stringify(score(pack, {}, inputs, { unitKind: kind }));
          const shuffled = Object.fromEntries(Object.entries(inputs).reverse());
          const second = JSON.stringify(score(pack, {}, shuffled, { unitKind: kind }));
          expect(second).toBe(first);
          expect(() => scorecardSchema.parse(JSON.parse(first))).not.toThrow();
        }),
        { numRuns: 50 },
      );
    });
  });
}
