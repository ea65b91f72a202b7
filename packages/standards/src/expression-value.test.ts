import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInputs } from '../test/arbitrary-inputs.ts';
import { compilePack } from './compiled-pack.ts';
import type { Expression } from './expression.ts';
import {
  and,
  div,
  ge,
  input,
  ne,
  not,
  or,
  pct,
  ratio,
  sub,
  switchOn,
  unitKind,
} from './expression-builders.ts';
import { plainValue } from './expression-value.ts';
import type { InputValue } from './input-value.ts';
import type { Pack } from './pack-schema.ts';
import { resolveParameters } from './parameters.ts';
import * as q from './rational.ts';
import { builtInPacks, packRef } from './registry.ts';
import type { UnitKind } from './unit-kind.ts';
import { UnitScope } from './unit-scope.ts';
import { readInputs } from './validate-inputs.ts';

// plainValue must agree with evaluateExpression wherever it answers, and read the same inputs
// in the same order (a failed constraint names the first input it reads).

function scopeFor(pack: Pack, kind: UnitKind, values: ReadonlyMap<string, InputValue>) {
  return new UnitScope({
    compiled: compilePack(pack),
    parameters: resolveParameters(pack, {}),
    unitKind: kind,
    inputs: values,
    reference: (id) => ({ status: 'missing', missing: [`reference:${id}`] }),
  });
}

function agree(pack: Pack, kind: UnitKind, raw: Record<string, unknown>, expr: Expression) {
  const values = readInputs(pack, kind, raw).values;
  const quiet = scopeFor(pack, kind, values);
  const plain = quiet.tracking(() => plainValue(expr, quiet));
  const loud = scopeFor(pack, kind, values);
  const full = loud.tracking(() => loud.evaluate(expr));
  if (plain.result === undefined) return;
  expect([...plain.reads.inputs]).toEqual([...full.reads.inputs]);
  if (full.result.status !== 'value') {
    expect(plain.result).toBeNull();
    return;
  }
  const v = full.result.value;
  if (v.type === 'number') expect(q.eq(plain.result as q.Rational, v.value)).toBe(true);
  else expect(plain.result).toBe(v.value);
}

describe('plainValue', () => {
  for (const pack of builtInPacks.filter((p) => p.constraints.length > 0)) {
    it(`agrees with the full evaluator on ${packRef(pack)}'s constraints`, () => {
      const units = fc
        .constantFrom(...pack.unitKinds)
        .chain((kind) => fc.tuple(fc.constant(kind), arbitraryInputs(pack, kind, 5)));
      fc.assert(
        fc.property(units, ([kind, raw]) => {
          for (const c of pack.constraints) agree(pack, kind, raw, c.when);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('agrees on logic, ratios with every empty-denominator policy, switches and negation', () => {
    const pack = builtInPacks[0] as Pack;
    const a = input('registeredUnemployed');
    const b = input('unemployedReemployed');
    const exprs: Expression[] = [
      and(ge(a, b), not(input('unemployedBaseUnclear'))),
      or(ge(b, a), ge(ratio(b, a, 'zero'), pct(50))),
      ge(ratio(b, sub(a, a), { value: 1 }), pct(100)),
      ge(ratio(b, sub(a, a), 'full-points'), pct(100)),
      ne(div(a, sub(b, b), 'missing'), 0),
      ge(switchOn(unitKind(), { community: a, village: b }), 3),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom<UnitKind>('community', 'village'),
        arbitraryInputs(pack, 'community', 3),
        (kind, raw) => {
          for (const expr of exprs) agree(pack, kind, raw, expr);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves metrics, references and type errors to the full evaluator', () => {
    const pack = builtInPacks[0] as Pack;
    const scope = scopeFor(
      pack,
      'community',
      new Map<string, InputValue>([['registeredUnemployed', 3]]),
    );
    expect(plainValue({ op: 'metric', id: 'reemploymentRate' }, scope)).toBeUndefined();
    expect(plainValue(ge(input('unemployedBaseUnclear'), 1), scope)).toBeNull();
    const typed = scopeFor(
      pack,
      'community',
      new Map<string, InputValue>([['unemployedBaseUnclear', true]]),
    );
    expect(plainValue(ge(input('unemployedBaseUnclear'), 1), typed)).toBeUndefined();
  });
});
