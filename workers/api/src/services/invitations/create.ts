import { newId } from '@kaoping/db/ids';
import { invitations, users } from '@kaoping/db/schema';
import { and, eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { randomSecret, sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/problem.ts';
import {
  checkGrantUnits,
  type GrantInput,
  grantUnitGuards,
  normaliseGrants,
} from '../people/grants.ts';
import { peopleWriteError } from '../people/versioned-write.ts';
import { type InvitationJson, type InvitationRow, presentInvitation } from './present.ts';

export const INVITATION_TOKEN_PREFIX = 'kpi_';
export const DEFAULT_INVITATION_DAYS = 7;

export interface CreateInvitationInput extends GrantInput {
  email: string;
  expires_in_days?: number | undefined;
}

/**
 * Invite someone by email with one grant. No mail is sent: the answer holds
 * the invitation token, once, for the admin to hand over; only its SHA-256
 * is stored. The token works until it is accepted, revoked or expires.
 */
export async function createInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateInvitationInput;
}): Promise<InvitationJson & { token: string }> {
  requireAdmin(ctx.principal);
  const { tdb, principal } = ctx;
  const active = await tdb.first(
    users,
    and(eq(users.email, input.email), eq(users.status, 'active')),
  );
  if (active) {
    throw new AppError('conflict', {
      zh: '该邮箱已是本租户的在职人员',
      en: 'This email already belongs to an active person of the tenant',
    });
  }
  const [grant] = normaliseGrants([input]);
  const unitIds = await checkGrantUnits(tdb, [grant!]);
  const token = randomSecret(INVITATION_TOKEN_PREFIX);
  const at = ctx.now;
  const days = input.expires_in_days ?? DEFAULT_INVITATION_DAYS;
  const row: InvitationRow = {
    id: newId('invitation'),
    tenantId: tdb.tenantId,
    email: input.email,
    role: grant!.role,
    orgUnitId: grant!.orgUnitId,
    stage: grant!.stage,
    tokenHash: await sha256Hex(token),
    expiresAt: new Date(at.getTime() + days * 86_400_000).toISOString(),
    acceptedAt: null,
    revokedAt: null,
    createdBy: principal.kind === 'user' ? principal.userId : principal.clientId,
    createdAt: at.toISOString(),
  };
  const { tenantId: _t, ...insert } = row;
  const shown = presentInvitation(row, at);
  try {
    await commitWithAudit(
      ctx,
      [...grantUnitGuards(tdb, unitIds), tdb.insert(invitations, insert)],
      [{ action: 'invitation.create', entityType: 'invitation', entityId: row.id, after: shown }],
    );
  } catch (err) {
    throw peopleWriteError(err);
  }
  return { ...shown, token };
}
