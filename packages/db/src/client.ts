import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = DrizzleD1Database<Schema>;

/**
 * The bindings a worker needs to reach tenant data. `TENANT_SHARDS` (a var) is the
 * tenant→shard table: JSON `{ "<tenant id>": "<D1 binding name>" }`; a tenant it does not
 * name lives on `DB`. Each shard is a D1 binding of that name (docs/scaling.md).
 */
export interface DbEnv {
  DB: D1Database;
  TENANT_SHARDS?: string;
}

const shardTables = new Map<string, Readonly<Record<string, string>>>();

function shardTable(text: string | undefined): Readonly<Record<string, string>> {
  if (!text) return {};
  let table = shardTables.get(text);
  if (!table) {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed) ||
      !Object.values(parsed).every((v) => typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(v))
    ) {
      throw new Error('TENANT_SHARDS must map tenant ids to D1 binding names');
    }
    table = parsed as Record<string, string>;
    shardTables.set(text, table);
  }
  return table;
}

/** The D1 binding name a tenant's rows live in: its entry in TENANT_SHARDS, else `DB`. */
export function shardOf(env: DbEnv, tenantId?: string): string {
  return (tenantId && shardTable(env.TENANT_SHARDS)[tenantId]) || 'DB';
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
 * The database a tenant's rows live in: the one place the tenant→shard table is consulted, so
 * callers never pick a binding themselves. Without a tenant id (sign-in by slug, cross-tenant
 * lookups) it is the directory database `DB`. A shard named in the table but not bound is an
 * error, never a silent fallback to `DB`.
 */
export function getDb(env: DbEnv, tenantId?: string): Db {
  const name = shardOf(env, tenantId);
  const binding = (env as unknown as Record<string, D1Database | undefined>)[name];
  if (!binding || typeof binding.prepare !== 'function') {
    throw new Error(`tenant shard ${name} is not bound`);
  }
  return dbFor(binding);
}
