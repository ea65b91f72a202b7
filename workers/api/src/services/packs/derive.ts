import { newId } from '@kaoping/db/ids';
import type { PackRef } from '@kaoping/db/pack-store';
import { contentHash } from '@kaoping/standards';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf } from '../../lib/audit.ts';
import type { TailoringOverrides } from './overrides.ts';
import {
  checkTailoredVersion,
  deriveOrRefuse,
  insertDraft,
  nextTailoredVersion,
} from './tailoring.ts';
import { type VisibleVersion, visibleVersion } from './visible.ts';

export interface DeriveInput {
  parent: PackRef;
  /** Default: the next free `<parent's numbers>-<tenant slug>.<n>`. */
  version?: string | undefined;
  overrides?: TailoringOverrides | undefined;
}

/**
 * A tailored draft derived from a published version the tenant can see (built-in or its own):
 * same key, its own version, the overrides applied and validated by derivePack. Admins only;
 * audited. The draft can then be edited, linted and published.
 */
export async function derivePackDraft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DeriveInput;
}): Promise<VisibleVersion> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const parent = (await visibleVersion(ctx, input.parent, { drafts: false })).resolved.pack;
  const version = input.version ?? (await nextTailoredVersion(tdb, parent));
  checkTailoredVersion(parent.key, version);
  const overrides = input.overrides ?? {};
  const pack = deriveOrRefuse(parent, version, overrides);
  const at = ctx.now.toISOString();
  const row = {
    id: newId('packVersion'),
    key: pack.key,
    version,
    status: 'draft' as const,
    body: pack,
    contentHash: contentHash(pack),
    derivedFromKey: parent.key,
    derivedFromVersion: parent.version,
    overrides: overrides as Record<string, unknown>,
    createdBy: actorOf(ctx.principal).id,
    createdAt: at,
    updatedAt: at,
  };
  await insertDraft(ctx, row, 'pack_version.derive', 'body.version');
  return visibleVersion(ctx, { key: pack.key, version });
}
