import { applyD1Migrations, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../factories.ts';
import { lightTenant } from './fault-http.ts';

/**
 * RESILIENCE.md: "Re-applying migrations is a no-op" — a deploy that runs the migrations a
 * second time (or a retried deploy step) leaves every table and every row as it was.
 */
describe('migrations', { timeout: 60_000 }, () => {
  it('applied again over a database with data: nothing changes', async () => {
    await lightTenant();
    const before = await databaseFingerprint();
    const schema = await env.DB.prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_cf_%' ORDER BY type, name`,
    ).all();
    for (let i = 0; i < 3; i++) await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect(await databaseFingerprint()).toEqual(before);
    expect(
      (
        await env.DB.prepare(
          `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_cf_%' ORDER BY type, name`,
        ).all()
      ).results,
    ).toEqual(schema.results);
  });
});
