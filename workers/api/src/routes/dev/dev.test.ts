import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';

// The route's real use — ticking the scheduler of the same `wrangler dev` session — is what
// every scored story in the browser tests (packages/ui/e2e) goes through.
describe('POST /__dev/tick', () => {
  it('in development, hands the tick to the scheduler and passes its answer on', async () => {
    const res = await buildApp().request(
      '/__dev/tick',
      { method: 'POST' },
      { ...env, ENVIRONMENT: 'development' },
    );
    // The binding's answer has immutable headers; the security headers are still added.
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toEqual({
      stand_in: true,
      method: 'POST',
      url: 'http://scheduler/__dev/tick',
    });
  });

  it('is not there outside development (tests here; production likewise)', async () => {
    const res = await exports.default.fetch('http://kaoping.test/__dev/tick', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is not there in production even with the scheduler bound', async () => {
    let reached = false;
    const scheduler = {
      fetch: async () => {
        reached = true;
        return new Response('{}');
      },
    };
    const res = await buildApp().request(
      '/__dev/tick',
      { method: 'POST' },
      { ...env, ENVIRONMENT: 'production', SCHEDULER: scheduler },
    );
    expect(res.status).toBe(404);
    expect(reached).toBe(false);
  });
});
