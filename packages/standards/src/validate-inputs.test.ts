import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basePack, label } from '../test/rule-harness.ts';
import { definePack } from './pack-integrity.ts';
import { validateInputs } from './validate-inputs.ts';

const pack = definePack(
  basePack({
    inputs: [
      {
        id: 'people',
        kind: 'count',
        label: label('登记失业人数', 'Registered unemployed'),
        max: 100000,
      },
      { id: 'amount', kind: 'number', label: label('资金', 'Funds'), min: -10, max: 10 },
      { id: 'rate', kind: 'percent', label: label('参保率', 'Coverage') },
      { id: 'desk', kind: 'boolean', label: label('有固定办公台位', 'Has a desk') },
      {
        id: 'level',
        kind: 'enum',
        label: label('级别', 'Level'),
        options: [
          { value: 'city', label: label('市级', 'city') },
          { value: 'county', label: label('县级', 'county') },
        ],
      },
      { id: 'since', kind: 'date', label: label('认定日期', 'Designated on') },
      { id: 'note', kind: 'text', label: label('说明', 'Note'), required: false, maxLength: 5 },
      { id: 'proof', kind: 'evidence', label: label('佐证材料', 'Evidence'), required: false },
      {
        id: 'budget',
        kind: 'boolean',
        label: label('纳入预算', 'In budget'),
        appliesTo: ['community'],
      },
      { id: 'extra', kind: 'count', label: label('加分', 'Bonus'), default: 0 },
    ],
  }),
);

const valid = {
  people: 12,
  amount: -2.5,
  rate: 98.5,
  desk: true,
  level: 'city',
  since: '2024-06-30',
  budget: false,
};

function fields(
  inputs: unknown,
  mode: 'draft' | 'submit' = 'submit',
  kind: 'community' | 'village' = 'community',
) {
  const result = validateInputs(pack, kind, inputs, { mode });
  return result.ok ? [] : result.issues.map((i) => i.field);
}

describe('validateInputs', () => {
  it('accepts a complete submission and returns it sorted, nulls dropped', () => {
    const result = validateInputs(
      pack,
      'community',
      { ...valid, note: null, proof: ['r2/abc'] },
      { mode: 'submit' },
    );
    expect(result).toEqual({
      ok: true,
      inputs: {
        amount: -2.5,
        budget: false,
        desk: true,
        level: 'city',
        people: 12,
        proof: ['r2/abc'],
        rate: 98.5,
        since: '2024-06-30',
      },
    });
  });

  it('requires required inputs only when submitting', () => {
    expect(fields({}, 'draft')).toEqual([]);
    expect(fields({}, 'submit')).toEqual([
      'amount',
      'budget',
      'desk',
      'level',
      'people',
      'rate',
      'since',
    ]);
    const result = validateInputs(
      pack,
      'community',
      { ...valid, people: null },
      { mode: 'submit' },
    );
    expect(result.ok ? null : result.issues[0]?.message).toEqual({
      zh: '登记失业人数：必填',
      en: 'Registered unemployed: required',
    });
  });

  it('does not ask a village for what applies to communities, and refuses it if given', () => {
    const { budget: _budget, ...village } = valid;
    expect(fields(village, 'submit', 'village')).toEqual([]);
    expect(fields(valid, 'submit', 'village')).toEqual(['budget']);
  });

  it.each([
    ['NaN', { people: Number.NaN }, '登记失业人数：应为非负整数'],
    ['Infinity', { amount: Number.POSITIVE_INFINITY }, '资金：应为数值'],
    ['a negative count', { people: -1 }, '登记失业人数：不能小于0'],
    ['a fractional count', { people: 1.5 }, '登记失业人数：应为非负整数'],
    ['a numeric string', { people: '12' }, '登记失业人数：应为非负整数，不能是文本'],
    ['a percentage over 100', { rate: 100.1 }, '参保率：不能大于100'],
    ['a number out of bounds', { amount: 11 }, '资金：不能大于10'],
    ['an unknown option', { level: 'province' }, '级别：应为市级(city)、县级(county)之一'],
    ['an impossible date', { since: '2024-02-30' }, '认定日期：应为YYYY-MM-DD格式的日期'],
    ['text too long', { note: '123456' }, '说明：不能超过5个字符'],
    ['an empty evidence list', { proof: [] }, '佐证材料：应为佐证材料引用'],
    ['a string boolean', { desk: 'yes' }, '有固定办公台位：应为是或否'],
  ])('refuses %s, naming the field', (_what, patch, message) => {
    const result = validateInputs(pack, 'community', { ...valid, ...patch }, { mode: 'draft' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.message.zh)).toEqual([message]);
  });

  it('refuses unknown fields and non-objects', () => {
    expect(fields({ ...valid, typo: 1 })).toEqual(['typo']);
    expect(validateInputs(pack, 'community', [1], { mode: 'draft' }).ok).toBe(false);
    expect(validateInputs(pack, 'community', null, { mode: 'draft' }).ok).toBe(false);
  });

  it('gives English messages too', () => {
    const result = validateInputs(pack, 'community', { ...valid, rate: 101 }, { mode: 'draft' });
    expect(result.ok ? null : result.issues[0]?.message.en).toBe('Coverage: must be at most 100');
  });

  it('accepts every valid count and refuses every negative one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 100000 }), (people) => {
        expect(validateInputs(pack, 'community', { people }, { mode: 'draft' }).ok).toBe(
          people >= 0,
        );
      }),
    );
  });
});
