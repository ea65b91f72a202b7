import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { DATA_TABLES, exportedColumns, WITHHELD_TABLES } from './tables.ts';

describe('the export covers the schema', () => {
  it('every table with tenant rows is exported or withheld by name, none twice', async () => {
    const tables = await env.DB.prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%`tenant_id`%'",
    ).all<{ name: string }>();
    const inDatabase = [...tables.results.map((t) => t.name), 'tenants'].sort();
    const covered = [...DATA_TABLES.map((t) => t.name), ...Object.keys(WITHHELD_TABLES)].sort();
    expect(covered).toEqual(inDatabase);
    expect(new Set(covered).size).toBe(covered.length);
  });

  it('no exported column holds a password or a secret’s hash', () => {
    for (const t of DATA_TABLES) {
      for (const c of exportedColumns(t)) {
        expect(`${t.name}.${c.name}`).not.toMatch(/password|secret_hash|token_hash/);
      }
    }
  });
});
