import { getDb } from '@kaoping/db/client';
import { apiClients, orgUnits, roleGrants, tenants, users } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { AppError } from '../lib/problem.ts';
import type { AppBindings } from '../lib/types.ts';
import type { Grant, Principal, Scope } from './principal.ts';
import { invalidToken, MAX_TOKEN_LENGTH, verifyAccessToken } from './tokens.ts';

function missingToken(): AppError {
  return new AppError(
    'unauthorized',
    { zh: '请先登录：缺少访问令牌', en: 'Sign in first: no access token was sent' },
    { headers: { 'WWW-Authenticate': 'Bearer realm="kaoping"' } },
  );
}

/** The user with their grants in one query; undefined unless user and tenant are active. */
export async function loadUserPrincipal(
  tdb: TenantDb,
  userId: string,
): Promise<Principal | undefined> {
  const rows = await tdb.db
    .select({
      email: users.email,
      status: users.status,
      tenantStatus: tenants.status,
      role: roleGrants.role,
      orgUnitId: roleGrants.orgUnitId,
      stage: roleGrants.stage,
      orgPath: orgUnits.path,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(
      roleGrants,
      and(eq(roleGrants.tenantId, users.tenantId), eq(roleGrants.userId, users.id)),
    )
    .leftJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, roleGrants.tenantId), eq(orgUnits.id, roleGrants.orgUnitId)),
    )
    .where(tdb.where(users, eq(users.id, userId)));
  const first = rows[0];
  if (first?.status !== 'active' || first.tenantStatus !== 'active') return undefined;
  const grants: Grant[] = [];
  for (const r of rows) {
    if (!r.role) continue;
    // A grant whose unit is gone grants nothing (fail closed).
    if (r.orgUnitId && !r.orgPath) continue;
    grants.push({ role: r.role, orgUnitId: r.orgUnitId, orgPath: r.orgPath, stage: r.stage });
  }
  return { kind: 'user', tenantId: tdb.tenantId, userId, email: first.email, grants };
}

/** The client, unless revoked, expired or its tenant suspended; scopes are token ∩ client. */
async function loadClientPrincipal(
  tdb: TenantDb,
  clientId: string,
  tokenScopes: string[],
  now: Date,
): Promise<Principal | undefined> {
  const rows = await tdb.db
    .select({ client: apiClients, tenantStatus: tenants.status })
    .from(apiClients)
    .innerJoin(tenants, eq(tenants.id, apiClients.tenantId))
    .where(tdb.where(apiClients, eq(apiClients.id, clientId)))
    .limit(1);
  const row = rows[0];
  if (row?.tenantStatus !== 'active' || row.client.revokedAt) return undefined;
  if (row.client.expiresAt && row.client.expiresAt <= now.toISOString()) return undefined;
  const scopes = row.client.scopes.filter((s) => tokenScopes.includes(s)) as Scope[];
  return { kind: 'client', tenantId: tdb.tenantId, clientId, scopes };
}

/**
 * Authentication for every /v1 route registered after it (public routes are
 * registered before it, see app.ts). Verifies the bearer token, then loads
 * the user (active, with grants) or the client (not revoked or expired) on
 * every request, so removing a person or revoking a client takes effect at
 * once. Sets c.var.principal and c.var.tdb — the TenantDb for the token's
 * tenant, the only way a handler reaches tenant data.
 */
export function authenticate(): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    // An unknown path is a 404 whoever asks.
    if (!matchedRoutes(c).some((r) => r.method !== 'ALL')) return next();
    const header = c.req.header('authorization');
    if (!header) throw missingToken();
    if (header.length > MAX_TOKEN_LENGTH + 16) throw invalidToken();
    const match = /^Bearer +([^ ]+) *$/i.exec(header);
    if (!match) throw invalidToken();
    const now = new Date();
    const token = await verifyAccessToken(c.env, match[1]!, now);
    const tdb = new TenantDb(getDb(c.env, token.tenantId), token.tenantId);
    const principal =
      token.kind === 'user'
        ? await loadUserPrincipal(tdb, token.subject)
        : await loadClientPrincipal(tdb, token.subject, token.scopes, now);
    if (!principal) throw invalidToken();
    c.set('principal', principal);
    c.set('tdb', tdb);
    await next();
  };
}
