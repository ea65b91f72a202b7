import { GuardFailed } from '@kaoping/db/batch-errors';
import { findRefreshTokenByHash } from '@kaoping/db/bootstrap';
import { refreshTokens } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { and, eq, isNull } from 'drizzle-orm';
import { loadUserPrincipal } from '../../auth/authenticate.ts';
import type { Principal, PublicContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/problem.ts';
import { newSession, REFRESH_TOKEN_PREFIX, type SessionTokens } from './session.ts';

export const invalidRefreshToken = () =>
  new AppError('unauthorized', {
    zh: '刷新令牌无效、已过期或已被撤销，请重新登录',
    en: 'The refresh token is invalid, expired or revoked: sign in again',
  });

type RefreshRow = NonNullable<Awaited<ReturnType<typeof findRefreshTokenByHash>>>;

/**
 * A refresh token that was already used (or revoked) is presented again:
 * someone holds a copy. Revoke its whole family, so the thief's and the
 * owner's sessions both end and the owner signs in again.
 */
async function revokeFamily(
  ctx: PublicContext,
  tdb: TenantDb,
  row: RefreshRow,
  action: string,
  principal: Principal,
) {
  const at = ctx.now.toISOString();
  await commitWithAudit(
    { principal, tdb, requestId: ctx.requestId, now: ctx.now },
    [
      tdb.update(
        refreshTokens,
        { revokedAt: at },
        and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)),
      ),
    ],
    [{ action, entityType: 'session', entityId: row.familyId, after: { user_id: row.userId } }],
  );
}

/** The token's row, if the string is shaped like one of ours and is known. */
export async function findRefreshToken(ctx: PublicContext, token: string) {
  if (!token.startsWith(REFRESH_TOKEN_PREFIX) || token.length > 128) return undefined;
  return findRefreshTokenByHash(ctx.db, await sha256Hex(token));
}

/**
 * Rotate: the presented refresh token is replaced by a new one of the same
 * family and a new access token is issued. A replaced or revoked token
 * presented again revokes the family (reuse detection).
 */
export async function refreshSession({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: { refresh_token: string };
}): Promise<SessionTokens> {
  const row = await findRefreshToken(ctx, input.refresh_token);
  if (!row) throw invalidRefreshToken();
  const tdb = new TenantDb(ctx.db, row.tenantId);
  const systemActor: Principal = {
    kind: 'user',
    tenantId: row.tenantId,
    userId: row.userId,
    email: '',
    grants: [],
  };
  if (row.replacedBy || row.revokedAt) {
    if (row.replacedBy) await revokeFamily(ctx, tdb, row, 'auth.refresh_reuse', systemActor);
    throw invalidRefreshToken();
  }
  if (row.expiresAt <= ctx.now.toISOString()) throw invalidRefreshToken();
  const principal = await loadUserPrincipal(tdb, row.userId);
  if (!principal) throw invalidRefreshToken();

  const session = await newSession(ctx.env, tdb, row.userId, row.familyId, ctx.now);
  try {
    await commitWithAudit(
      { principal, tdb, requestId: ctx.requestId, now: ctx.now },
      [
        tdb.guard(
          tdb.exists(
            refreshTokens,
            eq(refreshTokens.id, row.id),
            isNull(refreshTokens.replacedBy),
            isNull(refreshTokens.revokedAt),
          ),
          'refresh_used',
        ),
        tdb.update(refreshTokens, { replacedBy: session.id }, eq(refreshTokens.id, row.id)),
        session.insert,
      ],
      [
        {
          action: 'auth.refresh',
          entityType: 'session',
          entityId: row.familyId,
          after: { user_id: row.userId },
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'refresh_used') {
      // Two uses of one token racing: the loser is a reuse.
      await revokeFamily(ctx, tdb, row, 'auth.refresh_reuse', principal);
      throw invalidRefreshToken();
    }
    throw err;
  }
  return session.tokens;
}
