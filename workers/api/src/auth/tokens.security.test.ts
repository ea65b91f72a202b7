import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import {
  base64url,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, signIn, type TestTenant } from '../../test/factories.ts';
import { call, type Problem } from '../../test/http.ts';
import worker from '../index.ts';
import { CLOCK_TOLERANCE_SECONDS, KEY_GRACE_SECONDS } from './keys.ts';

/**
 * RESILIENCE.md "Tokens (jose)": every malformed, forged, stale or
 * misdirected token is refused with the same 401, and every refusal is
 * paired with an accepted control, so a pass means the check — not a typo
 * in the test — refused it.
 */

const configured = () => JSON.parse(env.JWT_SIGNING_KEYS) as (JWK & { kid: string })[];
const now = () => Math.floor(Date.now() / 1000);

let t: TestTenant;
let key: CryptoKey;
let kid: string;

beforeAll(async () => {
  t = await createTestTenant();
  const jwk = configured()[0]!;
  kid = jwk.kid;
  key = (await importJWK({ ...jwk, alg: 'ES256' }, 'ES256')) as CryptoKey;
});

function claims(overrides: Partial<JWTPayload> & Record<string, unknown> = {}): JWTPayload {
  const iat = now();
  const base: JWTPayload = {
    iss: env.PUBLIC_ORIGIN,
    aud: env.PUBLIC_ORIGIN,
    sub: t.people.admin.id,
    tid: t.id,
    iat,
    nbf: iat,
    exp: iat + 900,
    jti: crypto.randomUUID().replaceAll('-', ''),
  };
  const out: Record<string, unknown> = { ...base, ...overrides };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out as JWTPayload;
}

function sign(
  payload: JWTPayload,
  header: Record<string, unknown> = {},
  signingKey: CryptoKey | Uint8Array = key,
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt', ...header } as never)
    .sign(signingKey);
}

async function status(token: string, fetcher = call): Promise<number> {
  const res = await fetcher('/v1/me', { token });
  if (res.status === 401) {
    const body = await res.json<Problem>();
    expect(body.type).toMatch(/unauthorized$/);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  }
  return res.status;
}

