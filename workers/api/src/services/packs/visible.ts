import { PackNotFound, type PackRef, type ResolvedPack, resolvePack } from '@kaoping/db/pack-store';
import { packVersions } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { and, eq } from 'drizzle-orm';
import type { Principal, ServiceContext } from '../../auth/principal.ts';
import { packVersionNotFound } from './errors.ts';

export type PackVersionRow = typeof packVersions.$inferSelect;

/** A pack version the caller may see: the parsed pack, and the tenant's row if it has one. */
export interface VisibleVersion {
  readonly resolved: ResolvedPack;
  /** Null for built-in versions. */
  readonly row: PackVersionRow | null;
}

/**
 * People of the tenant see its drafts (read-only unless admin); API clients see published
 * versions only — an integrator has no business scoring against a version not yet decided.
 */
export function seesDrafts(principal: Principal): boolean {
  return principal.kind === 'user';
}

export async function tenantVersionRow(
  tdb: TenantDb,
  ref: PackRef,
): Promise<PackVersionRow | undefined> {
  return tdb.first(
    packVersions,
    and(eq(packVersions.key, ref.key), eq(packVersions.version, ref.version)),
  );
}

/**
 * The version `ref` as the caller sees it, through the pack store (built-in first, then the
 * tenant's own). `drafts: false` asks for published versions only (parents, cycles). Anything
 * not visible — another tenant's, a draft for a client, a typo — is the same 404.
 */
export async function visibleVersion(
  ctx: Pick<ServiceContext, 'principal' | 'tdb'>,
  ref: PackRef,
  options: { drafts?: boolean } = {},
): Promise<VisibleVersion> {
  const drafts = (options.drafts ?? true) && seesDrafts(ctx.principal);
  for (let attempt = 1; ; attempt++) {
    let resolved: ResolvedPack;
    try {
      resolved = await resolvePack(ctx.tdb, ref, { drafts });
    } catch (err) {
      if (err instanceof PackNotFound) throw packVersionNotFound();
      throw err;
    }
    if (resolved.origin === 'built-in') return { resolved, row: null };
    const row = await tenantVersionRow(ctx.tdb, ref);
    if (!row) throw packVersionNotFound();
    // A draft edited between the two reads: read again, so content and ETag agree.
    if (row.contentHash === resolved.hash || attempt >= 3) return { resolved, row };
  }
}
