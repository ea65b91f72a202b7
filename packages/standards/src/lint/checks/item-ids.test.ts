import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { lintPack } from '../lint-pack.ts';

const ids = (pack: ReturnType<typeof cleanPack>) =>
  lintPack(pack)
    .errors.filter((f) => f.check === 'item-ids' || f.check === 'integrity')
    .map((f) => [f.check, f.path, f.message.en]);

describe('item-ids', () => {
  it('rejects a duplicate item id (reported once, not again by integrity)', () => {
    const pack = structuredClone(cleanPack());
    (pack.items[1] as { id: string }).id = '一.1';
    expect(ids(pack)).toEqual([
      ['item-ids', 'items[一.1]', 'duplicate id 一.1'],
      [
        'item-ids',
        'items[一.1]',
        "一.1 is listed 2nd in category 一; its id should be 一.2 (ids follow the source's order)",
      ],
    ]);
  });

  it('rejects ids out of the source order and ids that skip a number', () => {
    const pack = structuredClone(cleanPack());
    pack.items.reverse();
    expect(ids(pack).map((f) => f[2])).toEqual([
      "一.2 is listed 1st in category 一; its id should be 一.1 (ids follow the source's order)",
      "一.1 is listed 2nd in category 一; its id should be 一.2 (ids follow the source's order)",
    ]);
    const skipped = structuredClone(cleanPack());
    (skipped.items[1] as { id: string }).id = '一.3';
    expect(ids(skipped).map((f) => f[2])).toEqual([
      "一.3 is listed 2nd in category 一; its id should be 一.2 (ids follow the source's order)",
    ]);
  });

  it('rejects an id whose prefix is not its category, and items out of category order', () => {
    const pack = structuredClone(cleanPack());
    pack.categories = [
      { id: '一', title: { zh: '一', en: 'One' }, max: 8, bonus: false },
      { id: '二', title: { zh: '二', en: 'Two' }, max: 2, bonus: false },
    ];
    (pack.items[1] as { category: string }).category = '二';
    expect(ids(pack)).toEqual([
      ['item-ids', 'items[一.2]', 'the id should start with its category "二."'],
    ]);
    pack.items = [pack.items[1], pack.items[0]] as typeof pack.items;
    (pack.items[0] as { id: string }).id = '二.1';
    expect(ids(pack).map((f) => f[2])).toEqual([
      '一.1 is listed after items of category 二, which comes later (list items in category order)',
    ]);
  });
});
