import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInputs } from '../test/arbitrary-inputs.ts';
import { exercisePack } from '../test/oracle-exercise-pack.ts';
import { type CycleUnit, score, scoreCycle } from './engine.ts';
import type { Pack } from './pack-schema.ts';
import { referenceScore, referenceScoreCycle } from './reference-engine.ts';
import { builtInPacks, packRef } from './registry.ts';
import { walkRules } from './rules/rule.ts';
import type { Assessment } from './rules/rule-context.ts';
import type { UnitKind } from './unit-kind.ts';

// The compiled engine (closures, exact numbers on doubles where provably exact) against the
// interpreter with bigint rationals (reference-engine.ts), on random units of every built-in
// pack and of a pack that exercises every rule kind and operator: the same JSON, byte for byte.
// The frozen oracle (test/engine-oracle.test.ts) pins fixed cases; this explores new ones.

function thrown(run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** Assessments for some assessed keys: valid, out of range, off-step, without a reason. */
function arbitraryAssessments(pack: Pack): fc.Arbitrary<Record<string, Assessment>> {
  const keys = pack.items.flatMap((item) =>
    walkRules(item.rule).flatMap((rule) =>
      rule.kind === 'assessed' ? [{ key: rule.key ?? item.id, rule }] : [],
    ),
  );
  if (keys.length === 0) return fc.constant({});
  const one = (rule: (typeof keys)[number]['rule']) =>
    fc.record({
      points: fc.oneof(
        fc.integer({ min: rule.min, max: rule.points }),
        fc.double({ min: rule.min - 1, max: rule.points + 1, noNaN: true }),
      ),
      reason: fc.constantFrom('核实', '', '材料齐全'),
      stage: fc.constantFrom(...rule.stages, 'elsewhere'),
    });
  return fc
    .tuple(...keys.map(({ rule }) => fc.option(one(rule), { freq: 3, nil: undefined })))
    .map((values) => {
      const out: Record<string, Assessment> = {};
      values.forEach((value, i) => {
        if (value) out[(keys[i] as (typeof keys)[number]).key] = value;
      });
      return out;
    });
}

function arbitraryReferences(pack: Pack): fc.Arbitrary<Record<string, number>> {
  const shape: Record<string, fc.Arbitrary<number | undefined>> = {};
  for (const reference of pack.references) {
    shape[reference.id] = fc.option(
      fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
      { freq: 4, nil: undefined },
    );
  }
  return fc.record(shape).map((record) => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
    return out;
  });
}

function arbitraryParameters(pack: Pack): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const parameter of pack.parameters) {
    const value: fc.Arbitrary<unknown> =
      parameter.kind === 'enum'
        ? fc.constantFrom(...parameter.options.map((o) => o.value))
        : parameter.kind === 'boolean'
          ? fc.boolean()
          : fc.oneof(
              fc.integer({ min: 0, max: pack.total }),
              fc.double({ min: 0, max: 100, noNaN: true }),
            );
    shape[parameter.id] = fc.option(value, { freq: 4, nil: undefined });
  }
  return fc.record(shape).map((record) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
    return out;
  });
}

function arbitraryUnit(pack: Pack, id: string): fc.Arbitrary<CycleUnit> {
  return fc.constantFrom(...pack.unitKinds).chain((kind: UnitKind) =>
    fc.record({
      id: fc.constant(id),
      unitKind: fc.constant(kind),
      inputs: arbitraryInputs(pack, kind, 6),
      assessments: arbitraryAssessments(pack),
      references: arbitraryReferences(pack),
    }),
  );
}

for (const pack of [...builtInPacks, exercisePack]) {
  describe(`${packRef(pack)}: compiled engine = interpreter`, { timeout: 120_000 }, () => {
    it('scores random units to the same JSON', () => {
      fc.assert(
        fc.property(arbitraryParameters(pack), arbitraryUnit(pack, 'u1'), (parameters, unit) => {
          const options = {
            unitId: unit.id,
            unitKind: unit.unitKind as UnitKind,
            assessments: unit.assessments ?? {},
            references: unit.references ?? {},
          };
          expect(thrown(() => score(pack, parameters, unit.inputs, options))).toBe(
            thrown(() => referenceScore(pack, parameters, unit.inputs, options)),
          );
        }),
        { numRuns: 150 },
      );
    });

    it('scores random cycles (peers, ranks, references over units) to the same JSON', () => {
      const cycle = fc
        .integer({ min: 1, max: 7 })
        .chain((n) =>
          fc.tuple(
            ...Array.from({ length: n }, (_, i) => arbitraryUnit(pack, `u${(i * 7) % 10}${i}`)),
          ),
        );
      fc.assert(
        fc.property(
          arbitraryParameters(pack),
          cycle,
          arbitraryReferences(pack),
          (parameters, units, references) => {
            expect(thrown(() => scoreCycle(pack, parameters, units, { references }))).toBe(
              thrown(() => referenceScoreCycle(pack, parameters, units, { references })),
            );
            const [self, ...peers] = units as [CycleUnit, ...CycleUnit[]];
            const options = { unitId: self.id, unitKind: self.unitKind as UnitKind, peers };
            expect(thrown(() => score(pack, parameters, self.inputs, options))).toBe(
              thrown(() => referenceScore(pack, parameters, self.inputs, options)),
            );
          },
        ),
        { numRuns: 40 },
      );
    });
  });
}
