import { type Assessment, findBuiltInPack, score } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import { etagOf, saveInputs, step } from '../../../test/campaign.ts';
import { TEST_PASSWORD, userToken } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { provinceCityInputs, provinceJudgements } from '../../seed/invented-inputs.ts';

/**
 * The province table (001_…txt 附件2) keeps three scores per line: 自评分, 省厅初评分 and 省厅审定
 * 考核分. One city goes through the pack's own chain — self (the city) → initial → final (the
 * province) — and each stage keeps its own row: the city's figures and judgements, the
 * province's corrections and judgements at initial review, and again at approval. Scored with
 * the engine, the three rows give three different totals; the sealed result is the last.
 * Figures and judgements are INVENTED (see src/seed/invented-inputs.ts).
 */

const province = findBuiltInPack('province.employment-work@1.0')!;

interface Person {
  id: string;
  token: string;
}

let admin: string;
let tenantId: string;
let guangzhou: string;
let cityReporter: Person;
let initialReviewer: Person;
let finalReviewer: Person;
let submissionId: string;

async function invite(grant: Record<string, string>): Promise<Person> {
  const email = `${grant.role}-${grant.stage ?? 'x'}-${crypto.randomUUID().slice(0, 8)}@kaoping.test`;
  const invitation = await callJson<{ token: string }>('/v1/invitations', {
    token: admin,
    body: { email, ...grant },
  });
  const accepted = await callJson<{ user: { id: string } }>('/v1/invitations/accept', {
    body: { token: invitation.token, display_name: email, password: TEST_PASSWORD },
  });
  return { id: accepted.user.id, token: await userToken(tenantId, accepted.user.id) };
}

beforeAll(async () => {
  const marker = crypto.randomUUID().slice(0, 8);
  const signUp = await callJson<{
    tenant: { id: string };
    admin: { id: string };
    root_unit: { id: string };
  }>('/v1/signup', {
    body: {
      tenant: {
        name: `省人社厅 ${marker}`,
        slug: `p-${marker}`,
        level: 'province',
        region_name: '广东省',
      },
      admin: {
        email: `admin-${marker}@kaoping.test`,
        display_name: '省厅管理员',
        password: TEST_PASSWORD,
      },
    },
  });
  tenantId = signUp.tenant.id;
  admin = await userToken(tenantId, signUp.admin.id);
  guangzhou = (
    await callJson<{ id: string }>('/v1/org-units', {
      token: admin,
      body: { parent_id: signUp.root_unit.id, kind: 'city', name: '广州市' },
    })
  ).id;
  [cityReporter, initialReviewer, finalReviewer] = await Promise.all([
    invite({ role: 'reporter', org_unit_id: guangzhou }),
    invite({ role: 'reviewer', stage: 'initial' }),
    invite({ role: 'reviewer', stage: 'final' }),
  ]);
  const cycle = await callJson<{
    id: string;
    stages: { key: string; step: string; title: { zh: string } }[];
  }>('/v1/cycles', {
    token: admin,
    body: {
      name: '2024年度全省就业工作单项考核',
      pack_key: 'province.employment-work',
      pack_version: '1.0',
      references: { provinceAveragePassRate: 80 },
      period_start: '2024-01-01',
      period_end: '2024-12-31',
    },
  });
  expect(cycle.stages.map((s) => [s.key, s.step, s.title.zh])).toEqual([
    ['self', 'submit', '自评分'],
    ['initial', 'verify', '省厅初评分'],
    ['final', 'publish', '省厅审定考核分'],
  ]);
  const path = `/v1/cycles/${cycle.id}`;
  await callJson(`${path}/units`, {
    token: admin,
    headers: { 'if-match': await etagOf(path, admin) },
    body: { units: [{ org_unit_id: guangzhou }] },
    expect: 200,
  });
  await callJson(path, {
    method: 'PATCH',
    token: admin,
    headers: { 'if-match': await etagOf(path, admin) },
    body: { status: 'open' },
    expect: 200,
  });
  const subs = await callJson<{ items: { id: string }[] }>(`${path}/submissions`, { token: admin });
  submissionId = subs.items[0]!.id;
});

async function assess(token: string, assessments: Record<string, unknown>, expect = 200) {
  return callJson(`/v1/submissions/${submissionId}/assessments`, {
    method: 'PATCH',
    token,
    body: { assessments },
    headers: { 'if-match': await etagOf(`/v1/submissions/${submissionId}`, token) },
    expect,
  });
}

