import { describe, expect, it } from 'vitest';
import { createTestTenant, tenantSnapshot } from '../../../test/factories.ts';
import { call, type Problem } from '../../../test/http.ts';

const create = (token: string, body: unknown) => call('/v1/org-units', { token, body });

describe('org unit rules', () => {
  it('refuses a child that is not below its parent’s level, naming body.kind', async () => {
    const t = await createTestTenant();
    for (const [parent, kind] of [
      [t.units.village.id, 'village'],
      [t.units.village.id, 'community'],
      [t.units.town.id, 'street'],
      [t.units.root.id, 'city'],
    ] as const) {
      const res = await create(t.tokens.admin, { parent_id: parent, kind, name: `x${kind}` });
      expect(res.status).toBe(400);
      const body = await res.json<Problem>();
      expect(body.errors?.[0]?.path).toBe('body.kind');
      expect(body.detail_zh).toContain('不能设在');
    }
  });

  it('allows skipping levels (a town directly under a city, as in Dongguan)', async () => {
    const t = await createTestTenant({ level: 'city' });
    const res = await create(t.tokens.admin, {
      parent_id: t.units.root.id,
      kind: 'town',
      name: '虎门镇',
    });
    expect(res.status).toBe(201);
  });

  it('refuses moving a unit under itself or its descendants, and moving the root', async () => {
    const t = await createTestTenant();
    for (const target of [t.units.town.id, t.units.village.id]) {
      const res = await call(`/v1/org-units/${t.units.town.id}/move`, {
        token: t.tokens.admin,
        headers: { 'if-match': t.units.town.etag },
        body: { parent_id: target },
      });
      expect(res.status).toBe(400);
      expect((await res.json<Problem>()).errors?.[0]).toMatchObject({
        path: 'body.parent_id',
        code: 'cycle',
      });
    }
    const root = await call(`/v1/org-units/${t.units.root.id}/move`, {
      token: t.tokens.admin,
      headers: { 'if-match': t.units.root.etag },
      body: { parent_id: t.units.town.id },
    });
    expect(root.status).toBe(409);
    const archiveRoot = await call(`/v1/org-units/${t.units.root.id}/archive`, {
      method: 'POST',
      token: t.tokens.admin,
      headers: { 'if-match': t.units.root.etag },
    });
    expect(archiveRoot.status).toBe(409);
  });

  it('refuses archiving a unit with active children', async () => {
    const t = await createTestTenant();
    const res = await call(`/v1/org-units/${t.units.town.id}/archive`, {
      method: 'POST',
      token: t.tokens.admin,
      headers: { 'if-match': t.units.town.etag },
    });
    expect(res.status).toBe(409);
  });

  it('refuses a code used elsewhere in the tenant, and a sibling with the same name', async () => {
    const t = await createTestTenant();
    const dupCode = await create(t.tokens.admin, {
      parent_id: t.units.town.id,
      kind: 'village',
      name: '另一村',
      code: t.units.village.code,
    });
    expect(dupCode.status).toBe(409);
    const dupName = await create(t.tokens.admin, {
      parent_id: t.units.town.id,
      kind: 'village',
      name: t.units.village.name,
    });
    expect(dupName.status).toBe(409);
    // The same code in another tenant is fine: codes are unique per tenant.
    const other = await createTestTenant();
    const elsewhere = await create(other.tokens.admin, {
      parent_id: other.units.town.id,
      kind: 'village',
      name: '同码村',
      code: t.units.village.code,
    });
    expect(elsewhere.status).toBe(201);
  });

  it('refuses codes that are not 12 digits and names with control or invisible characters', async () => {
    const t = await createTestTenant();
    const before = await tenantSnapshot(t.id);
    for (const code of ['44011710520', '4401171052011', '44011710520x', '4401 1710 5201']) {
      const res = await create(t.tokens.admin, {
        parent_id: t.units.town.id,
        kind: 'village',
        name: '码村',
        code,
      });
      expect(res.status, code).toBe(400);
      expect((await res.json<Problem>()).errors?.[0]?.path).toBe('body.code');
    }
    for (const name of [
      '村\u0000',
      '村\u200b',
      '\u202e村',
      '村\u2028村',
      '村\u00ad村',
      '   ',
      '',
    ]) {
      const res = await create(t.tokens.admin, {
        parent_id: t.units.town.id,
        kind: 'village',
        name,
      });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect((await res.json<Problem>()).errors?.[0]?.path).toBe('body.name');
    }
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });

  it('answers a foreign or missing parent with the same 404', async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const foreign = await create(t.tokens.admin, {
      parent_id: other.units.town.id,
      kind: 'village',
      name: '村',
    });
    const missing = await create(t.tokens.admin, {
      parent_id: 'org_ffffffffffffffffffffffffffffffff',
      kind: 'village',
      name: '村',
    });
    expect(foreign.status).toBe(404);
    const strip = (b: Problem) => ({ ...b, request_id: undefined });
    expect(strip(await foreign.json<Problem>())).toEqual(strip(await missing.json<Problem>()));
  });
});

describe('ETags', () => {
  const rename = (token: string, id: string, ifMatch: string | undefined, name: string) =>
    call(`/v1/org-units/${id}`, {
      method: 'PATCH',
      token,
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      body: { name },
    });

  it('428 without If-Match, 412 with a stale or malformed one', async () => {
    const t = await createTestTenant();
    const id = t.units.village.id;
    const missing = await rename(t.tokens.admin, id, undefined, '新名');
    expect(missing.status).toBe(428);
    expect((await rename(t.tokens.admin, id, '"7"', '新名')).status).toBe(412);
    expect((await rename(t.tokens.admin, id, 'abc', '新名')).status).toBe(412);
    expect((await rename(t.tokens.admin, id, '*', '新名')).status).toBe(412);
    expect((await rename(t.tokens.admin, id, t.units.village.etag, '新名')).status).toBe(200);
    expect((await rename(t.tokens.admin, id, t.units.village.etag, '再改')).status).toBe(412);
  });

  it('of two writers holding the same ETag, exactly one wins', async () => {
    const t = await createTestTenant();
    const id = t.units.siblingVillage.id;
    const results = await Promise.all(
      ['甲', '乙', '丙', '丁'].map((n) =>
        rename(t.tokens.admin, id, t.units.siblingVillage.etag, `${n}名`),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
    const audit = await call(`/v1/audit?entity_id=${id}&action=org_unit.update`, {
      token: t.tokens.admin,
    });
    expect((await audit.json<{ items: unknown[] }>()).items).toHaveLength(1);
  });

  it('two moves racing on the same ETag: one wins, the tree stays consistent', async () => {
    const t = await createTestTenant();
    const results = await Promise.all(
      [t.units.otherTown.id, t.units.town.id].map((parent) =>
        call(`/v1/org-units/${t.units.otherVillage.id}/move`, {
          token: t.tokens.admin,
          headers: { 'if-match': t.units.otherVillage.etag },
          body: { parent_id: parent },
        }),
      ),
    );
    // Moving to its current parent is a no-op 200; the real move also 200 or 412 if it lost.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    const unit = await (
      await call(`/v1/org-units/${t.units.otherVillage.id}`, { token: t.tokens.admin })
    ).json<{ path: string; parent_id: string }>();
    expect(unit.path.endsWith(`${unit.parent_id}/${t.units.otherVillage.id}/`)).toBe(true);
  });
});
