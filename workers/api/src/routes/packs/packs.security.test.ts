import { env } from 'cloudflare:workers';
import { getDb } from '@kaoping/db/client';
import { TenantDb } from '@kaoping/db/tenant-db';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTailoredPack,
  createTestTenant,
  type PrincipalName,
  type TestPackVersion,
  type TestTenant,
  tenantSnapshot,
} from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { assertPackUsable } from '../../services/packs/usable.ts';

// Another tenant's tailored versions do not exist for you: every pack route answers 404,
// word for word as for a version nobody has, and nothing of theirs changes. Drafts stay with
// the tenant's people; only admins tailor and pin.

const GZ = '/v1/packs/gz.full-employment/versions';
let a: TestTenant;
let b: TestTenant;
let published: TestPackVersion & { pinId: string | null };
let draft: TestPackVersion;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  published = await createTailoredPack(a, { pin: true });
  draft = await createTailoredPack(a, { publish: false });
});

const stripRequestId = (text: string) => text.replace(/"request_id":"[^"]*"/, '');

/** Every route that names a version, for version `v`, as tenant B would call it. */
function attempts(v: string) {
  const path = `${GZ}/${v}`;
  const ifMatch = { 'if-match': '"1"' };
  const score = { unitKind: 'community', inputs: {} };
  return [
    ['read', path, {}],
    ['lint', `${path}/lint`, {}],
    ['diff from', `${path}/diff?to=2024.1`, {}],
    ['diff to', `${GZ}/2024.1/diff?to=${v}`, {}],
    ['score', `${path}/score`, { body: score }],
    ['derive', `${path}/derive`, { body: {} }],
    ['update', path, { method: 'PATCH', headers: ifMatch, body: { overrides: {} } }],
    ['publish', `${path}/publish`, { method: 'POST', headers: ifMatch }],
    ['delete', path, { method: 'DELETE', headers: ifMatch }],
    [
      'pin',
      '/v1/pack-pins',
      { body: { key: 'gz.full-employment', version: v, effective_from: '2024-01-01' } },
    ],
    [
      'lint with parent',
      '/v1/packs/lint',
      { body: { pack: {}, parent: { key: 'gz.full-employment', version: v } } },
    ],
  ] as const;
}

describe('another tenant’s tailored versions', () => {
  it('answer 404 on every route, exactly like a version nobody has, and change nothing', async () => {
    const before = await tenantSnapshot(a.id);
    for (const v of [published.version, draft.version]) {
      const theirs = attempts(v);
      const nobodys = attempts('2024.1-nobody.1');
      for (const [i, [what, path, options]] of theirs.entries()) {
        const res = await call(path, { token: b.tokens.admin, ...options });
        const text = await res.text();
        expect(res.status, `${what} ${v}: ${text}`).toBe(404);
        expect(text).not.toContain(a.slug);
        const [, missingPath, missingOptions] = nobodys[i]!;
        const missing = await call(missingPath, { token: b.tokens.admin, ...missingOptions });
        expect(stripRequestId(await missing.text()), what).toBe(stripRequestId(text));
      }
    }
    expect(await tenantSnapshot(a.id)).toEqual(before);
  });

  it('never appear in another tenant’s catalog or pins', async () => {
    for (const who of ['admin', 'viewer', 'readerClient'] as PrincipalName[]) {
      const catalog = await call('/v1/packs?status=all', { token: b.tokens[who] });
      const text = await catalog.text();
      expect(text).not.toContain(published.version);
      expect(text).not.toContain(draft.version);
      const pins = await callJson<{ items: unknown[] }>('/v1/pack-pins', { token: b.tokens[who] });
      expect(pins.items).toEqual([]);
    }
    const unpin = await call(`/v1/pack-pins/${published.pinId}`, {
      method: 'DELETE',
      token: b.tokens.admin,
    });
    expect(unpin.status).toBe(404);
  });

  it('are not usable for another tenant’s cycles', async () => {
    const ctx = {
      principal: {
        kind: 'user' as const,
        tenantId: b.id,
        userId: b.people.admin.id,
        email: b.people.admin.email,
        grants: [{ role: 'admin' as const, orgUnitId: null, orgPath: null, stage: null }],
      },
      tdb: new TenantDb(getDb(env), b.id),
    };
    await expect(
      assertPackUsable(ctx, { key: 'gz.full-employment', version: published.version }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('within a tenant', () => {
  it('shows drafts to its people, never to its API clients', async () => {
    for (const who of ['admin', 'reviewer', 'reporter', 'viewer'] as PrincipalName[]) {
      const res = await call(`${GZ}/${draft.version}`, { token: a.tokens[who] });
      expect(res.status, who).toBe(200);
    }
    for (const who of ['readerClient', 'writerClient'] as PrincipalName[]) {
      const res = await call(`${GZ}/${draft.version}`, { token: a.tokens[who] });
      expect(res.status, who).toBe(404);
      const score = await call(`${GZ}/${draft.version}/score`, {
        token: a.tokens[who],
        body: { unitKind: 'community', inputs: {} },
      });
      expect(score.status, who).toBe(who === 'readerClient' ? 404 : 403);
    }
    const published200 = await call(`${GZ}/${published.version}`, {
      token: a.tokens.readerClient,
    });
    expect(published200.status).toBe(200);
  });

  it('lets only admins tailor and pin: others get 403 and nothing changes', async () => {
    const before = await tenantSnapshot(a.id);
    const path = `${GZ}/${draft.version}`;
    for (const who of ['reviewer', 'reporter', 'viewer', 'readerClient', 'writerClient'] as const) {
      const headers = { 'if-match': draft.etag };
      const refused = [
        call(`${GZ}/2024.1/derive`, { token: a.tokens[who], body: {} }),
        call(path, {
          method: 'PATCH',
          token: a.tokens[who],
          headers,
          body: { overrides: {} },
        }),
        call(`${path}/publish`, { method: 'POST', token: a.tokens[who], headers }),
        call(path, { method: 'DELETE', token: a.tokens[who], headers }),
        call('/v1/pack-pins', {
          token: a.tokens[who],
          body: { key: published.key, version: published.version, effective_from: '2025-01-01' },
        }),
        call(`/v1/pack-pins/${published.pinId}`, { method: 'DELETE', token: a.tokens[who] }),
      ];
      for (const res of await Promise.all(refused)) expect(res.status, who).toBe(403);
    }
    expect(await tenantSnapshot(a.id)).toEqual(before);
  });

  it('takes no tenant, status or content hash from a body', async () => {
    const res = await call(`${GZ}/2024.1/derive`, {
      token: a.tokens.admin,
      body: { tenant_id: b.id, status: 'published', content_hash: '0'.repeat(64) },
    });
    expect(res.status).toBe(400);
  });
});
