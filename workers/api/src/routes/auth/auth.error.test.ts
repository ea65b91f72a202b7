import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTestTenant, signIn, TEST_PASSWORD } from '../../../test/factories.ts';
import { call, callJson, freshIp, type Problem } from '../../../test/http.ts';
import { burstUntilRefused, expectRefused } from '../../../test/rate-limit-burst.ts';

const strip = (b: Problem) => ({ ...b, request_id: undefined });

describe('sign-in refusals', () => {
  it('answers a wrong password, an unknown email and an unknown tenant the same way', async () => {
    const t = await createTestTenant();
    const answers = await Promise.all([
      signIn(t.slug, t.people.admin.email, 'wrong-password'),
      signIn(t.slug, 'nobody@kaoping.test'),
      signIn('no-such-tenant', t.people.admin.email),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.json<Problem>()));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(strip(bodies[1]!)).toEqual(strip(bodies[0]!));
    expect(strip(bodies[2]!)).toEqual(strip(bodies[0]!));
  });

  it('a person of one tenant cannot sign in to another', async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    expect((await signIn(b.slug, a.people.admin.email)).status).toBe(401);
  });

  it('is rate-limited per address and tenant: a burst gets 429 with Retry-After', async () => {
    const t = await createTestTenant();
    const ip = freshIp();
    // SIGNIN_LIMITER allows 10 a minute per address and tenant (wrangler.toml).
    const burst = await burstUntilRefused(10, () =>
      call('/v1/auth/signin', {
        body: { tenant: t.slug, email: t.people.admin.email, password: 'guess-number-x' },
        ip,
      }),
    );
    expectRefused(burst, 10);
    // Another address is not affected.
    expect((await signIn(t.slug, t.people.admin.email)).status).toBe(200);
  });
});

describe('refresh token reuse', () => {
  it('presenting a rotated refresh token again revokes the whole family', async () => {
    const t = await createTestTenant();
    const first = await (await signIn(t.slug, t.people.viewer.email)).json<{
      refresh_token: string;
    }>();
    const second = await callJson<{ refresh_token: string }>('/v1/auth/refresh', {
      body: { refresh_token: first.refresh_token },
      expect: 200,
    });
    // An attacker replays the first token: refused, and the family is revoked…
    expect(
      (await call('/v1/auth/refresh', { body: { refresh_token: first.refresh_token } })).status,
    ).toBe(401);
    // …so the legitimate holder of the newer token must sign in again.
    expect(
      (await call('/v1/auth/refresh', { body: { refresh_token: second.refresh_token } })).status,
    ).toBe(401);
    const audit = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_log WHERE tenant_id = ? AND action = 'auth.refresh_reuse'",
    )
      .bind(t.id)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it('two concurrent uses of one refresh token: at most one succeeds, then the family is revoked', async () => {
    const t = await createTestTenant();
    const first = await (await signIn(t.slug, t.people.viewer.email)).json<{
      refresh_token: string;
    }>();
    const results = await Promise.all(
      [1, 2].map(() => call('/v1/auth/refresh', { body: { refresh_token: first.refresh_token } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401]);
    const winner = await results.find((r) => r.status === 200)!.json<{ refresh_token: string }>();
    expect(
      (await call('/v1/auth/refresh', { body: { refresh_token: winner.refresh_token } })).status,
    ).toBe(401);
  });

  it('refuses expired and malformed refresh tokens', async () => {
    const t = await createTestTenant();
    const session = await (await signIn(t.slug, t.people.viewer.email)).json<{
      refresh_token: string;
    }>();
    await env.DB.prepare('UPDATE refresh_tokens SET expires_at = ? WHERE user_id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), t.people.viewer.id)
      .run();
    expect(
      (await call('/v1/auth/refresh', { body: { refresh_token: session.refresh_token } })).status,
    ).toBe(401);
    for (const refresh_token of ['kpr_', 'eyJhbGciOiJFUzI1NiJ9.e30.sig', 'x']) {
      expect((await call('/v1/auth/refresh', { body: { refresh_token } })).status).toBe(401);
    }
  });
});

describe('sign-up refusals', () => {
  it('a taken slug is a 409 and changes nothing', async () => {
    const t = await createTestTenant();
    const res = await call('/v1/signup', {
      body: {
        tenant: { name: '重复', slug: t.slug, level: 'town', region_name: '某镇' },
        admin: { email: 'dup@kaoping.test', display_name: '重复', password: TEST_PASSWORD },
      },
    });
    expect(res.status).toBe(409);
    expect((await res.json<Problem>()).detail_zh).toContain('租户标识已被使用');
    const n = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM users WHERE email = 'dup@kaoping.test'",
    ).first<{
      n: number;
    }>();
    expect(n!.n).toBe(0);
  });

  it('two sign-ups racing for one slug: one tenant, one 409', async () => {
    const slug = `race-${crypto.randomUUID().slice(0, 8)}`;
    const body = (i: number) => ({
      tenant: { name: `赛跑${i}`, slug, level: 'town', region_name: '某镇' },
      admin: { email: `race${i}@kaoping.test`, display_name: '赛跑', password: TEST_PASSWORD },
    });
    const results = await Promise.all([1, 2].map((i) => call('/v1/signup', { body: body(i) })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('is rate-limited per address: a burst gets 429 with Retry-After', async () => {
    const ip = freshIp();
    // SIGNUP_LIMITER allows 5 a minute per address (wrangler.toml). Invalid bodies count
    // too: the limit runs before validation, and they cost nothing to make.
    const burst = await burstUntilRefused(5, () =>
      call('/v1/signup', { body: { tenant: {}, admin: {} }, ip }),
    );
    expectRefused(burst, 5);
    expect(burst.statuses.slice(0, burst.passed).every((s) => s === 400)).toBe(true);
  });
});
