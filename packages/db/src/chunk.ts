import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** D1 binds at most 100 parameters per statement. */
export const D1_MAX_BOUND_PARAMETERS = 100;

/**
 * Split rows for a multi-row INSERT so each statement binds at most 100
 * parameters. drizzle binds one parameter per column per row (columns a row
 * leaves out are bound as defaults or NULL), so the budget is by column count.
 */
export function chunkRows<R>(table: SQLiteTable, rows: R[]): R[][] {
  const columns = Object.keys(getTableColumns(table)).length;
  const perStatement = Math.max(1, Math.floor(D1_MAX_BOUND_PARAMETERS / columns));
  const chunks: R[][] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    chunks.push(rows.slice(i, i + perStatement));
  }
  return chunks;
}
