import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, type TestTenant, tenantSnapshot } from '../../test/factories.ts';
import { call, callJson, freshIp, type Problem } from '../../test/http.ts';

/**
 * CORS per tenant: admins keep an allow-list of origins; a preflight is answered for an origin
 * some tenant allows (it carries no token), and the real request only for an origin the token's
 * own tenant allows. Same-origin requests (the UI) are untouched, every /v1 answer varies on
 * Origin, and credentials mode is never offered.
 */

let a: TestTenant;
let b: TestTenant;
const A_ORIGIN = `https://dashboard-${crypto.randomUUID().slice(0, 8)}.example.gov.cn`;
const UNKNOWN = 'https://evil.example.com';

async function setOrigins(t: TestTenant, origins: string[]) {
  const res = await call('/v1/tenant/cors-origins', { token: t.tokens.admin });
  return call('/v1/tenant/cors-origins', {
    method: 'PUT',
    token: t.tokens.admin,
    body: { origins },
    headers: { 'if-match': res.headers.get('etag')! },
  });
}

function preflight(origin: string, method = 'POST') {
  return call('/v1/org-units', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type, if-match',
    },
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  const res = await setOrigins(a, [`${A_ORIGIN.toUpperCase()}/`, 'http://localhost:5173']);
  expect(res.status, await res.clone().text()).toBe(200);
});

describe('the allow-list', () => {
  it('is read and replaced by admins, normalised as browsers send Origin, with an ETag', async () => {
    const read = await call('/v1/tenant/cors-origins', { token: a.tokens.admin });
    expect(await read.json()).toEqual({
      origins: [A_ORIGIN.toLowerCase(), 'http://localhost:5173'],
    });
    const audit = await env.DB.prepare(
      "SELECT after FROM audit_log WHERE tenant_id = ? AND action = 'tenant.cors_origins'",
    )
      .bind(a.id)
      .first<{ after: string }>();
    expect(JSON.parse(audit!.after)).toEqual({
      cors_origins: [A_ORIGIN.toLowerCase(), 'http://localhost:5173'],
    });
  });

  it('needs If-Match (428 without, 412 when stale)', async () => {
    const without = await call('/v1/tenant/cors-origins', {
      method: 'PUT',
      token: b.tokens.admin,
      body: { origins: [] },
    });
    expect(without.status).toBe(428);
    const stale = await call('/v1/tenant/cors-origins', {
      method: 'PUT',
      token: b.tokens.admin,
      body: { origins: [] },
      headers: { 'if-match': '"99"' },
    });
    expect(stale.status).toBe(412);
  });

  it('refuses what is not an origin, naming each entry', async () => {
    const before = await tenantSnapshot(b.id);
    const bad = [
      'http://example.gov.cn',
      'https://example.gov.cn/path',
      '*',
      'https://*.example.gov.cn',
      'null',
      'https://user:pw@example.gov.cn',
      'ftp://example.gov.cn',
    ];
    const res = await setOrigins(b, ['https://ok.example.gov.cn', ...bad]);
    const body = (await res.json()) as Problem;
    expect(res.status).toBe(400);
    expect(body.errors?.map((e) => e.path)).toEqual(bad.map((_, i) => `body.origins.${i + 1}`));
    expect(await tenantSnapshot(b.id)).toEqual(before);
  });

  it('is for admins only', async () => {
    for (const who of ['viewer', 'reviewer', 'readerClient', 'writerClient'] as const) {
      expect((await call('/v1/tenant/cors-origins', { token: a.tokens[who] })).status).toBe(403);
      const put = await call('/v1/tenant/cors-origins', {
        method: 'PUT',
        token: a.tokens[who],
        body: { origins: [] },
        headers: { 'if-match': '"1"' },
      });
      expect(put.status).toBe(403);
    }
  });
});

describe('preflight', () => {
  it('answers an origin some tenant allows, with the methods and headers the API takes', async () => {
    const res = await preflight(A_ORIGIN.toLowerCase());
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(A_ORIGIN.toLowerCase());
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses any other origin, without CORS headers', async () => {
    const res = await preflight(UNKNOWN);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('stops answering once the tenant takes the origin off its list', async () => {
    const origin = `https://gone-${crypto.randomUUID().slice(0, 8)}.example.gov.cn`;
    await setOrigins(b, [origin]);
    expect((await preflight(origin)).status).toBe(204);
    await setOrigins(b, []);
    expect((await preflight(origin)).status).toBe(403);
  });
});

describe('the real request', () => {
  it('is served to the token’s own tenant’s origins, readable by the page', async () => {
    const res = await call('/v1/org-units', {
      token: a.tokens.readerClient,
      headers: { origin: A_ORIGIN.toLowerCase() },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(A_ORIGIN.toLowerCase());
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('is refused with another tenant’s token, before anything is written', async () => {
    const before = await tenantSnapshot(b.id);
    const write = await call('/v1/org-units', {
      token: b.tokens.admin,
      body: { parent_id: b.units.town.id, kind: 'village', name: '跨域村' },
      headers: { origin: A_ORIGIN.toLowerCase() },
    });
    const problem = (await write.json()) as Problem;
    expect(write.status).toBe(403);
    expect(problem.detail).toMatch(/not on the tenant’s list/);
    expect(await tenantSnapshot(b.id)).toEqual(before);
    const read = await call('/v1/org-units', {
      token: b.tokens.viewer,
      headers: { origin: A_ORIGIN.toLowerCase() },
    });
    expect(read.status).toBe(403);
  });

  it('is refused from an origin no tenant allows, and the page cannot read why', async () => {
    const res = await call('/v1/org-units', {
      token: a.tokens.admin,
      headers: { origin: UNKNOWN },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves same-origin requests (the UI) alone, still varying on Origin', async () => {
    const res = await call('/v1/org-units', {
      token: a.tokens.admin,
      headers: { origin: 'http://kaoping.test' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
    const none = await call('/v1/org-units', { token: a.tokens.admin });
    expect(none.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets an allowed origin read the answers of public routes (sign-in, the token endpoint)', async () => {
    const signin = await call('/v1/auth/signin', {
      body: { tenant: a.slug, email: a.people.viewer.email, password: 'wrong-password-x' },
      headers: { origin: A_ORIGIN.toLowerCase() },
      ip: freshIp(),
    });
    expect(signin.status).toBe(401);
    expect(signin.headers.get('access-control-allow-origin')).toBe(A_ORIGIN.toLowerCase());
    const token = await callJson<{ access_token: string }>('/v1/oauth/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: a.clients.readerClient.id,
        client_secret: a.clients.readerClient.secret,
      },
      headers: { origin: 'http://localhost:5173' },
      expect: 200,
    });
    expect(token.access_token).toBeTruthy();
    const other = await call('/v1/auth/signin', {
      body: { tenant: a.slug, email: a.people.viewer.email, password: 'wrong-password-x' },
      headers: { origin: UNKNOWN },
      ip: freshIp(),
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
