import { withinSubtree } from '@kaoping/db/org-paths';
import { orgUnits, type SubmissionStatus, submissions } from '@kaoping/db/schema';
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import { readableSubtrees } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { findCycle } from '../cycles/versioned-write.ts';
import { presentSubmissionRow } from './present.ts';

/**
 * A cycle's submissions in tree order, filtered by status, stage or unit, limited to what the
 * caller may read: its subtrees for reporters and reviewers, everything for tenant-wide roles
 * and clients with a scope.
 */
export async function listSubmissions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    cycleId: string;
    status?: SubmissionStatus | 'all' | undefined;
    stage?: string | undefined;
    org_unit_id?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  };
}) {
  const cycle = await findCycle(ctx, input.cycleId);
  const { tdb } = ctx;
  const conditions: (SQL | undefined)[] = [
    eq(submissions.tenantId, tdb.tenantId),
    eq(submissions.cycleId, cycle.id),
  ];
  const subtrees = ctx.principal.kind === 'client' ? null : readableSubtrees(ctx.principal);
  if (subtrees !== null) {
    if (subtrees.length === 0) return { items: [], next_cursor: null };
    conditions.push(or(...subtrees.map((p) => withinSubtree(orgUnits.path, p))));
  }
  if (input.status && input.status !== 'all') conditions.push(eq(submissions.status, input.status));
  if (input.stage) conditions.push(eq(submissions.stage, input.stage));
  if (input.org_unit_id) conditions.push(eq(submissions.orgUnitId, input.org_unit_id));
  if (input.cursor !== undefined) {
    const [path] = decodeCursor(input.cursor, 1);
    conditions.push(afterKey([orgUnits.path], [path!], 'asc'));
  }
  const rows = await tdb.db
    .select({ submission: submissions, path: orgUnits.path, name: orgUnits.name })
    .from(submissions)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, submissions.tenantId), eq(orgUnits.id, submissions.orgUnitId)),
    )
    .where(and(...conditions))
    .orderBy(asc(orgUnits.path))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => [r.path]);
  return {
    items: page.items.map((r) => ({ ...presentSubmissionRow(r.submission), unit_name: r.name })),
    next_cursor: page.next_cursor,
  };
}
