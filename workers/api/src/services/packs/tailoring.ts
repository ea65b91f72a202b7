import { GuardFailed, uniqueViolation } from '@kaoping/db/batch-errors';
import { findTenantById } from '@kaoping/db/bootstrap';
import { packVersions } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { builtInPacks, type Pack, PackError } from '@kaoping/standards';
import { derivePack } from '@kaoping/standards/tailor/derive-pack';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { preconditionFailed } from '../../lib/etag.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import {
  field,
  invalidBody,
  packVersionImmutable,
  packVersionNotFound,
  parentUnavailable,
  versionTaken,
} from './errors.ts';
import { overridesFor, type TailoringOverrides } from './overrides.ts';
import { type PackVersionRow, tenantVersionRow, visibleVersion } from './visible.ts';

/**
 * Tailoring (派生), shared by derive, edit and publish. A tailored version keeps its parent's
 * key and gets a version of its own with a hyphenated suffix — `2024.1-conghua.1` — so it
 * sorts beside its parent in the catalog, a cycle can switch between them, and it can never
 * collide with a later built-in release (those carry no suffix). Unique per tenant and key.
 */

/** A tailored version: the parent's numbers, then a suffix ("-conghua.1"). */
export const TAILORED_VERSION = /^\d+(\.\d+){0,2}-[0-9A-Za-z][0-9A-Za-z.-]{0,39}$/;

/**
 * The next free `<parent's numbers>-<tenant slug>.<n>` for the tenant: 2024.1-conghua.1,
 * then .2 — deriving from `2024.1-conghua.1` again gives `2024.1-conghua.2`.
 */
export async function nextTailoredVersion(tdb: TenantDb, parent: Pack): Promise<string> {
  const tenant = await findTenantById(tdb.db, tdb.tenantId);
  const label = tenant?.slug ?? 'tenant';
  const base = `${parent.version.split('-', 1)[0]}-${label}.`;
  const taken = await tdb.select(packVersions, eq(packVersions.key, parent.key));
  let n = 0;
  for (const row of taken) {
    if (!row.version.startsWith(base)) continue;
    const suffix = row.version.slice(base.length);
    if (/^\d{1,6}$/.test(suffix)) n = Math.max(n, Number(suffix));
  }
  return `${base}${n + 1}`;
}

/** A version the tenant may give a tailored version of `key`. */
export function checkTailoredVersion(key: string, version: string): void {
  if (!TAILORED_VERSION.test(version)) {
    throw invalidBody([
      field(
        'body.version',
        'invalid_version',
        '派生版本号应在来源版本号后加连字符后缀，如 2024.1-conghua.1',
        'a tailored version is the parent’s numbers and a hyphenated suffix, e.g. 2024.1-conghua.1',
      ),
    ]);
  }
  if (builtInPacks.some((p) => p.key === key && p.version === version)) throw versionTaken(version);
}

function overridesError(path: string, message: { zh: string; en: string }): FieldError {
  // derivePack names override problems "overrides.items.一.3.set./bands/0/threshold"; others
  // (the derived pack failing its checks) by their place in the pack.
  return path.startsWith('overrides')
    ? field(`body.${path}`, 'invalid_override', message.zh, message.en)
    : field(
        'body.overrides',
        'invalid_override',
        `${path}：${message.zh}`,
        `${path}: ${message.en}`,
      );
}

/** derivePack, with its refusals as a 400 naming each override. */
export function deriveOrRefuse(parent: Pack, version: string, overrides: TailoringOverrides): Pack {
  try {
    return derivePack(parent, overridesFor(overrides, parent.key, version));
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    throw invalidBody(err.problems.map((p) => overridesError(p.path, p.message)));
  }
}

/**
 * The tenant's draft `ref` at the version the caller read: 404 when there is none (a built-in
 * version answers 409: it exists and never changes), 409 once published, 412 when stale.
 */