describe('access tokens', () => {
  it('accepts a well-formed token (the control for every refusal below)', async () => {
    expect(await status(await sign(claims()))).toBe(200);
  });

  it('refuses a tampered signature', async () => {
    const token = await sign(claims());
    const [h, p, s] = token.split('.');
    const flipped = s!.slice(0, 10) + (s![10] === 'A' ? 'B' : 'A') + s!.slice(11);
    expect(await status(`${h}.${p}.${flipped}`)).toBe(401);
  });

  it('refuses a payload edited after signing (another tenant id)', async () => {
    const other = await createTestTenant();
    const token = await sign(claims());
    const [h, , s] = token.split('.');
    const forged = base64url.encode(JSON.stringify(claims({ tid: other.id })));
    expect(await status(`${h}.${forged}.${s}`)).toBe(401);
  });

  it('refuses alg: none', async () => {
    const unsecured = new UnsecuredJWT(claims()).encode();
    const [, p] = unsecured.split('.');
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid, typ: 'at+jwt' }));
    expect(await status(unsecured)).toBe(401);
    expect(await status(`${header}.${p}.`)).toBe(401);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const { d: _d, ...publicJwk } = configured()[0]!;
    for (const secret of [JSON.stringify(publicJwk), publicJwk.x!]) {
      const token = await sign(claims(), { alg: 'HS256' }, new TextEncoder().encode(secret));
      expect(await status(token)).toBe(401);
    }
  });

  it('refuses an algorithm outside the allow-list, even with a known kid', async () => {
    const { privateKey } = await generateKeyPair('ES384');
    expect(await status(await sign(claims(), { alg: 'ES384' }, privateKey))).toBe(401);
  });

  it('refuses a token signed by a key it does not know under a known kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    expect(await status(await sign(claims(), {}, privateKey))).toBe(401);
  });

  it('refuses an unknown kid and a missing kid', async () => {
    expect(await status(await sign(claims(), { kid: 'not-a-key' }))).toBe(401);
    const noKid = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .sign(key);
    expect(await status(noKid)).toBe(401);
  });

  it('refuses missing exp, iat, nbf, jti, tid, sub, iss or aud', async () => {
    for (const claim of ['exp', 'iat', 'nbf', 'jti', 'tid', 'sub', 'iss', 'aud']) {
      expect(await status(await sign(claims({ [claim]: undefined }))), claim).toBe(401);
    }
  });

  it('refuses an expired token beyond the 60 s tolerance, and accepts one within it', async () => {
    const iat = now() - 800;
    expect(await status(await sign(claims({ iat, nbf: iat, exp: now() - 120 })))).toBe(401);
    expect(await status(await sign(claims({ iat, nbf: iat, exp: now() - 30 })))).toBe(200);
  });

  it('refuses nbf or iat in the future beyond tolerance (clock skew ±2 min)', async () => {
    const ahead = now() + 2 * 60;
    expect(await status(await sign(claims({ nbf: ahead })))).toBe(401);
    expect(await status(await sign(claims({ iat: ahead, nbf: ahead, exp: ahead + 900 })))).toBe(
      401,
    );
    const slightly = now() + CLOCK_TOLERANCE_SECONDS - 20;
    expect(
      await status(await sign(claims({ iat: slightly, nbf: slightly, exp: slightly + 900 }))),
    ).toBe(200);
  });

  it('refuses a token older than its maximum age even if exp says otherwise', async () => {
    const iat = now() - 20 * 60;
    expect(await status(await sign(claims({ iat, nbf: iat, exp: now() + 3600 })))).toBe(401);
  });

  it('refuses a wrong issuer or audience', async () => {
    expect(await status(await sign(claims({ iss: 'https://evil.example' })))).toBe(401);
    expect(await status(await sign(claims({ aud: 'https://other.example' })))).toBe(401);
    expect(await status(await sign(claims({ aud: ['https://other.example'] })))).toBe(401);
  });

  it('refuses another typ: a JWT that is not an access token', async () => {
    expect(await status(await sign(claims(), { typ: 'JWT' }))).toBe(401);
    expect(await status(await sign(claims(), { typ: 'refresh+jwt' }))).toBe(401);
    const noTyp = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid }).sign(key);
    expect(await status(noTyp)).toBe(401);
  });

  it('refuses a refresh token used as an access token', async () => {
    const session = await (await signIn(t.slug, t.people.viewer.email)).json<{
      refresh_token: string;
    }>();
    expect(await status(session.refresh_token)).toBe(401);
  });

  it('refuses a client token passed off as a user token and the other way round', async () => {
    // A user id with client claims, a client id without them.
    const clientId = t.clients.readerClient.id;
    expect(
      await status(await sign(claims({ client_id: t.people.admin.id, scope: 'scores:read' }))),
    ).toBe(401);
    expect(await status(await sign(claims({ sub: clientId })))).toBe(401);
    expect(
      await status(
        await sign(claims({ sub: clientId, client_id: clientId, scope: 'scores:read' })),
      ),
    ).toBe(200);
  });

  it('refuses a user of one tenant presented with another tenant id', async () => {
    const other = await createTestTenant();
    expect(await status(await sign(claims({ tid: other.id })))).toBe(401);
  });

  it('refuses a 16 KB token without parsing it, and broken base64url', async () => {
    const big = `${'a'.repeat(8 * 1024)}.${'b'.repeat(8 * 1024)}.c`;
    expect(await status(big)).toBe(401);
    const token = await sign(claims());
    const [h, p, s] = token.split('.');
    expect(await status(`${h}.${p}!.${s}`)).toBe(401);
    expect(await status(`${h}.${p}`)).toBe(401);
    expect(await status(`${h}=.${p}.${s}`)).toBe(401);
    expect(await status(`${base64url.encode('{"alg":')}.${p}.${s}`)).toBe(401);
  });

  it('refuses malformed Authorization headers', async () => {
    const token = await sign(claims());
    for (const authorization of [
      `Token ${token}`,
      'Bearer',
      `Bearer ${token} extra`,
      `Basic ${token}`,
    ]) {
      const res = await call('/v1/me', { headers: { authorization } });
      expect(res.status, authorization.slice(0, 12)).toBe(401);
    }
    expect((await call('/v1/me')).status).toBe(401);
  });
});

