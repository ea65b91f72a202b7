import { GuardFailed } from '@kaoping/db/batch-errors';
import { invitations } from '@kaoping/db/schema';
import { eq, isNull } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/problem.ts';
import { presentInvitation } from './present.ts';

const alreadyAccepted = () =>
  new AppError('conflict', {
    zh: '该邀请已被接受；如需取消其权限，请移除该人员',
    en: 'The invitation was already accepted; remove the person instead',
  });

/** Revoke an invitation so its token stops working. Revoking twice changes nothing. */
export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { invitationId: string };
}): Promise<void> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const row = await tdb.first(invitations, eq(invitations.id, input.invitationId));
  if (!row) throw notFound({ zh: '邀请', en: 'Invitation' });
  if (row.acceptedAt) throw alreadyAccepted();
  if (row.revokedAt) return;
  const at = ctx.now.toISOString();
  try {
    await commitWithAudit(
      ctx,
      [
        tdb.guard(
          tdb.exists(invitations, eq(invitations.id, row.id), isNull(invitations.acceptedAt)),
          'accepted',
        ),
        tdb.update(
          invitations,
          { revokedAt: at },
          eq(invitations.id, row.id),
          isNull(invitations.revokedAt),
        ),
      ],
      [
        {
          action: 'invitation.revoke',
          entityType: 'invitation',
          entityId: row.id,
          before: presentInvitation(row, ctx.now),
          after: presentInvitation({ ...row, revokedAt: at }, ctx.now),
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'accepted') throw alreadyAccepted();
    throw err;
  }
}
