import type { PackRef } from '@kaoping/db/pack-store';
import { packVersions } from '@kaoping/db/schema';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { auditView, draftAtVersion, draftGuard, draftWhere, lostRace } from './tailoring.ts';

/**
 * Discards a tailored draft (If-Match), freeing its version number. Published and built-in
 * versions are never removed (409). Admins only; audited.
 */
export async function deletePackDraft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ref: PackRef; expectedVersion: number };
}): Promise<void> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const row = await draftAtVersion(tdb, input.ref, input.expectedVersion);
  try {
    await commitWithAudit(
      ctx,
      [
        draftGuard(tdb, row, input.expectedVersion),
        tdb.delete(packVersions, draftWhere(row, input.expectedVersion)),
      ],
      [
        {
          action: 'pack_version.delete',
          entityType: 'pack_version',
          entityId: row.id,
          before: auditView(row),
        },
      ],
    );
  } catch (err) {
    throw await lostRace(tdb, row, err);
  }
}
