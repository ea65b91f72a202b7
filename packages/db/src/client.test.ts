import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbFor, getDb, shardOf } from './client.ts';

const shards = JSON.stringify({ tn_moved: 'DB_SHARD_1' });

async function tables(binding: D1Database, name: string): Promise<number> {
  const row = await binding
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .bind(name)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('getDb: the tenant→shard table', () => {
  it('puts a tenant named in TENANT_SHARDS on its shard and every other tenant on DB', async () => {
    const shardEnv = { DB: env.DB, DB_SHARD_1: env.DB_SHARD_1, TENANT_SHARDS: shards };
    expect(shardOf(shardEnv, 'tn_moved')).toBe('DB_SHARD_1');
    expect(shardOf(shardEnv, 'tn_other')).toBe('DB');
    expect(shardOf(shardEnv)).toBe('DB');
    expect(getDb(shardEnv, 'tn_moved')).toBe(dbFor(env.DB_SHARD_1));
    expect(getDb(shardEnv, 'tn_other')).toBe(dbFor(env.DB));

    // A write through the moved tenant's handle lands in the shard's database only.
    await getDb(shardEnv, 'tn_moved').run(sql`CREATE TABLE shard_probe (x INTEGER)`);
    expect(await tables(env.DB_SHARD_1, 'shard_probe')).toBe(1);
    expect(await tables(env.DB, 'shard_probe')).toBe(0);
  });

  it('without a table every tenant is on DB', () => {
    expect(getDb({ DB: env.DB }, 'tn_any')).toBe(dbFor(env.DB));
  });

  it('refuses a shard that is not bound rather than falling back to DB', () => {
    const missing = { DB: env.DB, TENANT_SHARDS: JSON.stringify({ tn_x: 'DB_SHARD_9' }) };
    expect(() => getDb(missing, 'tn_x')).toThrow('tenant shard DB_SHARD_9 is not bound');
    expect(getDb(missing, 'tn_y')).toBe(dbFor(env.DB));
  });

  it('refuses a malformed table', () => {
    for (const bad of ['[]', '{"tn_x": 3}', '{"tn_x": "db; drop"}', 'null']) {
      expect(() => getDb({ DB: env.DB, TENANT_SHARDS: bad }, 'tn_x')).toThrow('TENANT_SHARDS');
    }
  });
});
