import { apiClients } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { notFound } from '../../lib/problem.ts';
import { type ClientJson, presentClient } from './present.ts';

export const clientNotFound = () => notFound({ zh: 'API 客户端', en: 'API client' });

export async function readClient({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { clientId: string };
}): Promise<ClientJson> {
  requireAdmin(ctx.principal);
  const row = await ctx.tdb.first(apiClients, eq(apiClients.id, input.clientId));
  if (!row) throw clientNotFound();
  return presentClient(row, ctx.now);
}
