import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTailoredPack,
  createTestTenant,
  type TestTenant,
  tenantSnapshot,
} from '../../../test/factories.ts';
import { call, callJson, type Problem } from '../../../test/http.ts';

// Tailoring refused: bad overrides, taken versions, stale ETags, changes to published or
// built-in versions, and — the point of the marks — a derived version that loosens a
// tighten-only item or disables a mandatory one cannot be published.

const GZ = '/v1/packs/gz.full-employment/versions';
let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant();
});

async function problem(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return JSON.parse(text) as Problem;
}

const derive = (from: string, body: unknown) =>
  call(`${GZ}/${from}/derive`, { token: t.tokens.admin, body });

const publish = (version: string, etag: string) =>
  call(`${GZ}/${version}/publish`, {
    method: 'POST',
    token: t.tokens.admin,
    headers: { 'if-match': etag },
  });

describe('deriving: refused overrides and versions, nothing stored', () => {
  it('names each bad override, and writes nothing', async () => {
    const before = await tenantSnapshot(t.id);
    const body = await problem(
      await derive('2024.1', {
        overrides: {
          parameters: { passMark: 'high', level: 'city' },
          items: {
            '一.3': { set: { '/value': 1, '/bands/0/threshold': 92 } },
            '九.9': { disabled: true },
          },
        },
      }),
      400,
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual([
      'body.overrides.items.一.3.set./value',
      'body.overrides.items.九.9',
      'body.overrides.parameters.level',
      'body.overrides.parameters.passMark',
    ]);
    for (const e of body.errors ?? []) {
      expect(e.message).toBeTruthy();
      expect(e.message_zh).toBeTruthy();
    }
    expect(body.errors?.find((e) => e.path.endsWith('level'))?.message_zh).toBe(
      '来源版本没有参数 level',
    );
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });

  it('refuses a pointer that is not a JSON Pointer, and a version without a suffix', async () => {
    const body = await problem(
      await derive('2024.1', {
        version: '2024.2',
        overrides: { items: { '一.3': { set: { 'bands.0.threshold': 92 } } } },
      }),
      400,
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual([
      'body.overrides.items.一.3.set.bands.0.threshold',
      'body.version',
    ]);
  });

  it('refuses a version the tenant already used (409 naming body.version)', async () => {
    await callJson(`${GZ}/2024.1/derive`, {
      token: t.tokens.admin,
      body: { version: '2024.1-twice.1' },
    });
    const body = await problem(await derive('2024.1', { version: '2024.1-twice.1' }), 409);
    expect(body.errors?.map((e) => e.path)).toEqual(['body.version']);
  });

  it('derives only from published versions: a draft is not a parent (404)', async () => {
    const draft = await createTailoredPack(t, { publish: false });
    await problem(await derive(draft.version, {}), 404);
  });

  it('is for admins only (403), even to people who may read the catalog', async () => {
    const res = await call(`${GZ}/2024.1/derive`, { token: t.tokens.viewer, body: {} });
    await problem(res, 403);
  });
});

describe('editing drafts: concurrency and immutability', () => {
  it('needs If-Match (428), refuses a stale one (412) and changes nothing', async () => {
    const draft = await createTailoredPack(t, { publish: false });
    const path = `${GZ}/${draft.version}`;
    const body = { overrides: { parameters: { passMark: 70 } } };
    await problem(await call(path, { method: 'PATCH', token: t.tokens.admin, body }), 428);
    const before = await tenantSnapshot(t.id);
    await problem(
      await call(path, {
        method: 'PATCH',
        token: t.tokens.admin,
        headers: { 'if-match': '"7"' },
        body,
      }),
      412,
    );
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });

  it('of two writers holding the same ETag, exactly one wins', async () => {
    const draft = await createTailoredPack(t, { publish: false });
    const write = (passMark: number) =>
      call(`${GZ}/${draft.version}`, {
        method: 'PATCH',
        token: t.tokens.admin,
        headers: { 'if-match': draft.etag },
        body: { overrides: { parameters: { passMark } } },
      });
    const results = await Promise.all([write(70), write(75)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const now = await callJson<{ etag: string; overrides: { parameters: { passMark: number } } }>(
      `${GZ}/${draft.version}`,
      { token: t.tokens.admin },
    );
    expect(now.etag).toBe('"2"');
    const winner = results.findIndex((r) => r.status === 200);
    expect(now.overrides.parameters.passMark).toBe(winner === 0 ? 70 : 75);
  });

  it('refuses every write to a published version with 409, and leaves it as it was', async () => {
    const v = await createTailoredPack(t);
    const path = `${GZ}/${v.version}`;
    const headers = { 'if-match': v.etag };
    const before = await tenantSnapshot(t.id);
    const attempts = [
      call(path, {
        method: 'PATCH',
        token: t.tokens.admin,
        headers,
        body: { overrides: { parameters: { passMark: 60 } } },
      }),
      call(`${path}/publish`, { method: 'POST', token: t.tokens.admin, headers }),
      call(path, { method: 'DELETE', token: t.tokens.admin, headers }),
    ];
    for (const res of await Promise.all(attempts)) {
      const body = await problem(res, 409);
      expect(body.detail_zh).toContain('不可修改');
    }
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });

  it('refuses writes to a built-in version with 409 (it exists, and never changes)', async () => {
    const res = await call(`${GZ}/2024.1`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': '"1"' },
      body: { overrides: {} },
    });
    await problem(res, 409);
  });
});

describe('publishing: the parent’s marks are enforced', () => {
  let city: string;

  beforeAll(async () => {
    // The tenant's own city-level version marks 一.1 mandatory and 一.3 tighten-only.
    const res = await derive('2024.1', {
      version: '2024.1-city.1',
      overrides: {
        items: { '一.1': { mandatory: true }, '一.3': { tightenOnly: true } },
      },
    });
    const draft = (await res.json()) as { version: string; etag: string };
    expect(res.status).toBe(201);
    const published = await publish(draft.version, draft.etag);
    expect(published.status, await published.text()).toBe(200);
    city = draft.version;
  });

  async function draftFrom(overrides: unknown) {
    const res = await derive(city, { overrides });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    return JSON.parse(text) as { version: string; etag: string };
  }

  it('refuses lowering a tighten-only threshold, naming the path (422), and keeps the draft', async () => {
    const draft = await draftFrom({ items: { '一.3': { set: { '/bands/0/threshold': 88 } } } });
    const lint = await callJson<{ errors: { path: string }[] }>(`${GZ}/${draft.version}/lint`, {
      token: t.tokens.admin,
    });
    expect(lint.errors.map((e) => e.path)).toEqual(['items[一.3].rule.bands[0].threshold']);
    const before = await tenantSnapshot(t.id);
    const body = await problem(await publish(draft.version, draft.etag), 422);
    expect(body.errors).toEqual([
      {
        path: 'items[一.3].rule.bands[0].threshold',
        code: 'lint.tailoring',
        message: "band 1's threshold may only rise (tighten only): 90% changed to 88%",
        message_zh: '第1档阈值只能调高（只许收紧）：由90%改为88%',
      },
    ]);
    expect(await tenantSnapshot(t.id)).toEqual(before);
    const still = await callJson<{ status: string }>(`${GZ}/${draft.version}`, {
      token: t.tokens.admin,
    });
    expect(still.status).toBe('draft');
  });

  it('refuses disabling a mandatory item, or dropping the marks', async () => {
    const disabled = await draftFrom({ items: { '一.1': { disabled: true } } });
    const body = await problem(await publish(disabled.version, disabled.etag), 422);
    expect(body.errors?.map((e) => [e.path, e.message])).toEqual([
      ['items[一.1].disabled', '一.1 is mandatory and may not be disabled'],
    ]);
    const unmarked = await draftFrom({
      items: { '一.1': { mandatory: false }, '一.3': { tightenOnly: false } },
    });
    const dropped = await problem(await publish(unmarked.version, unmarked.etag), 422);
    expect(dropped.errors?.map((e) => e.path)).toEqual([
      'items[一.1].mandatory',
      'items[一.3].tightenOnly',
    ]);
  });

  it('publishes a derived version that only tightens', async () => {
    const draft = await draftFrom({ items: { '一.3': { set: { '/bands/0/threshold': 95 } } } });
    const res = await publish(draft.version, draft.etag);
    expect(res.status, await res.text()).toBe(200);
  });
});
