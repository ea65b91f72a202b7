import { apiClients } from '@kaoping/db/schema';
import { and, desc, gt, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { type ClientJson, presentClient } from './present.ts';

export async function listClients({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    status: 'active' | 'revoked' | 'expired' | 'all';
    cursor?: string | undefined;
    limit: number;
  };
}): Promise<{ items: ClientJson[]; next_cursor: string | null }> {
  requireAdmin(ctx.principal);
  const now = ctx.now.toISOString();
  const conditions: (SQL | undefined)[] = [
    {
      active: and(
        isNull(apiClients.revokedAt),
        or(isNull(apiClients.expiresAt), gt(apiClients.expiresAt, now)),
      ),
      revoked: isNotNull(apiClients.revokedAt),
      expired: and(isNull(apiClients.revokedAt), lte(apiClients.expiresAt, now)),
      all: undefined,
    }[input.status],
  ];
  if (input.cursor !== undefined) {
    conditions.push(
      afterKey([apiClients.createdAt, apiClients.id], decodeCursor(input.cursor, 2), 'desc'),
    );
  }
  const rows = await ctx.tdb
    .select(apiClients, ...conditions)
    .orderBy(desc(apiClients.createdAt), desc(apiClients.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (c) => [c.createdAt, c.id]);
  return { items: page.items.map((c) => presentClient(c, ctx.now)), next_cursor: page.next_cursor };
}
