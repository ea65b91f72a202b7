import { env } from 'cloudflare:workers';
import { findBuiltInPack, score, type UnitKind } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../../../docs/samples/org-units-liangkou.csv?raw';
import { computeRollups } from '../../../../scheduler/src/rollups/rollup-math.ts';
import {
  etagOf,
  invitePerson,
  saveInputs,
  step,
  type TestReviewer,
} from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';
import {
  DEMO_PASS_MARK,
  inventedQuality,
  LIANGKOU_FULL_EMPLOYMENT_UNITS,
  LIANGKOU_MILESTONES,
  LIANGKOU_PERIOD,
  LIANGKOU_TARGETS,
} from '../../seed/liangkou-plan.ts';

/**
 * A whole Liangkou campaign (000_…txt), through the API only (but for the clock: the test ends
 * the publicity week itself): 良口镇's 23 units of 附件2 each report their (INVENTED) figures,
 * and go 社区(村)自评 → 镇评估推荐 → 区核定 → 公示 → 市公布, each step by the role that takes it; the town spot-checks one village and returns one community,
 * which corrects and resubmits; an objection during publicity is resolved; the results are
 * sealed; re-review revokes one. The designation rates are then checked against the plan's
 * targets (communities 75 % = 2, villages 70 % = 21), with the scheduler's rollup arithmetic.
 */

const gz = findBuiltInPack('gz.full-employment@2024.1')!;

let t: TestTenant;
let town: { id: string; path: string };
const unitIds = new Map<string, string>();
const unitPaths = new Map<string, string>();
const reporters = new Map<string, TestReviewer>();
let townReviewer: TestReviewer;
let district: TestReviewer;
let publicity: TestReviewer;
let city: TestReviewer;
let cycleId: string;
let publicPath: string;
const submissionIds = new Map<string, string>();

const INTERRUPTED = '彩虹社区';
const SPOT_CHECKED = '塘料村';
const OBJECTED = '东星村';
const REVOKED = '高沙村';

beforeAll(async () => {
  t = await createTestTenant();
  const csv = sample.replaceAll('从化区', t.units.root.name);
  await callJson('/v1/org-units/import', {
    token: t.tokens.admin,
    body: csv,
    headers: { 'content-type': 'text/csv' },
    expect: 200,
  });
  const units = await callJson<{
    items: { id: string; name: string; kind: string; path: string }[];
  }>(`/v1/org-units?root=${t.units.root.id}&limit=200`, { token: t.tokens.admin });
  town = units.items.find((u) => u.name === '良口镇')!;
  for (const u of units.items) {
    unitIds.set(u.name, u.id);
    unitPaths.set(u.name, u.path);
  }
  [townReviewer, district, publicity, city] = await Promise.all([
    invitePerson(t, { role: 'reviewer', org_unit_id: town.id, stage: 'recommended' }),
    invitePerson(t, { role: 'reviewer', stage: 'verified' }),
    invitePerson(t, { role: 'reviewer', stage: 'publicised' }),
    invitePerson(t, { role: 'reviewer', stage: 'published' }),
  ]);
  for (const unit of LIANGKOU_FULL_EMPLOYMENT_UNITS) {
    reporters.set(
      unit.name,
      await invitePerson(t, { role: 'reporter', org_unit_id: unitIds.get(unit.name)! }),
    );
  }
}, 120_000);

