import { env } from 'cloudflare:workers';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

interface Client {
  id: string;
  name: string;
  scopes: string[];
  secret_prefix: string;
  status: string;
  last_used_at: string | null;
}

describe('API clients', () => {
  it('creates a client whose secret is shown once and stored as a hash with a prefix', async () => {
    const t = await createTestTenant();
    const res = await call('/v1/clients', {
      token: t.tokens.admin,
      body: { name: '市级数据平台', scopes: ['scores:read', 'submissions:write', 'scores:read'] },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const created = await res.json<Client & { client_secret: string }>();
    expect(created.client_secret).toMatch(/^kps_[A-Za-z0-9_-]{43}$/);
    expect(created.secret_prefix).toBe(created.client_secret.slice(0, 10));
    expect(created.scopes).toEqual(['scores:read', 'submissions:write']);
    const row = await env.DB.prepare(
      'SELECT secret_hash, secret_prefix FROM api_clients WHERE id = ?',
    )
      .bind(created.id)
      .first<{ secret_hash: string; secret_prefix: string }>();
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.client_secret.slice(10));
    const read = await callJson<Record<string, unknown>>(`/v1/clients/${created.id}`, {
      token: t.tokens.admin,
    });
    expect(read).not.toHaveProperty('client_secret');
    expect(read).toMatchObject({ status: 'active', secret_prefix: created.secret_prefix });
  });

  it('issues client-credentials tokens: form + Basic, form body, JSON body', async () => {
    const t = await createTestTenant();
    const { readerClient: c } = t.clients;
    const basic = btoa(`${encodeURIComponent(c.id)}:${encodeURIComponent(c.secret)}`);
    const requests = [
      call('/v1/oauth/token', {
        body: 'grant_type=client_credentials',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${basic}`,
        },
      }),
      call('/v1/oauth/token', {
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: c.id,
          client_secret: c.secret,
          scope: 'scores:read',
          unknown_extension: 'ignored (RFC 6749 §3.2)',
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      }),
      call('/v1/oauth/token', {
        body: { grant_type: 'client_credentials', client_id: c.id, client_secret: c.secret },
      }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = await res.json<{
        access_token: string;
        token_type: string;
        expires_in: number;
        scope: string;
      }>();
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'scores:read' });
      expect(decodeProtectedHeader(body.access_token)).toMatchObject({
        typ: 'at+jwt',
        alg: 'ES256',
      });
      expect(decodeJwt(body.access_token)).toMatchObject({
        sub: c.id,
        client_id: c.id,
        tid: t.id,
        scope: 'scores:read',
      });
      const me = await callJson<{ kind: string; client: { id: string } }>('/v1/me', {
        token: body.access_token,
      });
      expect(me).toMatchObject({ kind: 'client', client: { id: c.id } });
    }
    const listed = await callJson<{ items: Client[] }>('/v1/clients', { token: t.tokens.admin });
    expect(listed.items.find((x) => x.id === c.id)!.last_used_at).not.toBeNull();
  });

  it('lists and revokes clients; revoking twice changes nothing', async () => {
    const t = await createTestTenant();
    const id = t.clients.writerClient.id;
    expect(
      (await call(`/v1/clients/${id}`, { method: 'DELETE', token: t.tokens.admin })).status,
    ).toBe(204);
    expect(
      (await call(`/v1/clients/${id}`, { method: 'DELETE', token: t.tokens.admin })).status,
    ).toBe(204);
    const revoked = await callJson<{ items: Client[] }>('/v1/clients?status=revoked', {
      token: t.tokens.admin,
    });
    expect(revoked.items.map((c) => c.id)).toEqual([id]);
    const active = await callJson<{ items: Client[] }>('/v1/clients', { token: t.tokens.admin });
    expect(active.items.map((c) => c.id)).toEqual([t.clients.readerClient.id]);
    const audit = await callJson<{ items: unknown[] }>(
      `/v1/audit?entity_id=${id}&action=api_client.revoke`,
      {
        token: t.tokens.admin,
      },
    );
    expect(audit.items).toHaveLength(1);
  });
});
