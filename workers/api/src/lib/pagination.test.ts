import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, limitQuery, MAX_PAGE_LIMIT, toPage } from './pagination.ts';
import { AppError } from './problem.ts';

describe('limit', () => {
  it('defaults, clamps large values, refuses nonsense', () => {
    expect(limitQuery.parse(undefined)).toBe(50);
    expect(limitQuery.parse('7')).toBe(7);
    expect(limitQuery.parse('100000')).toBe(MAX_PAGE_LIMIT);
    expect(limitQuery.parse('999999999999')).toBe(MAX_PAGE_LIMIT);
    for (const bad of ['0', '-1', '1.5', 'abc', '', '1e3', '0x10', '10000000000000']) {
      expect(limitQuery.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('cursors', () => {
  it('round-trip their key and are opaque', () => {
    const c = encodeCursor(['2026-11-22T00:00:00.000Z', 'usr_1']);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, 2)).toEqual(['2026-11-22T00:00:00.000Z', 'usr_1']);
  });

  it('refuse anything we did not issue, naming query.cursor', () => {
    for (const bad of [
      '',
      'abc',
      encodeCursor(['only-one']),
      btoa('{"v":2,"k":["a","b"]}'),
      '%%%',
    ]) {
      try {
        decodeCursor(bad, 2);
        expect.unreachable(bad);
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).errors?.[0]?.path).toBe('query.cursor');
      }
    }
  });

  it('cut a page from limit + 1 rows', () => {
    const rows = [1, 2, 3, 4].map((n) => ({ n }));
    expect(toPage(rows.slice(0, 3), 3, (r) => [r.n])).toEqual({
      items: rows.slice(0, 3),
      next_cursor: null,
    });
    const page = toPage(rows, 3, (r) => [r.n]);
    expect(page.items).toEqual(rows.slice(0, 3));
    expect(decodeCursor(page.next_cursor!, 1)).toEqual([3]);
  });
});
