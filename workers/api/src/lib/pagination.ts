import { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { fromBase64Url, toBase64Url } from '../auth/password.ts';
import { bi } from './bilingual-zod.ts';
import { AppError } from './problem.ts';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/**
 * `?limit=`: a positive integer, clamped to MAX_PAGE_LIMIT (limit=100000
 * answers 200 rows, it is not an error); DEFAULT_PAGE_LIMIT when absent.
 */
export const limitQuery = z
  .string()
  .regex(/^\d{1,12}$/, { message: bi('应为正整数', 'must be a positive integer') })
  .optional()
  .transform((s) => (s === undefined ? DEFAULT_PAGE_LIMIT : Number(s)))
  .pipe(
    z
      .number()
      .int()
      .min(1, { message: bi('至少为 1', 'must be at least 1') }),
  )
  .transform((n) => Math.min(n, MAX_PAGE_LIMIT))
  .openapi({ param: { name: 'limit', in: 'query' }, type: 'integer', example: 50 });

/** `?cursor=`: the `next_cursor` of the previous page, opaque to clients. */
export const cursorQuery = z
  .string()
  .max(512)
  .optional()
  .openapi({
    param: { name: 'cursor', in: 'query' },
    description: 'The next_cursor of the previous page (opaque)',
    example: 'eyJ2IjoxLCJrIjpbIm9yZ183YTBjIiwic2VsZiJdfQ',
  });

/** Fields to spread into a route's (strict) query schema. */
export const pageQuery = { cursor: cursorQuery, limit: limitQuery };

/** `{ items, next_cursor }`: next_cursor is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

type Key = (string | number)[];

export function encodeCursor(key: Key): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify({ v: 1, k: key })));
}

export function badCursor(): AppError {
  return new AppError(
    'validation',
    { zh: '分页游标无效', en: 'The cursor is not valid' },
    {
      errors: [
        {
          path: 'query.cursor',
          code: 'invalid_cursor',
          message: 'not a cursor this list issued',
          message_zh: '不是本列表签发的游标',
        },
      ],
    },
  );
}

/** The sort key a cursor holds; 400 naming query.cursor if it is not one of ours. */
export function decodeCursor(cursor: string, arity: number): Key {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(cursor))) as {
      v?: unknown;
      k?: unknown;
    };
    const key = parsed.k;
    if (
      parsed.v === 1 &&
      Array.isArray(key) &&
      key.length === arity &&
      key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return key as Key;
    }
  } catch {
    // fall through
  }
  throw badCursor();
}

/**
 * Keyset condition: rows strictly after `key` in the order of `columns`
 * (all ascending, or all descending), as a row-value comparison that uses
 * the index the order comes from.
 */
export function afterKey(columns: SQLiteColumn[], key: Key, direction: 'asc' | 'desc'): SQL {
  const left = sql.join(columns, sql`, `);
  const right = sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  );
  return direction === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/**
 * Cut a page from rows fetched with `limit + 1`: the extra row only says
 * there is a next page, whose cursor is the key of the last row kept.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => Key,
): { items: T[]; next_cursor: string | null } {
  if (rows.length <= limit) return { items: rows, next_cursor: null };
  const items = rows.slice(0, limit);
  return { items, next_cursor: encodeCursor(keyOf(items[items.length - 1]!)) };
}
