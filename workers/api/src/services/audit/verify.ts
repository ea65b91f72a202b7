import { sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { auditHash, GENESIS_HASH } from '../../lib/audit.ts';

const PAGE = 500;

interface RawRow {
  seq: number;
  tenant_id: string;
  actor_type: string;
  actor_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  request_id: string | null;
  at: string;
  prev_hash: string;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  head: string;
  /** The first row that does not verify, and why. */
  broken_at: { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' } | null;
}

/**
 * Walk the tenant's audit chain in order and recompute every hash from the
 * stored text. A row edited by hand fails its own hash; a row deleted or
 * inserted by hand breaks the next row's link to its predecessor.
 */
export async function verifyAuditChain({ ctx }: { ctx: ServiceContext }): Promise<ChainReport> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = -1;
  for (;;) {
    // Raw rows: before/after exactly as stored, not re-serialised.
    const rows = (await tdb.db.all(
      sql`SELECT seq, tenant_id, actor_type, actor_id, action, entity_type, entity_id, before, after,
                 request_id, at, prev_hash, hash
          FROM audit_log WHERE tenant_id = ${tdb.tenantId} AND seq > ${after}
          ORDER BY seq LIMIT ${PAGE}`,
    )) as RawRow[];
    for (const r of rows) {
      if (r.prev_hash !== prev) {
        return {
          ok: false,
          checked,
          head: prev,
          broken_at: { seq: r.seq, reason: 'prev_hash_mismatch' },
        };
      }
      const expected = await auditHash({
        prevHash: r.prev_hash,
        tenantId: r.tenant_id,
        actorType: r.actor_type,
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
        at: r.at,
      });
      if (expected !== r.hash) {
        return {
          ok: false,
          checked,
          head: prev,
          broken_at: { seq: r.seq, reason: 'hash_mismatch' },
        };
      }
      prev = r.hash;
      checked++;
      after = r.seq;
    }
    if (rows.length < PAGE) break;
  }
  return { ok: true, checked, head: prev, broken_at: null };
}
