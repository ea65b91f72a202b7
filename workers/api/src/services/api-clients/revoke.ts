import { apiClients } from '@kaoping/db/schema';
import { eq, isNull } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { presentClient } from './present.ts';
import { clientNotFound } from './read.ts';

/**
 * Revoke a client: its secret stops working and so do the tokens it holds
 * (authentication loads the client on every request). Revoking twice
 * changes nothing.
 */
export async function revokeClient({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { clientId: string };
}): Promise<void> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const row = await tdb.first(apiClients, eq(apiClients.id, input.clientId));
  if (!row) throw clientNotFound();
  if (row.revokedAt) return;
  const at = ctx.now.toISOString();
  await commitWithAudit(
    ctx,
    [
      tdb.update(
        apiClients,
        { revokedAt: at },
        eq(apiClients.id, row.id),
        isNull(apiClients.revokedAt),
      ),
    ],
    [
      {
        action: 'api_client.revoke',
        entityType: 'api_client',
        entityId: row.id,
        before: presentClient(row, ctx.now),
        after: presentClient({ ...row, revokedAt: at }, ctx.now),
      },
    ],
  );
}
