import type { PackRef } from '@kaoping/db/pack-store';
import { packPins } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { type PinFacts, presentVersionDetail, type VersionDetailJson } from './present.ts';
import { type VisibleVersion, visibleVersion } from './visible.ts';

/** The tenant's pin of one version, if it pinned it. */
export async function pinFacts(tdb: TenantDb, ref: PackRef): Promise<PinFacts | null> {
  const pin = await tdb.first(
    packPins,
    and(eq(packPins.key, ref.key), eq(packPins.version, ref.version)),
  );
  return pin ? { id: pin.id, effective_from: pin.effectiveFrom } : null;
}

/** A version as the API shows it, with its row (for the ETag) when the tenant owns it. */
export async function presentVisible(
  ctx: Pick<ServiceContext, 'tdb'>,
  visible: VisibleVersion,
): Promise<{ detail: VersionDetailJson; rowVersion: number | null }> {
  const pack = visible.resolved.pack;
  const pin = await pinFacts(ctx.tdb, { key: pack.key, version: pack.version });
  return {
    detail: presentVersionDetail(visible, pin),
    rowVersion: visible.row?.rowVersion ?? null,
  };
}

/**
 * One version with its inputs, items by category (points, rule in words, citations, notes),
 * parameters and review chain. Anyone in the tenant may read; clients see published only.
 */
export async function readPackVersion({ ctx, input }: { ctx: ServiceContext; input: PackRef }) {
  return presentVisible(ctx, await visibleVersion(ctx, input));
}
