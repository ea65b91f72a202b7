import { withinSubtree } from '@kaoping/db/org-paths';
import { type OrgUnitKind, orgUnits } from '@kaoping/db/schema';
import { asc, eq, or, type SQL } from 'drizzle-orm';
import { canReadUnit, readableSubtrees, requireScope } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import { unitNotFound } from './errors.ts';
import type { OrgUnitRow } from './present.ts';

export interface ListOrgUnitsInput {
  /** Only this unit and its descendants. */
  root?: string | undefined;
  kind?: OrgUnitKind | undefined;
  status: 'active' | 'archived' | 'all';
  cursor?: string | undefined;
  limit: number;
}

/**
 * Units in tree order (by materialised path: a parent comes before its
 * children), limited to what the caller may read: the whole tenant for
 * admins, viewers and clients with scores:read; the granted subtrees for
 * reporters and reviewers.
 */
export async function listOrgUnits({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListOrgUnitsInput;
}): Promise<{ items: OrgUnitRow[]; next_cursor: string | null }> {
  requireScope(ctx.principal, 'scores:read');
  const conditions: (SQL | undefined)[] = [];
  if (input.root !== undefined) {
    const root = await ctx.tdb.first(orgUnits, eq(orgUnits.id, input.root));
    if (!root || !canReadUnit(ctx.principal, root.path)) throw unitNotFound();
    conditions.push(withinSubtree(orgUnits.path, root.path));
  } else {
    const subtrees = readableSubtrees(ctx.principal);
    if (subtrees !== null) {
      if (subtrees.length === 0) return { items: [], next_cursor: null };
      conditions.push(or(...subtrees.map((p) => withinSubtree(orgUnits.path, p))));
    }
  }
  if (input.kind) conditions.push(eq(orgUnits.kind, input.kind));
  if (input.status !== 'all') conditions.push(eq(orgUnits.status, input.status));
  if (input.cursor !== undefined) {
    const [path] = decodeCursor(input.cursor, 1);
    conditions.push(afterKey([orgUnits.path], [path!], 'asc'));
  }
  const rows = await ctx.tdb
    .select(orgUnits, ...conditions)
    .orderBy(asc(orgUnits.path))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (u) => [u.path]);
}
