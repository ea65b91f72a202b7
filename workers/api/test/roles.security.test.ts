import { findBuiltInPack } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import { gzFullEmploymentInputs } from '../src/seed/invented-inputs.ts';
import {
  etagOf,
  freshCycle,
  multipart,
  pdfBytes,
  saveInputs,
  step,
  submissionOf,
  uploadForm,
  weeklyReports,
} from './campaign.ts';
import {
  createTailoredPack,
  createTestTenant,
  type PrincipalName,
  TEST_PASSWORD,
  type TestTenant,
  type TestUnit,
  tenantSnapshot,
} from './factories.ts';
import { call, callJson } from './http.ts';
import { operations } from './openapi-walk.ts';
import { runScheduler, scoredFixtures } from './scoring.ts';

/** A pack of the tenant's own to import (a built-in's content under another key). */
const ownPack = {
  ...JSON.parse(JSON.stringify(findBuiltInPack('gz.hqe-village@2024.1'))),
  version: '1.0',
};

/**
 * Each role against each write route, allowed and refused. The routes come
 * from the OpenAPI document; a write route missing from EXPECTATIONS fails
 * the test until someone states who may call it. A refused call answers 403
 * and leaves the tenant exactly as it was; an allowed one succeeds.
 */

const PRINCIPALS: PrincipalName[] = [
  'admin',
  'reviewer',
  'reporter',
  'viewer',
  'readerClient',
  'writerClient',
];

interface Scenario {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The status an allowed caller gets. */
  ok: number;
}

let t: TestTenant;
let n = 0;
const unique = (s: string) => `${s}${++n}`;

async function freshUnit(parent: TestUnit = t.units.town): Promise<TestUnit> {
  return callJson<TestUnit>('/v1/org-units', {
    token: t.tokens.admin,
    body: { parent_id: parent.id, kind: 'village', name: unique('角色村') },
  });
}

async function freshPerson(): Promise<{ id: string; etag: string }> {
  const email = `${unique('role')}@kaoping.test`;
  const invitation = await callJson<{ token: string }>('/v1/invitations', {
    token: t.tokens.admin,
    body: { email, role: 'viewer' },
  });
  const joined = await callJson<{ user: { id: string } }>('/v1/invitations/accept', {
    body: { token: invitation.token, display_name: '角色测试', password: TEST_PASSWORD },
  });
  return { id: joined.user.id, etag: '"1"' };
}

async function etagOfPerson(id: string): Promise<string> {
  return (await call(`/v1/people/${id}`, { token: t.tokens.admin })).headers.get('etag')!;
}

const ADMIN_ONLY: PrincipalName[] = ['admin'];
/** Who reports for 甲村 (the test reporter's unit): its reporter, admins, submissions:write clients. */
const REPORTS_FOR_VILLAGE: PrincipalName[] = ['admin', 'reporter', 'writerClient'];

/** A fresh open cycle with 甲村 in scope (its submission a draft), and that submission. */
async function villageDraft(options: Partial<Parameters<typeof freshCycle>[1]> = {}) {
  const cycle = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }], ...options });
  return { cycle, submission: await submissionOf(t, cycle.id, t.units.village.id) };
}

/** A draft cycle (admin configuration routes), with 甲村 in scope unless told otherwise. */
async function draftCycle(units = [{ org_unit_id: t.units.village.id }]) {
  return freshCycle(t, { units, open: false });
}
/** Stateless computations (lint, score preview): every person, and scores:read clients. */
const READERS: PrincipalName[] = ['admin', 'reviewer', 'reporter', 'viewer', 'readerClient'];
const GZ = '/v1/packs/gz.full-employment/versions';

const EXPECTATIONS: Record<
  string,
  { allowed: PrincipalName[]; scenario: () => Promise<Scenario> }
