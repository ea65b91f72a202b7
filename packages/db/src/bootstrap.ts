import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { apiClients, cycles, invitations, refreshTokens, tenants } from './schema.ts';

/**
 * The only reads not made through a TenantDb. Each runs before a tenant is
 * known — sign-up, sign-in, token refresh, invitation acceptance, the OAuth
 * token endpoint, a cycle's public objection link — and is keyed by a globally
 * unique public key (a tenant's slug, a client id, a link's token) or by the
 * SHA-256 of a secret the caller holds. Each
 * returns the row with its tenant id, from which the caller builds the
 * TenantDb it uses for everything else.
 */

export type TenantRow = typeof tenants.$inferSelect;

export async function findTenantBySlug(db: Db, slug: string): Promise<TenantRow | undefined> {
  const rows = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return rows[0];
}

export async function findTenantById(db: Db, id: string): Promise<TenantRow | undefined> {
  const rows = await db.select().from(tenants).where(eq(tenants.id, id)).limit(1);
  return rows[0];
}

/** The tenant row insert for sign-up, to be committed in the sign-up batch. */
export function insertTenant(db: Db, row: typeof tenants.$inferInsert) {
  return db.insert(tenants).values(row);
}

export async function findRefreshTokenByHash(db: Db, tokenHash: string) {
  const rows = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const rows = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

export async function findApiClientById(db: Db, clientId: string) {
  const rows = await db.select().from(apiClients).where(eq(apiClients.id, clientId)).limit(1);
  return rows[0];
}

/** The cycle whose public objection link (公示异议链接) carries `token`. */
export async function findCycleByPublicToken(db: Db, token: string) {
  const rows = await db
    .select({ id: cycles.id, tenantId: cycles.tenantId })
    .from(cycles)
    .where(eq(cycles.publicToken, token))
    .limit(1);
  return rows[0];
}

/**
 * Whether any active tenant lists `origin` in its CORS allow-list (tenants.cors_origins). A
 * CORS preflight carries no credentials, so it cannot say which tenant it is for: it is
 * answered for an origin some tenant allows, and the real request is then checked against
 * the token's own tenant (workers/api/src/lib/cors.ts). One scan of the tenants table.
 */
export async function originAllowedByAnyTenant(db: Db, origin: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(tenants)
    .where(
      sql`${tenants.status} = 'active' AND EXISTS (SELECT 1 FROM json_each(${tenants.corsOrigins}) WHERE json_each.value = ${origin})`,
    )
    .limit(1);
  return rows.length > 0;
}