describe('revocation takes effect at once', () => {
  it('a removed person’s token stops working', async () => {
    const tenant = await createTestTenant();
    const { viewer } = tenant.people;
    expect(await status(viewer.token)).toBe(200);
    const person = await call(`/v1/people/${viewer.id}`, { token: tenant.tokens.admin });
    const removed = await call(`/v1/people/${viewer.id}`, {
      method: 'DELETE',
      token: tenant.tokens.admin,
      headers: { 'if-match': person.headers.get('etag')! },
    });
    expect(removed.status).toBe(204);
    expect(await status(viewer.token)).toBe(401);
    expect((await signIn(tenant.slug, viewer.email)).status).toBe(401);
  });

  it('a revoked client’s token stops working', async () => {
    const tenant = await createTestTenant();
    const { readerClient } = tenant.clients;
    expect(await status(readerClient.token)).toBe(200);
    const revoked = await call(`/v1/clients/${readerClient.id}`, {
      method: 'DELETE',
      token: tenant.tokens.admin,
    });
    expect(revoked.status).toBe(204);
    expect(await status(readerClient.token)).toBe(401);
  });

  it('a suspended tenant’s tokens stop working', async () => {
    const tenant = await createTestTenant();
    expect(await status(tenant.tokens.admin)).toBe(200);
    await env.DB.prepare("UPDATE tenants SET status = 'suspended' WHERE id = ?")
      .bind(tenant.id)
      .run();
    expect(await status(tenant.tokens.admin)).toBe(401);
    expect(await status(tenant.tokens.readerClient)).toBe(401);
  });

  it('a revoked refresh token is refused', async () => {
    const session = await (await signIn(t.slug, t.people.reporter.email)).json<{
      refresh_token: string;
    }>();
    await call('/v1/auth/signout', { body: { refresh_token: session.refresh_token } });
    const res = await call('/v1/auth/refresh', { body: { refresh_token: session.refresh_token } });
    expect(res.status).toBe(401);
  });
});

describe('key rotation', () => {
  async function newKey(kidName: string) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    return { ...(await exportJWK(privateKey)), kid: kidName, alg: 'ES256' };
  }

  /** The real worker with another JWT_SIGNING_KEYS secret. */
  function withKeys(keys: unknown[]) {
    const rotatedEnv = { ...env, JWT_SIGNING_KEYS: JSON.stringify(keys) };
    return async (path: string, options: { token?: string } = {}) => {
      const ctx = createExecutionContext();
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const res = await worker.fetch(
        new Request(`http://kaoping.test${path}`, { headers }) as never,
        rotatedEnv as never,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    };
  }

  it('verifies tokens of a retired key until retireAt + grace, then refuses them', async () => {
    const old = configured()[0]!;
    const next = await newKey('next-key');
    const oldToken = await sign(claims());
    // Retired just now: still inside the grace period.
    const rotated = withKeys([next, { ...old, retireAt: new Date().toISOString() }]);
    expect(await status(oldToken, rotated)).toBe(200);
    // A token signed by the new first key is accepted too.
    const nextKey = (await importJWK(next, 'ES256')) as CryptoKey;
    const newToken = await sign(claims(), { kid: 'next-key' }, nextKey);
    expect(await status(newToken, rotated)).toBe(200);
    // Retired longer ago than the grace period: refused, even though the token itself is fresh.
    const past = new Date(Date.now() - (KEY_GRACE_SECONDS + 5) * 1000).toISOString();
    const expired = withKeys([next, { ...old, retireAt: past }]);
    expect(await status(oldToken, expired)).toBe(401);
    expect(await status(newToken, expired)).toBe(200);
    // JWKS publishes the keys that still verify, and only public parts.
    const jwks = await (await rotated('/.well-known/jwks.json')).json<{ keys: JWK[] }>();
    expect(jwks.keys.map((k) => k.kid)).toEqual(['next-key', old.kid]);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    const after = await (await expired('/.well-known/jwks.json')).json<{ keys: JWK[] }>();
    expect(after.keys.map((k) => k.kid)).toEqual(['next-key']);
  });

  it('signs with the first key: sign-in after rotation uses the new kid', async () => {
    const next = await newKey('signing-now');
    const rotatedEnv = {
      ...env,
      JWT_SIGNING_KEYS: JSON.stringify([
        next,
        { ...configured()[0], retireAt: new Date().toISOString() },
      ]),
    };
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request('http://kaoping.test/v1/auth/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.9.9.9' },
        body: JSON.stringify({
          tenant: t.slug,
          email: t.people.admin.email,
          password: 'test-password-2026',
        }),
      }) as never,
      rotatedEnv as never,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    const { access_token } = await res.json<{ access_token: string }>();
    const [header] = access_token.split('.');
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(header!))).kid).toBe('signing-now');
  });

  it('refuses to start with a malformed key secret', async () => {
    for (const bad of ['not json', '[]', JSON.stringify([{ kty: 'EC', kid: 'x' }])]) {
      const ctx = createExecutionContext();
      await expect(
        Promise.resolve().then(() =>
          worker.fetch(
            new Request('http://kaoping.test/healthz') as never,
            { ...env, JWT_SIGNING_KEYS: bad } as never,
            ctx,
          ),
        ),
      ).rejects.toThrow(/misconfigured: JWT_SIGNING_KEYS/);
    }
  });
});
