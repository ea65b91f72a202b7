import { refreshTokens, users } from '@kaoping/db/schema';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { grantsOf, keepsAnAdmin } from './grants.ts';
import { presentPerson } from './present.ts';
import { peopleWriteError, userAtVersion, userVersionGuard } from './versioned-write.ts';

/**
 * Remove a person (If-Match): status "removed" and every refresh token
 * revoked, in one batch. Their access tokens stop working at the next
 * request, since authentication loads the user every time. The row stays
 * (the audit log names it); the last active admin cannot be removed.
 */
export async function removePerson({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { userId: string; expectedVersion: number };
}): Promise<void> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const user = await userAtVersion(tdb, input.userId, input.expectedVersion);
  if (user.status === 'removed') return;
  const grants = (await grantsOf(tdb, [user.id])).get(user.id) ?? [];
  const at = ctx.now.toISOString();
  try {
    await commitWithAudit(
      ctx,
      [
        userVersionGuard(tdb, user.id, input.expectedVersion),
        tdb.update(
          users,
          { status: 'removed', updatedAt: at, rowVersion: sql`${users.rowVersion} + 1` },
          eq(users.id, user.id),
          eq(users.rowVersion, input.expectedVersion),
        ),
        tdb.update(
          refreshTokens,
          { revokedAt: at },
          and(eq(refreshTokens.userId, user.id), isNull(refreshTokens.revokedAt)),
        ),
        keepsAnAdmin(tdb),
      ],
      [
        {
          action: 'person.remove',
          entityType: 'person',
          entityId: user.id,
          before: presentPerson(user, grants),
          after: presentPerson(
            { ...user, status: 'removed', updatedAt: at, rowVersion: user.rowVersion + 1 },
            grants,
          ),
        },
      ],
    );
  } catch (err) {
    throw peopleWriteError(err);
  }
}
