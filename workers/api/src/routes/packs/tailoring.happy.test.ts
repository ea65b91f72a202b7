import { env } from 'cloudflare:workers';
import { getDb } from '@kaoping/db/client';
import { TenantDb } from '@kaoping/db/tenant-db';
import { beforeAll, describe, expect, it } from 'vitest';
import huangzhulangJson from '../../../../../packages/standards/cli/examples/gz-huangzhulang.json?raw';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson, type Problem } from '../../../test/http.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { assertPackUsable, proposeVersion, selectedVersion } from '../../services/packs/usable.ts';

// A district tailors the Guangzhou standard (从化: a higher bar for 就业困难人员就业率, its own
// pass mark, no honours bonus), publishes it, pins it, and scores against it.

const huangzhulang = JSON.parse(huangzhulangJson) as Record<string, unknown>;
const GZ = '/v1/packs/gz.full-employment/versions';

interface Version {
  key: string;
  version: string;
  status: string;
  origin: string;
  content_hash: string;
  derived_from: { key: string; version: string } | null;
  published_at: string | null;
  overrides: Record<string, unknown> | null;
  etag: string | null;
  pin: { id: string; effective_from: string } | null;
  parameters: { id: string; default: unknown }[];
  categories: { items: { id: string; disabled: boolean; notes: { zh: string }[] }[] }[];
}

const conghua = {
  parameters: { passMark: 85 },
  items: {
    '一.3': {
      set: { '/bands/0/threshold': 92, '/bands/1/threshold': 88 },
      notes: [{ zh: '从化区提高就业困难人员就业率的要求', en: 'Conghua raises the bar' }],
    },
  },
};

let t: TestTenant;

function ctxOf(tenant: TestTenant): ServiceContext {
  return {
    principal: {
      kind: 'user',
      tenantId: tenant.id,
      userId: tenant.people.admin.id,
      email: tenant.people.admin.email,
      grants: [{ role: 'admin', orgUnitId: null, orgPath: null, stage: null }],
    },
    tdb: new TenantDb(getDb(env), tenant.id),
    requestId: 'test',
    now: new Date(),
  };
}

const item = (v: Version, id: string) =>
  v.categories.flatMap((c) => c.items).find((i) => i.id === id);

beforeAll(async () => {
  t = await createTestTenant();
});

