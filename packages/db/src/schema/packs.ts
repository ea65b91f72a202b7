import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, rowVersion, tenantId, updatedAt } from './columns.ts';

/**
 * Tenant-owned pack versions (tailored or imported). Built-in packs live in
 * code (packages/standards) and are never copied here. A published row is
 * immutable: `body` and `content_hash` never change after `published_at`.
 */
export const packVersions = sqliteTable(
  'pack_versions',
  {
    id: id(),
    tenantId: tenantId(),
    key: text('key').notNull(),
    version: text('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    body: text('body', { mode: 'json' }).notNull(),
    contentHash: text('content_hash').notNull(),
    derivedFromKey: text('derived_from_key'),
    derivedFromVersion: text('derived_from_version'),
    /**
     * A tailored version's overrides (derivePack's, without key and version): what it changes
     * in its parent. A draft is edited through them and re-derived from the parent; after
     * publishing they stay as the record of what was tailored. Null for imported versions.
     */
    overrides: text('overrides', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: text('published_at'),
    rowVersion: rowVersion(),
  },
  (t) => [uniqueIndex('pack_versions_uq').on(t.tenantId, t.key, t.version)],
);

/** Which pack versions a tenant uses, and from when. */
export const packPins = sqliteTable(
  'pack_pins',
  {
    id: id(),
    tenantId: tenantId(),
    key: text('key').notNull(),
    version: text('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    pinnedBy: text('pinned_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pack_pins_uq').on(t.tenantId, t.key, t.version),
    index('pack_pins_key_idx').on(t.tenantId, t.key, t.effectiveFrom),
  ],
);
