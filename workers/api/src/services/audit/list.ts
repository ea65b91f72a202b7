import { auditLog } from '@kaoping/db/schema';
import { desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, badCursor, decodeCursor, toPage } from '../../lib/pagination.ts';

export interface ListAuditInput {
  entity_type?: string | undefined;
  entity_id?: string | undefined;
  actor_id?: string | undefined;
  action?: string | undefined;
  /** Inclusive lower and exclusive upper bound on `at`. */
  since?: string | undefined;
  until?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export function presentAuditRow(r: typeof auditLog.$inferSelect) {
  return {
    seq: r.seq,
    at: r.at,
    actor_type: r.actorType,
    actor_id: r.actorId,
    action: r.action,
    entity_type: r.entityType,
    entity_id: r.entityId,
    before: r.before ?? null,
    after: r.after ?? null,
    request_id: r.requestId,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/** The tenant's audit log, newest first, with filters; admins only. */
export async function listAudit({ ctx, input }: { ctx: ServiceContext; input: ListAuditInput }) {
  requireAdmin(ctx.principal);
  const c: (SQL | undefined)[] = [];
  if (input.entity_type) c.push(eq(auditLog.entityType, input.entity_type));
  if (input.entity_id) c.push(eq(auditLog.entityId, input.entity_id));
  if (input.actor_id) c.push(eq(auditLog.actorId, input.actor_id));
  if (input.action) c.push(eq(auditLog.action, input.action));
  if (input.since) c.push(gte(auditLog.at, new Date(input.since).toISOString()));
  if (input.until) c.push(lt(auditLog.at, new Date(input.until).toISOString()));
  if (input.cursor !== undefined) {
    const [seq] = decodeCursor(input.cursor, 1);
    if (typeof seq !== 'number') throw badCursor();
    c.push(afterKey([auditLog.seq], [seq], 'desc'));
  }
  const rows = await ctx.tdb
    .select(auditLog, ...c)
    .orderBy(desc(auditLog.seq))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => [r.seq]);
  return { items: page.items.map(presentAuditRow), next_cursor: page.next_cursor };
}
