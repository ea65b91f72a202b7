import { authed } from '../session/session.ts';
import { allPages } from './paging.ts';
import { newIdempotencyKey } from './transport.ts';
import type { ImportResult, OrgUnit, OrgUnitKind, Page } from './types.ts';

/** The whole tree the caller may read, in tree order (parents before children). */
export const listOrgUnits = (status: 'active' | 'all') =>
  allPages((cursor) =>
    authed<Page<OrgUnit>>('/v1/org-units', { query: { status, cursor, limit: 200 } }),
  );

export const readOrgUnit = (id: string) =>
  authed<OrgUnit>(`/v1/org-units/${encodeURIComponent(id)}`);

export interface NewOrgUnit {
  parent_id: string;
  kind: OrgUnitKind;
  name: string;
  name_en?: string | null;
  code?: string | null;
}

export const createOrgUnit = (input: NewOrgUnit) =>
  authed<OrgUnit>('/v1/org-units', { json: input, idempotencyKey: newIdempotencyKey() });

export interface OrgUnitChanges {
  name?: string;
  name_en?: string | null;
  code?: string | null;
}

export const updateOrgUnit = (unit: OrgUnit, changes: OrgUnitChanges) =>
  authed<OrgUnit>(`/v1/org-units/${encodeURIComponent(unit.id)}`, {
    method: 'PATCH',
    json: changes,
    ifMatch: unit.etag,
  });

export const moveOrgUnit = (unit: OrgUnit, parentId: string) =>
  authed<OrgUnit>(`/v1/org-units/${encodeURIComponent(unit.id)}/move`, {
    json: { parent_id: parentId },
    ifMatch: unit.etag,
  });

export const archiveOrgUnit = (unit: OrgUnit) =>
  authed<OrgUnit>(`/v1/org-units/${encodeURIComponent(unit.id)}/archive`, {
    method: 'POST',
    ifMatch: unit.etag,
  });

export const importOrgUnits = (file: Blob) =>
  authed<ImportResult>('/v1/org-units/import', {
    method: 'POST',
    csv: file,
    idempotencyKey: newIdempotencyKey(),
  });
