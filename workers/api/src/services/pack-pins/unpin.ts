import { GuardFailed } from '@kaoping/db/batch-errors';
import { packPins } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { pinNotFound } from '../packs/errors.ts';
import { presentPin } from './present.ts';

/**
 * Removes a pin. Cycles already running on the version keep it (they pin its content hash);
 * the pin only governs which versions new cycles and version switches may use. Admins only;
 * audited.
 */
export async function unpinPackVersion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { pinId: string };
}): Promise<void> {
  requireAdmin(ctx.principal);
  const pin = await ctx.tdb.first(packPins, eq(packPins.id, input.pinId));
  if (!pin) throw pinNotFound();
  try {
    await commitWithAudit(
      ctx,
      [
        // Two admins unpinning at once: the second finds it gone, and audits nothing.
        ctx.tdb.guard(ctx.tdb.exists(packPins, eq(packPins.id, pin.id)), 'gone'),
        ctx.tdb.delete(packPins, eq(packPins.id, pin.id)),
      ],
      [
        {
          action: 'pack_pin.delete',
          entityType: 'pack_pin',
          entityId: pin.id,
          before: presentPin(pin),
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'gone') throw pinNotFound();
    throw err;
  }
}
