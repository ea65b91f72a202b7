import type { invitations } from '@kaoping/db/schema';

export type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(
  i: InvitationRow,
  now: Date,
): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt <= now.toISOString()) return 'expired';
  return 'pending';
}

/** An invitation as the API shows it: never the token or its hash. */
export function presentInvitation(i: InvitationRow, now: Date) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    org_unit_id: i.orgUnitId,
    stage: i.stage,
    status: invitationStatus(i, now),
    expires_at: i.expiresAt,
    created_by: i.createdBy,
    created_at: i.createdAt,
  };
}

export type InvitationJson = ReturnType<typeof presentInvitation>;
