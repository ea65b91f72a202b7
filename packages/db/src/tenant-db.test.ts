import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbFor } from './client.ts';
import { newId } from './ids.ts';
import { orgUnits, scoreSnapshots } from './schema.ts';
import { TenantDb } from './tenant-db.ts';

const now = '2026-11-22T00:00:00.000Z';

function unit(i: number) {
  return {
    id: newId('orgUnit'),
    // Not a root: a tenant has exactly one (org_units_root_uq).
    parentId: 'org_parent',
    kind: 'village' as const,
    name: `村${i}`,
    path: `/u${i}/`,
    depth: 0,
    createdAt: now,
    updatedAt: now,
  };
}

describe('TenantDb', () => {
  it('stamps inserts and filters reads by its tenant only', async () => {
    const db = dbFor(env.DB);
    const a = new TenantDb(db, newId('tenant'));
    const b = new TenantDb(db, newId('tenant'));
    const row = unit(1);
    await a.insert(orgUnits, row);
    expect(await a.first(orgUnits, eq(orgUnits.id, row.id))).toMatchObject({ name: '村1' });
    expect(await b.first(orgUnits, eq(orgUnits.id, row.id))).toBeUndefined();
    // Updates and deletes through another tenant touch nothing.
    await b.update(orgUnits, { name: 'hijacked' }, eq(orgUnits.id, row.id));
    await b.delete(orgUnits, eq(orgUnits.id, row.id));
    expect(await a.first(orgUnits, eq(orgUnits.id, row.id))).toMatchObject({ name: '村1' });
  });

  it('refuses to move a row to another tenant through update', async () => {
    const db = dbFor(env.DB);
    const a = new TenantDb(db, newId('tenant'));
    const row = unit(2);
    await a.insert(orgUnits, row);
    await a.update(
      orgUnits,
      { tenantId: 'tn_other', name: '改名' } as never,
      eq(orgUnits.id, row.id),
    );
    expect(await a.first(orgUnits, eq(orgUnits.id, row.id))).toMatchObject({
      name: '改名',
      tenantId: a.tenantId,
    });
  });

  it('splits multi-row inserts under D1 bound-parameter limit, in one atomic batch', async () => {
    const db = dbFor(env.DB);
    const a = new TenantDb(db, newId('tenant'));
    const rows = Array.from({ length: 250 }, (_, i) => unit(i));
    const statements = a.insertMany(orgUnits, rows);
    expect(statements.length).toBeGreaterThan(1);
    await a.batch(statements);
    expect((await a.select(orgUnits)).length).toBe(250);
  });

  it('a batch whose last statement violates a constraint leaves no row of that batch', async () => {
    const db = dbFor(env.DB);
    const a = new TenantDb(db, newId('tenant'));
    const rows = Array.from({ length: 30 }, (_, i) => unit(i));
    const dup = { ...rows[0]! };
    await expect(
      a.batch([...a.insertMany(orgUnits, rows), a.insert(orgUnits, dup)]),
    ).rejects.toThrow();
    expect((await a.select(orgUnits)).length).toBe(0);
  });
});

describe('append-only tables', () => {
  it('refuse UPDATE and DELETE on score_snapshots', async () => {
    const db = dbFor(env.DB);
    const a = new TenantDb(db, newId('tenant'));
    await a.insert(scoreSnapshots, {
      id: newId('snapshot'),
      cycleId: 'c',
      submissionId: 's',
      orgUnitId: 'o',
      stage: 'self',
      packKey: 'k',
      packVersion: '1',
      packHash: 'h',
      inputHash: 'i',
      engineVersion: '1',
      complete: 1,
      scorecard: {},
      createdAt: now,
    });
    await expect(env.DB.prepare('UPDATE score_snapshots SET total = 1').run()).rejects.toThrow(
      /immutable/,
    );
    await expect(env.DB.prepare('DELETE FROM score_snapshots').run()).rejects.toThrow(/immutable/);
  });
});
