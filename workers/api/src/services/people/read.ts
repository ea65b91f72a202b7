import { users } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { personNotFound } from './errors.ts';
import { grantsOf } from './grants.ts';
import { type PersonJson, presentPerson } from './present.ts';

export async function readPerson({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { userId: string };
}): Promise<PersonJson> {
  requireAdmin(ctx.principal);
  const user = await ctx.tdb.first(users, eq(users.id, input.userId));
  if (!user) throw personNotFound();
  const grants = await grantsOf(ctx.tdb, [user.id]);
  return presentPerson(user, grants.get(user.id) ?? []);
}
