import { and, gte, lt, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Org units carry a materialised path of ids, "/<root>/<child>/…/<self>/".
 * A subtree is every path that starts with the root's path. LIKE would treat
 * the "_" in ids as a wildcard, so the prefix is written as a range instead:
 * [path, path with its final "/" replaced by "0"), since "0" is the character
 * after "/". The range uses the (tenant_id, path) index.
 */
export function subtreeUpperBound(path: string): string {
  if (!path.startsWith('/') || !path.endsWith('/')) {
    throw new Error(`not an org path: ${path}`);
  }
  return `${path.slice(0, -1)}0`;
}

/** `column` is the path itself or one of its descendants'. */
export function withinSubtree(column: SQLiteColumn, path: string): SQL {
  return and(gte(column, path), lt(column, subtreeUpperBound(path))) as SQL;
}

/** True when `path` is `ancestorPath` or below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}
