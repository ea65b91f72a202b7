import { subtreeUpperBound } from '@kaoping/db/org-paths';
import { orgUnits } from '@kaoping/db/schema';
import { eq, type SQL, sql } from 'drizzle-orm';
import { canReadUnit, readableSubtrees, requireScope } from '../../auth/permissions.ts';
import type { Principal, ServiceContext } from '../../auth/principal.ts';
import { unitNotFound } from '../org-units/errors.ts';

/**
 * What part of the org tree a score read covers: the whole tenant, or a list of subtrees
 * (materialised paths). It is the caller's readable subtrees (admins, tenant-wide roles and
 * `scores:read` clients: all; reviewers, reporters and viewers granted a subtree: theirs)
 * narrowed by the `org_unit_id` the request names. Queries use it two ways: the whole tenant
 * walks a cycle's index in key order; subtrees walk `org_units_path_idx` by path range.
 */
export type ReadScope =
  | { readonly all: true }
  | { readonly all: false; readonly paths: readonly string[] };

/** A root path has one segment ("/org_…/"): its subtree is the whole tenant. */
const isRootPath = (path: string) => path.indexOf('/', 1) === path.length - 1;

/** Subtree roots without any that lies inside another (so no row is listed twice). */
function outermost(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
}

/**
 * The scope of a score read. Clients need `scores:read` (403 otherwise); a named unit the
 * caller may not read answers 404, exactly like a missing one.
 */
export async function readScope(
  ctx: ServiceContext,
  orgUnitId: string | undefined,
): Promise<ReadScope & { root: { id: string; path: string } | null }> {
  const { principal, tdb } = ctx;
  requireScope(principal, 'scores:read');
  const subtrees = readableSubtrees(principal);
  const mine: ReadScope =
    subtrees === null || subtrees.some(isRootPath)
      ? { all: true }
      : { all: false, paths: outermost(subtrees) };
  if (orgUnitId === undefined) return { ...mine, root: null };
  const unit = await tdb.first(orgUnits, eq(orgUnits.id, orgUnitId));
  if (!unit || !canReadUnit(principal, unit.path)) throw unitNotFound();
  const root = { id: unit.id, path: unit.path };
  if (isRootPath(unit.path)) return { ...mine, root };
  if (mine.all) return { all: false, paths: [unit.path], root };
  // The named subtree, or the caller's subtrees inside it.
  const inside = mine.paths.filter((p) => p.startsWith(unit.path));
  const around = mine.paths.some((p) => unit.path.startsWith(p));
  return { all: false, paths: around ? [unit.path] : outermost(inside), root };
}

/** `alias.path` within one of the scope's subtrees (each a range on org_units_path_idx). */
export function pathWithin(alias: string, paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`0`;
  const column = sql.raw(`${alias}.path`);
  return sql`(${sql.join(
    paths.map((p) => sql`(${column} >= ${p} AND ${column} < ${subtreeUpperBound(p)})`),
    sql` OR `,
  )})`;
}

/** True when the principal reads whole-tenant figures (the cycle's own deadline flag, say). */
export function readsWholeTenant(p: Principal): boolean {
  const subtrees = readableSubtrees(p);
  return subtrees === null || subtrees.some(isRootPath);
}
