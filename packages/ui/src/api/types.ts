// The API's shapes the UI reads, as /v1/openapi.json describes them.

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

export const TENANT_LEVELS = ['province', 'city', 'district', 'town'] as const;
export type TenantLevel = (typeof TENANT_LEVELS)[number];

export const ROLES = ['admin', 'reviewer', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['scores:read', 'submissions:write'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  level: TenantLevel;
  area_code: string | null;
  status: 'active' | 'suspended';
  created_at: string;
}

export interface Grant {
  role: Role;
  org_unit_id: string | null;
  stage: string | null;
}

export interface Me {
  kind: 'user' | 'client';
  tenant: Tenant;
  user: { id: string; email: string; display_name: string; grants: Grant[] } | null;
}

export interface Session {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

export interface OrgUnit {
  id: string;
  parent_id: string | null;
  kind: OrgUnitKind;
  name: string;
  name_en: string | null;
  code: string | null;
  path: string;
  depth: number;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
  etag: string;
}

export interface Person {
  id: string;
  email: string;
  display_name: string;
  status: 'active' | 'removed';
  grants: Grant[];
  created_at: string;
  updated_at: string;
  etag: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation extends Grant {
  id: string;
  email: string;
  status: InvitationStatus;
  expires_at: string;
  created_by: string;
  created_at: string;
}

export interface CreatedInvitation extends Invitation {
  token: string;
}

export type ClientStatus = 'active' | 'revoked' | 'expired';

export interface ApiClient {
  id: string;
  name: string;
  scopes: Scope[];
  secret_prefix: string;
  status: ClientStatus;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_by: string;
  created_at: string;
}

export interface CreatedApiClient extends ApiClient {
  client_secret: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor_type: 'user' | 'client' | 'system' | 'public';
  actor_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before?: unknown;
  after?: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  head: string;
  broken_at?: { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' } | null;
}

export interface ImportResult {
  created: number;
  unchanged: number;
}
