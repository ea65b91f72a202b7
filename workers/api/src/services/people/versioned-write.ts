import { GuardFailed } from '@kaoping/db/batch-errors';
import { users } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { eq } from 'drizzle-orm';
import { preconditionFailed } from '../../lib/etag.ts';
import { AppError } from '../../lib/problem.ts';
import { personNotFound } from './errors.ts';
import { lastAdmin } from './grants.ts';
import type { UserRow } from './present.ts';

export async function userAtVersion(
  tdb: TenantDb,
  userId: string,
  expected: number,
): Promise<UserRow> {
  const user = await tdb.first(users, eq(users.id, userId));
  if (!user) throw personNotFound();
  if (user.rowVersion !== expected) throw preconditionFailed();
  return user;
}

export function userVersionGuard(tdb: TenantDb, userId: string, expected: number) {
  return tdb.guard(
    tdb.exists(users, eq(users.id, userId), eq(users.rowVersion, expected)),
    'stale',
  );
}

/** Guard failures of a people write, as the answers they stand for. */
export function peopleWriteError(err: unknown): unknown {
  if (!(err instanceof GuardFailed)) return err;
  switch (err.reason) {
    case 'stale':
      return preconditionFailed();
    case 'last_admin':
      return lastAdmin();
    case 'grant_unit_gone':
      return new AppError('conflict', {
        zh: '授权所指的组织单元刚被归档，请重试',
        en: 'An org unit of the grants was archived meanwhile; retry',
      });
    default:
      return err;
  }
}
