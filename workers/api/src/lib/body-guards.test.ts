import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/factories.ts';
import { call, type Problem } from '../../test/http.ts';
import { MAX_BODY_BYTES } from './body-guards.ts';

describe('/v1 body guards', () => {
  it('413 for a JSON body over the limit, with or without Content-Length', async () => {
    const t = await createTestTenant();
    const big = JSON.stringify({
      parent_id: t.units.town.id,
      kind: 'village',
      name: 'x'.repeat(MAX_BODY_BYTES),
    });
    const res = await call('/v1/org-units', {
      token: t.tokens.admin,
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect((await res.json<Problem>()).type).toMatch(/payload-too-large$/);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
        controller.close();
      },
    });
    const chunked = await call('/v1/org-units', {
      token: t.tokens.admin,
      body: stream,
      headers: { 'content-type': 'application/json' },
    });
    expect(chunked.status).toBe(413);
    // Public routes too, before any work is done.
    const signup = await call('/v1/signup', {
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(signup.status).toBe(413);
  });

  it('415 for media types the route does not take', async () => {
    const t = await createTestTenant();
    for (const type of [
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'text/csv',
    ]) {
      const res = await call('/v1/org-units', {
        token: t.tokens.admin,
        body: JSON.stringify({ parent_id: t.units.town.id, kind: 'village', name: '类型村' }),
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('400 naming the body for malformed JSON; duplicate keys take the last value', async () => {
    const t = await createTestTenant();
    const res = await call('/v1/org-units', {
      token: t.tokens.admin,
      body: '{"parent_id": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).errors?.[0]).toMatchObject({
      path: 'body',
      code: 'invalid_json',
    });
    const dup = await call('/v1/org-units', {
      token: t.tokens.admin,
      body: `{"parent_id":"${t.units.town.id}","kind":"village","name":"甲","name":"乙"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(dup.status).toBe(201);
    expect((await dup.json<{ name: string }>()).name).toBe('乙');
  });

  it('refuses a 100-deep body and a 10,000-element array as validation errors', async () => {
    const t = await createTestTenant();
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const nested = await call('/v1/org-units', {
      token: t.tokens.admin,
      body: { parent_id: t.units.town.id, kind: 'village', name: deep },
    });
    expect(nested.status).toBe(400);
    const many = await call(`/v1/people/${t.people.viewer.id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      headers: { 'if-match': '"1"' },
      body: { grants: Array.from({ length: 10_000 }, () => 1) },
    });
    expect(many.status).toBe(400);
    expect((await many.json<Problem>()).errors?.[0]?.path).toBe('body.grants');
  });
});
