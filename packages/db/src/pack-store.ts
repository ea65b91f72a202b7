import {
  builtInPacks,
  contentHash,
  definePack,
  type Pack,
  type PackInput,
  type Text,
} from '@kaoping/standards';
import { and, eq } from 'drizzle-orm';
import { packVersions } from './schema.ts';
import type { TenantDb } from './tenant-db.ts';

/**
 * Where a pack version comes from, for the scheduler's runs and the API's preview alike:
 * the built-in packs (code, packages/standards) or the tenant's own pack_versions rows
 * (tailored or imported). Both are immutable once published, so a parsed pack is kept per
 * isolate by its content hash, and the engine's own per-pack caches stay warm.
 */

export interface PackRef {
  readonly key: string;
  readonly version: string;
}

export interface ResolvedPack {
  readonly pack: Pack;
  /** contentHash(pack): 64 hex digits. */
  readonly hash: string;
  readonly origin: 'built-in' | 'tenant';
  readonly status: 'published' | 'draft';
}

export class PackNotFound extends Error {
  readonly ref: PackRef;
  readonly text: Text;
  constructor(ref: PackRef, text?: Text) {
    const shown = `${ref.key}@${ref.version}`;
    const message = text ?? {
      zh: `找不到标准包版本 ${shown}`,
      en: `pack version ${shown} not found`,
    };
    super(message.en);
    this.name = 'PackNotFound';
    this.ref = ref;
    this.text = message;
  }
}

/** The pack found under a ref is not the one a cycle pinned (its content hash differs). */
export class PackHashMismatch extends Error {
  readonly ref: PackRef;
  readonly expected: string;
  readonly actual: string;
  readonly text: Text;
  constructor(ref: PackRef, expected: string, actual: string) {
    const shown = `${ref.key}@${ref.version}`;
    const text = {
      zh: `标准包 ${shown} 的内容与周期记录的不一致（应为 ${expected.slice(0, 12)}…，实为 ${actual.slice(0, 12)}…）`,
      en: `pack ${shown} is not the content the cycle pinned (expected ${expected.slice(0, 12)}…, found ${actual.slice(0, 12)}…)`,
    };
    super(text.en);
    this.name = 'PackHashMismatch';
    this.ref = ref;
    this.expected = expected;
    this.actual = actual;
    this.text = text;
  }
}

const builtInHashes = new WeakMap<Pack, string>();

function builtInHash(pack: Pack): string {
  let hash = builtInHashes.get(pack);
  if (!hash) {
    hash = contentHash(pack);
    builtInHashes.set(pack, hash);
  }
  return hash;
}

/** Tenant packs parsed in this isolate, by tenant, ref and stored content hash. */
const tenantPacks = new Map<string, ResolvedPack>();
const TENANT_PACK_LIMIT = 64;

function builtIn(ref: PackRef, packs: readonly Pack[]): ResolvedPack | undefined {
  const pack = packs.find((p) => p.key === ref.key && p.version === ref.version);
  if (!pack) return undefined;
  return { pack, hash: builtInHash(pack), origin: 'built-in', status: 'published' };
}

async function tenantOwned(tdb: TenantDb, ref: PackRef): Promise<ResolvedPack | undefined> {
  const row = await tdb.first(
    packVersions,
    and(eq(packVersions.key, ref.key), eq(packVersions.version, ref.version)),
  );
  if (!row) return undefined;
  const cacheKey = `${tdb.tenantId}\u0000${ref.key}@${ref.version}\u0000${row.contentHash}`;
  const cached = tenantPacks.get(cacheKey);
  if (cached && cached.status === row.status) return cached;
  // definePack throws a PackError for a body that no longer passes the schema or integrity checks.
  const pack = definePack(row.body as PackInput);
  const hash = contentHash(pack);
  if (hash !== row.contentHash) throw new PackHashMismatch(ref, row.contentHash, hash);
  const resolved: ResolvedPack = { pack, hash, origin: 'tenant', status: row.status };
  if (tenantPacks.size >= TENANT_PACK_LIMIT) {
    const oldest = tenantPacks.keys().next().value;
    if (oldest !== undefined) tenantPacks.delete(oldest);
  }
  tenantPacks.set(cacheKey, resolved);
  return resolved;
}

export interface ResolveOptions {
  /** The content hash the caller pinned (a cycle's pack_hash): anything else is refused. */
  readonly hash?: string;
  /** Accept the tenant's draft versions (the API's live preview of a pack being tailored). */
  readonly drafts?: boolean;
  /** The built-in packs to look in (tests); defaults to packages/standards' registry. */
  readonly builtIns?: readonly Pack[];
}

/**
 * The pack version `ref` as `tdb`'s tenant sees it: built-in first, then the tenant's own.
 * With `hash`, the version must have exactly that content (PackHashMismatch otherwise); drafts
 * are refused unless `drafts` is set. Throws PackNotFound, PackHashMismatch, or the PackError
 * of a stored body that fails its checks.
 */
export async function resolvePack(
  tdb: TenantDb,
  ref: PackRef,
  options: ResolveOptions = {},
): Promise<ResolvedPack> {
  const fromCode = builtIn(ref, options.builtIns ?? builtInPacks);
  if (fromCode && (options.hash === undefined || fromCode.hash === options.hash)) return fromCode;
  const own = await tenantOwned(tdb, ref);
  if (own && own.status === 'draft' && !options.drafts) {
    throw new PackNotFound(ref, {
      zh: `标准包版本 ${ref.key}@${ref.version} 尚未发布`,
      en: `pack version ${ref.key}@${ref.version} is not published`,
    });
  }
  if (own && (options.hash === undefined || own.hash === options.hash)) return own;
  const found = own ?? fromCode;
  if (found && options.hash !== undefined)
    throw new PackHashMismatch(ref, options.hash, found.hash);
  throw new PackNotFound(ref);
}
