import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/factories.ts';
import { call, type Problem } from '../../test/http.ts';

const countUnits = async (tenantId: string, name: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM org_units WHERE tenant_id = ? AND name = ?')
    .bind(tenantId, name)
    .first<{ n: number }>())!.n;

describe('Idempotency-Key', () => {
  it('same key and body: the same answer again, and one row', async () => {
    const t = await createTestTenant();
    const key = crypto.randomUUID();
    const send = () =>
      call('/v1/org-units', {
        token: t.tokens.admin,
        headers: { 'idempotency-key': key },
        body: { parent_id: t.units.town.id, kind: 'village', name: '幂等村' },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await second.json()).toEqual(await first.json());
    expect(await countUnits(t.id, '幂等村')).toBe(1);
  });

  it('same key, different body: 422, and nothing written', async () => {
    const t = await createTestTenant();
    const key = crypto.randomUUID();
    const send = (name: string) =>
      call('/v1/org-units', {
        token: t.tokens.admin,
        headers: { 'idempotency-key': key },
        body: { parent_id: t.units.town.id, kind: 'village', name },
      });
    expect((await send('第一村')).status).toBe(201);
    const res = await send('第二村');
    expect(res.status).toBe(422);
    expect((await res.json<Problem>()).type).toMatch(/unprocessable$/);
    expect(await countUnits(t.id, '第二村')).toBe(0);
  });

  it('concurrent requests with one key write one row', async () => {
    const t = await createTestTenant();
    const key = crypto.randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        call('/v1/org-units', {
          token: t.tokens.admin,
          headers: { 'idempotency-key': key },
          body: { parent_id: t.units.town.id, kind: 'village', name: '并发幂等村' },
        }),
      ),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(results.some((r) => r.status === 201)).toBe(true);
    expect(await countUnits(t.id, '并发幂等村')).toBe(1);
  });

  it('replays a one-time secret to the key holder, but keeps it encrypted at rest', async () => {
    const t = await createTestTenant();
    const key = `client-${crypto.randomUUID()}`;
    const send = () =>
      call('/v1/clients', {
        token: t.tokens.admin,
        headers: { 'idempotency-key': key },
        body: { name: '重试客户端', scopes: ['scores:read'] },
      });
    const first = await (await send()).json<{ id: string; client_secret: string }>();
    const again = await (await send()).json<{ id: string; client_secret: string }>();
    expect(again).toEqual(first);
    const stored = await env.DB.prepare(
      'SELECT key, response FROM idempotency_keys WHERE tenant_id = ?',
    )
      .bind(t.id)
      .all<{ key: string; response: string }>();
    const dump = JSON.stringify(stored.results);
    expect(dump).not.toContain(first.client_secret);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain('重试客户端');
  });

  it('a refused request frees its key; keys are per principal; malformed keys are refused', async () => {
    const t = await createTestTenant();
    const key = crypto.randomUUID();
    const bad = await call('/v1/org-units', {
      token: t.tokens.admin,
      headers: { 'idempotency-key': key },
      body: { parent_id: t.units.village.id, kind: 'village', name: '错层村' },
    });
    expect(bad.status).toBe(400);
    const fixed = await call('/v1/org-units', {
      token: t.tokens.admin,
      headers: { 'idempotency-key': key },
      body: { parent_id: t.units.town.id, kind: 'village', name: '错层村' },
    });
    expect(fixed.status).toBe(201);
    const short = await call('/v1/org-units', {
      token: t.tokens.admin,
      headers: { 'idempotency-key': 'short' },
      body: { parent_id: t.units.town.id, kind: 'village', name: '短键村' },
    });
    expect(short.status).toBe(400);
    expect((await short.json<Problem>()).errors?.[0]?.path).toBe('header.idempotency-key');
  });
});
