import type { PackRef } from '@kaoping/db/pack-store';
import { packVersions } from '@kaoping/db/schema';
import { contentHash } from '@kaoping/standards';
import { sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { importedDraftFixed, isImported } from './import.ts';
import type { TailoringOverrides } from './overrides.ts';
import {
  auditView,
  deriveOrRefuse,
  draftAtVersion,
  draftGuard,
  draftWhere,
  lostRace,
  parentOf,
} from './tailoring.ts';
import { type VisibleVersion, visibleVersion } from './visible.ts';

/**
 * Replaces a draft's overrides (If-Match) and re-derives it from its parent. Published and
 * built-in versions never change (409). Admins only; audited with the overrides before/after.
 */
export async function updatePackDraft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ref: PackRef; overrides: TailoringOverrides; expectedVersion: number };
}): Promise<VisibleVersion> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const row = await draftAtVersion(tdb, input.ref, input.expectedVersion);
  if (isImported(row)) throw importedDraftFixed();
  const parent = await parentOf(ctx, row);
  const pack = deriveOrRefuse(parent, row.version, input.overrides);
  const at = ctx.now.toISOString();
  const changes = {
    body: pack,
    contentHash: contentHash(pack),
    overrides: input.overrides as Record<string, unknown>,
    updatedAt: at,
  };
  try {
    await commitWithAudit(
      ctx,
      [
        draftGuard(tdb, row, input.expectedVersion),
        tdb.update(
          packVersions,
          { ...changes, rowVersion: sql`${packVersions.rowVersion} + 1` },
          draftWhere(row, input.expectedVersion),
        ),
      ],
      [
        {
          action: 'pack_version.update',
          entityType: 'pack_version',
          entityId: row.id,
          before: auditView(row),
          after: auditView({ ...row, ...changes }),
        },
      ],
    );
  } catch (err) {
    throw await lostRace(tdb, row, err);
  }
  return visibleVersion(ctx, input.ref);
}
