import { newId } from '@kaoping/db/ids';
import { roleGrants, users } from '@kaoping/db/schema';
import { eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import {
  checkGrantUnits,
  type GrantInput,
  grantsOf,
  grantUnitGuards,
  keepsAnAdmin,
  normaliseGrants,
} from './grants.ts';
import { type PersonJson, presentPerson } from './present.ts';
import { readPerson } from './read.ts';
import { peopleWriteError, userAtVersion, userVersionGuard } from './versioned-write.ts';

/**
 * Replace a person's grants (If-Match on the person). The tenant must keep
 * an active admin afterwards; that is checked in the same batch.
 */
export async function setGrants({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { userId: string; expectedVersion: number; grants: GrantInput[] };
}): Promise<PersonJson> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const user = await userAtVersion(tdb, input.userId, input.expectedVersion);
  if (user.status !== 'active') {
    throw new AppError('conflict', {
      zh: '该人员已被移除，不能再授权；请重新邀请',
      en: 'This person was removed; invite them again instead',
    });
  }
  const grants = normaliseGrants(input.grants);
  const unitIds = await checkGrantUnits(tdb, grants);
  const before = (await grantsOf(tdb, [user.id])).get(user.id) ?? [];
  const at = ctx.now.toISOString();
  try {
    await commitWithAudit(
      ctx,
      [
        userVersionGuard(tdb, user.id, input.expectedVersion),
        ...grantUnitGuards(tdb, unitIds),
        tdb.delete(roleGrants, eq(roleGrants.userId, user.id)),
        ...tdb.insertMany(
          roleGrants,
          grants.map((g) => ({ id: newId('grant'), userId: user.id, createdAt: at, ...g })),
        ),
        tdb.update(
          users,
          { updatedAt: at, rowVersion: sql`${users.rowVersion} + 1` },
          eq(users.id, user.id),
          eq(users.rowVersion, input.expectedVersion),
        ),
        keepsAnAdmin(tdb),
      ],
      [
        {
          action: 'person.set_grants',
          entityType: 'person',
          entityId: user.id,
          before: presentPerson(user, before),
          after: presentPerson({ ...user, updatedAt: at, rowVersion: user.rowVersion + 1 }, grants),
        },
      ],
    );
  } catch (err) {
    throw peopleWriteError(err);
  }
  return readPerson({ ctx, input: { userId: user.id } });
}
