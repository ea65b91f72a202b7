import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInputs } from '../test/arbitrary-inputs.ts';
import { builtInPacks, packRef } from './registry.ts';
import { inputsSchema, validateInputs } from './validate-inputs.ts';

// validateInputs decides plainly valid inputs without zod. Whatever it decides must be what
// zod and the constraints decide: fuzz with valid units, damaged ones and strangers.

const damage = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant('text'),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(101),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(true),
  fc.constant([]),
  fc.constant(['']),
  fc.constant(''),
);

describe('validateInputs (plain check ≡ zod + constraints)', () => {
  for (const pack of builtInPacks) {
    it(`agrees with the zod schema on ${packRef(pack)}`, () => {
      const units = fc
        .constantFrom(...pack.unitKinds)
        .chain((kind) =>
          fc.tuple(
            fc.constant(kind),
            arbitraryInputs(pack, kind, 6),
            fc.option(
              fc.tuple(fc.constantFrom(...pack.inputs.map((i) => i.id), 'stranger'), damage),
            ),
            fc.constantFrom('draft' as const, 'submit' as const),
          ),
        );
      fc.assert(
        fc.property(units, ([kind, raw, hit, mode]) => {
          const inputs: Record<string, unknown> = { ...raw };
          if (hit) inputs[hit[0]] = hit[1];
          const result = validateInputs(pack, kind, inputs, { mode });
          const zod = inputsSchema(pack, kind, mode).safeParse(inputs);
          if (!zod.success) {
            expect(result.ok).toBe(false);
            expect(result.ok || result.issues.every((i) => i.code !== 'constraint')).toBe(true);
          } else if (result.ok) {
            const expected = Object.fromEntries(
              Object.keys(zod.data)
                .sort()
                .filter((k) => zod.data[k] !== null && zod.data[k] !== undefined)
                .map((k) => [k, zod.data[k]]),
            );
            expect(JSON.stringify(result.inputs)).toBe(JSON.stringify(expected));
          } else {
            expect(result.issues.every((i) => i.code === 'constraint')).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
