import { GuardFailed, uniqueViolation } from '@kaoping/db/batch-errors';
import { findInvitationByTokenHash, findTenantById } from '@kaoping/db/bootstrap';
import { newId } from '@kaoping/db/ids';
import { invitations, roleGrants, users } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashPassword } from '../../auth/password.ts';
import type { PublicContext, ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/problem.ts';
import { grantUnitGuards } from '../people/grants.ts';
import { presentPerson, type UserRow } from '../people/present.ts';
import { INVITATION_TOKEN_PREFIX } from './create.ts';
import { invitationStatus, presentInvitation } from './present.ts';

/** One answer for every unusable token: unknown, expired, revoked or used. */
const invalidInvitation = () =>
  new AppError('not_found', {
    zh: '邀请无效、已过期或已被使用',
    en: 'The invitation is invalid, expired or already used',
  });

export interface AcceptInvitationInput {
  token: string;
  display_name: string;
  password: string;
}

/**
 * Accept an invitation: the holder of the token becomes a person of the
 * inviting tenant with the invited grant and the password they choose (a
 * previously removed person with the same email comes back). The
 * invitation is marked accepted in the same batch, guarded so a token works once.
 */
export async function acceptInvitation({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: AcceptInvitationInput;
}) {
  if (!input.token.startsWith(INVITATION_TOKEN_PREFIX) || input.token.length > 128) {
    throw invalidInvitation();
  }
  const invitation = await findInvitationByTokenHash(ctx.db, await sha256Hex(input.token));
  if (!invitation || invitationStatus(invitation, ctx.now) !== 'pending') throw invalidInvitation();
  const tenant = await findTenantById(ctx.db, invitation.tenantId);
  if (tenant?.status !== 'active') throw invalidInvitation();

  const tdb = new TenantDb(ctx.db, tenant.id);
  const existing = await tdb.first(users, eq(users.email, invitation.email));
  if (existing?.status === 'active') {
    throw new AppError('conflict', {
      zh: '该邮箱已是本租户的在职人员，请直接登录',
      en: 'This email already belongs to an active person of the tenant: sign in instead',
    });
  }
  const pw = await hashPassword(input.password);
  const at = ctx.now.toISOString();
  const userId = existing?.id ?? newId('user');
  const grant = { role: invitation.role, orgUnitId: invitation.orgUnitId, stage: invitation.stage };
  const user: UserRow = {
    id: userId,
    tenantId: tenant.id,
    email: invitation.email,
    displayName: input.display_name,
    passwordHash: pw.hash,
    passwordSalt: pw.salt,
    passwordIterations: pw.iterations,
    status: 'active',
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    rowVersion: existing ? existing.rowVersion + 1 : 1,
  };
  const { tenantId: _t, ...userInsert } = user;
  const sctx: ServiceContext = {
    principal: { kind: 'user', tenantId: tenant.id, userId, email: user.email, grants: [] },
    tdb,
    requestId: ctx.requestId,
    now: ctx.now,
  };
  const joinStatements = existing
    ? [
        tdb.update(
          users,
          {
            displayName: user.displayName,
            passwordHash: pw.hash,
            passwordSalt: pw.salt,
            passwordIterations: pw.iterations,
            status: 'active',
            updatedAt: at,
            rowVersion: sql`${users.rowVersion} + 1`,
          },
          eq(users.id, userId),
          eq(users.rowVersion, existing.rowVersion),
          eq(users.status, 'removed'),
        ),
        tdb.guard(
          tdb.exists(users, eq(users.id, userId), eq(users.rowVersion, existing.rowVersion + 1)),
          'person_changed',
        ),
        tdb.delete(roleGrants, eq(roleGrants.userId, userId)),
      ]
    : [tdb.insert(users, userInsert)];
  try {
    await commitWithAudit(
      sctx,
      [
        tdb.guard(
          tdb.exists(
            invitations,
            eq(invitations.id, invitation.id),
            and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
            gt(invitations.expiresAt, at),
          ),
          'invitation_used',
        ),
        ...grantUnitGuards(tdb, grant.orgUnitId ? [grant.orgUnitId] : []),
        ...joinStatements,
        tdb.insert(roleGrants, { id: newId('grant'), userId, createdAt: at, ...grant }),
        tdb.update(invitations, { acceptedAt: at }, eq(invitations.id, invitation.id)),
      ],
      [
        {
          action: 'invitation.accept',
          entityType: 'invitation',
          entityId: invitation.id,
          before: presentInvitation(invitation, ctx.now),
          after: presentInvitation({ ...invitation, acceptedAt: at }, ctx.now),
        },
        {
          action: existing ? 'person.rejoin' : 'person.join',
          entityType: 'person',
          entityId: userId,
          before: existing ? presentPerson(existing, []) : undefined,
          after: presentPerson(user, [grant]),
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed) {
      if (err.reason === 'invitation_used') throw invalidInvitation();
      throw new AppError('conflict', {
        zh: '数据刚被修改，请重试',
        en: 'Something changed meanwhile; retry',
      });
    }
    if (uniqueViolation(err)) {
      throw new AppError('conflict', {
        zh: '该邮箱已是本租户的在职人员，请直接登录',
        en: 'This email already belongs to an active person of the tenant: sign in instead',
      });
    }
    throw err;
  }
  return {
    user: { id: userId, email: user.email, display_name: user.displayName },
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
  };
}
