import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = DrizzleD1Database<Schema>;

/** The bindings a worker needs to reach tenant data. */
export interface DbEnv {
  DB: D1Database;
}

const cache = new WeakMap<D1Database, Db>();

/** The drizzle handle over one D1 binding, cached per binding for the isolate. */
export function dbFor(binding: D1Database): Db {
  let db = cache.get(binding);
  if (!db) {
    db = drizzle(binding, { schema });
    cache.set(binding, db);
  }
  return db;
}

/**
 * The database a tenant's rows live in. Every tenant is on the `DB` binding
 * today; this is the one place a tenant→shard table will be consulted when
 * shards arrive (docs/scaling.md), so callers never pick a binding themselves.
 */
export function getDb(env: DbEnv, _tenantId?: string): Db {
  return dbFor(env.DB);
}