export async function draftAtVersion(
  tdb: TenantDb,
  ref: { key: string; version: string },
  expected: number,
): Promise<PackVersionRow> {
  const row = await tenantVersionRow(tdb, ref);
  if (!row) {
    const builtIn = builtInPacks.some((p) => p.key === ref.key && p.version === ref.version);
    throw builtIn ? packVersionImmutable() : packVersionNotFound();
  }
  if (row.status !== 'draft') throw packVersionImmutable();
  if (row.rowVersion !== expected) throw preconditionFailed();
  return row;
}

/** Batch guard: the draft is still a draft, at the version in If-Match. */
export function draftGuard(tdb: TenantDb, row: PackVersionRow, expected: number) {
  return tdb.guard(
    tdb.exists(
      packVersions,
      eq(packVersions.id, row.id),
      eq(packVersions.rowVersion, expected),
      eq(packVersions.status, 'draft'),
    ),
    'stale',
  );
}

/** The row a draft write may touch: this one, still a draft, still at `expected`. */
export function draftWhere(row: PackVersionRow, expected: number) {
  return and(
    eq(packVersions.id, row.id),
    eq(packVersions.rowVersion, expected),
    eq(packVersions.status, 'draft'),
  );
}

/** A lost race is a 412 — or a 409 if the other writer published it. */
export async function lostRace(tdb: TenantDb, row: PackVersionRow, err: unknown): Promise<unknown> {
  if (!(err instanceof GuardFailed && err.reason === 'stale')) return err;
  const now = await tdb.first(packVersions, eq(packVersions.id, row.id));
  return now && now.status !== 'draft' ? packVersionImmutable() : preconditionFailed();
}

/** A version as the audit log records it: what was tailored, not the whole 100 KB body. */
export function auditView(row: {
  key: string;
  version: string;
  status: string;
  contentHash: string;
  derivedFromKey: string | null;
  derivedFromVersion: string | null;
  overrides: unknown;
}) {
  return {
    key: row.key,
    version: row.version,
    status: row.status,
    content_hash: row.contentHash,
    derived_from:
      row.derivedFromKey && row.derivedFromVersion
        ? { key: row.derivedFromKey, version: row.derivedFromVersion }
        : null,
    overrides: row.overrides ?? null,
  };
}

/** A new draft as derive and import build it. */
export interface DraftRow {
  readonly id: string;
  readonly key: string;
  readonly version: string;
  readonly status: 'draft';
  readonly body: Pack;
  readonly contentHash: string;
  readonly derivedFromKey: string | null;
  readonly derivedFromVersion: string | null;
  readonly overrides: Record<string, unknown> | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Stores a new draft row with its audit entry; a version the tenant already has for the key is
 * a 409 naming `versionPath` (the field the caller gave the version in).
 */
export async function insertDraft(
  ctx: ServiceContext,
  row: DraftRow,
  action: 'pack_version.derive' | 'pack_version.import',
  versionPath: string,
): Promise<void> {
  try {
    await commitWithAudit(
      ctx,
      [ctx.tdb.insert(packVersions, row)],
      [{ action, entityType: 'pack_version', entityId: row.id, after: auditView(row) }],
    );
  } catch (err) {
    if (uniqueViolation(err)) throw versionTaken(row.version, versionPath);
    throw err;
  }
}

/** The published parent a draft re-derives from; 409 if it is no longer available. */
export async function parentOf(
  ctx: Pick<ServiceContext, 'principal' | 'tdb'>,
  row: Pick<PackVersionRow, 'derivedFromKey' | 'derivedFromVersion'>,
): Promise<Pack> {
  if (!row.derivedFromKey || !row.derivedFromVersion) throw parentUnavailable();
  const ref = { key: row.derivedFromKey, version: row.derivedFromVersion };
  try {
    return (await visibleVersion(ctx, ref, { drafts: false })).resolved.pack;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') throw parentUnavailable();
    throw err;
  }
}
