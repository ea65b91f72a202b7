import { withinSubtree } from '@kaoping/db/org-paths';
import { orgUnits, progressReports } from '@kaoping/db/schema';
import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import { readableSubtrees } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { findCycle } from '../cycles/versioned-write.ts';
import { presentReport } from './present.ts';

/** A cycle's progress reports, newest week first, for the units the caller may read. */
export async function listProgressReports({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    cycleId: string;
    org_unit_id?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  };
}) {
  const cycle = await findCycle(ctx, input.cycleId);
  const { tdb } = ctx;
  const conditions: (SQL | undefined)[] = [
    eq(progressReports.tenantId, tdb.tenantId),
    eq(progressReports.cycleId, cycle.id),
  ];
  const subtrees = ctx.principal.kind === 'client' ? null : readableSubtrees(ctx.principal);
  if (subtrees !== null) {
    if (subtrees.length === 0) return { items: [], next_cursor: null };
    conditions.push(or(...subtrees.map((p) => withinSubtree(orgUnits.path, p))));
  }
  if (input.org_unit_id) conditions.push(eq(progressReports.orgUnitId, input.org_unit_id));
  if (input.cursor !== undefined) {
    const [dueAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(afterKey([progressReports.dueAt, progressReports.id], [dueAt!, id!], 'desc'));
  }
  const rows = await tdb.db
    .select({ report: progressReports, name: orgUnits.name })
    .from(progressReports)
    .innerJoin(
      orgUnits,
      and(
        eq(orgUnits.tenantId, progressReports.tenantId),
        eq(orgUnits.id, progressReports.orgUnitId),
      ),
    )
    .where(and(...conditions))
    .orderBy(desc(progressReports.dueAt), desc(progressReports.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => [r.report.dueAt, r.report.id]);
  return {
    items: page.items.map((r) => ({ ...presentReport(r.report), unit_name: r.name })),
    next_cursor: page.next_cursor,
  };
}
