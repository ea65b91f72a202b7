import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from './demo-data.ts';
import { demoSeedStatements, toSqlScript } from './demo-seed.ts';

async function counts() {
  const tables = ['tenants', 'users', 'role_grants', 'org_units'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>();
    out[t] = row!.n;
  }
  return out;
}

describe('demo seed', () => {
  it('is idempotent: applying it twice writes the rows once', async () => {
    const statements = await demoSeedStatements();
    const apply = () =>
      env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
    await apply();
    const first = await counts();
    await apply();
    expect(await counts()).toEqual(first);
    expect(first.tenants).toBe(3);
  });

  it('holds Liangkou town with its 23 units from 000_…txt 附件2 (2 communities, 21 villages)', async () => {
    const statements = await demoSeedStatements();
    await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
    const rows = await env.DB.prepare(
      `SELECT u.kind, COUNT(*) AS n FROM org_units u JOIN org_units t ON u.parent_id = t.id
       WHERE t.name = '良口镇' GROUP BY u.kind ORDER BY u.kind`,
    ).all<{ kind: string; n: number }>();
    expect(rows.results).toEqual([
      { kind: 'community', n: 2 },
      { kind: 'village', n: 21 },
    ]);
    expect(DEMO_TENANTS.map((t) => t.slug)).toEqual([
      'gz-conghua',
      'yc-mingyueshan',
      'gd-province',
    ]);
  });

  it('renders a SQL script with quotes escaped', async () => {
    const sql = toSqlScript([{ sql: 'INSERT INTO t (a, b) VALUES (?, ?)', params: ["O'Neil", 3] }]);
    expect(sql).toBe("INSERT INTO t (a, b) VALUES ('O''Neil', 3);");
  });
});
