import { resolvePack } from '@kaoping/db/pack-store';
import { packPins, packVersions } from '@kaoping/db/schema';
import { builtInPacks, compareVersions, type Text, type UnitKind } from '@kaoping/standards';
import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import {
  bonusMaxOf,
  factsOf,
  type PinFacts,
  presentVersionSummary,
  type VersionFacts,
  type VersionSummaryJson,
} from './present.ts';
import { seesDrafts } from './visible.ts';

export interface CatalogInput {
  unit_kind?: UnitKind | undefined;
  status?: 'draft' | 'published' | 'all' | undefined;
}

export interface PackSummaryJson {
  key: string;
  title: Text;
  issuer: Text;
  unit_kinds: UnitKind[];
  versions: VersionSummaryJson[];
}

const json = <T>(text: unknown): T => JSON.parse(String(text)) as T;

/**
 * The tenant's own versions, summarised in SQL (json_extract) so the catalog does not read
 * and parse every tailored body: a province pack is 120 KB.
 */
async function tenantFacts(ctx: ServiceContext, drafts: boolean): Promise<VersionFacts[]> {
  const { tdb } = ctx;
  const body = packVersions.body;
  const rows = await tdb.db
    .select({
      key: packVersions.key,
      version: packVersions.version,
      status: packVersions.status,
      contentHash: packVersions.contentHash,
      derivedFromKey: packVersions.derivedFromKey,
      derivedFromVersion: packVersions.derivedFromVersion,
      createdAt: packVersions.createdAt,
      publishedAt: packVersions.publishedAt,
      title: sql<string>`json_extract(${body}, '$.title')`,
      issuer: sql<string>`json_extract(${body}, '$.issuer')`,
      effectiveFrom: sql<string>`json_extract(${body}, '$.effectiveFrom')`,
      effectiveTo: sql<string | null>`json_extract(${body}, '$.effectiveTo')`,
      unitKinds: sql<string>`json_extract(${body}, '$.unitKinds')`,
      total: sql<number>`json_extract(${body}, '$.total')`,
      categories: sql<string | null>`json_extract(${body}, '$.categories')`,
      itemCount: sql<number | null>`json_array_length(${body}, '$.items')`,
    })
    .from(packVersions)
    .where(tdb.where(packVersions, drafts ? undefined : eq(packVersions.status, 'published')));
  return rows.map((r) => ({
    key: r.key,
    version: r.version,
    origin: 'tenant' as const,
    status: r.status,
    title: json<Text>(r.title),
    issuer: json<Text>(r.issuer),
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo ?? null,
    unitKinds: json<string[]>(r.unitKinds),
    total: Number(r.total),
    bonusMax: bonusMaxOf(
      r.categories ? json<{ bonus?: boolean; max: number }[]>(r.categories) : [],
    ),
    itemCount: Number(r.itemCount ?? 0),
    contentHash: r.contentHash,
    derivedFrom:
      r.derivedFromKey && r.derivedFromVersion
        ? { key: r.derivedFromKey, version: r.derivedFromVersion }
        : null,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
  }));
}

/** Newest first: by effective date, then version. */
function newestFirst(a: VersionFacts, b: VersionFacts): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? 1 : -1;
  return compareVersions(b.version, a.version);
}

/**
 * Every pack the caller may see — the built-in ones and the tenant's own versions — grouped
 * by key, with each version's status, dates, totals, content hash, parent and pin. The
 * catalog is small (keys × versions), so it is answered whole rather than paged.
 */
export async function listCatalog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CatalogInput;
}): Promise<{ items: PackSummaryJson[] }> {
  const status = input.status ?? 'all';
  const drafts = seesDrafts(ctx.principal) && status !== 'published';
  const builtIn: VersionFacts[] =
    status === 'draft'
      ? []
      : await Promise.all(
          builtInPacks.map(async (pack) => {
            const resolved = await resolvePack(ctx.tdb, pack);
            return factsOf({ resolved, row: null });
          }),
        );
  const own = (await tenantFacts(ctx, drafts)).filter(
    (f) => status === 'all' || f.status === status,
  );
  const pins = await ctx.tdb.select(packPins);
  const pinOf = (f: VersionFacts): PinFacts | null => {
    const pin = pins.find((p) => p.key === f.key && p.version === f.version);
    return pin ? { id: pin.id, effective_from: pin.effectiveFrom } : null;
  };
  const all = [...builtIn, ...own].filter(
    (f) => !input.unit_kind || f.unitKinds.includes(input.unit_kind),
  );
  // Built-in keys in the registry's order, then the tenant's own keys alphabetically.
  const keys = [...new Set([...builtIn.map((f) => f.key), ...own.map((f) => f.key).sort()])];
  const items: PackSummaryJson[] = [];
  for (const key of keys) {
    const versions = all.filter((f) => f.key === key).sort(newestFirst);
    if (versions.length === 0) continue;
    // The pack is named after its newest built-in version, if it has one.
    const named = versions.find((f) => f.origin === 'built-in') ?? versions[0]!;
    items.push({
      key,
      title: named.title,
      issuer: named.issuer,
      unit_kinds: [...new Set(versions.flatMap((f) => f.unitKinds))] as UnitKind[],
      versions: versions.map((f) => presentVersionSummary(f, pinOf(f))),
    });
  }
  return { items };
}
