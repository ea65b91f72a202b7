import { findBuiltInPack } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import huangzhulangJson from '../../../../../packages/standards/cli/examples/gz-huangzhulang.json?raw';
import { createTestTenant, databaseFingerprint, type TestTenant } from '../../../test/factories.ts';
import { call, type Problem } from '../../../test/http.ts';
import { burstUntilRefused, expectRefused } from '../../../test/rate-limit-burst.ts';

// Refusals of the catalog, lint and score preview routes: each a problem+json naming the
// field in zh and en, and nothing stored.

const huangzhulang = JSON.parse(huangzhulangJson) as Record<string, unknown>;
const SCORE = '/v1/packs/gz.full-employment/versions/2024.1/score';
let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant();
});

async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as Problem;
}

async function preview(body: unknown, token = t.tokens.reporter) {
  return call(SCORE, { token, body });
}

describe('score preview: bad input', () => {
  const base = { unitKind: 'community', parameters: { passMark: 80 }, inputs: huangzhulang };

  it('names body.inputs.<id> in zh and en for a wrong type, a bound or an unknown input', async () => {
    const before = await databaseFingerprint();
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ difficultEmployed: '21' }, 'body.inputs.difficultEmployed', '不能是文本', 'not text'],
      [{ difficultTotal: -1 }, 'body.inputs.difficultTotal', '不能小于0', 'at least 0'],
      [{ difficultTotal: 2.5 }, 'body.inputs.difficultTotal', '非负整数', 'whole number'],
      [{ hasFixedDesk: 'maybe' }, 'body.inputs.hasFixedDesk', '是或否', 'yes or no'],
      [{ notAnInput: 1 }, 'body.inputs.notAnInput', '未知字段', 'unknown field'],
    ];
    for (const [change, path, zh, en] of cases) {
      const res = await preview({ ...base, inputs: { ...huangzhulang, ...change } });
      expect(res.status, path).toBe(400);
      const body = await problem(res);
      expect(body.errors, path).toEqual([
        expect.objectContaining({
          path,
          message: expect.stringContaining(en),
          message_zh: expect.stringContaining(zh),
        }),
      ]);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('refuses an input that does not apply to the unit kind (二.3 funds: communities only)', async () => {
    const res = await preview({ ...base, unitKind: 'village' });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors?.map((e) => e.path)).toEqual(['body.inputs.fundsInBudget']);
    expect(body.errors?.[0]?.message_zh).toContain('不适用于行政村');
  });

  it('refuses a unit kind the pack does not assess, naming body.unitKind', async () => {
    const body = await problem(await preview({ ...base, unitKind: 'city' }));
    expect(body.status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: 'body.unitKind',
        message_zh: '该标准不考核市（考核：社区、行政村）',
      }),
    ]);
  });

  it('refuses parameters the pack does not take or of the wrong kind', async () => {
    const wrong = await problem(await preview({ ...base, parameters: { passMark: 'high' } }));
    expect(wrong.errors).toEqual([
      expect.objectContaining({
        path: 'body.parameters.passMark',
        message: 'passMark: must be a finite number',
      }),
    ]);
    const unknown = await problem(await preview({ ...base, parameters: { level: 'city' } }));
    expect(unknown.errors?.map((e) => [e.path, e.message_zh])).toEqual([
      ['body.parameters.level', 'level：未知参数'],
    ]);
  });

  it('refuses malformed assessments and references by the request schema', async () => {
    const bad = await problem(
      await preview({ ...base, assessments: { '三.1': { points: 'all', reason: '' } } }),
    );
    expect(bad.errors?.map((e) => e.path).sort()).toEqual([
      'body.assessments.三.1.points',
      'body.assessments.三.1.reason',
    ]);
    const ref = await problem(await preview({ ...base, references: { avg: '90%' } }));
    expect(ref.errors?.map((e) => e.path)).toEqual(['body.references.avg']);
  });

  it('answers 404 for a version that does not exist, without repeating what was asked', async () => {
    const res = await call('/v1/packs/gz.full-employment/versions/2099.1/score', {
      token: t.tokens.reporter,
      body: base,
    });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('2099');
  });

  it('refuses API clients without scores:read (403)', async () => {
    const res = await preview(base, t.tokens.writerClient);
    expect(res.status).toBe(403);
  });

  it('refuses a body over 64 KB (413)', async () => {
    const res = await preview({ ...base, inputs: { ...huangzhulang, pad: 'x'.repeat(70_000) } });
    expect(res.status).toBe(413);
  });

  it('rate-limits each caller: a burst gets 429 with Retry-After, others are unaffected', async () => {
    // PREVIEW_LIMITER allows 240 a minute per principal (wrangler.toml).
    const burst = await burstUntilRefused(240, () =>
      call(SCORE, { token: t.tokens.viewer, body: { unitKind: 'community', inputs: {} } }),
    );
    expect(burst.statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // Earlier tests of this file counted against the viewer's key too.
    expectRefused(burst, 240, false);
    // Another person of the same tenant is counted apart.
    expect((await preview(base, t.tokens.admin)).status).toBe(200);
  });
});

describe('lint: bad input', () => {
  it('refuses a pack body over 512 KB (413)', async () => {
    const res = await call('/v1/packs/lint', {
      token: t.tokens.admin,
      body: { pack: { notes: 'x'.repeat(530_000) } },
    });
    expect(res.status).toBe(413);
  });

  it('refuses a pack whose parameter combinations are too many to lint', async () => {
    const gz = findBuiltInPack('gz.full-employment@2024.1')!;
    const parameters = Array.from({ length: 14 }, (_, i) => ({
      id: `flag${i}`,
      kind: 'boolean',
      label: { zh: `开关${i}`, en: `flag ${i}` },
    }));
    const res = await call('/v1/packs/lint', {
      token: t.tokens.admin,
      body: { pack: { ...gz, parameters: [...gz.parameters, ...parameters] } },
    });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors?.map((e) => e.path)).toEqual(['body.pack.parameters']);
  });

  it('answers 404 for a parent the tenant cannot see', async () => {
    const res = await call('/v1/packs/lint', {
      token: t.tokens.admin,
      body: { pack: {}, parent: { key: 'gz.full-employment', version: '2024.1-nobody.1' } },
    });
    expect(res.status).toBe(404);
  });

  it('refuses writer clients (403)', async () => {
    const res = await call('/v1/packs/lint', {
      token: t.tokens.writerClient,
      body: { pack: {} },
    });
    expect(res.status).toBe(403);
  });
});

describe('catalog and diff: bad input', () => {
  it('names a bad unit kind or status in the query', async () => {
    const res = await call('/v1/packs?unit_kind=hamlet', { token: t.tokens.viewer });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual(['query.unit_kind']);
  });

  it('answers 404 when the version to compare with does not exist', async () => {
    const res = await call('/v1/packs/gz.full-employment/versions/2024.1/diff?to=yc.hqe@1999.9', {
      token: t.tokens.viewer,
    });
    expect(res.status).toBe(404);
  });

  it('needs a token', async () => {
    const res = await call('/v1/packs');
    expect(res.status).toBe(401);
  });
});
