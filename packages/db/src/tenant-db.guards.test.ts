import { env } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GuardFailed, uniqueViolation } from './batch-errors.ts';
import { dbFor } from './client.ts';
import { newId } from './ids.ts';
import { isWithin, subtreeUpperBound, withinSubtree } from './org-paths.ts';
import { auditLog, orgUnits } from './schema.ts';
import { TenantDb } from './tenant-db.ts';

const now = '2026-11-22T00:00:00.000Z';

function unit(name: string, path: string, extra: Partial<typeof orgUnits.$inferInsert> = {}) {
  return {
    id: newId('orgUnit'),
    // Not a root: a tenant has exactly one (org_units_root_uq).
    parentId: 'org_parent',
    kind: 'village' as const,
    name,
    path,
    depth: path.split('/').length - 3,
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

function tenant() {
  return new TenantDb(dbFor(env.DB), newId('tenant'));
}

describe('TenantDb.guard', () => {
  it('lets the batch commit when the condition holds', async () => {
    const a = tenant();
    const row = unit('甲村', '/x/');
    await a.batch([
      a.insert(orgUnits, row),
      a.guard(a.exists(orgUnits, eq(orgUnits.id, row.id)), 'inserted'),
    ]);
    expect(await a.first(orgUnits, eq(orgUnits.id, row.id))).toBeDefined();
    // The guard table keeps nothing.
    const n = await env.DB.prepare('SELECT COUNT(*) AS n FROM batch_guards').first<{ n: number }>();
    expect(n!.n).toBe(0);
  });

  it('rolls the whole batch back and names the reason when it does not', async () => {
    const a = tenant();
    const row = unit('乙村', '/y/');
    const err = await a
      .batch([
        a.insert(orgUnits, row),
        a.guard(a.exists(orgUnits, eq(orgUnits.id, 'org_missing')), 'parent_missing'),
      ])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GuardFailed);
    expect((err as GuardFailed).reason).toBe('parent_missing');
    expect(await a.first(orgUnits, eq(orgUnits.id, row.id))).toBeUndefined();
  });

  it('sees only its own tenant in exists()', async () => {
    const a = tenant();
    const b = tenant();
    const row = unit('丙村', '/z/');
    await a.insert(orgUnits, row);
    await expect(
      b.batch([b.guard(b.exists(orgUnits, eq(orgUnits.id, row.id)), 'visible')]),
    ).rejects.toBeInstanceOf(GuardFailed);
  });

  it('refuses reasons that could not be read back', () => {
    const a = tenant();
    expect(() => a.guard(sql`1`, "it's bad")).toThrow(/bad guard reason/);
  });
});

describe('TenantDb.insertBulk', () => {
  it('inserts thousands of rows in a few statements, stamped with the tenant', async () => {
    const a = tenant();
    const rows = Array.from({ length: 1203 }, (_, i) => unit(`村${i}`, `/b${i}/`, { code: null }));
    const statements = a.insertBulk(orgUnits, rows);
    expect(statements.length).toBe(3);
    await a.batch(statements);
    const stored = await a.select(orgUnits);
    expect(stored.length).toBe(1203);
    expect(new Set(stored.map((r) => r.tenantId))).toEqual(new Set([a.tenantId]));
    expect(stored.find((r) => r.name === '村7')).toMatchObject({
      path: '/b7/',
      status: 'active',
      rowVersion: 1,
      code: null,
    });
  });

  it('maps json columns and keeps the order of appends', async () => {
    const a = tenant();
    const zero = '0'.repeat(64);
    const rows = [1, 2, 3].map((i) => ({
      actorType: 'system' as const,
      actorId: 'test',
      action: 'test.bulk',
      entityType: 'test',
      entityId: `e${i}`,
      before: null,
      after: { i, name: `第${i}` },
      requestId: null,
      at: now,
      prevHash: i === 1 ? zero : `h${i - 1}`,
      hash: `h${i}`,
    }));
    await a.batch(a.insertBulk(auditLog, rows));
    const stored = await a.select(auditLog).orderBy(auditLog.seq);
    expect(stored.map((r) => [r.entityId, r.after])).toEqual([
      ['e1', { i: 1, name: '第1' }],
      ['e2', { i: 2, name: '第2' }],
      ['e3', { i: 3, name: '第3' }],
    ]);
  });

  it('refuses rows that set different columns', () => {
    const a = tenant();
    expect(() =>
      a.insertBulk(orgUnits, [unit('a', '/a/'), unit('b', '/b/', { code: '440117000000' })]),
    ).toThrow(/different columns/);
  });

  it('is atomic with the rest of its batch', async () => {
    const a = tenant();
    const rows = Array.from({ length: 600 }, (_, i) => unit(`村${i}`, `/c${i}/`));
    const dup = { ...rows[5]! };
    await expect(
      a.batch([...a.insertBulk(orgUnits, rows), a.insert(orgUnits, dup)]),
    ).rejects.toThrow();
    expect((await a.select(orgUnits)).length).toBe(0);
  });
});

describe('unique violations', () => {
  it('are recognised with the columns they name', async () => {
    const a = tenant();
    await a.insert(orgUnits, unit('甲', '/u1/', { code: '440117105001' }));
    const err = await a
      .batch([a.insert(orgUnits, unit('乙', '/u2/', { code: '440117105001' }))])
      .catch((e: unknown) => e);
    expect(uniqueViolation(err)).toEqual(['org_units.tenant_id', 'org_units.code']);
    expect(uniqueViolation(new Error('other'))).toBeNull();
  });
});

describe('org paths', () => {
  it('select a subtree by range, not LIKE (ids contain "_")', async () => {
    const a = tenant();
    await a.batch(
      a.insertMany(orgUnits, [
        unit('根', '/org_1/'),
        unit('子', '/org_1/org_2/'),
        unit('孙', '/org_1/org_2/org_3/'),
        unit('旁', '/org_1/orgX2/'),
        unit('外', '/org_10/'),
      ]),
    );
    const sub = await a.select(orgUnits, withinSubtree(orgUnits.path, '/org_1/org_2/'));
    expect(sub.map((r) => r.name).sort()).toEqual(['子', '孙']);
    const all = await a.select(orgUnits, withinSubtree(orgUnits.path, '/org_1/'));
    expect(all.map((r) => r.name).sort()).toEqual(['子', '孙', '旁', '根']);
    expect(subtreeUpperBound('/a/b/')).toBe('/a/b0');
    expect(isWithin('/a/b/c/', '/a/b/')).toBe(true);
    expect(isWithin('/a/bc/', '/a/b/')).toBe(false);
    expect(() => subtreeUpperBound('a/b')).toThrow();
  });
});
