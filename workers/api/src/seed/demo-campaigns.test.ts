import { env } from 'cloudflare:test';
import { canonicalJson, sha256Hex } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson } from '../../test/http.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { demoSeedStatements } from './demo-seed.ts';

/**
 * The demo campaigns (demo-campaigns.ts) as the API sees them after `pnpm seed`: the rows are
 * idempotent, every step of the chain is represented, sealed results verify, and the demo
 * users can carry on from where the seed leaves off.
 */

async function apply() {
  const statements = await demoSeedStatements();
  for (let i = 0; i < statements.length; i += 200) {
    await env.DB.batch(
      statements.slice(i, i + 200).map((s) => env.DB.prepare(s.sql).bind(...s.params)),
    );
  }
}

async function signIn(tenant: string, email: string): Promise<string> {
  const res = await call('/v1/auth/signin', {
    body: { tenant, email, password: DEMO_PASSWORD },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function counts() {
  const out: Record<string, number> = {};
  for (const t of [
    'cycles',
    'cycle_units',
    'cycle_targets',
    'milestones',
    'submissions',
    'submission_stages',
    'transitions',
    'objections',
    'progress_reports',
  ]) {
    out[t] = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>())!.n;
  }
  return out;
}

interface Sub {
  id: string;
  status: string;
  stage: string;
  unit_name: string;
  sealed_hash: string | null;
}

beforeAll(async () => {
  await apply();
});

describe('demo campaigns', () => {
  it('are idempotent', async () => {
    const first = await counts();
    await apply();
    expect(await counts()).toEqual(first);
    expect(first.cycles).toBe(4);
    expect(first.cycle_units).toBe(23 + 4 + 2 + 4);
  });

  it('show Liangkou’s 23 units at every step, with the targets and milestones of the plan', async () => {
    const admin = await signIn('gz-conghua', 'admin@conghua.demo');
    const cycles = await callJson<{ items: { id: string; name: string }[] }>('/v1/cycles', {
      token: admin,
    });
    expect(cycles.items.map((c) => c.name).sort()).toEqual([
      '良口镇2024年充分就业社区(村)创建',
      '良口镇2024年高质量就业村建设',
    ]);
    const fe = cycles.items.find((c) => c.name.includes('充分就业'))!;
    const subs = await callJson<{ items: Sub[] }>(`/v1/cycles/${fe.id}/submissions?limit=100`, {
      token: admin,
    });
    const byStatus: Record<string, number> = {};
    for (const s of subs.items) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    expect(byStatus).toEqual({
      draft: 2,
      returned: 1,
      submitted: 3,
      recommended: 3,
      verified: 3,
      publicised: 3,
      published: 7,
      revoked: 1,
    });
    const view = await callJson<{
      targets: { unit_kind: string; rate_percent: number; count: number }[];
      milestones: unknown[];
    }>(`/v1/cycles/${fe.id}`, { token: admin });
    expect(view.targets.map((t) => [t.unit_kind, t.rate_percent, t.count])).toEqual([
      ['community', 75, 2],
      ['village', 70, 21],
    ]);
    expect(view.milestones).toHaveLength(3);

    // Each sealed result verifies.
    for (const s of subs.items.filter((x) => x.sealed_hash)) {
      const seal = await callJson<{ hash: string; document: unknown }>(
        `/v1/submissions/${s.id}/seal`,
        { token: admin },
      );
      expect(sha256Hex(canonicalJson(seal.document))).toBe(seal.hash);
    }

    // 溪头村's reporter sees its own, published and sealed.
    const xitou = await signIn('gz-conghua', 'xitou@conghua.demo');
    const own = await callJson<{ items: Sub[] }>(`/v1/cycles/${fe.id}/submissions`, {
      token: xitou,
    });
    expect(own.items.map((s) => [s.unit_name, s.status])).toEqual([['溪头村', 'published']]);
  });

  it('let the demo users carry on: the city publishes a unit whose publicity has ended, not one with an open objection', async () => {
    const admin = await signIn('gz-conghua', 'admin@conghua.demo');
    const city = await signIn('gz-conghua', 'city@conghua.demo');
    const cycles = await callJson<{ items: { id: string; name: string }[] }>('/v1/cycles', {
      token: admin,
    });
    const fe = cycles.items.find((c) => c.name.includes('充分就业'))!;
    const subs = await callJson<{ items: Sub[] }>(
      `/v1/cycles/${fe.id}/submissions?status=publicised`,
      { token: admin },
    );
    const publish = async (name: string) => {
      const s = subs.items.find((x) => x.unit_name === name)!;
      const etag = (await call(`/v1/submissions/${s.id}`, { token: city })).headers.get('etag')!;
      return call(`/v1/submissions/${s.id}/transitions`, {
        token: city,
        body: { action: 'publish' },
        headers: { 'if-match': etag },
      });
    };
    expect((await publish('东星村')).status).toBe(409);
    expect((await publish('合群村')).status).toBe(200);
    // 彩虹社区's reporter sees why it was returned.
    const caihong = await signIn('gz-conghua', 'caihong@conghua.demo');
    const mine = await callJson<{ items: Sub[] }>(`/v1/cycles/${fe.id}/submissions`, {
      token: caihong,
    });
    const returned = await callJson<{ return_reason: string; actions: string[] }>(
      `/v1/submissions/${mine.items[0]!.id}`,
      { token: caihong },
    );
    expect(returned.return_reason).toContain('底数不清');
    expect(returned.actions).toEqual(['submit']);
  });

  it('show Yichun’s two villages with weekly reports, and the province’s cities at its three stages', async () => {
    const yc = await signIn('yc-mingyueshan', 'admin@mingyueshan.demo');
    const [cycle] = (await callJson<{ items: { id: string }[] }>('/v1/cycles', { token: yc }))
      .items;
    const subs = await callJson<{ items: Sub[] }>(`/v1/cycles/${cycle!.id}/submissions`, {
      token: yc,
    });
    expect(subs.items.map((s) => [s.unit_name, s.status, s.stage]).sort()).toEqual([
      ['梅州村', 'verified', 'published'],
      ['洪江村', 'published', 'published'],
    ]);
    const reports = await callJson<{ items: unknown[] }>(
      `/v1/cycles/${cycle!.id}/progress-reports?limit=100`,
      { token: yc },
    );
    expect(reports.items).toHaveLength(10);
    const county = await callJson<{ assessments: Record<string, { stage: string }> }>(
      `/v1/submissions/${subs.items[0]!.id}/stages/verified`,
      { token: yc },
    );
    expect(Object.values(county.assessments).every((a) => a.stage === 'county')).toBe(true);

    const province = await signIn('gd-province', 'admin@province.demo');
    const [table] = (await callJson<{ items: { id: string }[] }>('/v1/cycles', { token: province }))
      .items;
    const cities = await callJson<{ items: Sub[] }>(`/v1/cycles/${table!.id}/submissions`, {
      token: province,
    });
    expect(
      Object.fromEntries(cities.items.map((s) => [s.unit_name, `${s.status}@${s.stage}`])),
    ).toEqual({
      广州市: 'published@final',
      韶关市: 'verified@final',
      湛江市: 'submitted@initial',
      梅州市: 'draft@self',
    });
  });
});
