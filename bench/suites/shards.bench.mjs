// Shard simulation (issue 9, docs/scaling.md) at small scale: nine county tenants spread over
// three local D1 databases by the tenant→shard table (TENANT_SHARDS) behind the one
// getDb(env, tenantId) every worker uses. Each tenant writes its org tree (a town and its
// villages, through TenantDb.insertBulk, 100 rows a batch) concurrently; then every database
// is checked to hold exactly its own tenants' rows. The same writes with every tenant on one
// database give the reference: aggregate rows per second, sharded ÷ single.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getPlatformProxy, unstable_splitSqlQuery } from 'wrangler';
import { getDb, shardOf } from '../../packages/db/src/client.ts';
import { orgUnits } from '../../packages/db/src/schema.ts';
import { TenantDb } from '../../packages/db/src/tenant-db.ts';
import { root } from '../../scripts/lib.mjs';
import { figure, median, spread } from '../lib.mjs';

export const title = 'shards (tenants over 3 D1 databases through getDb and TENANT_SHARDS)';

const TENANTS = 9;
const UNITS_PER_TENANT = Number(process.env.BENCH_SHARD_UNITS ?? 2_000);
const ROUNDS = 3;
const SHARDS = ['DB', 'DB_SHARD_1', 'DB_SHARD_2'];

async function migrate(binding) {
  const dir = resolve(root, 'migrations');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const text = readFileSync(resolve(dir, file), 'utf8').replaceAll(
      '--> statement-breakpoint',
      '',
    );
    const statements = unstable_splitSqlQuery(text).filter((s) => s.trim());
    await binding.batch(statements.map((s) => binding.prepare(s)));
  }
}

/** Every tenant writes a town and its villages through its own getDb handle, concurrently. */
async function writeAll(env, tenants, round) {
  const t0 = performance.now();
  await Promise.all(
    tenants.map(async (tenantId) => {
      const tdb = new TenantDb(getDb(env, tenantId), tenantId);
      const at = new Date().toISOString();
      const town = `${tenantId}_r${round}_town`;
      const rows = [
        {
          id: town,
          parentId: `${tenantId}_root`,
          kind: 'town',
          name: town,
          path: `/${tenantId}_root/${town}/`,
          depth: 1,
        },
        ...Array.from({ length: UNITS_PER_TENANT }, (_, i) => {
          const id = `${town}_v${i}`;
          return {
            id,
            parentId: town,
            kind: 'village',
            name: id,
            path: `/${town}/${id}/`,
            depth: 1,
          };
        }),
      ].map((r) => ({ ...r, status: 'active', createdAt: at, updatedAt: at }));
      for (let i = 0; i < rows.length; i += 100) {
        await tdb.batch(tdb.insertBulk(orgUnits, rows.slice(i, i + 100)));
      }
    }),
  );
  return (TENANTS * (UNITS_PER_TENANT + 1)) / ((performance.now() - t0) / 1000);
}

export async function run() {
  const proxy = await getPlatformProxy({
    configPath: resolve(root, 'bench/workers/shards/wrangler.toml'),
    persist: false,
  });
  try {
    const bindings = proxy.env;
    for (const name of SHARDS) await migrate(bindings[name]);
    const tenants = Array.from({ length: TENANTS }, (_, i) => `tn_shard_sim_${i}`);
    const table = Object.fromEntries(tenants.map((t, i) => [t, SHARDS[i % SHARDS.length]]));
    const sharded = { ...bindings, TENANT_SHARDS: JSON.stringify(table) };
    const single = { DB: bindings.DB };
    // Each tenant's root (a county) in the databases it will write to.
    for (const t of tenants) {
      for (const name of new Set(['DB', table[t]])) {
        await bindings[name]
          .prepare(
            `INSERT INTO org_units (id, tenant_id, parent_id, kind, name, path, depth, status,
               created_at, updated_at) VALUES (?1, ?2, NULL, 'county', ?1, '/' || ?1 || '/', 0,
               'active', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
          )
          .bind(`${t}_root`, t)
          .run();
      }
    }
    const ratios = [];
    const shardedRates = [];
    const singleRates = [];
    for (let r = 0; r < ROUNDS; r++) {
      const one = await writeAll(single, tenants, `s${r}`);
      const three = await writeAll(sharded, tenants, `m${r}`);
      singleRates.push(one);
      shardedRates.push(three);
      ratios.push(three / one);
    }
    // Isolation: each database holds exactly the sharded rows of the tenants the table puts
    // there (DB also holds the single-database rounds of every tenant).
    let misplaced = 0;
    for (const name of SHARDS) {
      const { results } = await bindings[name]
        .prepare(
          `SELECT tenant_id, count(*) AS n FROM org_units WHERE id LIKE '%_rm%' GROUP BY tenant_id`,
        )
        .all();
      for (const row of results) if (shardOf(sharded, row.tenant_id) !== name) misplaced += row.n;
      const expected =
        tenants.filter((t) => table[t] === name).length * ROUNDS * (UNITS_PER_TENANT + 1);
      const held = results.reduce((n, row) => n + row.n, 0);
      if (held !== expected) misplaced += Math.abs(expected - held);
    }
    const s = (xs) => [...xs].sort((a, b) => a - b);
    return [
      figure(
        `shards: ${TENANTS} tenants on 1 D1, rows written per second`,
        median(s(singleRates)),
        'rows/s',
        {
          spread: spread(s(singleRates)),
        },
      ),
      figure(
        `shards: ${TENANTS} tenants on 3 D1s, rows written per second`,
        median(s(shardedRates)),
        'rows/s',
        {
          spread: spread(s(shardedRates)),
        },
      ),
      figure('shards: 3 D1s ÷ 1 D1 write throughput', median(s(ratios)), '×', {
        spread: spread(s(ratios)),
      }),
      figure('shards: rows in a database the table does not name', misplaced, 'rows', {
        goal: '<= 0',
      }),
    ];
  } finally {
    await proxy.dispose();
  }
}
