import { beforeAll, describe, expect, it } from 'vitest';
import { etagOf, freshCycle } from '../../../test/campaign.ts';
import {
  createTailoredPack,
  createTestTenant,
  databaseFingerprint,
  type TestTenant,
} from '../../../test/factories.ts';
import { call, type Problem } from '../../../test/http.ts';

/** What cycle configuration refuses, each with a clear problem and nothing stored. */

let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant(), createTestTenant()]);
});

const body = (extra: Record<string, unknown> = {}) => ({
  name: '测试周期',
  pack_key: 'gz.full-employment',
  pack_version: '2024.1',
  period_start: '2023-10-01',
  period_end: '2024-09-30',
  ...extra,
});

async function refused(res: Response, status: number, paths: string[] = []): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = JSON.parse(text) as Problem;
  for (const path of paths) {
    const e = problem.errors?.find((x) => x.path === path);
    expect(e, `${path} in ${text}`).toBeTruthy();
    expect(e!.message_zh).toBeTruthy();
  }
  return problem;
}

describe('creating a cycle refuses', () => {
  it.for([
    [
      'an unknown parameter and a wrong one',
      { parameters: { passMark: 'eighty', level: 1 } },
      400,
      ['body.parameters.passMark', 'body.parameters.level'],
    ],
    [
      'a reference the pack does not take',
      { references: { countyAverageEmploymentRate: 90 } },
      400,
      ['body.references.countyAverageEmploymentRate'],
    ],
    [
      'a period that ends before it starts',
      { period_start: '2024-10-01' },
      400,
      ['body.period_end'],
    ],
    [
      'a chain out of order',
      {
        stages: [
          { key: 'self', step: 'submit' },
          { key: 'b', step: 'publish' },
          { key: 'c', step: 'verify' },
        ],
      },
      400,
      ['body.stages.2.step'],
    ],
    [
      'a chain that does not start with the unit',
      {
        stages: [
          { key: 'a', step: 'recommend' },
          { key: 'b', step: 'publish' },
        ],
      },
      400,
      ['body.stages.0.step'],
    ],
    ['a pack version that does not exist', { pack_version: '2099.1' }, 404, ['body.pack_version']],
  ] as const)('%s', async ([, extra, status, paths]) => {
    const before = await databaseFingerprint();
    await refused(await call('/v1/cycles', { token: t.tokens.admin, body: body(extra) }), status, [
      ...paths,
    ]);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('a Yichun chain that leaves the pack’s judgements nowhere to be entered', async () => {
    const res = await call('/v1/cycles', {
      token: t.tokens.admin,
      body: body({ pack_key: 'yc.hqe', pack_version: '2023.1' }),
    });
    const problem = await refused(res, 400, ['body.stages']);
    expect(problem.errors![0]!.message_zh).toContain('pack_stage');
  });

  it('another tenant’s tailored version, exactly like a missing one', async () => {
    const theirs = await createTailoredPack(other);
    const before = await databaseFingerprint();
    const res = await call('/v1/cycles', {
      token: t.tokens.admin,
      body: body({ pack_version: theirs.version }),
    });
    const missing = await call('/v1/cycles', {
      token: t.tokens.admin,
      body: body({ pack_version: '2024.1-nothing' }),
    });
    expect(res.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('a draft of the tenant’s own (drafts are never usable)', async () => {
    const draft = await createTailoredPack(t, { publish: false });
    await refused(
      await call('/v1/cycles', {
        token: t.tokens.admin,
        body: body({ pack_version: draft.version }),
      }),
      404,
    );
  });
});

describe('scope, targets and the cycle’s state refuse', () => {
  it('a bulk scope with one foreign unit: 404, refused whole, nothing stored', async () => {
    const c = await freshCycle(t, { units: [], open: false });
    const before = await databaseFingerprint();
    const res = await call(`/v1/cycles/${c.id}/units`, {
      token: t.tokens.admin,
      headers: { 'if-match': c.etag },
      body: {
        units: [
          { org_unit_id: t.units.village.id },
          { org_unit_id: other.units.village.id },
          { org_unit_id: t.units.community.id },
        ],
      },
    });
    await refused(res, 404);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('a unit the pack cannot assess, or listed twice: 400 naming it', async () => {
    const c = await freshCycle(t, { units: [], open: false });
    const before = await databaseFingerprint();
    await refused(
      await call(`/v1/cycles/${c.id}/units`, {
        token: t.tokens.admin,
        headers: { 'if-match': c.etag },
        body: {
          units: [
            { org_unit_id: t.units.town.id },
            { org_unit_id: t.units.village.id },
            { org_unit_id: t.units.village.id },
          ],
        },
      }),
      400,
      ['body.units.0.unit_kind', 'body.units.2.org_unit_id'],
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('a target for a kind the pack does not assess, and a foreign subtree', async () => {
    const c = await freshCycle(t, { units: [], open: false });
    const send = (targets: unknown[]) =>
      call(`/v1/cycles/${c.id}/targets`, {
        method: 'PUT',
        token: t.tokens.admin,
        headers: { 'if-match': c.etag },
        body: { targets },
      });
    const before = await databaseFingerprint();
    await refused(
      await send([{ org_unit_id: t.units.town.id, unit_kind: 'city', rate_percent: 75 }]),
      400,
      ['body.targets.0.unit_kind'],
    );
    await refused(
      await send([{ org_unit_id: other.units.town.id, unit_kind: 'village', rate_percent: 70 }]),
      404,
    );
    await refused(
      await send([{ org_unit_id: t.units.town.id, unit_kind: 'village', rate_percent: 170 }]),
      400,
      ['body.targets.0.rate_percent'],
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('a stale ETag (412), none (428), a closed cycle (409), a chain changed once units are in', async () => {
    const c = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }], open: false });
    const patch = (etag: string | undefined, b: unknown) =>
      call(`/v1/cycles/${c.id}`, {
        method: 'PATCH',
        token: t.tokens.admin,
        headers: etag ? { 'if-match': etag } : {},
        body: b,
      });
    const before = await databaseFingerprint();
    await refused(await patch(undefined, { name: 'x' }), 428);
    await refused(await patch('"99"', { name: 'x' }), 412);
    await refused(
      await patch(c.etag, {
        stages: [
          { key: 'self', step: 'submit' },
          { key: 'published', step: 'publish' },
        ],
      }),
      409,
    );
    await refused(await patch(c.etag, { status: 'closed' }), 409);
    expect(await databaseFingerprint()).toEqual(before);

    const opened = await patch(c.etag, { status: 'open' });
    expect(opened.status).toBe(200);
    const closed = await patch(opened.headers.get('etag')!, { status: 'closed' });
    expect(closed.status).toBe(200);
    const etag = closed.headers.get('etag')!;
    const after = await databaseFingerprint();
    await refused(await patch(etag, { name: '改名' }), 409);
    await refused(
      await call(`/v1/cycles/${c.id}/units`, {
        token: t.tokens.admin,
        headers: { 'if-match': etag },
        body: { units: [{ org_unit_id: t.units.siblingVillage.id }] },
      }),
      409,
    );
    expect(await databaseFingerprint()).toEqual(after);
  });

  it('switching to the version the cycle already uses', async () => {
    const c = await freshCycle(t, { units: [] });
    await refused(
      await call(`/v1/cycles/${c.id}/switch-version`, {
        token: t.tokens.admin,
        body: { step: 'preview', pack_version: '2024.1' },
      }),
      409,
    );
    const etag = await etagOf(`/v1/cycles/${c.id}`, t.tokens.admin);
    expect(etag).toBe(c.etag);
  });
});
