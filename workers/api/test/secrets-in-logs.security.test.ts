import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logLine, redactSecrets } from '../src/lib/request-log.ts';
import { createTestCampaign } from './campaign.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from './factories.ts';
import { call, freshIp } from './http.ts';
import { runScheduler } from './scoring.ts';

/**
 * No secret, password or token in what the worker logs or in an error body. Everything the
 * worker writes to the console (log, info, warn, error, debug) is captured while a tenant signs
 * up, people sign in, refresh, accept invitations, clients are made and exchange their secrets,
 * the scheduler runs, and requests fail on purpose (wrong passwords and secrets, reused
 * refresh tokens, broken and foreign tokens, secrets where ids belong, malformed JSON full of
 * passwords). Then the captured text and every error body are searched for each password,
 * client secret (kps_), refresh token (kpr_), invitation token (kpi_), public link (kpo_),
 * JWT and the signing key's private part used.
 */

const logged: string[] = [];
const errorBodies: string[] = [];
/** Everything secret the run handled. */
const secrets = new Set<string>();
let spies: ReturnType<typeof vi.spyOn>[] = [];

async function send(path: string, init: Parameters<typeof call>[1] = {}) {
  const res = await call(path, init);
  const text = await res.text();
  if (res.status >= 400) errorBodies.push(text);
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const WRONG_PASSWORD = 'wrong-Passw0rd-that-must-not-leak';
const NEW_PASSWORD = 'invited-Passw0rd-2026-secret';
let t: TestTenant;

beforeAll(async () => {
  spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    }),
  );
  for (const key of JSON.parse(env.JWT_SIGNING_KEYS) as { d: string }[]) secrets.add(key.d);
  secrets.add(env.JWT_SIGNING_KEYS);
  secrets.add(TEST_PASSWORD);
  secrets.add(WRONG_PASSWORD);
  secrets.add(NEW_PASSWORD);

  // Sign-up, and everything the factory does: invitations accepted, clients and their tokens.
  t = await createTestTenant();
  const campaign = await createTestCampaign(t);
  secrets.add(campaign.publicToken);
  for (const c of Object.values(t.clients)) secrets.add(c.secret);
  for (const token of Object.values(t.tokens)) secrets.add(token);

  // Sign-in, refresh, refresh reuse, sign-out.
  const signIn = await send('/v1/auth/signin', {
    body: { tenant: t.slug, email: t.people.admin.email, password: TEST_PASSWORD },
    ip: freshIp(),
  });
  const session = signIn.json() as { access_token: string; refresh_token: string };
  secrets.add(session.access_token);
  secrets.add(session.refresh_token);
  const refreshed = await send('/v1/auth/refresh', {
    body: { refresh_token: session.refresh_token },
  });
  const next = refreshed.json() as { access_token: string; refresh_token: string };
  secrets.add(next.access_token);
  secrets.add(next.refresh_token);
  await send('/v1/auth/refresh', { body: { refresh_token: session.refresh_token } }); // reuse
  await send('/v1/auth/refresh', { body: { refresh_token: next.refresh_token } }); // revoked

  // A client made now, its secret exchanged both ways, then refused.
  const client = (
    await send('/v1/clients', {
      token: t.tokens.admin,
      body: { name: '日志测试客户端', scopes: ['scores:read'] },
    })
  ).json() as { id: string; client_secret: string };
  secrets.add(client.client_secret);
  const basic = `Basic ${btoa(`${client.id}:${client.client_secret}`)}`;
  const viaBasic = await send('/v1/oauth/token', {
    body: 'grant_type=client_credentials',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
  });
  secrets.add((viaBasic.json() as { access_token: string }).access_token);
  await send('/v1/oauth/token', {
    body: {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: `${client.client_secret}x`,
    },
  });
  await send('/v1/oauth/token', {
    body: {
      grant_type: 'client_credentials',
      client_id: client.client_secret,
      client_secret: client.client_secret,
    },
  });

  // An invitation accepted, then its token tried again.
  const invitation = (
    await send('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: `logs-${t.marker}@kaoping.test`, role: 'viewer' },
    })
  ).json() as { token: string };
  secrets.add(invitation.token);
  const accept = { token: invitation.token, display_name: '日志', password: NEW_PASSWORD };
  await send('/v1/invitations/accept', { body: accept });
  await send('/v1/invitations/accept', { body: accept });

  // Failures on purpose.
  await send('/v1/auth/signin', {
    body: { tenant: t.slug, email: t.people.admin.email, password: WRONG_PASSWORD },
    ip: freshIp(),
  });
  await send('/v1/auth/signin', {
    body: `{"tenant": "${t.slug}", "password": "${WRONG_PASSWORD}"`,
    headers: { 'content-type': 'application/json' },
    ip: freshIp(),
  });
  await send('/v1/org-units', { token: `${t.tokens.admin}x` });
  await send('/v1/org-units', { token: client.client_secret });
  await send('/v1/org-units', {
    headers: { authorization: `Basic ${btoa(`a:${TEST_PASSWORD}`)}` },
  });
  await send(`/v1/clients/${client.client_secret}`, { token: t.tokens.admin });
  await send(`/v1/org-units?cursor=${encodeURIComponent(session.refresh_token)}`, {
    token: t.tokens.admin,
  });
  await send('/v1/org-units', {
    token: t.tokens.admin,
    body: { name: invitation.token, kind: 'village', parent_id: client.client_secret },
  });
  await send('/v1/org-units', {
    token: t.tokens.admin,
    headers: { 'x-request-id': client.client_secret.replace(/-/g, '_') },
  });
  await send(`/v1/public/objections/${campaign.publicToken}x`);
  await runScheduler();
});

afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

describe('what the worker logs', () => {
  it('is one JSON line per request: id, method, route, status, duration, tenant — no more', () => {
    const lines = logged
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(
        ['actor', 'id', 'level', 'method', 'ms', 'msg', 'route', 'status', 'tenant'].sort(),
      );
      expect(String(line.route)).not.toMatch(/kpo_|\?/);
    }
    // The public objection link's token is a route parameter, never the logged path.
    expect(lines.some((l) => l.route === '/v1/public/objections/:token')).toBe(true);
    expect(lines.some((l) => l.tenant === t.id && l.status === 200)).toBe(true);
  });

  it('holds none of the passwords, secrets, tokens or key material used', () => {
    const text = logged.join('\n');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text.includes(secret), secret.slice(0, 12)).toBe(false);
    expect(text).not.toMatch(/kp[sri]_[A-Za-z0-9_-]{20,}/);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  });
});

describe('error bodies', () => {
  it('hold none of them either', () => {
    expect(errorBodies.length).toBeGreaterThan(10);
    const text = errorBodies.join('\n');
    const leaks = errorBodies.filter((b) => [...secrets].some((s) => b.includes(s)));
    expect(leaks).toEqual([]);
    for (const secret of secrets) expect(text.includes(secret), secret.slice(0, 12)).toBe(false);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  });
});

describe('redaction', () => {
  it('masks secrets by their shape wherever they appear in a line', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c3IifQ.c2lnbmF0dXJl';
    const line = redactSecrets(
      `kps_${'a'.repeat(43)} kpr_${'b'.repeat(43)} kpi_${'c'.repeat(43)} kpo_${'d'.repeat(43)} ${jwt} Bearer abc.def Basic dXNlcjpwYXNz`,
    );
    expect(line).toBe(
      '[redacted] [redacted] [redacted] [redacted] [redacted] [redacted] [redacted]',
    );
  });

  it('applies to every field of a log line, the message of an unhandled error included', () => {
    const captured: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((l: string) => {
      captured.push(l);
    });
    logLine('error', { msg: 'unhandled', message: `failed for kps_${'z'.repeat(43)}` });
    spy.mockRestore();
    expect(JSON.parse(captured[0]!)).toEqual({
      level: 'error',
      msg: 'unhandled',
      message: 'failed for [redacted]',
    });
  });
});