describe('the province table’s three-stage scoring of one city (001_…txt)', () => {
  it('keeps 自评分, 初评分 and 审定分 apart: three stage rows, three totals', async () => {
    // 自评: the city reports its figures and scores its own judgements.
    await saveInputs(submissionId, cityReporter.token, provinceCityInputs('广州市', 0.6));
    await assess(cityReporter.token, provinceJudgements('广州市', 'self', 0.6));
    await step(submissionId, cityReporter.token, { action: 'submit' });

    // The city's judgements are fixed now: its attempt at the initial stage is a 409.
    await assess(cityReporter.token, { trainingBrand: { points: 0, reason: '改' } }, 409);

    // 初评: the province corrects a verified figure and judges again.
    await saveInputs(
      submissionId,
      initialReviewer.token,
      { statisticsRequirementsUnmet: 3 },
      '省厅核查：失业保险统计有三项未达省要求',
    );
    // 0..max in the rule's steps: trainingBrand is worth 2, all or nothing.
    const bad = await assess(
      initialReviewer.token,
      { trainingBrand: { points: 1, reason: '部分' } },
      400,
    );
    expect(JSON.stringify(bad)).toContain('body.assessments.trainingBrand');
    await assess(initialReviewer.token, provinceJudgements('广州市', 'initial', 0.6));
    // The final reviewer cannot act before its stage, the initial one cannot publish.
    await step(submissionId, finalReviewer.token, { action: 'verify' }, 403);
    await step(submissionId, initialReviewer.token, { action: 'publish' }, 403);
    await step(submissionId, initialReviewer.token, { action: 'verify' });

    // 审定: the province's final judgement, then the result is published and sealed.
    await assess(finalReviewer.token, provinceJudgements('广州市', 'final', 0.6));
    const published = await step(submissionId, finalReviewer.token, { action: 'publish' });
    expect(published.status).toBe('published');

    const totals: Record<string, number> = {};
    for (const stage of ['self', 'initial', 'final']) {
      const row = await callJson<{
        stage: string;
        inputs: Record<string, unknown>;
        assessments: Record<string, Assessment & { by: string }>;
        corrections: Record<string, { from: unknown; to: unknown; reason: string }>;
      }>(`/v1/submissions/${submissionId}/stages/${stage}`, { token: admin });
      // Each judgement carries the stage it was entered at (and who entered it).
      const entered = Object.values(row.assessments);
      expect(entered.every((a) => a.stage === stage)).toBe(true);
      expect(entered[0]!.by).toBe(
        { self: cityReporter, initial: initialReviewer, final: finalReviewer }[stage]!.id,
      );
      if (stage === 'self') expect(row.corrections).toEqual({});
      if (stage === 'initial') {
        expect(row.corrections.statisticsRequirementsUnmet).toMatchObject({
          from: provinceCityInputs('广州市', 0.6).statisticsRequirementsUnmet,
          to: 3,
        });
      }
      const card = score(province, {}, row.inputs, {
        unitKind: 'city',
        assessments: row.assessments,
        references: { provinceAveragePassRate: 80 },
      });
      expect(card.complete).toBe(true);
      totals[stage] = card.total;
    }
    expect(new Set(Object.values(totals)).size).toBe(3);
    // 失业保险统计 (分值 4, −1 per requirement unmet): the correction costs the city points.
    expect(totals.self).toBeGreaterThan(totals.initial!);

    const seal = await callJson<{ document: { stage: string; scorecard: { total: number } } }>(
      `/v1/submissions/${submissionId}/seal`,
      { token: admin },
    );
    expect(seal.document.stage).toBe('final');
    expect(seal.document.scorecard.total).toBe(totals.final);

    const history = await callJson<{
      items: { action: string; from_stage: string; to_stage: string }[];
    }>(`/v1/submissions/${submissionId}/transitions`, { token: admin });
    expect(history.items.map((h) => [h.action, h.from_stage, h.to_stage])).toEqual([
      ['submit', 'self', 'initial'],
      ['verify', 'initial', 'final'],
      ['publish', 'final', 'final'],
    ]);
    const res = await call(`/v1/submissions/${submissionId}`, { token: admin });
    expect(res.headers.get('etag')).toBeTruthy();
  });
});
