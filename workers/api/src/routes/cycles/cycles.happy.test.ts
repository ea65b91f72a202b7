import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  etagOf,
  freshCycle,
  invitePerson,
  saveInputs,
  step,
  submissionOf,
} from '../../../test/campaign.ts';
import { createTailoredPack, createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import {
  gzFullEmploymentInputs,
  ycJudgements,
  ycVillageInputs,
} from '../../seed/invented-inputs.ts';

let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant();
});

interface CycleJson {
  id: string;
  status: string;
  etag: string;
  pack: { key: string; version: string; content_hash: string };
  stages: { key: string; step: string; actor: string; pack_stage: string; title: { zh: string } }[];
  milestones: {
    id: string;
    type: string;
    due_at: string;
    recurrence: Record<string, unknown> | null;
  }[];
  scoring_epoch: number;
  unit_count: number;
  public_objection_path: string | null;
}

const cycleBody = (extra: Record<string, unknown> = {}) => ({
  name: '测试周期',
  pack_key: 'gz.full-employment',
  pack_version: '2024.1',
  parameters: { passMark: 80 },
  period_start: '2023-10-01',
  period_end: '2024-09-30',
  ...extra,
});

describe('cycles', () => {
  it('are created as drafts with the default chain 自评 → 镇评估推荐 → 区核定 → 公示 → 市公布', async () => {
    const res = await call('/v1/cycles', { token: t.tokens.admin, body: cycleBody() });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/^\/v1\/cycles\/cyc_/);
    const cycle = (await res.json()) as CycleJson;
    expect(res.headers.get('etag')).toBe(cycle.etag);
    expect(cycle).toMatchObject({ status: 'draft', unit_count: 0, scoring_epoch: 1 });
    expect(cycle.pack.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cycle.stages.map((s) => [s.key, s.step, s.actor])).toEqual([
      ['self', 'submit', 'reporter'],
      ['recommended', 'recommend', 'reviewer'],
      ['verified', 'verify', 'reviewer'],
      ['publicised', 'publicise', 'reviewer'],
      ['published', 'publish', 'reviewer'],
    ]);
    expect(cycle.public_objection_path).toMatch(/^\/v1\/public\/objections\/kpo_/);
    // Everyone reads the configuration; only admins see the public link.
    const viewer = await callJson<CycleJson>(`/v1/cycles/${cycle.id}`, { token: t.tokens.viewer });
    expect(viewer.public_objection_path).toBeNull();
    const list = await callJson<{ items: { id: string }[] }>('/v1/cycles?status=draft', {
      token: t.tokens.reporter,
    });
    expect(list.items.map((c) => c.id)).toContain(cycle.id);
  });

  it('take a chain the cycle spells out, mapping its stages to the pack’s (宜春: 区 = county, 市 = city)', async () => {
    const cycle = await callJson<CycleJson>('/v1/cycles', {
      token: t.tokens.admin,
      body: cycleBody({
        pack_key: 'yc.hqe',
        pack_version: '2023.1',
        parameters: { designation: 'city', passMark: 85 },
        references: { countyAverageEmploymentRate: 90 },
        stages: [
          { key: 'self', step: 'submit' },
          { key: 'recommended', step: 'recommend', title: { zh: '镇推荐', en: 'Town' } },
          { key: 'verified', step: 'verify', pack_stage: 'county' },
          { key: 'published', step: 'publish', pack_stage: 'city' },
        ],
      }),
    });
    expect(cycle.stages.map((s) => [s.key, s.pack_stage, s.title.zh])).toEqual([
      ['self', 'self', '社区(村)自评'],
      ['recommended', 'recommended', '镇推荐'],
      ['verified', 'county', '区核定'],
      ['published', 'city', '市公布'],
    ]);
  });

  it('keep a weekly milestone as 003_… sets it: every Thursday 16:00 China time from July', async () => {
    const c = await freshCycle(t, { units: [], open: false });
    const cycle = await callJson<CycleJson>(`/v1/cycles/${c.id}/milestones`, {
      token: t.tokens.admin,
      headers: { 'if-match': c.etag },
      body: {
        type: 'progress_report',
        title: { zh: '每周四下午4点前报送创建推进情况', en: 'Weekly progress report' },
        recurrence: {
          weekday: 4,
          time: '16:00',
          timezone: 'Asia/Shanghai',
          starts: '2023-07-01',
          until: '2023-11-30',
        },
      },
    });
    // 2023-07-01 is a Saturday: the first Thursday is 6 July, 16:00 UTC+8 = 08:00 UTC.
    expect(cycle.milestones[0]).toMatchObject({
      type: 'progress_report',
      due_at: '2023-07-06T08:00:00.000Z',
      recurrence: { weekday: 4, time: '16:00', timezone: 'Asia/Shanghai', until: '2023-11-30' },
    });
    const row = await env.DB.prepare('SELECT next_check_at FROM milestones WHERE id = ?')
      .bind(cycle.milestones[0]!.id)
      .first<{ next_check_at: string | null }>();
    expect(row!.next_check_at).toBeNull();
    // A due_at off the schedule is refused.
    const off = await call(`/v1/cycles/${c.id}/milestones`, {
      token: t.tokens.admin,
      headers: { 'if-match': cycle.etag },
      body: {
        type: 'progress_report',
        title: { zh: '周报', en: 'Weekly' },
        due_at: '2023-07-06T09:00:00Z',
        recurrence: { weekday: 4, time: '16:00', timezone: 'Asia/Shanghai', starts: '2023-07-01' },
      },
    });
    expect(off.status).toBe(400);
    expect(await off.text()).toContain('body.due_at');
  });

  it('put units in scope with a submission each, as their own kind or the kind given', async () => {
    const c = await freshCycle(t, { units: [], open: false });
    const added = await callJson<{ added: number; etag: string }>(`/v1/cycles/${c.id}/units`, {
      token: t.tokens.admin,
      headers: { 'if-match': c.etag },
      body: {
        units: [
          { org_unit_id: t.units.village.id },
          { org_unit_id: t.units.community.id },
          { org_unit_id: t.units.siblingVillage.id, unit_kind: 'community' },
        ],
      },
      expect: 200,
    });
    expect(added.added).toBe(3);
    const again = await callJson<{ added: number; unchanged: number; kind_changed: number }>(
      `/v1/cycles/${c.id}/units`,
      {
        token: t.tokens.admin,
        headers: { 'if-match': added.etag },
        body: {
          units: [{ org_unit_id: t.units.village.id }, { org_unit_id: t.units.siblingVillage.id }],
        },
        expect: 200,
      },
    );
    expect(again).toMatchObject({ added: 0, unchanged: 1, kind_changed: 1 });
    const units = await callJson<{
      items: { name: string; unit_kind: string; submission: { status: string; stage: string } }[];
    }>(`/v1/cycles/${c.id}/units`, { token: t.tokens.admin });
    // Tree order is path order (ids); the kinds: 乙村 back to a village, 丙社区 a community.
    expect(
      units.items.map((u) => [u.unit_kind, u.submission.status, u.submission.stage]).sort(),
    ).toEqual([
      ['community', 'draft', 'self'],
      ['village', 'draft', 'self'],
      ['village', 'draft', 'self'],
    ]);
    // The reporter of 甲村 sees 甲村 only.
    const mine = await callJson<{ items: unknown[] }>(`/v1/cycles/${c.id}/units`, {
      token: t.tokens.reporter,
    });
    expect(mine.items).toHaveLength(1);
    // Removing a unit still with the unit takes its draft with it.
    const removed = await callJson<{ removed: number }>(`/v1/cycles/${c.id}/units/remove`, {
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(`/v1/cycles/${c.id}`, t.tokens.admin) },
      body: { org_unit_ids: [t.units.community.id] },
      expect: 200,
    });
    expect(removed.removed).toBe(1);
    const left = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM submissions WHERE tenant_id = ? AND cycle_id = ?',
    )
      .bind(t.id, c.id)
      .first<{ n: number }>();
    expect(left!.n).toBe(2);
  });

  it('change parameters through the scoring-work contract: a new epoch, every stage row to score', async () => {
    const c = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }] });
    await env.DB.prepare(
      'UPDATE submission_stages SET dirty = 0 WHERE tenant_id = ? AND cycle_id = ?',
    )
      .bind(t.id, c.id)
      .run();
    const changed = await callJson<CycleJson>(`/v1/cycles/${c.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': c.etag },
      body: { parameters: { passMark: 85 } },
      expect: 200,
    });
    expect(changed.scoring_epoch).toBe(2);
    const dirty = await env.DB.prepare(
      'SELECT dirty FROM submission_stages WHERE tenant_id = ? AND cycle_id = ?',
    )
      .bind(t.id, c.id)
      .all<{ dirty: number }>();
    expect(dirty.results.map((r) => r.dirty)).toEqual([1]);
    // A name change re-scores nothing.
    const renamed = await callJson<CycleJson>(`/v1/cycles/${c.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': changed.etag },
      body: { name: '改名' },
      expect: 200,
    });
    expect(renamed.scoring_epoch).toBe(2);
  });

  it('switch pack version in two steps: a preview of who gains or loses, then a confirm that re-scores', async () => {
    const c = await freshCycle(t, {
      units: [{ org_unit_id: t.units.village.id }, { org_unit_id: t.units.siblingVillage.id }],
    });
    for (const [unit, name] of [
      [t.units.village.id, '甲村'],
      [t.units.siblingVillage.id, '乙村'],
    ] as const) {
      const s = await submissionOf(t, c.id, unit);
      await saveInputs(s.id, t.tokens.admin, gzFullEmploymentInputs(name, 'village', 0.6));
    }
    // The tenant's own tailored version: 一.3's top band at 92 % instead of 90 % (packs routes).
    const tailored = await createTailoredPack(t);
    const to = { pack_key: tailored.key, pack_version: tailored.version };
    const preview = await callJson<{
      step: string;
      from: { key: string };
      to: { key: string; version: string };
      summary: { units: number };
      units: {
        org_unit_id: string;
        old: { total: number };
        new: { total: number };
        delta: number;
      }[];
      etag: string;
    }>(`/v1/cycles/${c.id}/switch-version`, {
      token: t.tokens.admin,
      body: { step: 'preview', ...to, parameters: { passMark: 85 } },
      expect: 200,
    });
    expect(preview).toMatchObject({
      from: { key: 'gz.full-employment' },
      to: { version: tailored.version },
    });
    expect(preview.summary.units).toBe(2);
    expect(preview.units.every((u) => u.delta === u.new.total - u.old.total)).toBe(true);
    expect(preview.etag).toBe(c.etag);
    // The preview changed nothing.
    expect(await etagOf(`/v1/cycles/${c.id}`, t.tokens.admin)).toBe(c.etag);
    // Confirm needs the ETag.
    const blind = await call(`/v1/cycles/${c.id}/switch-version`, {
      token: t.tokens.admin,
      body: { step: 'confirm', ...to, parameters: { passMark: 85 } },
    });
    expect(blind.status).toBe(428);
    const confirmed = await callJson<{ to: { version: string }; etag: string }>(
      `/v1/cycles/${c.id}/switch-version`,
      {
        token: t.tokens.admin,
        headers: { 'if-match': preview.etag },
        body: { step: 'confirm', ...to, parameters: { passMark: 85 } },
        expect: 200,
      },
    );
    expect(confirmed.etag).not.toBe(preview.etag);
    const after = await callJson<CycleJson>(`/v1/cycles/${c.id}`, { token: t.tokens.admin });
    expect(after.pack).toMatchObject({ key: to.pack_key, version: to.pack_version });
    expect(after.scoring_epoch).toBe(2);
  });

  it('let a 宜春 reviewer at the county-mapped stage enter 酌情评分 judgements, checked against the rule', async () => {
    const county = await invitePerson(t, { role: 'reviewer', stage: 'verified' });
    const c = await freshCycle(t, {
      pack: { key: 'yc.hqe', version: '2023.1' },
      parameters: { designation: 'city', passMark: 85 },
      references: { countyAverageEmploymentRate: 90 },
      stages: [
        { key: 'self', step: 'submit' },
        { key: 'recommended', step: 'recommend' },
        { key: 'verified', step: 'verify', pack_stage: 'county' },
        { key: 'published', step: 'publish', pack_stage: 'city' },
      ],
      units: [{ org_unit_id: t.units.village.id }],
    });
    const s = await submissionOf(t, c.id, t.units.village.id);
    await saveInputs(s.id, t.tokens.reporter, ycVillageInputs('洪江村', 0.8));
    await step(s.id, t.tokens.reporter, { action: 'submit' });
    await step(s.id, t.tokens.reviewer, { action: 'recommend' });
    const judgements = ycJudgements('洪江村', 'county', 0.8);
    const saved = await callJson<{ assessments: Record<string, { stage: string; by: string }> }>(
      `/v1/submissions/${s.id}/assessments`,
      {
        method: 'PATCH',
        token: county.token,
        headers: { 'if-match': await etagOf(`/v1/submissions/${s.id}`, county.token) },
        body: { assessments: judgements },
        expect: 200,
      },
    );
    expect(saved.assessments['1.1']).toMatchObject({ stage: 'county', by: county.id });
    const tooMany = await call(`/v1/submissions/${s.id}/assessments`, {
      method: 'PATCH',
      token: county.token,
      headers: { 'if-match': await etagOf(`/v1/submissions/${s.id}`, county.token) },
      body: {
        assessments: {
          '1.1': { points: 4, reason: '超过满分' },
          '9.9': { points: 1, reason: '无此项' },
        },
      },
    });
    expect(tooMany.status).toBe(400);
    const problem = (await tooMany.json()) as { errors: { path: string; message_zh: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      'body.assessments.1.1',
      'body.assessments.9.9',
    ]);
  });
});
