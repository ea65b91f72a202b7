import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { input } from '../../expression-builders.ts';
import { lintPack } from '../lint-pack.ts';

const totals = (pack: ReturnType<typeof cleanPack>) => {
  const { errors, warnings } = lintPack(pack);
  return [...errors, ...warnings]
    .filter((f) => f.check === 'category-totals')
    .map((f) => [f.severity, f.path, f.message.en]);
};

describe('category-totals', () => {
  it('rejects items whose maxima do not add up to their category', () => {
    const pack = structuredClone(cleanPack());
    (pack.items[1] as { max: number }).max = 3;
    expect(totals(pack)).toContainEqual([
      'error',
      'categories[一]',
      'category 一 (Indicators): its items add up to 11, not its 10',
    ]);
  });

  it('rejects categories that do not add up to the stated total, bonus apart', () => {
    const pack = structuredClone(cleanPack());
    pack.total = 100;
    pack.categories.push({ id: '二', title: { zh: '加分项', en: 'Bonus' }, max: 2, bonus: true });
    pack.items.push({
      ...structuredClone(pack.items[1] as (typeof pack.items)[number]),
      id: '二.1',
      category: '二',
    });
    expect(totals(pack)).toEqual([
      ['error', 'total', "the categories (bonus apart) add up to 10, not the pack's total of 100"],
    ]);
  });

  it('lets bonus items add up to more than the bonus cap, and warns when they add up to less', () => {
    const pack = structuredClone(cleanPack());
    pack.categories.push({ id: '二', title: { zh: '加分项', en: 'Bonus' }, max: 2, bonus: true });
    const bonus = (id: string, max: number) => ({
      ...structuredClone(pack.items[1] as (typeof pack.items)[number]),
      id,
      category: '二',
      max,
      rule: { kind: 'check' as const, when: input('desk'), points: max, otherwise: 0 },
    });
    pack.items.push(bonus('二.1', 2), bonus('二.2', 2));
    expect(totals(pack)).toEqual([]);
    pack.items.splice(2, 2, bonus('二.1', 1));
    expect(totals(pack)).toEqual([
      [
        'warning',
        'categories[二]',
        'bonus category 二 (Bonus): its items add up to 1, short of its cap of 2',
      ],
    ]);
  });

  it('sums per unit kind when items apply to some kinds only', () => {
    const pack = structuredClone(cleanPack());
    (pack.items[1] as { appliesTo?: string[] }).appliesTo = ['community'];
    expect(totals(pack)).toEqual([
      [
        'error',
        'categories[一]',
        'category 一 (Indicators): its items add up to 8, not its 10 (for a village)',
      ],
    ]);
  });

  it('warns, not fails, when a tailored version disables items', () => {
    const pack = structuredClone(cleanPack());
    (pack.items[1] as { disabled: boolean }).disabled = true;
    expect(totals(pack)).toEqual([
      [
        'warning',
        'categories[一]',
        'category 一 (Indicators): with items disabled it reaches at most 8 of 10',
      ],
    ]);
  });
});
