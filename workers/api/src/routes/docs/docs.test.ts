import { describe, expect, it } from 'vitest';
import { call } from '../../../test/http.ts';

/**
 * /docs is Swagger UI served by the api worker from the UI build, self-hosted: every script a
 * file of this origin (no inline script, no CDN), the page under CSP script-src 'self', and
 * the init script pointing at this API's own OpenAPI document.
 */

describe('/docs', () => {
  it('serves the page with external scripts only, under a strict CSP', async () => {
    for (const path of ['/docs', '/docs/']) {
      const res = await call(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      const html = await res.text();
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.map((s) => /src="([^"]+)"/.exec(s[1]!)?.[1])).toEqual([
        '/docs/swagger-ui-bundle.js',
        '/docs/init.js',
      ]);
      for (const s of scripts) expect(s[2]!.trim()).toBe('');
      expect(html).not.toMatch(/https?:\/\/(?!kaoping)/);
      expect(html).not.toMatch(/\sstyle=|<style/);
      expect(html).toContain('考评 Kaoping API');
    }
  });

  it('serves Swagger UI’s files and an init script that reads /v1/openapi.json', async () => {
    const init = await call('/docs/init.js');
    expect(init.status).toBe(200);
    expect(init.headers.get('content-type')).toContain('text/javascript');
    const text = await init.text();
    expect(text).toContain("url: '/v1/openapi.json'");
    expect(text).toContain('validatorUrl: null');
    const bundle = await call('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(500_000);
    const css = await call('/docs/swagger-ui.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await call('/docs/nothing-here.js')).status).toBe(404);
    expect((await call('/docs/..%2Fapp.js')).status).toBe(404);
  });

  it('the document it reads is OpenAPI 3.1 with every score route', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/v1/scores',
      '/v1/scores/changes',
      '/v1/scores/{snapshotId}',
      '/v1/org-units/{unitId}/scores',
      '/v1/cycles/{cycleId}/rollups',
      '/v1/cycles/{cycleId}/rollups/series',
      '/v1/cycles/{cycleId}/deadline-flags',
      '/v1/cycles/{cycleId}/export',
      '/v1/cycles/{cycleId}/rescore',
      '/v1/runs',
      '/v1/runs/{runId}',
      '/v1/dead-letters',
      '/v1/dead-letters/{deadLetterId}/replay',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
