import { describe, expect, it } from 'vitest';
import { MAX_OPEN_SLOTS, tableFits, ValueTable } from './value-table.ts';

// The table a pure rule's outcomes are kept in (rule-memo.ts): a combination of values finds
// exactly what was kept for it and nothing else, whatever the values' kinds.

describe('ValueTable', () => {
  it('finds what was kept for the same values, and nothing for others', () => {
    const table = new ValueTable<string>([0, 2], [true, false]);
    table.set([true, 'ignored', 5], 'yes-5');
    table.set([false, 'ignored', 5], 'no-5');
    table.set([undefined, 'ignored', 0], 'absent-0');
    expect(table.get([true, 'other', 5])).toBe('yes-5');
    expect(table.get([false, 'x', 5])).toBe('no-5');
    expect(table.get([undefined, 'x', 0])).toBe('absent-0');
    expect(table.get([true, 'x', 6])).toBeUndefined();
    expect(table.get([true, 'x', undefined])).toBeUndefined();
  });

  it('keeps values that do not pack into one number apart: decimals, large counts, −0, text, lists', () => {
    const table = new ValueTable<string>([0], [false]);
    const values = [0, -0, 0.5, 61, 1_000, 'a', '["a"]', ['a'], ['a', 'b']] as const;
    for (const [i, v] of values.entries()) table.set([v], `#${i}`);
    for (const [i, v] of values.entries()) expect(table.get([v])).toBe(`#${i}`);
    // A list is matched by its contents, not by identity.
    expect(table.get([['a', 'b']])).toBe('#8');
  });

  it('a yes/no slot given a number does not take it for a yes/no', () => {
    const table = new ValueTable<string>([0], [true]);
    table.set([true], 'true');
    table.set([2], 'two');
    expect(table.get([true])).toBe('true');
    expect(table.get([2])).toBe('two');
    expect(table.get([1])).toBeUndefined();
  });

  it('gives up when it rarely finds anything, and then keeps nothing', () => {
    const table = new ValueTable<number>([0], [false]);
    for (let i = 0; i < 256; i++) {
      const value = i * 1.5;
      table.get([value]);
      table.set([value], i);
    }
    expect(table.active).toBe(false);
    table.set([3], 3);
    expect(table.get([3])).toBeUndefined();
  });

  it('tableFits: every key packs into a safe integer, open slots limited', () => {
    expect(tableFits(Array(MAX_OPEN_SLOTS).fill(false))).toBe(true);
    expect(tableFits(Array(MAX_OPEN_SLOTS + 1).fill(false))).toBe(false);
    expect(tableFits(Array(30).fill(true))).toBe(true);
    expect(tableFits(Array(40).fill(true))).toBe(false);
  });
});
