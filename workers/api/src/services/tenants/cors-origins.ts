import { GuardFailed } from '@kaoping/db/batch-errors';
import { tenants } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { formatETag, preconditionFailed } from '../../lib/etag.ts';
import { AppError } from '../../lib/problem.ts';

/** At most this many origins per tenant: integrators' dashboards, not a wildcard by volume. */
export const MAX_CORS_ORIGINS = 20;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin a browser would send for `text` ("https://data.example.gov.cn"), or null when it
 * is not one: https only (http only for loopback, for local development), no path, query,
 * fragment or credentials, no wildcard. Hosts are lower-cased and default ports dropped by
 * URL, exactly as browsers serialise an Origin header, so a match is plain string equality.
 */
export function normalizeOrigin(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.includes('*') || trimmed === 'null') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/' || /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/./i.test(trimmed)) return null;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return null;
  }
  return url.origin;
}

export interface CorsOrigins {
  origins: string[];
  etag: string;
}

async function tenantRow(tdb: TenantDb) {
  const rows = await tdb.db
    .select({ corsOrigins: tenants.corsOrigins, rowVersion: tenants.rowVersion })
    .from(tenants)
    .where(eq(tenants.id, tdb.tenantId))
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return row;
}

/** The tenant's CORS allow-list (any principal of the tenant may need to know it; admins set it). */
export async function tenantCorsOrigins(tdb: TenantDb): Promise<string[]> {
  return (await tenantRow(tdb)).corsOrigins;
}

export async function readCorsOrigins({ ctx }: { ctx: ServiceContext }): Promise<CorsOrigins> {
  requireAdmin(ctx.principal);
  const row = await tenantRow(ctx.tdb);
  return { origins: row.corsOrigins, etag: formatETag(row.rowVersion) };
}

/**
 * Replace the allow-list (If-Match on the tenant's row version). Each entry must be an origin
 * (see normalizeOrigin); duplicates collapse. Audited as tenant.cors_origins.
 */
export async function setCorsOrigins({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { origins: string[]; expectedRowVersion: number };
}): Promise<CorsOrigins> {
  requireAdmin(ctx.principal);
  const normalized: string[] = [];
  const errors = [];
  for (const [i, text] of input.origins.entries()) {
    const origin = normalizeOrigin(text);
    if (origin === null) {
      errors.push({
        path: `body.origins.${i}`,
        code: 'invalid_origin',
        message:
          'not an origin: https://host[:port] with no path (http only for localhost), no wildcard',
        message_zh:
          '不是有效的来源：应为 https://主机[:端口]，不带路径（仅本机可用 http），不可用通配符',
      });
    } else if (!normalized.includes(origin)) {
      normalized.push(origin);
    }
  }
  if (errors.length > 0) {
    throw new AppError(
      'validation',
      { zh: '来源列表有误', en: 'The origin list is not valid' },
      { errors },
    );
  }
  const row = await tenantRow(ctx.tdb);
  if (row.rowVersion !== input.expectedRowVersion) throw preconditionFailed();
  const tdb = ctx.tdb;
  const at = ctx.now.toISOString();
  await commitWithAudit(
    ctx,
    [
      tdb.guard(
        sql`EXISTS (SELECT 1 FROM ${tenants} WHERE ${tenants.id} = ${tdb.tenantId} AND ${tenants.rowVersion} = ${input.expectedRowVersion})`,
        'tenant_changed',
      ),
      tdb.db
        .update(tenants)
        .set({
          corsOrigins: normalized,
          updatedAt: at,
          rowVersion: sql`${tenants.rowVersion} + 1`,
        })
        .where(eq(tenants.id, tdb.tenantId)),
    ],
    [
      {
        action: 'tenant.cors_origins',
        entityType: 'tenant',
        entityId: tdb.tenantId,
        before: { cors_origins: row.corsOrigins },
        after: { cors_origins: normalized },
      },
    ],
  ).catch((err: unknown) => {
    if (err instanceof GuardFailed && err.reason === 'tenant_changed') throw preconditionFailed();
    throw err;
  });
  return { origins: normalized, etag: formatETag(row.rowVersion + 1) };
}
