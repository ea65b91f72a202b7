import { type SQL, sql } from 'drizzle-orm';
import { canReadUnit, requireScope } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { readETag } from '../../lib/conditional.ts';
import { notFound } from '../../lib/problem.ts';
import { SCORE_COLUMNS, type ScoreRow, type ScoreView, scoreItems } from './score-rows.ts';
import { withheldFor } from './scorecards.ts';

export const snapshotNotFound = () => notFound({ zh: '评分快照', en: 'Score snapshot' });

type SnapshotRow = ScoreRow & { unit_path: string; is_current: number | null };

/** One snapshot by id (score_snapshots_id_uq), its unit, and whether it is the current one. */
export function snapshotSql(tenantId: string, snapshotId: string): SQL {
  return sql`SELECT ${SCORE_COLUMNS}, o.path AS unit_path, c.snapshot_seq = ss.seq AS is_current
    FROM score_snapshots ss
    CROSS JOIN org_units o
    LEFT JOIN current_scores c ON c.tenant_id = ss.tenant_id
      AND c.submission_id = ss.submission_id AND c.stage = ss.stage
    WHERE ss.id = ${snapshotId} AND ss.tenant_id = ${tenantId}
      AND o.tenant_id = ${tenantId} AND o.id = ss.org_unit_id`;
}

/**
 * GET /v1/scores/{snapshotId}: any snapshot, current or not — snapshots are immutable and
 * every one stays readable. 404 when missing, another tenant's, or outside the caller's subtrees.
 */
export async function readSnapshot({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { snapshotId: string; view: ScoreView };
}) {
  requireScope(ctx.principal, 'scores:read');
  const [row] = (await ctx.tdb.db.all(snapshotSql(ctx.tdb.tenantId, input.snapshotId))) as
    | SnapshotRow[]
    | [];
  if (!row || !canReadUnit(ctx.principal, row.unit_path)) throw snapshotNotFound();
  const current = row.is_current === 1;
  const etag = await readETag('snapshot', input.view, withheldFor(ctx.principal), row, current);
  return {
    etag,
    render: async () => {
      const [item] = await scoreItems(ctx.tdb, ctx.principal, [row], input.view, () => ({
        current,
      }));
      return item as string;
    },
  };
}
