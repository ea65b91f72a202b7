import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call } from '../../test/http.ts';
import { DEMO_PASSWORD, DEMO_TENANTS } from './demo-data.ts';
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

describe('demo users', () => {
  it('sign in through /v1/auth/signin with the documented password, with their grants', async () => {
    const statements = await demoSeedStatements();
    await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
    for (const tenant of DEMO_TENANTS) {
      for (const user of tenant.users) {
        const res = await call('/v1/auth/signin', {
          body: { tenant: tenant.slug, email: user.email, password: DEMO_PASSWORD },
        });
        expect(res.status, `${tenant.slug} ${user.email}`).toBe(200);
        const { access_token } = await res.json<{ access_token: string }>();
        const me = await (await call('/v1/me', { token: access_token })).json<{
          tenant: { slug: string };
          user: { grants: { role: string; stage: string | null; org_unit_id: string | null }[] };
        }>();
        expect(me.tenant.slug).toBe(tenant.slug);
        expect(me.user.grants).toEqual([
          expect.objectContaining({ role: user.role, stage: user.stage ?? null }),
        ]);
      }
    }
    // 溪头村's reporter sees 溪头村 only.
    const xitou = await (
      await call('/v1/auth/signin', {
        body: { tenant: 'gz-conghua', email: 'xitou@conghua.demo', password: DEMO_PASSWORD },
      })
    ).json<{ access_token: string }>();
    const units = await (await call('/v1/org-units', { token: xitou.access_token })).json<{
      items: { name: string }[];
    }>();
    expect(units.items.map((u) => u.name)).toEqual(['溪头村']);
  });
});
