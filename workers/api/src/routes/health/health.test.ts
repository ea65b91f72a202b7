import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /healthz', () => {
  it('answers with the build version and the D1 migration level', async () => {
    const res = await exports.default.fetch('http://kaoping.test/healthz');
    expect(res.status).toBe(200);
    const body = await res.json<{ status: string; version: string; migration: string }>();
    expect(body.status).toBe('ok');
    expect(body.version).toBe('test');
    const files = env.TEST_MIGRATIONS.map((m) => m.name);
    expect(body.migration).toBe(files.at(-1));
  });

  it('sends security headers', async () => {
    const res = await exports.default.fetch('http://kaoping.test/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await exports.default.fetch('http://kaoping.test/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json<{ title_zh: string; request_id: string }>();
    expect(body.title_zh).toBe('未找到');
    expect(body.request_id).toBeTruthy();
  });
});
