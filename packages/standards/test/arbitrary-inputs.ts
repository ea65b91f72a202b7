import fc from 'fast-check';
import type { Input, Pack } from '../src/pack-schema.ts';

// fast-check arbitraries for a pack's inputs, so property tests cover any pack.

function arbitraryValue(input: Input): fc.Arbitrary<unknown> {
  switch (input.kind) {
    case 'count':
      return fc.integer({ min: input.min ?? 0, max: input.max ?? 300 });
    case 'number':
      return fc.double({ min: input.min ?? -1000, max: input.max ?? 1000, noNaN: true });
    case 'percent':
      return fc.double({ min: input.min ?? 0, max: input.max ?? 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...input.options.map((o) => o.value));
    case 'date':
      return fc.constantFrom('2023-10-01', '2024-06-30', '2024-09-30');
    case 'text':
      return fc.string({ maxLength: 20 });
    case 'evidence':
      return fc.constantFrom('r2/a', ['r2/a', 'r2/b']);
  }
}

/** Inputs for a unit of `kind`; each input is left out with probability ~1/`omitOneIn`. */
export function arbitraryInputs(
  pack: Pack,
  kind: string,
  omitOneIn = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const applicable = pack.inputs.filter((i) => !i.appliesTo || i.appliesTo.includes(kind as never));
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const input of applicable) {
    const value = arbitraryValue(input);
    shape[input.id] = omitOneIn > 0 ? fc.option(value, { freq: omitOneIn, nil: undefined }) : value;
  }
  return fc.record(shape).map((record) => {
    const clean: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) clean[key] = value;
    return clean;
  });
}
