// The tenant's own settings and data: its CORS allow-list, and export and restore (docs/operations.md).
import { authed, authedFull } from '../session/session.ts';
import type { Answer } from './transport.ts';

export interface CorsOrigins {
  origins: string[];
}

export const readCorsOrigins = (): Promise<Answer<CorsOrigins>> =>
  authedFull<CorsOrigins>('/v1/tenant/cors-origins');

export const saveCorsOrigins = (origins: string[], etag: string): Promise<Answer<CorsOrigins>> =>
  authedFull<CorsOrigins>('/v1/tenant/cors-origins', {
    method: 'PUT',
    json: { origins },
    ifMatch: etag,
  });

/** One page of an export, kept exactly as the API gave it: a restore sends it back as it is. */
export interface ExportPage {
  format: string;
  export_id: string;
  page: number;
  kind: 'manifest' | 'rows' | 'end';
  end?: { consistent?: boolean; counts?: Record<string, number> };
  next_cursor: string | null;
  [field: string]: unknown;
}

export const readExportPage = (cursor?: string) =>
  authed<ExportPage>('/v1/tenant/export', { query: { cursor } });

export interface RestoreResult {
  export_id: string;
  page: number;
  status: 'begun' | 'applied' | 'already_applied' | 'complete';
  next_page: number | null;
  restored: Record<string, number>;
  evidence: { copied: number; missing: number };
  people_to_invite: number;
  merged_people: number;
}

export const restorePage = (page: ExportPage) =>
  authed<RestoreResult>('/v1/tenant/import', { json: page });
