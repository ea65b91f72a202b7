import { env } from 'cloudflare:workers';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTestTenant, signIn, TEST_PASSWORD } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

interface Session {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  user: { id: string; email: string };
  tenant: { id: string; slug: string };
}

describe('sign-up', () => {
  it('creates the tenant, its root unit and its first admin in one step', async () => {
    const slug = `su-${crypto.randomUUID().slice(0, 8)}`;
    const res = await callJson<{
      tenant: { id: string; slug: string; level: string; area_code: string };
      admin: { id: string; email: string };
      root_unit: { kind: string; name: string; code: string; parent_id: null };
    }>('/v1/signup', {
      body: {
        tenant: {
          name: '广州市从化区人力资源和社会保障局',
          slug,
          level: 'district',
          region_name: '从化区',
          area_code: '４４０１１７',
        },
        admin: { email: ' Admin@Conghua.TEST ', display_name: '管理员', password: TEST_PASSWORD },
      },
    });
    expect(res.tenant).toMatchObject({ slug, level: 'district', area_code: '440117' });
    expect(res.admin.email).toBe('admin@conghua.test');
    expect(res.root_unit).toMatchObject({
      kind: 'district',
      name: '从化区',
      code: '440117000000',
      parent_id: null,
    });
    const stored = await env.DB.prepare(
      'SELECT password_hash, password_salt, password_iterations FROM users WHERE id = ?',
    )
      .bind(res.admin.id)
      .first<{ password_hash: string; password_iterations: number }>();
    expect(stored!.password_hash).not.toContain(TEST_PASSWORD);
    expect(stored!.password_iterations).toBe(100_000);
    const audit = await env.DB.prepare(
      'SELECT action FROM audit_log WHERE tenant_id = ? ORDER BY seq',
    )
      .bind(res.tenant.id)
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual([
      'tenant.sign_up',
      'org_unit.create',
      'person.join',
    ]);
  });
});

describe('sign-in, refresh, sign-out', () => {
  it('issues an ES256 access token with kid, typ, iss, aud, sub, tid, exp, nbf, jti', async () => {
    const t = await createTestTenant();
    const res = await signIn(t.slug, t.people.admin.email);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const session = await res.json<Session>();
    expect(session.token_type).toBe('Bearer');
    expect(session.expires_in).toBe(900);
    expect(session.refresh_token).toMatch(/^kpr_[A-Za-z0-9_-]{43}$/);
    const header = decodeProtectedHeader(session.access_token);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(header.kid).toBeTruthy();
    const claims = decodeJwt(session.access_token);
    expect(claims).toMatchObject({
      iss: env.PUBLIC_ORIGIN,
      aud: env.PUBLIC_ORIGIN,
      sub: t.people.admin.id,
      tid: t.id,
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims.nbf).toBe(claims.iat);
    expect(claims.jti).toMatch(/^[0-9a-f]{32}$/);
    const me = await callJson<{ user: { id: string } }>('/v1/me', { token: session.access_token });
    expect(me.user.id).toBe(t.people.admin.id);
    // Only the refresh token's hash is stored.
    const rows = await env.DB.prepare('SELECT token_hash FROM refresh_tokens WHERE user_id = ?')
      .bind(t.people.admin.id)
      .all<{ token_hash: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rotates the refresh token on every use', async () => {
    const t = await createTestTenant();
    const first = await (await signIn(t.slug, t.people.viewer.email)).json<Session>();
    const second = await callJson<Session>('/v1/auth/refresh', {
      body: { refresh_token: first.refresh_token },
      expect: 200,
    });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const third = await callJson<Session>('/v1/auth/refresh', {
      body: { refresh_token: second.refresh_token },
      expect: 200,
    });
    expect(decodeJwt(third.access_token).sub).toBe(t.people.viewer.id);
  });

  it('signs out by revoking the refresh token family', async () => {
    const t = await createTestTenant();
    const session = await (await signIn(t.slug, t.people.viewer.email)).json<Session>();
    const rotated = await callJson<Session>('/v1/auth/refresh', {
      body: { refresh_token: session.refresh_token },
      expect: 200,
    });
    const out = await call('/v1/auth/signout', { body: { refresh_token: rotated.refresh_token } });
    expect(out.status).toBe(204);
    const again = await call('/v1/auth/refresh', {
      body: { refresh_token: rotated.refresh_token },
    });
    expect(again.status).toBe(401);
    // Unknown tokens get the same answer (RFC 7009).
    const unknown = await call('/v1/auth/signout', { body: { refresh_token: 'kpr_nothing' } });
    expect(unknown.status).toBe(204);
  });

  it('publishes the public signing key at /.well-known/jwks.json', async () => {
    const res = await call('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    const { keys } = await res.json<{ keys: Record<string, string>[] }>();
    const configured = JSON.parse(env.JWT_SIGNING_KEYS) as { kid: string }[];
    expect(keys.map((k) => k.kid)).toEqual([configured[0]!.kid]);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
