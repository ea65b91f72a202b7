// Tailoring against the real engine: the pointers the editor offers are the ones derivePack
// applies, the overrides name only what changed, and lint findings land beside their field.
import { describe, expect, it } from 'vitest';
import { derivePack, findBuiltInPack, lintPack } from '../../../../standards/src/index.ts';
import {
  buildOverrides,
  fieldForFinding,
  findingPlace,
  pointerParts,
  tailorableNumbers,
  valueAt,
} from './tailoring.ts';

const gz = findBuiltInPack('gz.full-employment@2024.1')!;
const rule = (id: string) => gz.items.find((i) => i.id === id)!.rule as unknown;

describe('tailoring', () => {
  it('offers every threshold and points figure of a rule, by JSON Pointer', () => {
    const numbers = tailorableNumbers(rule('一.1'));
    expect(numbers.slice(0, 2)).toEqual([
      { pointer: '/base/bands/0/threshold', role: 'threshold', value: 90, percent: true },
      { pointer: '/base/bands/0/points', role: 'points', value: 8, percent: false },
    ]);
    expect(numbers.map((n) => n.pointer)).toContain('/deductions/1/points');
    expect(valueAt(rule('一.1'), '/base/bands/0/threshold')).toBe(90);
    expect(pointerParts('/base/bands/1/threshold')).toEqual([
      { key: 'tailor.seg.base' },
      { key: 'tailor.seg.bands', n: 2 },
      { key: 'tailor.seg.threshold' },
    ]);
  });

  it('builds overrides of what changed, which the engine applies and lints clean', () => {
    const parents = new Map(gz.items.map((i) => [i.id, i.rule as unknown]));
    const numbers = Object.fromEntries(
      tailorableNumbers(rule('一.1')).map((n) => [n.pointer, n.value]),
    );
    const overrides = buildOverrides(
      parents,
      {
        '一.1': {
          disabled: false,
          numbers: { ...numbers, '/base/bands/0/threshold': 92 },
          note: { zh: '提高第一档', en: 'A higher first band' },
        },
        '一.2': { disabled: false, numbers: {}, note: { zh: '', en: '' } },
        '四.1': { disabled: true, numbers: {}, note: { zh: '', en: '' } },
      },
      { passMark: 85 },
    );
    expect(overrides).toEqual({
      parameters: { passMark: 85 },
      items: {
        '一.1': {
          set: { '/base/bands/0/threshold': 92 },
          notes: [{ zh: '提高第一档', en: 'A higher first band' }],
        },
        '四.1': { disabled: true },
      },
    });
    const derived = derivePack(gz, {
      key: gz.key,
      version: '2024.1-test.1',
      ...overrides,
    } as never);
    expect(
      valueAt(derived.items.find((i) => i.id === '一.1')!.rule, '/base/bands/0/threshold'),
    ).toBe(92);
    expect(lintPack(derived, { parent: gz }).errors).toEqual([]);
  });

  it('places a lint finding beside the field it is about', () => {
    const derived = derivePack(gz, {
      key: gz.key,
      version: '2024.1-test.2',
      items: { '一.1': { set: { '/base/bands/1/threshold': 95 } } },
    } as never);
    const [finding] = lintPack(derived, { parent: gz }).errors;
    const place = findingPlace(finding!);
    expect(place).toEqual({ itemId: '一.1', pointer: '/base/bands/1' });
    expect(fieldForFinding(place.pointer, tailorableNumbers(rule('一.1')))).toBe(
      '/base/bands/1/threshold',
    );
    expect(findingPlace({ path: 'items[四.6]' })).toEqual({ itemId: '四.6', pointer: null });
    expect(findingPlace({ path: 'categories[一]' })).toEqual({ itemId: null, pointer: null });
  });
});
