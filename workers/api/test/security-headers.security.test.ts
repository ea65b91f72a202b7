import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign, type TestCampaign } from './campaign.ts';
import { createTestTenant, type TestTenant } from './factories.ts';
import { call, callJson, freshIp } from './http.ts';
import { operations } from './openapi-walk.ts';
import { burstUntilRefused } from './rate-limit-burst.ts';
import { missingSecurityHeaders } from './security-headers.ts';

/**
 * Every kind of answer the worker gives carries the security headers, and none sets a cookie:
 * JSON, problem+json (400, 401, 403, 404, 405-ish unknown methods, 413, 415, 429), a preflight,
 * a plain OPTIONS, an attachment download, the OpenAPI document, the JWKS, /docs. The UI's static
 * files, served by the asset binding, are checked the same way against a real `wrangler dev`
 * (packages/ui/e2e/security-headers.e2e.test.ts).
 *
 * And CSRF has nothing to ride on: the API reads no cookies, so a request that carries a valid
 * access token only in a cookie is a 401 asking for a token, on every route that needs one.
 */

let t: TestTenant;
let campaign: TestCampaign;
const ALLOWED_ORIGIN = `https://headers-${crypto.randomUUID().slice(0, 8)}.example.gov.cn`;

beforeAll(async () => {
  t = await createTestTenant();
  campaign = await createTestCampaign(t);
  await callJson('/v1/tenant/cors-origins', {
    method: 'PUT',
    token: t.tokens.admin,
    body: { origins: [ALLOWED_ORIGIN] },
    headers: { 'if-match': '"1"' },
    expect: 200,
  });
});

describe('security headers on every kind of answer', () => {
  const cases: [string, () => Promise<Response>, number][] = [
    ['health (JSON)', () => call('/healthz'), 200],
    ['the OpenAPI document', () => call('/v1/openapi.json'), 200],
    ['the JWKS', () => call('/.well-known/jwks.json'), 200],
    ['the docs page, whatever it answers', () => call('/docs'), -1],
    ['an unknown route (404 problem)', () => call('/v1/no-such-route'), 404],
    ['an unknown path outside /v1', () => call('/no-such-page'), 404],
    ['no token (401)', () => call('/v1/org-units'), 401],
    ['a list (JSON)', () => call('/v1/org-units', { token: t.tokens.admin }), 200],
    ['a role refused (403)', () => call('/v1/clients', { token: t.tokens.viewer }), 403],
    [
      'malformed JSON (400)',
      () =>
        call('/v1/org-units', {
          token: t.tokens.admin,
          body: '{"name": ',
          headers: { 'content-type': 'application/json' },
        }),
      400,
    ],
    [
      'a wrong media type (415)',
      () =>
        call('/v1/org-units', {
          token: t.tokens.admin,
          body: '<xml/>',
          headers: { 'content-type': 'application/xml' },
        }),
      415,
    ],
    [
      'an oversize body (413)',
      () =>
        call('/v1/org-units', {
          token: t.tokens.admin,
          body: JSON.stringify({ name: 'x'.repeat(70_000) }),
          headers: { 'content-type': 'application/json' },
        }),
      413,
    ],
    [
      'a preflight (204)',
      () =>
        call('/v1/org-units', {
          method: 'OPTIONS',
          headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'GET' },
        }),
      204,
    ],
    [
      'a refused preflight (403)',
      () =>
        call('/v1/org-units', {
          method: 'OPTIONS',
          headers: { origin: 'https://x.example.com', 'access-control-request-method': 'GET' },
        }),
      403,
    ],
    [
      'a cross-origin answer',
      () => call('/v1/org-units', { token: t.tokens.admin, headers: { origin: ALLOWED_ORIGIN } }),
      200,
    ],
    ['a plain OPTIONS', () => call('/v1/org-units', { method: 'OPTIONS' }), 404],
    [
      'an evidence download (attachment)',
      () => call(`/v1/evidence/${campaign.draft.evidenceId}/content`, { token: t.tokens.admin }),
      200,
    ],
    ['the public objection page', () => call(`/v1/public/objections/${campaign.publicToken}`), 200],
  ];

  it.for(cases)('%s', async ([, request, status]) => {
    const res = await request();
    if (status > 0) expect(res.status).toBe(status);
    expect(missingSecurityHeaders(res.headers)).toEqual([]);
  });

  it('a rate-limited answer (429)', async () => {
    const ip = freshIp();
    const { refused } = await burstUntilRefused(10, () =>
      call('/v1/auth/signin', {
        body: { tenant: t.slug, email: 'nobody@kaoping.test', password: 'not-the-password' },
        ip,
      }),
    );
    expect(refused?.status).toBe(429);
    expect(missingSecurityHeaders(refused!.headers)).toEqual([]);
  });
});

describe('no cookies, so no CSRF', () => {
  const ops = operations();
  const path = (p: string) =>
    p.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'stage'
        ? 'self'
        : name === 'key'
          ? 'gz.full-employment'
          : name === 'version'
            ? '2024.1'
            : `org_${'0'.repeat(32)}`,
    );

  it.for(ops.map((op) => [op.key, op] as const))(
    '%s: no Set-Cookie, and a token sent only as a cookie is not a credential',
    async ([, op]) => {
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
      // As a signed-in admin: whatever it answers, it sets no cookie.
      const withToken = await call(path(op.path), {
        method: op.method,
        token: t.tokens.admin,
        body,
        headers: { 'if-match': '"1"' },
      });
      expect(withToken.headers.get('set-cookie')).toBeNull();
      // The same token as cookies (every name a framework might read) and no Authorization.
      const cookieOnly = await call(path(op.path), {
        method: op.method,
        body,
        headers: {
          'if-match': '"1"',
          cookie: `access_token=${t.tokens.admin}; token=${t.tokens.admin}; session=${t.tokens.admin}; Authorization=Bearer%20${t.tokens.admin}`,
        },
      });
      expect(cookieOnly.headers.get('set-cookie')).toBeNull();
      if (!op.public) {
        const text = await cookieOnly.text();
        expect(cookieOnly.status, text.slice(0, 200)).toBe(401);
        expect(text).toContain('no access token was sent');
      }
    },
  );
});