describe('a whole Liangkou full-employment campaign (000_…txt)', { timeout: 120_000 }, () => {
  it('sets up the 2024 cycle: 23 units, the targets, the milestones of 五、实施步骤', async () => {
    const admin = t.tokens.admin;
    const cycle = await callJson<{ id: string; stages: { key: string; title: { zh: string } }[] }>(
      '/v1/cycles',
      {
        token: admin,
        body: {
          name: '良口镇2024年充分就业社区(村)创建',
          pack_key: 'gz.full-employment',
          pack_version: '2024.1',
          parameters: { passMark: DEMO_PASS_MARK.fullEmployment },
          period_start: LIANGKOU_PERIOD.start,
          period_end: LIANGKOU_PERIOD.end,
        },
      },
    );
    cycleId = cycle.id;
    expect(cycle.stages.map((s) => [s.key, s.title.zh])).toEqual([
      ['self', '社区(村)自评'],
      ['recommended', '镇评估推荐'],
      ['verified', '区核定'],
      ['publicised', '公示'],
      ['published', '市公布'],
    ]);
    const path = `/v1/cycles/${cycleId}`;
    const ifMatch = async () => ({ 'if-match': await etagOf(path, admin) });
    const added = await callJson<{ added: number }>(`${path}/units`, {
      token: admin,
      headers: await ifMatch(),
      body: {
        units: LIANGKOU_FULL_EMPLOYMENT_UNITS.map((u) => ({ org_unit_id: unitIds.get(u.name)! })),
      },
      expect: 200,
    });
    expect(added.added).toBe(23);
    await callJson(`${path}/targets`, {
      method: 'PUT',
      token: admin,
      headers: await ifMatch(),
      body: {
        targets: LIANGKOU_TARGETS.map((target) => ({
          org_unit_id: town.id,
          unit_kind: target.unitKind,
          rate_percent: target.ratePercent,
          count: target.count,
        })),
      },
      expect: 200,
    });
    for (const m of LIANGKOU_MILESTONES) {
      await callJson(`${path}/milestones`, { token: admin, headers: await ifMatch(), body: m });
    }
    const opened = await callJson<{
      status: string;
      unit_count: number;
      targets: { unit_kind: string; rate_percent: number; count: number }[];
      milestones: { type: string; due_at: string; required_status: string | null }[];
      public_objection_path: string;
    }>(path, {
      method: 'PATCH',
      token: admin,
      headers: await ifMatch(),
      body: { status: 'open' },
      expect: 200,
    });
    publicPath = opened.public_objection_path;
    expect(opened).toMatchObject({ status: 'open', unit_count: 23 });
    expect(opened.targets.map((x) => [x.unit_kind, x.rate_percent, x.count])).toEqual([
      ['community', 75, 2],
      ['village', 70, 21],
    ]);
    expect(opened.milestones.map((m) => [m.type, m.due_at, m.required_status])).toEqual([
      ['self_assessment', '2024-08-31T15:59:00.000Z', null],
      ['submission', '2024-10-15T15:59:00.000Z', 'submitted'],
      ['review', '2024-11-10T15:59:00.000Z', 'verified'],
    ]);
    const subs = await callJson<{ items: { id: string; org_unit_id: string; status: string }[] }>(
      `${path}/submissions?limit=100`,
      { token: admin },
    );
    expect(subs.items).toHaveLength(23);
    for (const unit of LIANGKOU_FULL_EMPLOYMENT_UNITS) {
      const s = subs.items.find((x) => x.org_unit_id === unitIds.get(unit.name))!;
      expect(s.status).toBe('draft');
      submissionIds.set(unit.name, s.id);
    }
  });

  it('each unit reports its own figures; none can write or read another unit’s', async () => {
    for (const [i, unit] of LIANGKOU_FULL_EMPLOYMENT_UNITS.entries()) {
      const inputs = gzFullEmploymentInputs(unit.name, unit.kind, inventedQuality(i));
      await saveInputs(submissionIds.get(unit.name)!, reporters.get(unit.name)!.token, inputs);
    }
    // 良新村's reporter and 米埗村's submission: as if it did not exist.
    const other = await call(`/v1/submissions/${submissionIds.get('米埗村')}/inputs`, {
      method: 'PATCH',
      token: reporters.get('良新村')!.token,
      body: { inputs: { registeredUnemployed: 1 } },
      headers: { 'if-match': '"2"' },
    });
    expect(other.status).toBe(404);
    // A reporter sees its own unit only.
    const mine = await callJson<{ items: unknown[] }>(`/v1/cycles/${cycleId}/submissions`, {
      token: reporters.get('良新村')!.token,
    });
    expect(mine.items).toHaveLength(1);
  });

  it('every unit submits; a reporter may not recommend, the town may not verify', async () => {
    for (const unit of LIANGKOU_FULL_EMPLOYMENT_UNITS) {
      const s = await step(submissionIds.get(unit.name)!, reporters.get(unit.name)!.token, {
        action: 'submit',
      });
      expect(s).toMatchObject({ status: 'submitted', stage: 'recommended' });
    }
    const first = submissionIds.get('良新村')!;
    await step(first, reporters.get('良新村')!.token, { action: 'recommend' }, 403);
    await step(first, townReviewer.token, { action: 'verify' }, 403);
    // The unit's own figures are fixed once submitted: an edit is a 409, not a silent change.
    const edit = await call(`/v1/submissions/${first}/inputs`, {
      method: 'PATCH',
      token: reporters.get('良新村')!.token,
      body: { inputs: { registeredUnemployed: 1 } },
      headers: { 'if-match': await etagOf(`/v1/submissions/${first}`, t.tokens.admin) },
    });
    expect(edit.status).toBe(409);
  });

  it('the town spot-checks one village at its own stage: a correction with who, when and why', async () => {
    const id = submissionIds.get(SPOT_CHECKED)!;
    const saved = await saveInputs(
      id,
      townReviewer.token,
      { unemployedSampled: 20, unemployedSampleMismatched: 3 },
      '镇抽查20名登记失业人员，3人就业去向与台账不一致',
    );
    expect(saved.corrections).toMatchObject({
      unemployedSampled: { from: 0, to: 20, by: townReviewer.id },
      unemployedSampleMismatched: { from: 0, to: 3 },
    });
    // The unit's own stage keeps what the unit reported.
    const self = await callJson<{ inputs: Record<string, unknown> }>(
      `/v1/submissions/${id}/stages/self`,
      { token: t.tokens.admin },
    );
    expect(self.inputs.unemployedSampled).toBe(0);
    // 每占抽查比例10%扣4分: 3 of 20 is 15 %, one full 10 % step.
    const unit = LIANGKOU_FULL_EMPLOYMENT_UNITS.find((u) => u.name === SPOT_CHECKED)!;
    const stage = await callJson<{ inputs: Record<string, unknown> }>(
      `/v1/submissions/${id}/stages/recommended`,
      { token: t.tokens.admin },
    );
    const before = score(gz, { passMark: 80 }, self.inputs, { unitKind: unit.kind });
    const after = score(gz, { passMark: 80 }, stage.inputs, { unitKind: unit.kind });
    expect(after.items.find((x) => x.id === '一.1')!.points).toBe(
      before.items.find((x) => x.id === '一.1')!.points! - 4,
    );
  });

  it('the town returns 彩虹社区 with a reason; it corrects its figures and submits again', async () => {
    const id = submissionIds.get(INTERRUPTED)!;
    const reporter = reporters.get(INTERRUPTED)!.token;
    await step(id, townReviewer.token, { action: 'return' }, 400); // a return needs a reason
    const returned = await step(id, townReviewer.token, {
      action: 'return',
      reason: '登记失业人员底数不清，请重新核对台账后再报',
    });
    expect(returned).toMatchObject({ status: 'returned', stage: 'self' });
    const view = await callJson<{ return_reason: string; actions: string[] }>(
      `/v1/submissions/${id}`,
      { token: reporter },
    );
    expect(view.return_reason).toBe('登记失业人员底数不清，请重新核对台账后再报');
    expect(view.actions).toEqual(['submit']);
    await saveInputs(id, reporter, gzFullEmploymentInputs(INTERRUPTED, 'community', 0.9));
    expect(await step(id, reporter, { action: 'submit' })).toMatchObject({
      status: 'submitted',
      stage: 'recommended',
    });
    const history = await callJson<{ items: { action: string; reason: string | null }[] }>(
      `/v1/submissions/${id}/transitions`,
      { token: t.tokens.admin },
    );
    expect(history.items.map((h) => h.action)).toEqual(['submit', 'return', 'submit']);
  });

  it('the town recommends all 23, the district verifies them', async () => {
    for (const unit of LIANGKOU_FULL_EMPLOYMENT_UNITS) {
      const id = submissionIds.get(unit.name)!;
      expect(await step(id, townReviewer.token, { action: 'recommend' })).toMatchObject({
        status: 'recommended',
        stage: 'verified',
      });
      expect(await step(id, district.token, { action: 'verify' })).toMatchObject({
        status: 'verified',
        stage: 'publicised',
      });
    }
  });

  it('publicity (公示) takes an objection through the public link; it is resolved before publication', async () => {
    // A week of publicity, as a district would give; the test ends it below by moving the clock.
    const ends = new Date(Date.now() + 7 * 86_400_000).toISOString();
    for (const unit of LIANGKOU_FULL_EMPLOYMENT_UNITS) {
      expect(
        await step(submissionIds.get(unit.name)!, publicity.token, {
          action: 'publicise',
          publicity_ends_at: ends,
        }),
      ).toMatchObject({ status: 'publicised', stage: 'published' });
    }
    const page = await callJson<{ units: { unit_name: string }[] }>(publicPath);
    expect(page.units).toHaveLength(23);
    const objected = submissionIds.get(OBJECTED)!;
    const receipt = await callJson<{ id: string; personal_data_removed: boolean }>(publicPath, {
      body: {
        submission_id: objected,
        text: '该村有就业困难人员未被帮扶，联系电话 138 1234 5678。',
      },
    });
    expect(receipt.personal_data_removed).toBe(true);
    expect(JSON.stringify(receipt)).not.toContain('帮扶');

    // Publication waits for the publicity to end...
    const running = await step(objected, city.token, { action: 'publish' }, 409);
    expect(JSON.stringify(running)).toContain(`Publicity runs until ${ends}`);
    // ...which the test plays: the week passes (the one write here that is not through the API;
    // a short real wait raced the 23 steps above on a loaded machine).
    await env.DB.prepare(
      'UPDATE submissions SET publicity_ends_at = ? WHERE cycle_id = ? AND publicity_ends_at = ?',
    )
      .bind(new Date(Date.now() - 1_000).toISOString(), cycleId, ends)
      .run();
    // ...and for the objection.
    const objection = await step(objected, city.token, { action: 'publish' }, 409);
    expect(JSON.stringify(objection)).toContain(
      'Objections raised during publicity are still open',
    );
    const open = await callJson<{ items: { id: string; text: string }[] }>(
      `/v1/cycles/${cycleId}/objections?status=open`,
      { token: publicity.token },
    );
    expect(open.items).toHaveLength(1);
    expect(open.items[0]!.text).toContain('〔已隐去〕');
    expect(open.items[0]!.text).not.toContain('1234');
    const resolved = await callJson<{ status: string }>(
      `/v1/objections/${open.items[0]!.id}/resolve`,
      {
        token: publicity.token,
        body: { decision: 'dismiss', reason: '经镇、区核实，相关人员已落实帮扶措施' },
        expect: 200,
      },
    );
    expect(resolved.status).toBe('dismissed');
  });

  it('the city publishes all 23: each result sealed with a hash a client can verify', async () => {
    for (const unit of LIANGKOU_FULL_EMPLOYMENT_UNITS) {
      const published = await step(submissionIds.get(unit.name)!, city.token, {
        action: 'publish',
      });
      expect(published.status).toBe('published');
    }
    const seal = await callJson<{ hash: string; document: Record<string, unknown> }>(
      `/v1/submissions/${submissionIds.get('溪头村')}/seal`,
      { token: t.clients.readerClient.token },
    );
    // The recipe, independently: sorted-key JSON, SHA-256 through WebCrypto.
    const canonical = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(canonical).join(',')}]`
        : v && typeof v === 'object'
          ? `{${Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(v);
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(canonical(seal.document)),
    );
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(hex).toBe(seal.hash);
    expect(seal.document).toMatchObject({
      seal: 'kaoping-seal/1',
      pack: { key: 'gz.full-employment', version: '2024.1' },
      stage: 'published',
    });
    // Re-scoring the sealed inputs gives the sealed scorecard.
    const again = score(gz, { passMark: 80 }, seal.document.inputs as Record<string, unknown>, {
      unitId: unitIds.get('溪头村'),
      unitKind: 'village',
    });
    expect(canonical(again)).toBe(canonical(seal.document.scorecard));
    // Sealed: no more edits.
    const id = submissionIds.get('溪头村')!;
    const edit = await call(`/v1/submissions/${id}/inputs`, {
      method: 'PATCH',
      token: city.token,
      body: { inputs: { staffCount: 9 }, reason: '更正' },
      headers: { 'if-match': await etagOf(`/v1/submissions/${id}`, city.token) },
    });
    expect(edit.status).toBe(409);
  });

  it('re-review (复查) revokes one designation, with a reason, in the audit log', async () => {
    const id = submissionIds.get(REVOKED)!;
    await step(id, reporters.get(REVOKED)!.token, { action: 'revoke', reason: '不合格' }, 403);
    const revoked = await step(id, district.token, {
      action: 'revoke',
      reason: '复查复评不合格，限期整改不到位，取消资格',
    });
    expect(revoked).toMatchObject({ status: 'revoked' });
    const audit = await callJson<{ items: { action: string; entity_id: string }[] }>(
      `/v1/audit?entity_id=${id}`,
      { token: t.tokens.admin },
    );
    expect(audit.items.map((a) => a.action)).toContain('submission.revoke');
    const verify = await callJson<{ ok: boolean }>('/v1/audit/verify', { token: t.tokens.admin });
    expect(verify.ok).toBe(true);
  });

  it('designation rates against the targets: communities 2 of 2 (75 % met), villages 16 of 21 (70 % reached, 21 villages not)', async () => {
    const subs = await callJson<{ items: { id: string; org_unit_id: string; status: string }[] }>(
      `/v1/cycles/${cycleId}/submissions?limit=100`,
      { token: t.tokens.admin },
    );
    const contributions = [];
    const designatedByKind = { community: 0, village: 0 };
    for (const unit of LIANGKOU_FULL_EMPLOYMENT_UNITS) {
      const s = subs.items.find((x) => x.org_unit_id === unitIds.get(unit.name))!;
      const final = await callJson<{ inputs: Record<string, unknown> }>(
        `/v1/submissions/${s.id}/stages/published`,
        { token: t.tokens.admin },
      );
      const card = score(gz, { passMark: DEMO_PASS_MARK.fullEmployment }, final.inputs, {
        unitKind: unit.kind as UnitKind,
      });
      const designated = s.status === 'published' && card.designation?.met === true ? 1 : 0;
      designatedByKind[unit.kind] += designated;
      contributions.push({
        orgUnitId: s.org_unit_id,
        unitKind: unit.kind,
        path: unitPaths.get(unit.name)!,
        status: s.status,
        submitted: 1 as const,
        designated: designated as 0 | 1,
        inputs: null,
      });
    }
    const rows = computeRollups(
      contributions,
      LIANGKOU_TARGETS.map((x) => ({
        orgUnitId: town.id,
        unitKind: x.unitKind,
        ratePercent: String(x.ratePercent),
        count: x.count,
      })),
    );
    const row = (kind: string) => rows.find((r) => r.orgUnitId === town.id && r.unitKind === kind)!;
    // The four weakest villages fall short of the pass mark, and 高沙村 was revoked.
    expect(designatedByKind).toEqual({ community: 2, village: 16 });
    expect(row('community')).toMatchObject({
      inScope: 2,
      designated: 2,
      ratePercent: '100.00',
      targetPercent: '75',
      targetMet: 1,
      neededUnits: 0,
    });
    // 16 of 21 is 76.19 % ≥ 70 %, but the plan names the count: "70%以上(即21条村)".
    expect(row('village')).toMatchObject({
      inScope: 21,
      designated: 16,
      ratePercent: '76.19',
      targetMet: 0,
      neededUnits: 5,
    });
    expect(row('*')).toMatchObject({ inScope: 23, byStatus: { published: 22, revoked: 1 } });
  });
});