describe('tailoring: derive, edit, lint, publish', () => {
  let draft: Version;

  it('derives a draft that keeps the parent’s key, with a version of its own', async () => {
    const res = await call(`${GZ}/2024.1/derive`, {
      token: t.tokens.admin,
      body: { overrides: conghua },
    });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    draft = JSON.parse(text) as Version;
    expect(draft.key).toBe('gz.full-employment');
    expect(draft.version).toBe(`2024.1-${t.slug}.1`);
    expect(res.headers.get('location')).toBe(`${GZ}/${draft.version}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(draft).toMatchObject({
      status: 'draft',
      origin: 'tenant',
      derived_from: { key: 'gz.full-employment', version: '2024.1' },
      published_at: null,
      overrides: conghua,
      etag: '"1"',
    });
    expect(draft.parameters.find((p) => p.id === 'passMark')?.default).toBe(85);
    expect(item(draft, '一.3')?.notes.at(-1)?.zh).toBe('从化区提高就业困难人员就业率的要求');
  });

  it('edits the draft’s overrides with If-Match, re-deriving it', async () => {
    const overrides = { ...conghua, items: { ...conghua.items, '四.6': { disabled: true } } };
    const res = await call(`${GZ}/${draft.version}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': '"1"' },
      body: { overrides },
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const edited = JSON.parse(text) as Version;
    expect(edited.overrides).toEqual(overrides);
    expect(item(edited, '四.6')?.disabled).toBe(true);
    expect(edited.content_hash).not.toBe(draft.content_hash);
    draft = edited;
  });

  it('shows the draft to the tenant’s people, never to its API clients', async () => {
    const versions = async (who: 'viewer' | 'readerClient') =>
      (
        await callJson<{ items: { key: string; versions: { version: string }[] }[] }>('/v1/packs', {
          token: t.tokens[who],
        })
      ).items
        .find((p) => p.key === 'gz.full-employment')!
        .versions.map((v) => v.version);
    expect(await versions('viewer')).toContain(draft.version);
    expect(await versions('readerClient')).not.toContain(draft.version);
    const hidden = await call(`${GZ}/${draft.version}`, { token: t.tokens.readerClient });
    expect(hidden.status).toBe(404);
  });

  it('lints the draft against its parent: clean', async () => {
    const lint = await callJson<{ errors: unknown[]; warnings: unknown[] }>(
      `${GZ}/${draft.version}/lint`,
      { token: t.tokens.admin },
    );
    expect(lint).toEqual({ errors: [], warnings: [] });
  });

  it('publishes it, after which it scores differently from its parent on the same data', async () => {
    const res = await call(`${GZ}/${draft.version}/publish`, {
      method: 'POST',
      token: t.tokens.admin,
      headers: { 'if-match': '"2"' },
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const published = JSON.parse(text) as Version;
    expect(published.status).toBe('published');
    expect(published.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(published.content_hash).toBe(draft.content_hash);

    const preview = (version: string, parameters: Record<string, number> = {}) =>
      callJson<{
        total: number;
        parameters: Record<string, number>;
        items: { id: string; points: number | null; status: string; explanation: { zh: string } }[];
      }>(`${GZ}/${version}/score`, {
        token: t.tokens.readerClient,
        body: { unitKind: 'community', parameters, inputs: huangzhulang },
        expect: 200,
      });
    const parent = await preview('2024.1', { passMark: 80 });
    const tailored = await preview(draft.version);
    const points = (card: typeof parent, id: string) => card.items.find((i) => i.id === id);
    // 21 ÷ (25 − 1) = 87.5 %: the parent's 85 % band (5), below 从化's 88 % (4).
    expect(points(parent, '一.3')?.points).toBe(5);
    expect(points(tailored, '一.3')?.points).toBe(4);
    expect(points(tailored, '一.3')?.explanation.zh).toContain('达80%档');
    expect(points(parent, '四.6')?.points).toBe(1);
    expect(points(tailored, '四.6')?.status).toBe('disabled');
    expect([parent.total, tailored.total]).toEqual([91, 89]);
    expect(tailored.parameters).toEqual({ passMark: 85 });
  });

  it('diffs the parent and the tailored version, each change in zh and en', async () => {
    const diff = await callJson<{
      items: { changed: { id: string; changes: { message: { zh: string; en: string } }[] }[] };
      parameters: { changed: { id: string }[] };
    }>(`${GZ}/2024.1/diff?to=${draft.version}`, { token: t.tokens.viewer });
    expect(diff.items.changed.map((c) => c.id)).toEqual(['一.3', '四.6']);
    const messages = diff.items.changed[0]!.changes.map((c) => c.message.zh);
    expect(messages).toContain('第1档阈值：90% → 92%');
    expect(messages).toContain('第2档阈值：85% → 88%');
    expect(diff.parameters.changed.map((p) => p.id)).toEqual(['passMark']);
  });

  it('numbers further derivations per tenant, and derives from its own published version', async () => {
    const second = await callJson<Version>(`${GZ}/2024.1/derive`, {
      token: t.tokens.admin,
      body: {},
    });
    expect(second.version).toBe(`2024.1-${t.slug}.2`);
    const grandchild = await callJson<Version>(`${GZ}/${draft.version}/derive`, {
      token: t.tokens.admin,
      body: { version: '2024.1-conghua-liangkou.1' },
    });
    expect(grandchild.derived_from).toEqual({ key: 'gz.full-employment', version: draft.version });
    expect(item(grandchild, '四.6')?.disabled).toBe(true);
  });

  it('discards a draft, freeing its version number', async () => {
    const scratch = await callJson<Version>(`${GZ}/2024.1/derive`, {
      token: t.tokens.admin,
      body: { version: '2024.1-scratch.1' },
    });
    const res = await call(`${GZ}/${scratch.version}`, {
      method: 'DELETE',
      token: t.tokens.admin,
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(204);
    expect((await call(`${GZ}/${scratch.version}`, { token: t.tokens.admin })).status).toBe(404);
  });

  it('audits every write: derive, update, publish, delete', async () => {
    const audit = await callJson<{ items: { action: string; entity_type: string }[] }>(
      '/v1/audit?entity_type=pack_version&limit=50',
      { token: t.tokens.admin },
    );
    const actions = audit.items.map((a) => a.action);
    for (const action of [
      'pack_version.derive',
      'pack_version.update',
      'pack_version.publish',
      'pack_version.delete',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('refuses, in storage too, to change a published row', async () => {
    const update = env.DB.prepare(
      `UPDATE pack_versions SET content_hash = 'x' WHERE tenant_id = ? AND version = ?`,
    ).bind(t.id, draft.version);
    await expect(update.run()).rejects.toThrow(/pack_version_published/);
    const remove = env.DB.prepare(
      'DELETE FROM pack_versions WHERE tenant_id = ? AND version = ?',
    ).bind(t.id, draft.version);
    await expect(remove.run()).rejects.toThrow(/pack_version_published/);
  });
});

describe('selection: pins and what a cycle may use', () => {
  let tenant: TestTenant;
  let tailored: string;

  beforeAll(async () => {
    tenant = await createTestTenant();
    const draft = await callJson<Version>(`${GZ}/2024.1/derive`, {
      token: tenant.tokens.admin,
      body: { overrides: conghua },
    });
    await callJson(`${GZ}/${draft.version}/publish`, {
      method: 'POST',
      token: tenant.tokens.admin,
      headers: { 'if-match': '"1"' },
      expect: 200,
    });
    tailored = draft.version;
  });

  it('without pins, any visible published version is usable; drafts never are', async () => {
    const ctx = ctxOf(tenant);
    const builtIn = await assertPackUsable(ctx, { key: 'gz.full-employment', version: '2024.1' });
    expect(builtIn.origin).toBe('built-in');
    const own = await assertPackUsable(ctx, { key: 'gz.full-employment', version: tailored });
    expect(own.origin).toBe('tenant');
    expect(own.hash).toMatch(/^[0-9a-f]{64}$/);
    const draft = await callJson<Version>(`${GZ}/2024.1/derive`, {
      token: tenant.tokens.admin,
      body: {},
    });
    await expect(
      assertPackUsable(ctx, { key: 'gz.full-employment', version: draft.version }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(
      await proposeVersion(ctx, 'gz.full-employment', { start: '2023-10-01', end: '2024-09-30' }),
    ).toBe('2024.1');
  });

  it('pins a version from a date; then only pinned versions of that key are usable', async () => {
    const res = await call('/v1/pack-pins', {
      token: tenant.tokens.admin,
      body: { key: 'gz.full-employment', version: tailored, effective_from: '2023-10-01' },
    });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    const pin = JSON.parse(text) as {
      id: string;
      key: string;
      version: string;
      effective_from: string;
    };
    expect(pin).toMatchObject({
      key: 'gz.full-employment',
      version: tailored,
      effective_from: '2023-10-01',
    });

    const pins = await callJson<{ items: { id: string }[] }>(
      '/v1/pack-pins?key=gz.full-employment',
      { token: tenant.tokens.viewer },
    );
    expect(pins.items.map((p) => p.id)).toEqual([pin.id]);
    const version = await callJson<Version>(`${GZ}/${tailored}`, { token: tenant.tokens.viewer });
    expect(version.pin).toEqual({ id: pin.id, effective_from: '2023-10-01' });

    const ctx = ctxOf(tenant);
    await assertPackUsable(
      ctx,
      { key: 'gz.full-employment', version: tailored },
      { on: '2024-09-30' },
    );
    await expect(
      assertPackUsable(
        ctx,
        { key: 'gz.full-employment', version: '2024.1' },
        { field: 'body.pack_version' },
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
      errors: [expect.objectContaining({ path: 'body.pack_version', code: 'pack_not_selected' })],
    });
    await expect(
      assertPackUsable(ctx, { key: 'gz.full-employment', version: tailored }, { on: '2023-09-30' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Other keys are not narrowed by a pin of this one.
    await assertPackUsable(ctx, { key: 'yc.hqe', version: '2023.1' });
    expect(await selectedVersion(ctx, 'gz.full-employment', '2024-09-30')).toBe(tailored);
    expect(await selectedVersion(ctx, 'gz.full-employment', '2023-09-30')).toBeNull();
    expect(
      await proposeVersion(ctx, 'gz.full-employment', { start: '2023-10-01', end: '2024-09-30' }),
    ).toBe(tailored);

    const again = await call('/v1/pack-pins', {
      token: tenant.tokens.admin,
      body: { key: 'gz.full-employment', version: tailored, effective_from: '2024-01-01' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as Problem).detail_zh).toContain('已选用');

    const removed = await call(`/v1/pack-pins/${pin.id}`, {
      method: 'DELETE',
      token: tenant.tokens.admin,
    });
    expect(removed.status).toBe(204);
    await assertPackUsable(ctx, { key: 'gz.full-employment', version: '2024.1' });
    const audit = await callJson<{ items: { action: string }[] }>(
      '/v1/audit?entity_type=pack_pin&limit=10',
      { token: tenant.tokens.admin },
    );
    expect(audit.items.map((a) => a.action).sort()).toEqual(['pack_pin.create', 'pack_pin.delete']);
  });
});
