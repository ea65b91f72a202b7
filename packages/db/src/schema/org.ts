import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, rowVersion, tenantId, updatedAt } from './columns.ts';

export const ORG_UNIT_KINDS = [
  'province',
  'city',
  'district',
  'county',
  'town',
  'street',
  'village',
  'community',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * The org tree below a tenant. `path` is the materialised path of ids
 * ("/<root>/<child>/…/<self>/") so a subtree is one indexed prefix scan.
 */
export const orgUnits = sqliteTable(
  'org_units',
  {
    id: id(),
    tenantId: tenantId(),
    parentId: text('parent_id'),
    kind: text('kind', { enum: ORG_UNIT_KINDS }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    /** 12-digit statistical area code (统计用区划代码) where known. */
    code: text('code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    rowVersion: rowVersion(),
  },
  (t) => [
    index('org_units_path_idx').on(t.tenantId, t.path),
    index('org_units_parent_idx').on(t.tenantId, t.parentId),
    uniqueIndex('org_units_code_uq').on(t.tenantId, t.code),
    /** Active siblings have distinct names, so a name path ("从化区/良口镇") names one unit. */
    uniqueIndex('org_units_sibling_name_uq')
      .on(t.tenantId, t.parentId, t.name)
      .where(sql`status = 'active'`),
    /** One root per tenant: the unit created at sign-up. */
    uniqueIndex('org_units_root_uq').on(t.tenantId).where(sql`parent_id IS NULL`),
  ],
);

/** 区划调整: merges, splits, renames and village→community changes, with dates. */
export const orgUnitLineage = sqliteTable(
  'org_unit_lineage',
  {
    id: id(),
    tenantId: tenantId(),
    fromUnitId: text('from_unit_id').notNull(),
    toUnitId: text('to_unit_id').notNull(),
    change: text('change', { enum: ['merge', 'split', 'rename', 'reclassify'] }).notNull(),
    effectiveDate: text('effective_date').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('org_unit_lineage_from_idx').on(t.tenantId, t.fromUnitId),
    index('org_unit_lineage_to_idx').on(t.tenantId, t.toUnitId),
  ],
);
