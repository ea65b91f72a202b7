import { withinSubtree } from '@kaoping/db/org-paths';
import { objections, orgUnits, submissions } from '@kaoping/db/schema';
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import { readableSubtrees, requireUser } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { findCycle } from '../cycles/versioned-write.ts';

export type ObjectionRow = typeof objections.$inferSelect;

export function presentObjection(o: ObjectionRow, unitName?: string) {
  return {
    id: o.id,
    cycle_id: o.cycleId,
    submission_id: o.submissionId,
    ...(unitName !== undefined ? { unit_name: unitName } : {}),
    text: o.body,
    status: o.status,
    resolution: o.resolution,
    resolved_by: o.resolvedBy,
    resolved_at: o.resolvedAt,
    created_at: o.createdAt,
  };
}

/** Objections raised in a cycle, oldest first, for the people who read the units concerned. */
export async function listObjections({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    cycleId: string;
    status?: 'open' | 'upheld' | 'dismissed' | 'all' | undefined;
    cursor?: string | undefined;
    limit: number;
  };
}) {
  requireUser(ctx.principal);
  const cycle = await findCycle(ctx, input.cycleId);
  const { tdb } = ctx;
  const conditions: (SQL | undefined)[] = [
    eq(objections.tenantId, tdb.tenantId),
    eq(objections.cycleId, cycle.id),
  ];
  const subtrees = readableSubtrees(ctx.principal);
  if (subtrees !== null) {
    if (subtrees.length === 0) return { items: [], next_cursor: null };
    conditions.push(or(...subtrees.map((p) => withinSubtree(orgUnits.path, p))));
  }
  if (input.status && input.status !== 'all') conditions.push(eq(objections.status, input.status));
  if (input.cursor !== undefined) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(afterKey([objections.createdAt, objections.id], [createdAt!, id!], 'asc'));
  }
  const rows = await tdb.db
    .select({ objection: objections, name: orgUnits.name })
    .from(objections)
    .innerJoin(
      submissions,
      and(
        eq(submissions.tenantId, objections.tenantId),
        eq(submissions.id, objections.submissionId),
      ),
    )
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, submissions.tenantId), eq(orgUnits.id, submissions.orgUnitId)),
    )
    .where(and(...conditions))
    .orderBy(asc(objections.createdAt), asc(objections.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => [r.objection.createdAt, r.objection.id]);
  return {
    items: page.items.map((r) => presentObjection(r.objection, r.name)),
    next_cursor: page.next_cursor,
  };
}
