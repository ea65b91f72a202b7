import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, rowVersion, tenantId, updatedAt } from './columns.ts';

/** A government body that signed up: province, city, district or town. */
export const tenants = sqliteTable(
  'tenants',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    level: text('level', { enum: ['province', 'city', 'district', 'town'] }).notNull(),
    areaCode: text('area_code'),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    /** Which D1 shard holds this tenant's rows (see docs/scaling.md). */
    shard: text('shard').notNull().default('DB'),
    /** Origins allowed to call the API from a browser (CORS), JSON array. */
    corsOrigins: text('cors_origins', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    rowVersion: rowVersion(),
  },
  (t) => [uniqueIndex('tenants_slug_uq').on(t.slug)],
);

export const users = sqliteTable(
  'users',
  {
    id: id(),
    tenantId: tenantId(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** PBKDF2-SHA-256: base64url hash, salt and the iteration count used. */
    passwordHash: text('password_hash').notNull(),
    passwordSalt: text('password_salt').notNull(),
    passwordIterations: integer('password_iterations').notNull(),
    status: text('status', { enum: ['active', 'removed'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    rowVersion: rowVersion(),
  },
  (t) => [uniqueIndex('users_tenant_email_uq').on(t.tenantId, t.email)],
);

/**
 * What a user may do. One row per grant: a reviewer may review two stages.
 * `orgUnitId` limits the grant to that subtree (null: the whole tenant);
 * `stage` is the review step a reviewer acts at.
 */
export const roleGrants = sqliteTable(
  'role_grants',
  {
    id: id(),
    tenantId: tenantId(),
    userId: text('user_id').notNull(),
    role: text('role', { enum: ['admin', 'reviewer', 'reporter', 'viewer'] }).notNull(),
    orgUnitId: text('org_unit_id'),
    stage: text('stage'),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_grants_user_idx').on(t.tenantId, t.userId),
    uniqueIndex('role_grants_uq').on(t.tenantId, t.userId, t.role, t.orgUnitId, t.stage),
  ],
);

export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    tenantId: tenantId(),
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'reviewer', 'reporter', 'viewer'] }).notNull(),
    orgUnitId: text('org_unit_id'),
    stage: text('stage'),
    /** SHA-256 of the invitation token; the token itself is shown once. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: text('expires_at').notNull(),
    acceptedAt: text('accepted_at'),
    revokedAt: text('revoked_at'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    index('invitations_tenant_idx').on(t.tenantId, t.createdAt),
  ],
);

/** Refresh tokens rotate: each use replaces the row; reuse of a replaced one revokes the family. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    id: id(),
    tenantId: tenantId(),
    userId: text('user_id').notNull(),
    familyId: text('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    replacedBy: text('replaced_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.tenantId, t.familyId),
    index('refresh_tokens_user_idx').on(t.tenantId, t.userId),
  ],
);

/** OAuth2 client-credentials clients. Only a hash of the secret is kept. */
export const apiClients = sqliteTable(
  'api_clients',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    secretHash: text('secret_hash').notNull(),
    /** First characters of the secret, shown in lists so a leaked secret can be recognised. */
    secretPrefix: text('secret_prefix').notNull(),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
    lastUsedAt: text('last_used_at'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('api_clients_tenant_idx').on(t.tenantId, t.createdAt)],
);

/**
 * Append-only audit log. UPDATE and DELETE are refused by triggers (see the
 * custom migration); each row carries a SHA-256 chained over the previous row
 * of the same tenant so an edit by hand shows.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    tenantId: tenantId(),
    actorType: text('actor_type', { enum: ['user', 'client', 'system', 'public'] }).notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    requestId: text('request_id'),
    at: text('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_tenant_idx').on(t.tenantId, t.seq),
    index('audit_log_entity_idx').on(t.tenantId, t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.tenantId, t.actorId, t.seq),
    /** The chain cannot fork: one row per (tenant, predecessor). */
    uniqueIndex('audit_log_chain_uq').on(t.tenantId, t.prevHash),
  ],
);

/**
 * Idempotency-Key replay store: the same key and body get the same answer.
 * `key` holds a SHA-256 of the client's key and `response` is encrypted with a
 * key derived from it (workers/api/src/lib/idempotency.ts), so a one-time
 * secret in a stored answer is not readable from the database. `status` 0
 * marks a request still in flight.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    tenantId: tenantId(),
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    bodyHash: text('body_hash').notNull(),
    status: integer('status').notNull(),
    response: text('response').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_keys_uq').on(t.tenantId, t.principal, t.key)],
);
