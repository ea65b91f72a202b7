import { withinSubtree } from '@kaoping/db/org-paths';
import { cycleUnits, orgUnits, submissions } from '@kaoping/db/schema';
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import { readableSubtrees } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { findCycle } from './versioned-write.ts';

/**
 * The units in a cycle's scope, in tree order, with their submission's status and stage —
 * as many as the caller may read (a reporter sees its own units, a town reviewer its town).
 */
export async function listCycleUnits({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cycleId: string; cursor?: string | undefined; limit: number };
}) {
  const cycle = await findCycle(ctx, input.cycleId);
  const { tdb } = ctx;
  const conditions: (SQL | undefined)[] = [
    eq(cycleUnits.tenantId, tdb.tenantId),
    eq(cycleUnits.cycleId, cycle.id),
  ];
  const subtrees = ctx.principal.kind === 'client' ? null : readableSubtrees(ctx.principal);
  if (subtrees !== null) {
    if (subtrees.length === 0) return { items: [], next_cursor: null };
    conditions.push(or(...subtrees.map((p) => withinSubtree(orgUnits.path, p))));
  }
  if (input.cursor !== undefined) {
    const [path] = decodeCursor(input.cursor, 1);
    conditions.push(afterKey([orgUnits.path], [path!], 'asc'));
  }
  const rows = await tdb.db
    .select({
      orgUnitId: cycleUnits.orgUnitId,
      unitKind: cycleUnits.unitKind,
      name: orgUnits.name,
      kind: orgUnits.kind,
      code: orgUnits.code,
      path: orgUnits.path,
      submissionId: submissions.id,
      status: submissions.status,
      stage: submissions.stage,
    })
    .from(cycleUnits)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, cycleUnits.tenantId), eq(orgUnits.id, cycleUnits.orgUnitId)),
    )
    .leftJoin(
      submissions,
      and(
        eq(submissions.tenantId, cycleUnits.tenantId),
        eq(submissions.cycleId, cycleUnits.cycleId),
        eq(submissions.orgUnitId, cycleUnits.orgUnitId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(orgUnits.path))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => [r.path]);
  return {
    items: page.items.map((r) => ({
      org_unit_id: r.orgUnitId,
      name: r.name,
      kind: r.kind,
      unit_kind: r.unitKind,
      code: r.code,
      path: r.path,
      submission: r.submissionId
        ? { id: r.submissionId, status: r.status!, stage: r.stage! }
        : null,
    })),
    next_cursor: page.next_cursor,
  };
}
