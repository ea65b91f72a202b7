// Security headers on what `wrangler dev` serves through the asset binding — the UI's HTML,
// scripts, styles and lazily loaded chunks, a deep SPA route, /docs and its assets — as well
// as on what the worker answers (problems, 404s, OPTIONS), in plain HTTP, no browser: the
// same list the api's workerd tests hold the worker to (workers/api/test/security-headers.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../../../scripts/lib.mjs';
import { missingSecurityHeaders } from '../../../workers/api/test/security-headers.ts';

const origin = inject('origin');

async function get(path: string, init: RequestInit = {}) {
  const res = await fetch(`${origin}${path}`, { redirect: 'manual', ...init });
  const body = init.method === 'HEAD' ? '' : await res.text();
  return { res, body };
}

/** Same-origin script, style and link targets an HTML page refers to. */
function assetsOf(html: string, base: string): string[] {
  const refs = [...html.matchAll(/\b(?:src|href)="([^"#?]+)[^"]*"/g)].map((m) => m[1]!);
  return refs
    .filter((r) => !/^(?:[a-z]+:|\/\/)/i.test(r))
    .map((r) => (r.startsWith('/') ? r : `${base.replace(/[^/]*$/, '')}${r}`));
}

const chunks = readdirSync(join(root, 'packages/ui/dist/chunks'))
  .filter((f) => f.endsWith('.js'))
  .slice(0, 3)
  .map((f) => `/chunks/${f}`);

describe('security headers on everything wrangler dev serves', () => {
  const paths = [
    '/',
    '/signup',
    '/cycles/cyc_00000000000000000000000000000000/units/deep',
    '/app.js',
    '/app.css',
    ...chunks,
    '/no-such-file.js',
    '/healthz',
    '/.well-known/jwks.json',
    '/v1/openapi.json',
    '/v1/no-such-route',
    '/v1/org-units',
  ];

  it.for(paths)('GET %s', async (path) => {
    const { res } = await get(path);
    expect(res.status, path).toBeLessThan(500);
    expect(missingSecurityHeaders(res.headers), path).toEqual([]);
  });

  it.for(['/', '/app.js', '/v1/org-units'])('HEAD and OPTIONS %s', async (path) => {
    for (const method of ['HEAD', 'OPTIONS']) {
      const { res } = await get(path, { method });
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(missingSecurityHeaders(res.headers), `${method} ${path}`).toEqual([]);
    }
  });

  it('a preflight from an origin no tenant allows: refused, with the headers', async () => {
    const { res } = await get('/v1/org-units', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(missingSecurityHeaders(res.headers)).toEqual([]);
  });

  it('the UI’s HTML has no inline script or style for the CSP to forbid', async () => {
    const { body } = await get('/');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(body).not.toMatch(/<style\b/i);
    expect(body).not.toMatch(/\sstyle="/i);
    expect(body).not.toMatch(/\son[a-z]+="/i);
  });

  it('/docs and every asset it loads', async () => {
    const { res, body } = await get('/docs');
    expect(missingSecurityHeaders(res.headers)).toEqual([]);
    const assets = res.status === 200 ? assetsOf(body, '/docs/') : [];
    // A docs page can only run script it loads from here: inline script is forbidden.
    if (res.status === 200) expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const loaded = await get(asset);
      expect(loaded.res.status, asset).toBeLessThan(400);
      expect(missingSecurityHeaders(loaded.res.headers), asset).toEqual([]);
    }
  });
});
