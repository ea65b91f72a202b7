import { refreshTokens } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { and, eq, isNull } from 'drizzle-orm';
import type { PublicContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { findRefreshToken } from './refresh.ts';

/**
 * Sign out: revoke the refresh token's whole family (this session on every
 * device it was rotated to). Answers the same whether or not the token was
 * known (RFC 7009 §2.2). Access tokens already issued expire within 15 minutes.
 */
export async function signOut({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: { refresh_token: string };
}): Promise<void> {
  const row = await findRefreshToken(ctx, input.refresh_token);
  if (!row || row.revokedAt) return;
  const tdb = new TenantDb(ctx.db, row.tenantId);
  await commitWithAudit(
    {
      principal: {
        kind: 'user',
        tenantId: row.tenantId,
        userId: row.userId,
        email: '',
        grants: [],
      },
      tdb,
      requestId: ctx.requestId,
      now: ctx.now,
    },
    [
      tdb.update(
        refreshTokens,
        { revokedAt: ctx.now.toISOString() },
        and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)),
      ),
    ],
    [
      {
        action: 'auth.sign_out',
        entityType: 'session',
        entityId: row.familyId,
        after: { user_id: row.userId },
      },
    ],
  );
}