> = {
  'POST /v1/cycles': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({
      path: '/v1/cycles',
      body: {
        name: unique('周期'),
        pack_key: 'gz.full-employment',
        pack_version: '2024.1',
        period_start: '2023-10-01',
        period_end: '2024-09-30',
      },
      ok: 201,
    }),
  },
  'PATCH /v1/cycles/{cycleId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await draftCycle([]);
      return {
        path: `/v1/cycles/${c.id}`,
        headers: { 'if-match': c.etag },
        body: { name: unique('改名周期') },
        ok: 200,
      };
    },
  },
  'POST /v1/cycles/{cycleId}/switch-version': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await draftCycle();
      return {
        path: `/v1/cycles/${c.id}/switch-version`,
        body: {
          step: 'preview',
          pack_key: 'gz.hqe-village',
          pack_version: '2024.1',
          parameters: { passMark: 85 },
        },
        ok: 200,
      };
    },
  },
  'POST /v1/cycles/{cycleId}/units': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await draftCycle([]);
      return {
        path: `/v1/cycles/${c.id}/units`,
        headers: { 'if-match': c.etag },
        body: { units: [{ org_unit_id: t.units.siblingVillage.id }] },
        ok: 200,
      };
    },
  },
  'POST /v1/cycles/{cycleId}/units/remove': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await draftCycle();
      return {
        path: `/v1/cycles/${c.id}/units/remove`,
        headers: { 'if-match': c.etag },
        body: { org_unit_ids: [t.units.village.id] },
        ok: 200,
      };
    },
  },
  'PUT /v1/cycles/{cycleId}/targets': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await draftCycle([]);
      return {
        path: `/v1/cycles/${c.id}/targets`,
        headers: { 'if-match': c.etag },
        body: {
          targets: [{ org_unit_id: t.units.town.id, unit_kind: 'village', rate_percent: 70 }],
        },
        ok: 200,
      };
    },
  },
  'POST /v1/cycles/{cycleId}/milestones': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await draftCycle([]);
      return {
        path: `/v1/cycles/${c.id}/milestones`,
        headers: { 'if-match': c.etag },
        body: weeklyReports(),
        ok: 201,
      };
    },
  },
  'PATCH /v1/cycles/{cycleId}/milestones/{milestoneId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await freshCycle(t, { units: [], milestones: [weeklyReports()], open: false });
      const cycle = await callJson<{ milestones: { id: string }[] }>(`/v1/cycles/${c.id}`, {
        token: t.tokens.admin,
      });
      return {
        path: `/v1/cycles/${c.id}/milestones/${cycle.milestones[0]!.id}`,
        headers: { 'if-match': c.etag },
        body: { title: { zh: '每周四进度报告', en: 'Thursday report' } },
        ok: 200,
      };
    },
  },
  'DELETE /v1/cycles/{cycleId}/milestones/{milestoneId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await freshCycle(t, { units: [], milestones: [weeklyReports()], open: false });
      const cycle = await callJson<{ milestones: { id: string }[] }>(`/v1/cycles/${c.id}`, {
        token: t.tokens.admin,
      });
      return {
        path: `/v1/cycles/${c.id}/milestones/${cycle.milestones[0]!.id}`,
        headers: { 'if-match': c.etag },
        ok: 200,
      };
    },
  },
  'PATCH /v1/submissions/{submissionId}/inputs': {
    allowed: REPORTS_FOR_VILLAGE,
    scenario: async () => {
      const { submission } = await villageDraft();
      return {
        path: `/v1/submissions/${submission.id}/inputs`,
        headers: { 'if-match': submission.etag },
        body: { inputs: { registeredUnemployed: 40 } },
        ok: 200,
      };
    },
  },
  'PATCH /v1/submissions/{submissionId}/assessments': {
    // The province table's judgements may be entered at 自评 too: by the unit's people (not clients).
    allowed: ['admin', 'reporter'],
    scenario: async () => {
      const { submission } = await villageDraft({
        pack: { key: 'province.employment-work', version: '1.0' },
        parameters: {},
        units: [{ org_unit_id: t.units.village.id, unit_kind: 'city' }],
      });
      return {
        path: `/v1/submissions/${submission.id}/assessments`,
        headers: { 'if-match': submission.etag },
        body: { assessments: { trainingBrand: { points: 2, reason: '有知名培训品牌' } } },
        ok: 200,
      };
    },
  },
  'POST /v1/submissions/{submissionId}/transitions': {
    allowed: REPORTS_FOR_VILLAGE,
    scenario: async () => {
      const { submission } = await villageDraft();
      await saveInputs(
        submission.id,
        t.tokens.admin,
        gzFullEmploymentInputs('甲村', 'village', 0.7),
      );
      return {
        path: `/v1/submissions/${submission.id}/transitions`,
        headers: { 'if-match': await etagOf(`/v1/submissions/${submission.id}`, t.tokens.admin) },
        body: { action: 'submit' },
        ok: 200,
      };
    },
  },
  'POST /v1/submissions/{submissionId}/evidence': {
    allowed: REPORTS_FOR_VILLAGE,
    scenario: async () => {
      const { submission } = await villageDraft();
      const body = await multipart(uploadForm(pdfBytes('Ledger'), '台账.pdf'));
      return {
        path: `/v1/submissions/${submission.id}/evidence`,
        headers: { 'content-type': body.type },
        body: body.bytes,
        ok: 201,
      };
    },
  },
  'DELETE /v1/evidence/{evidenceId}': {
    allowed: REPORTS_FOR_VILLAGE,
    scenario: async () => {
      const { submission } = await villageDraft();
      const body = await multipart(uploadForm(pdfBytes('Ledger'), '台账.pdf'));
      const file = await callJson<{ id: string }>(`/v1/submissions/${submission.id}/evidence`, {
        token: t.tokens.reporter,
        headers: { 'content-type': body.type },
        body: body.bytes,
      });
      return { path: `/v1/evidence/${file.id}`, ok: 204 };
    },
  },
  'POST /v1/objections/{objectionId}/resolve': {
    // The test reviewer runs this chain's publicity (its `recommended` stage publicises).
    allowed: ['reviewer'],
    scenario: async () => {
      const { cycle, submission } = await villageDraft({
        stages: [
          { key: 'self', step: 'submit' },
          { key: 'recommended', step: 'publicise' },
          { key: 'verified', step: 'publish' },
        ],
      });
      await saveInputs(
        submission.id,
        t.tokens.admin,
        gzFullEmploymentInputs('甲村', 'village', 0.7),
      );
      await step(submission.id, t.tokens.reporter, { action: 'submit' });
      await step(submission.id, t.tokens.reviewer, {
        action: 'publicise',
        publicity_ends_at: new Date(Date.now() + 3_600_000).toISOString(),
      });
      const objection = await callJson<{ id: string }>(cycle.publicPath, {
        body: { submission_id: submission.id, text: '请核实该村再就业人数。' },
      });
      return {
        path: `/v1/objections/${objection.id}/resolve`,
        body: { decision: 'dismiss', reason: '经核实数据无误' },
        ok: 200,
      };
    },
  },
  'POST /v1/cycles/{cycleId}/progress-reports': {
    allowed: REPORTS_FOR_VILLAGE,
    scenario: async () => {
      const { cycle } = await villageDraft({ milestones: [weeklyReports()] });
      return {
        path: `/v1/cycles/${cycle.id}/progress-reports`,
        body: { org_unit_id: t.units.village.id, text: '本周走访 30 户。' },
        ok: 201,
      };
    },
  },
  'POST /v1/org-units/changes': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const u = await freshUnit();
      return {
        path: '/v1/org-units/changes',
        body: {
          change: 'rename',
          effective_date: '2025-01-01',
          from_unit_ids: [u.id],
          to: [{ name: unique('新名村') }],
        },
        ok: 201,
      };
    },
  },
  'POST /v1/org-units': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({
      path: '/v1/org-units',
      body: { parent_id: t.units.town.id, kind: 'village', name: unique('新村') },
      ok: 201,
    }),
  },
  'PATCH /v1/org-units/{unitId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const u = await freshUnit();
      return {
        path: `/v1/org-units/${u.id}`,
        headers: { 'if-match': u.etag },
        body: { name: unique('改名') },
        ok: 200,
      };
    },
  },
  'POST /v1/org-units/{unitId}/move': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const u = await freshUnit();
      return {
        path: `/v1/org-units/${u.id}/move`,
        headers: { 'if-match': u.etag },
        body: { parent_id: t.units.otherTown.id },
        ok: 200,
      };
    },
  },
  'POST /v1/org-units/{unitId}/archive': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const u = await freshUnit();
      return { path: `/v1/org-units/${u.id}/archive`, headers: { 'if-match': u.etag }, ok: 200 };
    },
  },
  'POST /v1/org-units/import': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({
      path: '/v1/org-units/import',
      headers: { 'content-type': 'text/csv' },
      body: `name,kind,parent\n${unique('导入村')},village,${t.units.town.code}\n`,
      ok: 200,
    }),
  },
  'POST /v1/invitations': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({
      path: '/v1/invitations',
      body: { email: `${unique('inv')}@kaoping.test`, role: 'viewer' },
      ok: 201,
    }),
  },
  'DELETE /v1/invitations/{invitationId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const inv = await callJson<{ id: string }>('/v1/invitations', {
        token: t.tokens.admin,
        body: { email: `${unique('rev')}@kaoping.test`, role: 'viewer' },
      });
      return { path: `/v1/invitations/${inv.id}`, ok: 204 };
    },
  },
  'PUT /v1/people/{userId}/grants': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const id = t.people.viewer.id;
      return {
        path: `/v1/people/${id}/grants`,
        headers: { 'if-match': await etagOfPerson(id) },
        body: { grants: [{ role: 'viewer' }] },
        ok: 200,
      };
    },
  },
  'DELETE /v1/people/{userId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const p = await freshPerson();
      return { path: `/v1/people/${p.id}`, headers: { 'if-match': p.etag }, ok: 204 };
    },
  },
  'POST /v1/clients': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({
      path: '/v1/clients',
      body: { name: unique('客户端'), scopes: ['scores:read'] },
      ok: 201,
    }),
  },
  'POST /v1/packs/lint': {
    allowed: READERS,
    scenario: async () => ({ path: '/v1/packs/lint', body: { pack: {} }, ok: 200 }),
  },
  'POST /v1/packs/{key}/versions/{version}/score': {
    allowed: READERS,
    scenario: async () => ({
      path: `${GZ}/2024.1/score`,
      body: { unitKind: 'community', inputs: { difficultTotal: 3 } },
      ok: 200,
    }),
  },
  'POST /v1/packs': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({
      path: '/v1/packs',
      body: { pack: { ...ownPack, key: `roles.p${crypto.randomUUID().slice(0, 8)}` } },
      ok: 201,
    }),
  },
  'POST /v1/packs/{key}/versions/{version}/derive': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({ path: `${GZ}/2024.1/derive`, body: {}, ok: 201 }),
  },
  'PATCH /v1/packs/{key}/versions/{version}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const draft = await createTailoredPack(t, { publish: false });
      return {
        path: `${GZ}/${draft.version}`,
        headers: { 'if-match': draft.etag },
        body: { overrides: { parameters: { passMark: 75 } } },
        ok: 200,
      };
    },
  },
  'POST /v1/packs/{key}/versions/{version}/publish': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const draft = await createTailoredPack(t, { publish: false });
      return {
        path: `${GZ}/${draft.version}/publish`,
        headers: { 'if-match': draft.etag },
        ok: 200,
      };
    },
  },
  'DELETE /v1/packs/{key}/versions/{version}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const draft = await createTailoredPack(t, { publish: false });
      return { path: `${GZ}/${draft.version}`, headers: { 'if-match': draft.etag }, ok: 204 };
    },
  },
  'POST /v1/pack-pins': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const v = await createTailoredPack(t);
      return {
        path: '/v1/pack-pins',
        body: { key: v.key, version: v.version, effective_from: '2024-01-01' },
        ok: 201,
      };
    },
  },
  'DELETE /v1/pack-pins/{pinId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const v = await createTailoredPack(t, { pin: true });
      return { path: `/v1/pack-pins/${v.pinId}`, ok: 204 };
    },
  },
  'POST /v1/cycles/{cycleId}/rescore': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({ path: `/v1/cycles/${scoringCycleId}/rescore`, ok: 202 }),
  },
  'POST /v1/dead-letters/{deadLetterId}/replay': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const { deadLetterId } = await scoredFixtures(t.tokens.admin, scoringCycleId);
      return { path: `/v1/dead-letters/${deadLetterId}/replay`, ok: 200 };
    },
  },
  'PUT /v1/tenant/cors-origins': {
    allowed: ADMIN_ONLY,
    scenario: async () => ({
      path: '/v1/tenant/cors-origins',
      headers: { 'if-match': await etagOf('/v1/tenant/cors-origins', t.tokens.admin) },
      body: { origins: [`https://${unique('roles')}.example.gov.cn`] },
      ok: 200,
    }),
  },
  'POST /v1/tenant/import': {
    allowed: ADMIN_ONLY,
    // An admin passes the role check and is then refused: no restore was begun (409).
    scenario: async () => ({
      path: '/v1/tenant/import',
      body: {
        format: 'kaoping-export/1',
        export_id: `exp_${'0'.repeat(32)}`,
        page: 1,
        kind: 'rows',
        sections: [],
      },
      ok: 409,
    }),
  },
  'DELETE /v1/clients/{clientId}': {
    allowed: ADMIN_ONLY,
    scenario: async () => {
      const c = await callJson<{ id: string }>('/v1/clients', {
        token: t.tokens.admin,
        body: { name: unique('待吊销'), scopes: ['scores:read'] },
      });
      return { path: `/v1/clients/${c.id}`, ok: 204 };
    },
  },
};

