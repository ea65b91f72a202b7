import { describe, expect, it } from 'vitest';
import { createTestTenant, type TestUnit } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

interface Page {
  items: TestUnit[];
  next_cursor: string | null;
}

async function listAll(token: string, query = ''): Promise<TestUnit[]> {
  const out: TestUnit[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams(query);
    q.set('limit', '2');
    if (cursor) q.set('cursor', cursor);
    const page: Page = await callJson<Page>(`/v1/org-units?${q}`, { token });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('org units', () => {
  it('creates a unit with an ETag and a Location, and reads it back', async () => {
    const t = await createTestTenant();
    const res = await call('/v1/org-units', {
      token: t.tokens.admin,
      body: {
        parent_id: t.units.town.id,
        kind: 'village',
        name: '新村',
        code: '４４０１１７１０５２０１',
      },
    });
    expect(res.status).toBe(201);
    const unit = await res.json<TestUnit & { depth: number; parent_id: string }>();
    expect(unit).toMatchObject({ kind: 'village', name: '新村', code: '440117105201', depth: 2 });
    expect(unit.path).toBe(`${t.units.town.path}${unit.id}/`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/v1/org-units/${unit.id}`);
    const read = await call(`/v1/org-units/${unit.id}`, { token: t.tokens.viewer });
    expect(read.headers.get('etag')).toBe('"1"');
    expect(await read.json()).toEqual(unit);
  });

  it('lists the tree in order, page by page, and a subtree by root', async () => {
    const t = await createTestTenant();
    const all = await listAll(t.tokens.admin);
    expect(all).toHaveLength(7);
    expect(all[0]!.id).toBe(t.units.root.id);
    // A parent comes before its children.
    for (const u of all) {
      const parentPath = u.path.split('/').slice(0, -2).join('/');
      if (parentPath)
        expect(all.findIndex((p) => `${p.path}` === `${parentPath}/`)).toBeLessThan(all.indexOf(u));
    }
    const town = await listAll(t.tokens.admin, `root=${t.units.town.id}`);
    expect(town.map((u) => u.id).sort()).toEqual(
      [t.units.town.id, t.units.village.id, t.units.siblingVillage.id, t.units.community.id].sort(),
    );
    const villages = await listAll(t.tokens.admin, 'kind=village');
    expect(villages).toHaveLength(3);
  });

  it('renames and sets a code with If-Match, bumping the ETag', async () => {
    const t = await createTestTenant();
    const res = await call(`/v1/org-units/${t.units.siblingVillage.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': t.units.siblingVillage.etag },
      body: { name: '乙村（改）', code: '440117105299', name_en: 'Yi Village' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await res.json()).toMatchObject({
      name: '乙村（改）',
      code: '440117105299',
      name_en: 'Yi Village',
    });
    const cleared = await callJson<TestUnit>(`/v1/org-units/${t.units.siblingVillage.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': '"2"' },
      body: { code: null },
      expect: 200,
    });
    expect(cleared.code).toBeNull();
  });

  it('moves a unit with its whole subtree in one step', async () => {
    const t = await createTestTenant({ level: 'city' });
    const admin = t.tokens.admin;
    const mk = (parent: string, kind: string, name: string) =>
      callJson<TestUnit & { depth: number }>('/v1/org-units', {
        token: admin,
        body: { parent_id: parent, kind, name },
      });
    const a = await mk(t.units.root.id, 'district', '甲区');
    const b = await mk(t.units.root.id, 'district', '乙区');
    const town = await mk(a.id, 'town', '镇');
    const v1 = await mk(town.id, 'village', '一村');
    const v2 = await mk(town.id, 'village', '二村');
    const moved = await call(`/v1/org-units/${town.id}/move`, {
      token: admin,
      headers: { 'if-match': town.etag },
      body: { parent_id: b.id },
    });
    expect(moved.status).toBe(200);
    const body = await moved.json<TestUnit & { parent_id: string; depth: number }>();
    expect(body).toMatchObject({ parent_id: b.id, path: `${b.path}${town.id}/`, depth: 2 });
    expect(moved.headers.get('etag')).toBe('"2"');
    for (const v of [v1, v2]) {
      const now = await callJson<TestUnit & { depth: number }>(`/v1/org-units/${v.id}`, {
        token: admin,
      });
      expect(now.path).toBe(`${b.path}${town.id}/${v.id}/`);
      expect(now.depth).toBe(3);
      expect(now.etag).toBe('"2"');
    }
    const underA = await listAll(admin, `root=${a.id}`);
    expect(underA.map((u) => u.id)).toEqual([a.id]);
    const audit = await callJson<{ items: { action: string; after: { units_moved: number } }[] }>(
      `/v1/audit?entity_id=${town.id}&action=org_unit.move`,
      { token: admin },
    );
    expect(audit.items[0]!.after.units_moved).toBe(3);
  });

  it('archives a leaf; archived units leave the default list', async () => {
    const t = await createTestTenant();
    const res = await call(`/v1/org-units/${t.units.otherVillage.id}/archive`, {
      method: 'POST',
      token: t.tokens.admin,
      headers: { 'if-match': t.units.otherVillage.etag },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'archived', etag: '"2"' });
    expect((await listAll(t.tokens.admin)).map((u) => u.id)).not.toContain(t.units.otherVillage.id);
    expect((await listAll(t.tokens.admin, 'status=archived')).map((u) => u.id)).toEqual([
      t.units.otherVillage.id,
    ]);
    // Archiving again changes nothing.
    const again = await call(`/v1/org-units/${t.units.otherVillage.id}/archive`, {
      method: 'POST',
      token: t.tokens.admin,
      headers: { 'if-match': '"2"' },
    });
    expect(await again.json()).toMatchObject({ status: 'archived', etag: '"2"' });
  });
});

describe('who sees which units', () => {
  it('reporters see their unit, reviewers their subtree, viewers and reading clients all', async () => {
    const t = await createTestTenant();
    const ids = async (token: string) => (await listAll(token)).map((u) => u.id).sort();
    expect(await ids(t.tokens.reporter)).toEqual([t.units.village.id]);
    expect(await ids(t.tokens.reviewer)).toEqual(
      [t.units.town.id, t.units.village.id, t.units.siblingVillage.id, t.units.community.id].sort(),
    );
    expect(await ids(t.tokens.viewer)).toHaveLength(7);
    expect(await ids(t.tokens.readerClient)).toHaveLength(7);
    expect((await call('/v1/org-units', { token: t.tokens.writerClient })).status).toBe(403);
  });

  it('a unit outside the caller’s subtree answers exactly like a missing one', async () => {
    const t = await createTestTenant();
    const outside = await call(`/v1/org-units/${t.units.siblingVillage.id}`, {
      token: t.tokens.reporter,
    });
    const missing = await call('/v1/org-units/org_00000000000000000000000000000000', {
      token: t.tokens.reporter,
    });
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, request_id: undefined });
    expect(strip(await outside.json())).toEqual(strip(await missing.json()));
    const subtree = await call(`/v1/org-units?root=${t.units.otherTown.id}`, {
      token: t.tokens.reviewer,
    });
    expect(subtree.status).toBe(404);
  });
});
