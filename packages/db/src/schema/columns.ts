import { integer, text } from 'drizzle-orm/sqlite-core';

// Shared column builders. Timestamps are ISO-8601 UTC strings with milliseconds
// ("2026-11-22T16:18:58.123Z"): readable in the D1 console and they sort as text.
export const id = () => text('id').primaryKey();
export const tenantId = () => text('tenant_id').notNull();
export const createdAt = () => text('created_at').notNull();
export const updatedAt = () => text('updated_at').notNull();
/** Optimistic-concurrency counter; the ETag is derived from it. */
export const rowVersion = () => integer('row_version').notNull().default(1);
