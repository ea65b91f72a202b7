import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Batch guards. D1 has no interactive transactions, so a condition that must
 * hold when a batch commits (the row is still at the version the client saw,
 * the tenant keeps an admin, the parent is still active) is written as an
 * INSERT into this table inside the batch. A BEFORE INSERT trigger (custom
 * migration) ignores the row when `ok` is 1 and aborts the whole batch with
 * "kaoping_guard:<reason>" when it is 0, so the table always stays empty.
 * See TenantDb.guard().
 */
export const batchGuards = sqliteTable('batch_guards', {
  ok: integer('ok').notNull(),
  reason: text('reason').notNull(),
});
