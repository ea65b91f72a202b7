import { authed } from '../session/session.ts';
import type { AuditEntry, AuditVerification, Page } from './types.ts';

export interface AuditFilters {
  action?: string;
  entity_type?: string;
  entity_id?: string;
  actor_id?: string;
  since?: string;
  until?: string;
}

export const listAudit = (filters: AuditFilters, cursor?: string) =>
  authed<Page<AuditEntry>>('/v1/audit', { query: { ...filters, cursor, limit: 50 } });

export const verifyAudit = () => authed<AuditVerification>('/v1/audit/verify');
