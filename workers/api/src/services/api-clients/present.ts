import type { apiClients } from '@kaoping/db/schema';
import type { Scope } from '../../auth/principal.ts';

export type ApiClientRow = typeof apiClients.$inferSelect;

export function clientStatus(c: ApiClientRow, now: Date): 'active' | 'revoked' | 'expired' {
  if (c.revokedAt) return 'revoked';
  if (c.expiresAt && c.expiresAt <= now.toISOString()) return 'expired';
  return 'active';
}

/** A client as the API shows it: the secret's prefix, never the secret or its hash. */
export function presentClient(c: ApiClientRow, now: Date) {
  return {
    id: c.id,
    name: c.name,
    scopes: c.scopes as Scope[],
    secret_prefix: c.secretPrefix,
    status: clientStatus(c, now),
    expires_at: c.expiresAt,
    revoked_at: c.revokedAt,
    last_used_at: c.lastUsedAt,
    created_by: c.createdBy,
    created_at: c.createdAt,
  };
}

export type ClientJson = ReturnType<typeof presentClient>;
