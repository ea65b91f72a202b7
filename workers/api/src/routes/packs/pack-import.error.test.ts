import { findBuiltInPack } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, databaseFingerprint, type TestTenant } from '../../../test/factories.ts';
import { call, type Problem } from '../../../test/http.ts';

// Refusals of POST /v1/packs: each a problem+json naming body.pack.<path> in zh and en, and
// the database unchanged.

const hqe = JSON.parse(JSON.stringify(findBuiltInPack('gz.hqe-village@2024.1')!)) as Record<
  string,
  unknown
>;
const own: Record<string, unknown> = { ...hqe, key: 'mingyueshan.hqe-village', version: '2025.1' };
let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant();
});

async function importing(pack: unknown, token = t.tokens.admin) {
  return call('/v1/packs', { token, body: { pack } });
}

async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as Problem;
}

describe('POST /v1/packs: bad packs and bad callers', () => {
  it('names each schema problem under body.pack, in zh and en, and stores nothing', async () => {
    const before = await databaseFingerprint();
    const { version: _dropped, ...noVersion } = own;
    const cases: [unknown, string][] = [
      [noVersion, 'body.pack.version'],
      [{ ...own, key: 'Not A Key' }, 'body.pack.key'],
      [{ ...own, items: 'many' }, 'body.pack.items'],
    ];
    for (const [pack, path] of cases) {
      const res = await importing(pack);
      expect(res.status, path).toBe(400);
      const body = await problem(res);
      expect(body.errors?.map((e) => e.path)).toContain(path);
      expect(body.errors?.[0]?.message_zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses a pack whose parts do not fit together (an item reading an undeclared input)', async () => {
    const items = (own.items as Record<string, unknown>[]).map((item, i) =>
      i === 0 ? { ...item, rule: { kind: 'check', when: { kind: 'input', id: 'nowhere' } } } : item,
    );
    const res = await importing({ ...own, items });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors?.every((e) => e.path.startsWith('body.pack.'))).toBe(true);
  });

  it('keeps the built-in namespaces for the built-in packs (409 key_reserved)', async () => {
    const before = await databaseFingerprint();
    for (const key of ['gz.hqe-village', 'gz.my-own-rubric', 'province.x', 'stats.y']) {
      const res = await importing({ ...own, key });
      expect(res.status, key).toBe(409);
      expect((await problem(res)).errors?.[0]).toMatchObject({
        path: 'body.pack.key',
        code: 'key_reserved',
      });
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('sends a pack that tailors another to derive (its parent’s marks must hold)', async () => {
    const res = await importing({
      ...own,
      derivedFrom: { key: 'gz.hqe-village', version: '2024.1' },
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]).toMatchObject({
      path: 'body.pack.derivedFrom',
      code: 'derive_instead',
    });
  });

  it('a version already imported is a 409 naming body.pack.version', async () => {
    const key = 'mingyueshan.twice';
    expect((await importing({ ...own, key })).status).toBe(201);
    const before = await databaseFingerprint();
    const res = await importing({ ...own, key });
    expect(res.status).toBe(409);
    expect((await problem(res)).errors?.[0]).toMatchObject({
      path: 'body.pack.version',
      code: 'version_taken',
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('only admins import: reviewers, reporters, viewers and clients get 403', async () => {
    const before = await databaseFingerprint();
    for (const who of ['reviewer', 'reporter', 'viewer', 'readerClient', 'writerClient'] as const) {
      const res = await importing({ ...own, key: 'mingyueshan.by-others' }, t.tokens[who]);
      expect(res.status, who).toBe(403);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses a body over 512 KB with 413 before reading it', async () => {
    const res = await importing({ ...own, padding: 'x'.repeat(600 * 1024) });
    expect(res.status).toBe(413);
  });
});
