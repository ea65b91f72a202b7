import { uniqueViolation } from '@kaoping/db/batch-errors';
import { newId } from '@kaoping/db/ids';
import { packPins } from '@kaoping/db/schema';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { visibleVersion } from '../packs/visible.ts';
import { type PackPinRow, presentPin } from './present.ts';

export interface PinInput {
  key: string;
  version: string;
  effective_from: string;
}

/**
 * Selects a published version for the tenant's use from a date (services/packs/usable.ts says
 * what pins mean). One pin per version: pinning it again is 409 — unpin first to change the
 * date. Admins only; audited.
 */
export async function pinPackVersion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PinInput;
}): Promise<PackPinRow> {
  requireAdmin(ctx.principal);
  const ref = { key: input.key, version: input.version };
  await visibleVersion(ctx, ref, { drafts: false });
  const row: PackPinRow = {
    id: newId('packPin'),
    tenantId: ctx.tdb.tenantId,
    key: input.key,
    version: input.version,
    effectiveFrom: input.effective_from,
    pinnedBy: actorOf(ctx.principal).id,
    createdAt: ctx.now.toISOString(),
  };
  const { tenantId: _stamped, ...insert } = row;
  try {
    await commitWithAudit(
      ctx,
      [ctx.tdb.insert(packPins, insert)],
      [
        {
          action: 'pack_pin.create',
          entityType: 'pack_pin',
          entityId: row.id,
          after: presentPin(row),
        },
      ],
    );
  } catch (err) {
    if (!uniqueViolation(err)) throw err;
    throw new AppError('conflict', {
      zh: `${input.key}@${input.version} 已选用；如需改变起始日期，请先取消选用`,
      en: `${input.key}@${input.version} is already pinned; unpin it first to change the date`,
    });
  }
  return row;
}
