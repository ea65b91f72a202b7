import { type PackRef, type ResolvedPack, resolvePack } from '@kaoping/db/pack-store';
import { packPins, packVersions } from '@kaoping/db/schema';
import { builtInPacks, compareVersions, type Pack } from '@kaoping/standards';
import { versionForPeriod } from '@kaoping/standards/versions/version-for-period';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import { visibleVersion } from './visible.ts';

/**
 * Selection: which pack versions a tenant may run cycles on.
 *
 * - A version is usable when the tenant can see it published: built-in, or its own published
 *   tailored version. Drafts never are.
 * - Pins narrow, they do not open: a tenant that has pinned no version of a key may use any
 *   usable version of it, so a new tenant can start on a built-in pack with no set-up. Once it
 *   pins a version of a key, only pinned versions of that key are usable.
 * - A pin says "from when" (effective_from). Asked about a date (`on`: a cycle's period end),
 *   the version must be pinned from that date or earlier. `selectedVersion` answers which
 *   pinned version is in force on a date: the one pinned from the latest date on or before it.
 */

export interface UsableOptions {
  /** ISO date the version must be selected on (e.g. the last day of a cycle's period). */
  readonly on?: string | undefined;
  /** Where the reference came from, for the errors: "body.pack_version". */
  readonly field?: string | undefined;
}

function refused(detail: { zh: string; en: string }, at: string | undefined): AppError {
  const errors: FieldError[] = at
    ? [{ path: at, code: 'pack_not_selected', message: detail.en, message_zh: detail.zh }]
    : [];
  return new AppError('conflict', detail, errors.length ? { errors } : {});
}

/**
 * For the cycles service: may this tenant use `key@version`? Returns the resolved pack (with
 * its content hash, which a cycle pins), or throws 404 (not a published version the tenant can
 * see — exactly like another tenant's) or 409 (not among the versions the tenant selected).
 */
export async function assertPackUsable(
  ctx: Pick<ServiceContext, 'principal' | 'tdb'>,
  ref: PackRef,
  options: UsableOptions = {},
): Promise<ResolvedPack> {
  let resolved: ResolvedPack;
  try {
    resolved = (await visibleVersion(ctx, ref, { drafts: false })).resolved;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found' && options.field) {
      throw new AppError('not_found', err.detail, {
        errors: [
          {
            path: options.field,
            code: 'not_found',
            message: 'no such published pack version',
            message_zh: '没有这个已发布的标准包版本',
          },
        ],
      });
    }
    throw err;
  }
  const pins = await ctx.tdb.select(packPins, eq(packPins.key, ref.key));
  if (pins.length === 0) return resolved;
  const shown = `${ref.key}@${ref.version}`;
  const pin = pins.find((p) => p.version === ref.version);
  if (!pin) {
    const selected = pins
      .map((p) => p.version)
      .sort(compareVersions)
      .join(', ');
    throw refused(
      {
        zh: `${shown} 不在本单位选用的版本中（已选用：${selected}）`,
        en: `${shown} is not among the versions your tenant selected (${selected})`,
      },
      options.field,
    );
  }
  if (options.on && pin.effectiveFrom > options.on) {
    throw refused(
      {
        zh: `${shown} 自 ${pin.effectiveFrom} 起选用，${options.on} 时尚未选用`,
        en: `${shown} is selected from ${pin.effectiveFrom}, not yet on ${options.on}`,
      },
      options.field,
    );
  }
  return resolved;
}

/**
 * The version of `key` the tenant's pins put in force on `date` (the pin with the latest
 * effective_from on or before it), or null when the tenant pinned no version of `key` in force
 * then.
 */
export async function selectedVersion(
  ctx: Pick<ServiceContext, 'tdb'>,
  key: string,
  date: string,
): Promise<string | null> {
  const pins = await ctx.tdb.select(packPins, eq(packPins.key, key));
  const inForce = pins
    .filter((p) => p.effectiveFrom <= date)
    .sort((a, b) =>
      a.effectiveFrom !== b.effectiveFrom
        ? a.effectiveFrom < b.effectiveFrom
          ? -1
          : 1
        : compareVersions(a.version, b.version),
    );
  return inForce.at(-1)?.version ?? null;
}

/** Every published version of `key` the tenant can see: built-in, then its own. */
export async function usableVersions(
  ctx: Pick<ServiceContext, 'tdb'>,
  key: string,
): Promise<Pack[]> {
  const own = await ctx.tdb.select(
    packVersions,
    and(eq(packVersions.key, key), eq(packVersions.status, 'published')),
  );
  const refs = [
    ...builtInPacks.filter((p) => p.key === key),
    ...own.map((row) => ({ key: row.key, version: row.version })),
  ];
  return Promise.all(refs.map(async (ref) => (await resolvePack(ctx.tdb, ref)).pack));
}

/**
 * The version to propose for a cycle over `start`..`end` (ISO dates): the pinned one in
 * force on the last day if the tenant pins `key`, else `versionForPeriod` over the usable
 * versions (docs/packs.md#versions-over-time). Null when none applies. A proposal only: the
 * cycle pins what its admin confirms.
 */
export async function proposeVersion(
  ctx: Pick<ServiceContext, 'tdb'>,
  key: string,
  period: { start: string; end: string },
): Promise<string | null> {
  const pins = await ctx.tdb.select(packPins, eq(packPins.key, key));
  if (pins.length > 0) return selectedVersion(ctx, key, period.end);
  return (
    versionForPeriod(await usableVersions(ctx, key), period.start, period.end)?.version ?? null
  );
}
