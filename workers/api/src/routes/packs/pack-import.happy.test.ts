import { findBuiltInPack } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import huangzhulangJson from '../../../../../packages/standards/cli/examples/gz-huangzhulang.json?raw';
import literalJson from '../../../../../packages/standards/cli/examples/literal-unemployment-statistics.pack.json?raw';
import { etagOf } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

// A county that writes its own rubric: it imports the pack file, lints it, publishes it and
// scores with it. Here the file is Guangzhou's full-employment pack under the county's own key,
// so its scores can be checked against the built-in's.

interface Version {
  key: string;
  version: string;
  origin: string;
  status: string;
  content_hash: string;
  derived_from: unknown;
}

const huangzhulang = JSON.parse(huangzhulangJson) as Record<string, unknown>;
const gz = findBuiltInPack('gz.full-employment@2024.1')!;
const ownCopy = {
  ...JSON.parse(JSON.stringify(gz)),
  key: 'conghua.full-employment',
  version: '2025.1',
  title: { zh: '从化区充分就业社区（村）评分标准', en: 'Conghua full-employment rubric' },
};
const PATH = '/v1/packs/conghua.full-employment/versions/2025.1';
let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant();
});

describe('importing a pack the tenant wrote', () => {
  let imported: Version;

  it('stores it as the tenant’s draft, with its place in the catalog', async () => {
    const res = await call('/v1/packs', { token: t.tokens.admin, body: { pack: ownCopy } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(PATH);
    expect(res.headers.get('etag')).toBe('"1"');
    imported = (await res.json()) as Version;
    expect(imported).toMatchObject({
      key: 'conghua.full-employment',
      version: '2025.1',
      origin: 'tenant',
      status: 'draft',
      derived_from: null,
    });
    const catalog = await callJson<{ items: { key: string; versions: Version[] }[] }>('/v1/packs', {
      token: t.tokens.admin,
    });
    const entry = catalog.items.find((p) => p.key === 'conghua.full-employment');
    expect(entry?.versions.map((v) => [v.version, v.status])).toEqual([['2025.1', 'draft']]);
    const audit = await callJson<{ items: { action: string; entity_id: string }[] }>(
      '/v1/audit?action=pack_version.import',
      { token: t.tokens.admin },
    );
    expect(audit.items).toHaveLength(1);
  });

  it('is changed only by discarding it and importing again', async () => {
    const res = await call(PATH, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(PATH, t.tokens.admin) },
      body: { overrides: {} },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/import/);
  });

  it('lints clean, publishes as written, and scores like the rubric it copies', async () => {
    const lint = await callJson<{ errors: unknown[] }>(`${PATH}/lint`, { token: t.tokens.admin });
    expect(lint.errors).toEqual([]);
    const published = await callJson<Version>(`${PATH}/publish`, {
      method: 'POST',
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(PATH, t.tokens.admin) },
      expect: 200,
    });
    expect(published).toMatchObject({ status: 'published' });
    expect(published.content_hash).toBe(imported.content_hash);
    const body = { unitKind: 'community', parameters: { passMark: 80 }, inputs: huangzhulang };
    const own = await callJson<{ total: number }>(`${PATH}/score`, {
      token: t.tokens.reporter,
      body,
      expect: 200,
    });
    const builtIn = await callJson<{ total: number }>(
      '/v1/packs/gz.full-employment/versions/2024.1/score',
      { token: t.tokens.reporter, body, expect: 200 },
    );
    expect(own.total).toBe(91);
    expect(own.total).toBe(builtIn.total);
  });

  it('another tenant does not see it', async () => {
    const other = await createTestTenant();
    expect((await call(PATH, { token: other.tokens.admin })).status).toBe(404);
  });

  it('an import with lint errors is kept as a draft, and publishing it lists them (422)', async () => {
    const literal = { ...JSON.parse(literalJson), key: 'conghua.unemployment-statistics' };
    const draft = await callJson<Version>('/v1/packs', {
      token: t.tokens.admin,
      body: { pack: literal },
      expect: 201,
    });
    const path = `/v1/packs/${draft.key}/versions/${draft.version}`;
    const res = await call(`${path}/publish`, {
      method: 'POST',
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(path, t.tokens.admin) },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; code: string }[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'items[失业保险.1].rule', code: 'lint.item-bounds' }),
    ]);
    // Discarded, it can be imported again under the same version.
    const discard = await call(path, {
      method: 'DELETE',
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(path, t.tokens.admin) },
    });
    expect(discard.status).toBe(204);
    expect(
      (await call('/v1/packs', { token: t.tokens.admin, body: { pack: literal } })).status,
    ).toBe(201);
  });
});
