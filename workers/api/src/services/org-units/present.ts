import type { orgUnits } from '@kaoping/db/schema';
import { formatETag } from '../../lib/etag.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** An org unit as the API shows it (and as the audit log records it). */
export function presentOrgUnit(u: OrgUnitRow) {
  return {
    id: u.id,
    parent_id: u.parentId,
    kind: u.kind,
    name: u.name,
    name_en: u.nameEn,
    code: u.code,
    path: u.path,
    depth: u.depth,
    status: u.status,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    etag: formatETag(u.rowVersion),
  };
}

export type OrgUnitJson = ReturnType<typeof presentOrgUnit>;
