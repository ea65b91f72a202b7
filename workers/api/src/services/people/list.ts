import { users } from '@kaoping/db/schema';
import { asc, eq, type SQL } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { grantsOf } from './grants.ts';
import { type PersonJson, presentPerson } from './present.ts';

export async function listPeople({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { status: 'active' | 'removed' | 'all'; cursor?: string | undefined; limit: number };
}): Promise<{ items: PersonJson[]; next_cursor: string | null }> {
  requireAdmin(ctx.principal);
  const conditions: SQL[] = [];
  if (input.status !== 'all') conditions.push(eq(users.status, input.status));
  if (input.cursor !== undefined) {
    conditions.push(afterKey([users.createdAt, users.id], decodeCursor(input.cursor, 2), 'asc'));
  }
  const rows = await ctx.tdb
    .select(users, ...conditions)
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (u) => [u.createdAt, u.id]);
  const grants = await grantsOf(
    ctx.tdb,
    page.items.map((u) => u.id),
  );
  return {
    items: page.items.map((u) => presentPerson(u, grants.get(u.id) ?? [])),
    next_cursor: page.next_cursor,
  };
}
