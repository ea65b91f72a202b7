// Form generation against the API's own presentation of a built-in pack (presentVersionDetail,
// the function GET /v1/packs/{key}/versions/{version} answers with) and the engine: the form
// asks every input a unit of the kind reports exactly once, under the first item that reads it,
// and never misses one the engine reports missing.
import { describe, expect, it } from 'vitest';
import { findBuiltInPack, score } from '../../../../standards/src/index.ts';
import type { PackInput, PackVersion } from '../../api/packs.ts';
import {
  collectInputs,
  formGroups,
  inputsFor,
  inputsRead,
  missingRequired,
  parseRaw,
  toRaw,
} from './input-form.ts';

// The API's presenter, imported by a path held in a variable so that the UI's typecheck does
// not follow it into the worker's types (D1, R2, Queues).
const presenter = new URL(
  '../../../../../workers/api/src/services/packs/present.ts',
  import.meta.url,
).href;
const { presentVersionDetail } = (await import(presenter)) as {
  presentVersionDetail(v: unknown, pin: null): unknown;
};

function presented(ref: string): PackVersion {
  const pack = findBuiltInPack(ref)!;
  const version = presentVersionDetail(
    {
      resolved: { pack, hash: 'test', origin: 'built-in', status: 'published' },
      row: null,
    },
    null,
  );
  return JSON.parse(JSON.stringify(version)) as PackVersion;
}

const gz = presented('gz.full-employment@2024.1');
const gzPack = findBuiltInPack('gz.full-employment@2024.1')!;

describe('the data-entry form of gz.full-employment', () => {
  for (const kind of ['village', 'community'] as const) {
    it(`asks each of a ${kind}'s inputs once, grouped by the items that read them`, () => {
      const groups = formGroups(gz, kind);
      const asked = groups.flatMap((g) => g.fields);
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked.sort()).toEqual(
        inputsFor(gz, kind)
          .map((i) => i.id)
          .sort(),
      );
      // Items in the pack's order; the inputs no item reads come last, if any.
      const itemIds = groups.flatMap((g) => (g.item ? [g.item.id] : []));
      const packOrder = gz.categories.flatMap((c) => c.items.map((i) => i.id));
      expect(itemIds).toEqual(packOrder.filter((id) => itemIds.includes(id)));
    });
  }

  it('reaches inputs through metrics: 一.1 reads the re-employment rate and the spot check', () => {
    const first = formGroups(gz, 'village')[0]!;
    expect(first.item?.id).toBe('一.1');
    expect(first.fields).toEqual([
      'registeredUnemployed',
      'unemployedDeregisteredNonEmployment',
      'unemployedReemployed',
      'unemployedBaseUnclear',
      'unemployedSampled',
      'unemployedSampleMismatched',
    ]);
  });

  it('leaves out inputs for other unit kinds (fundsInBudget is for communities)', () => {
    const village = formGroups(gz, 'village').flatMap((g) => g.fields);
    const community = formGroups(gz, 'community').flatMap((g) => g.fields);
    expect(village).not.toContain('fundsInBudget');
    expect(community).toContain('fundsInBudget');
  });

  it('never misses an input the engine says an item is waiting for', () => {
    for (const kind of ['village', 'community'] as const) {
      const card = score(gzPack, { passMark: 80 }, {}, { unitKind: kind });
      const groups = formGroups(gz, kind);
      const metrics = new Map(gz.metrics.map((m) => [m.id, m.definition]));
      for (const item of card.items) {
        const definition = gz.categories.flatMap((c) => c.items).find((i) => i.id === item.id)!
          .rule.definition;
        expect(inputsRead(definition, metrics)).toEqual(expect.arrayContaining(item.missing));
      }
      const asked = new Set(groups.flatMap((g) => g.fields));
      const missing = card.items.flatMap((i) => i.missing);
      expect(missing.filter((id) => !asked.has(id))).toEqual([]);
    }
  });
});

describe('typed text becomes the API’s value', () => {
  const input = (over: Partial<PackInput>): PackInput => ({
    id: 'x',
    kind: 'count',
    label: { zh: 'x', en: 'x' },
    unit: null,
    help: null,
    required: true,
    default: null,
    min: null,
    max: null,
    max_length: null,
    options: null,
    applies_to: null,
    ...over,
  });

  it('checks counts, numbers and percentages as the pack’s schema does', () => {
    expect(parseRaw(input({}), '４８')).toEqual({ ok: true, value: 48 });
    expect(parseRaw(input({}), ' 1,200 ')).toEqual({ ok: true, value: 1200 });
    expect(parseRaw(input({}), '')).toEqual({ ok: true, value: null });
    expect(parseRaw(input({}), '-3')).toMatchObject({ ok: false, error: { zh: '应为非负整数' } });
    expect(parseRaw(input({}), '2.5')).toMatchObject({ ok: false });
    expect(parseRaw(input({}), '12abc')).toMatchObject({ ok: false, error: { zh: '请输入数字' } });
    expect(parseRaw(input({ kind: 'percent' }), '85.5')).toEqual({ ok: true, value: 85.5 });
    expect(parseRaw(input({ kind: 'percent' }), '101')).toMatchObject({
      ok: false,
      error: { en: 'Must be between 0 and 100' },
    });
    expect(parseRaw(input({ kind: 'number', min: 1, max: 5 }), '6')).toMatchObject({ ok: false });
    expect(parseRaw(input({ kind: 'number', min: 1 }), '0')).toMatchObject({
      ok: false,
      error: { zh: '不能小于 1' },
    });
  });

  it('reads yes/no, choices, dates, texts and evidence references', () => {
    expect(parseRaw(input({ kind: 'boolean' }), 'false')).toEqual({ ok: true, value: false });
    const choice = input({
      kind: 'enum',
      options: [{ value: 'city', label: { zh: '市', en: 'city' } }],
    });
    expect(parseRaw(choice, 'city')).toEqual({ ok: true, value: 'city' });
    expect(parseRaw(choice, 'town')).toMatchObject({ ok: false });
    expect(parseRaw(input({ kind: 'date' }), '2024-02-30')).toMatchObject({ ok: true });
    expect(parseRaw(input({ kind: 'date' }), '24-2-3')).toMatchObject({ ok: false });
    expect(parseRaw(input({ kind: 'text', max_length: 3 }), 'abcd')).toMatchObject({ ok: false });
    expect(parseRaw(input({ kind: 'evidence' }), 'evd_a evd_b')).toEqual({
      ok: true,
      value: ['evd_a', 'evd_b'],
    });
    expect(toRaw(input({ kind: 'boolean' }), true)).toBe('true');
    expect(toRaw(input({ kind: 'evidence' }), ['evd_a'])).toBe('evd_a');
  });

  it('sends only what changed, and names what does not parse', () => {
    const inputs = [input({ id: 'a' }), input({ id: 'b' }), input({ id: 'c', kind: 'boolean' })];
    const result = collectInputs(inputs, { a: '5', b: 'x', c: 'true' }, { a: 5, c: false });
    expect(result.inputs).toEqual({ c: true });
    expect(Object.keys(result.errors)).toEqual(['b']);
    expect(missingRequired(inputs, { a: 5 })).toEqual(['b', 'c']);
    expect(missingRequired([input({ id: 'd', default: 0 })], {})).toEqual([]);
  });
});