const writeRoutes = operations().filter((op) => !op.public && op.method !== 'GET');

/** A cycle made before any scenario pins a tailored version (re-scores and replays run on it). */
let scoringCycleId: string;

beforeAll(async () => {
  t = await createTestTenant();
  scoringCycleId = (await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }] })).id;
  await runScheduler();
});

describe('roles × write routes', () => {
  it('every write route states who may call it', () => {
    const missing = writeRoutes.map((op) => op.key).filter((key) => !EXPECTATIONS[key]);
    expect(missing, 'add these routes to EXPECTATIONS in test/roles.security.test.ts').toEqual([]);
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(writeRoutes.map((op) => op.key).sort());
  });

  it.for(
    writeRoutes.flatMap((op) => PRINCIPALS.map((who) => [`${op.key} as ${who}`, op, who] as const)),
  )('%s', async ([, op, who]) => {
    const expectation = EXPECTATIONS[op.key];
    if (!expectation) return; // reported by the test above
    const s = await expectation.scenario();
    const before = await tenantSnapshot(t.id);
    const res = await call(s.path, {
      method: op.method,
      token: t.tokens[who],
      body: s.body,
      headers: s.headers ?? {},
    });
    const text = await res.text();
    if (expectation.allowed.includes(who)) {
      expect(res.status, text.slice(0, 200)).toBe(s.ok);
    } else {
      expect(res.status, text.slice(0, 200)).toBe(403);
      expect(JSON.parse(text).type).toMatch(/forbidden$/);
      expect(await tenantSnapshot(t.id)).toEqual(before);
    }
  });
});
