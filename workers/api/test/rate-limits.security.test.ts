import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign, type TestCampaign } from './campaign.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from './factories.ts';
import { call, freshIp } from './http.ts';
import { burstUntilRefused, expectRefused, refusedWithMargin } from './rate-limit-burst.ts';

/**
 * The public routes an attacker can hammer without a token — sign-up, sign-in, token refresh,
 * invitation acceptance, the OAuth token endpoint, a cycle's public objection link — each
 * refuse a burst from one address with 429, Retry-After and problem+json, while another
 * address goes on unhindered. A burst stops at its first refusal, which must come within
 * 2 × limit + 1 requests and not before half the limit has passed (test/rate-limit-burst.ts says
 * why: window edges, and a binding that is approximate). A refused sign-up creates nothing.
 */

let t: TestTenant;
let campaign: TestCampaign;

interface Burst {
  /** The limit in wrangler.toml. */
  limit: number;
  request: (ip: string, i: number) => Promise<Response>;
}

const json = (body: unknown) => ({ body });

const BURSTS: Record<string, () => Burst> = {
  'POST /v1/signup': () => ({
    limit: 5,
    request: (ip, i) =>
      call('/v1/signup', {
        ...json({
          tenant: {
            name: '限流',
            slug: `rl-${i}-${crypto.randomUUID().slice(0, 6)}`,
            level: 'district',
            region_name: '限流区',
          },
          admin: { email: `rl-${i}@kaoping.test`, display_name: '限流', password: TEST_PASSWORD },
        }),
        ip,
      }),
  }),
  'POST /v1/auth/signin': () => ({
    limit: 10,
    request: (ip) =>
      call('/v1/auth/signin', {
        ...json({ tenant: t.slug, email: t.people.admin.email, password: 'guess-the-password' }),
        ip,
      }),
  }),
  'POST /v1/auth/refresh': () => ({
    limit: 10,
    request: (ip) =>
      call('/v1/auth/refresh', { ...json({ refresh_token: `kpr_${'x'.repeat(43)}` }), ip }),
  }),
  'POST /v1/invitations/accept': () => ({
    limit: 10,
    request: (ip) =>
      call('/v1/invitations/accept', {
        ...json({ token: `kpi_${'x'.repeat(43)}`, display_name: '猜', password: TEST_PASSWORD }),
        ip,
      }),
  }),
  'POST /v1/oauth/token': () => ({
    limit: 30,
    request: (ip) =>
      call('/v1/oauth/token', {
        ...json({
          grant_type: 'client_credentials',
          client_id: t.clients.readerClient.id,
          client_secret: `kps_${'x'.repeat(43)}`,
        }),
        ip,
      }),
  }),
  'GET /v1/public/objections/{token}': () => ({
    limit: 5,
    request: (ip) => call(`/v1/public/objections/${campaign.publicToken}`, { ip }),
  }),
  'POST /v1/public/objections/{token}': () => ({
    limit: 5,
    request: (ip) =>
      call(`/v1/public/objections/${campaign.publicToken}`, {
        ...json({ submission_id: campaign.publicised.id, text: '请核实该村的登记失业人数。' }),
        ip,
      }),
  }),
};

beforeAll(async () => {
  t = await createTestTenant();
  campaign = await createTestCampaign(t);
});

describe('rate limits on the routes anyone can call', () => {
  it.for(Object.keys(BURSTS))('%s', async (route) => {
    const { limit, request } = BURSTS[route]!();
    const ip = freshIp();
    const burst = await burstUntilRefused(limit, (i) => request(ip, i));
    expectRefused(burst, limit);
    expect(burst.refused!.headers.get('content-type')).toContain('application/problem+json');
    const body = (await burst.refused!.json()) as { title_zh: string };
    expect(body.title_zh).toBe('请求过于频繁，请稍后再试');
    // Someone else, from another address, is not held up.
    expect((await request(freshIp(), 999)).status).not.toBe(429);
  });

  it('a refused sign-up creates nothing', async () => {
    const ip = freshIp();
    const { limit, request } = BURSTS['POST /v1/signup']!();
    // The refusal must leave time in its window, or the sign-up below would count in a new one.
    const burst = await refusedWithMargin(limit, (i) => request(ip, i));
    expect(burst.refused?.status).toBe(429);
    await burst.refused?.body?.cancel();
    const slug = `rl-after-${crypto.randomUUID().slice(0, 8)}`;
    const res = await call('/v1/signup', {
      body: {
        tenant: { name: '限流后', slug, level: 'district', region_name: '限流区' },
        admin: {
          email: `after-${slug}@kaoping.test`,
          display_name: '限流',
          password: TEST_PASSWORD,
        },
      },
      ip,
    });
    expect(res.status).toBe(429);
    const row = await env.DB.prepare('SELECT id FROM tenants WHERE slug = ?').bind(slug).first();
    expect(row).toBeNull();
    // refusedWithMargin may wait up to 5 s for a fresh window.
  }, 20_000);
});
