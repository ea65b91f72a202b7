import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../../../test/factories.ts';
import { call, freshIp } from '../../../test/http.ts';
import { burstUntilRefused, expectRefused } from '../../../test/rate-limit-burst.ts';

const token = (
  body: Record<string, string>,
  headers: Record<string, string> = {},
  ip = freshIp(),
) =>
  call('/v1/oauth/token', {
    body: new URLSearchParams(body).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ip,
  });

async function oauthError(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(res.headers.get('cache-control')).toBe('no-store');
  return res.json<{ error: string; error_description: string }>();
}

describe('OAuth client credentials — refusals (RFC 6749 §5.2 shape)', () => {
  it('invalid_client for a wrong prefix, a wrong secret, an unknown id, a revoked or expired client', async () => {
    const t = await createTestTenant();
    const { readerClient: c } = t.clients;
    const expiring = await call('/v1/clients', {
      token: t.tokens.admin,
      body: {
        name: '将过期',
        scopes: ['scores:read'],
        expires_at: new Date(Date.now() + 60_000).toISOString(),
      },
    });
    const soon = await expiring.json<{ id: string; client_secret: string }>();
    await env.DB.prepare('UPDATE api_clients SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), soon.id)
      .run();
    const revoked = t.clients.writerClient;
    await call(`/v1/clients/${revoked.id}`, { method: 'DELETE', token: t.tokens.admin });
    const attempts: Record<string, string>[] = [
      { client_id: c.id, client_secret: c.secret.replace(/^kps_/, 'kpx_') },
      { client_id: c.id, client_secret: `${c.secret.slice(0, -2)}AA` },
      { client_id: c.id, client_secret: 'kps_short' },
      { client_id: 'cli_00000000000000000000000000000000', client_secret: c.secret },
      { client_id: revoked.id, client_secret: revoked.secret },
      { client_id: soon.id, client_secret: soon.client_secret },
      { client_id: c.id },
      {},
    ];
    for (const creds of attempts) {
      const res = await token({ grant_type: 'client_credentials', ...creds });
      expect(res.status, JSON.stringify(creds).slice(0, 60)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="kaoping"');
      expect((await oauthError(res)).error).toBe('invalid_client');
    }
    // A control: the right secret works.
    expect(
      (await token({ grant_type: 'client_credentials', client_id: c.id, client_secret: c.secret }))
        .status,
    ).toBe(200);
  });

  it('unsupported_grant_type, invalid_scope, invalid_request', async () => {
    const t = await createTestTenant();
    const { readerClient: c } = t.clients;
    const creds = { client_id: c.id, client_secret: c.secret };
    const pw = await token({ grant_type: 'password', ...creds });
    expect(pw.status).toBe(400);
    expect((await oauthError(pw)).error).toBe('unsupported_grant_type');
    for (const scope of ['submissions:write', 'scores:read admin', 'everything']) {
      const res = await token({ grant_type: 'client_credentials', scope, ...creds });
      expect(res.status).toBe(400);
      expect((await oauthError(res)).error).toBe('invalid_scope');
    }
    const missing = await token({ ...creds });
    expect(missing.status).toBe(400);
    expect((await oauthError(missing)).error).toBe('invalid_request');
    const basic = btoa(`${c.id}:${c.secret}`);
    const both = await token(
      { grant_type: 'client_credentials', ...creds },
      { authorization: `Basic ${basic}` },
    );
    expect(both.status).toBe(400);
    expect((await oauthError(both)).error).toBe('invalid_request');
    const badJson = await call('/v1/oauth/token', {
      body: '{"grant_type":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expect((await oauthError(badJson)).error).toBe('invalid_request');
    const malformedBasic = await token(
      { grant_type: 'client_credentials' },
      { authorization: 'Basic %%%' },
    );
    expect(malformedBasic.status).toBe(401);
  });

  it('a scores:read client cannot write; a client never administers', async () => {
    const t = await createTestTenant();
    const write = await call('/v1/org-units', {
      token: t.tokens.readerClient,
      body: { parent_id: t.units.town.id, kind: 'village', name: '客户端村' },
    });
    expect(write.status).toBe(403);
    for (const path of ['/v1/people', '/v1/clients', '/v1/audit', '/v1/invitations']) {
      expect((await call(path, { token: t.tokens.writerClient })).status, path).toBe(403);
    }
  });

  it('is rate-limited per address and client: a burst gets 429 with Retry-After', async () => {
    const t = await createTestTenant();
    const { readerClient: c } = t.clients;
    const ip = freshIp();
    const basic = `Basic ${btoa(`${c.id}:wrong-secret`)}`;
    // TOKEN_LIMITER allows 30 a minute per address and client (wrangler.toml).
    const burst = await burstUntilRefused(30, () =>
      token({ grant_type: 'client_credentials' }, { authorization: basic }, ip),
    );
    expectRefused(burst, 30);
    expect(burst.statuses.slice(0, burst.passed).every((s) => s === 401)).toBe(true);
  });
});
