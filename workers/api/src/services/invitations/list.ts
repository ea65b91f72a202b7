import { invitations } from '@kaoping/db/schema';
import { and, desc, gt, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { type InvitationJson, presentInvitation } from './present.ts';

export type InvitationFilter = 'pending' | 'accepted' | 'revoked' | 'expired' | 'all';

/** Invitations, newest first. */
export async function listInvitations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { status: InvitationFilter; cursor?: string | undefined; limit: number };
}): Promise<{ items: InvitationJson[]; next_cursor: string | null }> {
  requireAdmin(ctx.principal);
  const now = ctx.now.toISOString();
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  const conditions: (SQL | undefined)[] = [
    {
      pending: and(open, gt(invitations.expiresAt, now)),
      accepted: isNotNull(invitations.acceptedAt),
      revoked: and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt)),
      expired: and(open, lte(invitations.expiresAt, now)),
      all: undefined,
    }[input.status],
  ];
  if (input.cursor !== undefined) {
    conditions.push(
      afterKey([invitations.createdAt, invitations.id], decodeCursor(input.cursor, 2), 'desc'),
    );
  }
  const rows = await ctx.tdb
    .select(invitations, ...conditions)
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (i) => [i.createdAt, i.id]);
  return {
    items: page.items.map((i) => presentInvitation(i, ctx.now)),
    next_cursor: page.next_cursor,
  };
}
