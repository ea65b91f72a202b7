import { exports } from 'cloudflare:workers';
import type { Role } from '../src/auth/principal.ts';
import { gzFullEmploymentInputs } from '../src/seed/invented-inputs.ts';
import { TEST_PASSWORD, type TestTenant, userToken } from './factories.ts';
import { call, callJson } from './http.ts';

/**
 * Campaign fixtures for api tests: reviewers at each stage of the default chain, and a cycle
 * of tenant `t` with units in scope, targets, milestones, a draft with evidence and a progress
 * report, and a unit under publicity with an objection — made through the real API, so the
 * route walkers have one of each object to aim at.
 */

export interface TestReviewer {
  id: string;
  token: string;
}

let counter = 0;

/** A person with one grant, through an invitation (no fixed ids). */
export async function invitePerson(
  t: TestTenant,
  grant: { role: Role; org_unit_id?: string; stage?: string },
): Promise<TestReviewer> {
  const email = `${grant.role}-${grant.stage ?? 'x'}-${++counter}-${t.marker}@kaoping.test`;
  const invitation = await callJson<{ token: string }>('/v1/invitations', {
    token: t.tokens.admin,
    body: { email, ...grant },
  });
  const accepted = await callJson<{ user: { id: string } }>('/v1/invitations/accept', {
    body: { token: invitation.token, display_name: email, password: TEST_PASSWORD },
  });
  return { id: accepted.user.id, token: await userToken(t.id, accepted.user.id) };
}

/** Reviewers for the default chain's later stages, tenant-wide (the district and the city). */
export async function chainReviewers(t: TestTenant) {
  const [verified, publicised, published] = await Promise.all([
    invitePerson(t, { role: 'reviewer', stage: 'verified' }),
    invitePerson(t, { role: 'reviewer', stage: 'publicised' }),
    invitePerson(t, { role: 'reviewer', stage: 'published' }),
  ]);
  return { verified, publicised, published };
}

export async function etagOf(path: string, token: string): Promise<string> {
  const res = await call(path, { token });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.headers.get('etag')!;
}

export interface Sub {
  id: string;
  etag: string;
  status: string;
  stage: string;
}

export async function submissionOf(t: TestTenant, cycleId: string, unitId: string): Promise<Sub> {
  const page = await callJson<{ items: Sub[] }>(
    `/v1/cycles/${cycleId}/submissions?org_unit_id=${unitId}`,
    { token: t.tokens.admin },
  );
  return page.items[0]!;
}

/** Take one step (or return / revoke) with the submission's current ETag. */
export async function step(
  submissionId: string,
  token: string,
  body: { action: string; reason?: string; publicity_ends_at?: string },
  expect = 200,
) {
  const etag = await etagOf(`/v1/submissions/${submissionId}`, token);
  return callJson<Sub & { actions: string[] }>(`/v1/submissions/${submissionId}/transitions`, {
    token,
    body,
    headers: { 'if-match': etag },
    expect,
  });
}

/** Save inputs at the current stage with the current ETag. */
export async function saveInputs(
  submissionId: string,
  token: string,
  inputs: Record<string, unknown>,
  reason?: string,
) {
  const etag = await etagOf(`/v1/submissions/${submissionId}`, token);
  return callJson(`/v1/submissions/${submissionId}/inputs`, {
    method: 'PATCH',
    token,
    body: reason ? { inputs, reason } : { inputs },
    headers: { 'if-match': etag },
    expect: 200,
  });
}

/** A minimal valid PDF whose page says `text`. */
export function pdfBytes(text: string): Uint8Array {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj',
    `4 0 obj << /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return new TextEncoder().encode(body);
}

export function uploadForm(bytes: Uint8Array, filename: string, itemId?: string): FormData {
  const form = new FormData();
  form.append('file', new File([bytes], filename, { type: 'application/pdf' }));
  if (itemId) form.append('item_id', itemId);
  return form;
}

export async function upload(submissionId: string, token: string, form: FormData) {
  return exports.default.fetch(`http://kaoping.test/v1/submissions/${submissionId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'cf-connecting-ip': '10.9.9.9' },
    body: form,
  });
}

/** Today in China Standard Time, as YYYY-MM-DD, offset by `days`. */
export function chinaDate(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export interface TestCampaign {
  cycleId: string;
  publicToken: string;
  milestoneId: string;
  reportMilestoneId: string;
  /** 甲村's submission: a draft with inputs, one evidence file and a progress report. */
  draft: { id: string; evidenceId: string };
  /** 乙村's submission: under publicity, with one open objection. */
  publicised: { id: string; objectionId: string };
  reviewers: Awaited<ReturnType<typeof chainReviewers>>;
}

/**
 * A Guangzhou full-employment cycle for `t`: 甲村, 乙村 and 丙社区 in scope under 一镇 with
 * the 2024 targets, a submission deadline and weekly progress reports, open; 甲村 a draft with
 * evidence and a report, 乙村 walked to publicity with an objection raised on it.
 */
export async function createTestCampaign(t: TestTenant): Promise<TestCampaign> {
  const admin = t.tokens.admin;
  const reviewers = await chainReviewers(t);
  const cycle = await callJson<{ id: string; etag: string; public_objection_path: string }>(
    '/v1/cycles',
    {
      token: admin,
      body: {
        name: `测试充分就业创建 ${t.marker}`,
        pack_key: 'gz.full-employment',
        pack_version: '2024.1',
        parameters: { passMark: 80 },
        period_start: '2023-10-01',
        period_end: '2024-09-30',
      },
    },
  );
  const cyclePath = `/v1/cycles/${cycle.id}`;
  const withEtag = async () => ({ 'if-match': await etagOf(cyclePath, admin) });
  await callJson(`${cyclePath}/units`, {
    token: admin,
    headers: await withEtag(),
    body: {
      units: [t.units.village, t.units.siblingVillage, t.units.community].map((u) => ({
        org_unit_id: u.id,
      })),
    },
    expect: 200,
  });
  await callJson(`${cyclePath}/targets`, {
    method: 'PUT',
    token: admin,
    headers: await withEtag(),
    body: {
      targets: [
        { org_unit_id: t.units.town.id, unit_kind: 'community', rate_percent: 75, count: 1 },
        { org_unit_id: t.units.town.id, unit_kind: 'village', rate_percent: 70 },
      ],
    },
    expect: 200,
  });
  const withDeadline = await callJson<{ milestones: { id: string; type: string }[] }>(
    `${cyclePath}/milestones`,
    {
      token: admin,
      headers: await withEtag(),
      body: {
        type: 'submission',
        title: { zh: '提交自评材料', en: 'Self-assessment submitted' },
        due_at: '2024-10-15T16:00:00+08:00',
        required_status: 'submitted',
      },
    },
  );
  const withReports = await callJson<{ milestones: { id: string; type: string }[] }>(
    `${cyclePath}/milestones`,
    {
      token: admin,
      headers: await withEtag(),
      body: {
        type: 'progress_report',
        title: { zh: '每周进度报告', en: 'Weekly progress report' },
        recurrence: {
          weekday: 4,
          time: '16:00',
          timezone: 'Asia/Shanghai',
          starts: chinaDate(-14),
          until: chinaDate(120),
        },
      },
    },
  );
  await callJson(cyclePath, {
    method: 'PATCH',
    token: admin,
    headers: await withEtag(),
    body: { status: 'open' },
    expect: 200,
  });

  const draft = await submissionOf(t, cycle.id, t.units.village.id);
  await saveInputs(draft.id, t.tokens.reporter, {
    registeredUnemployed: 40,
    unemployedReemployed: 33,
  });
  const evidence = await upload(
    draft.id,
    t.tokens.reporter,
    uploadForm(pdfBytes('Ledger 2024'), '台账.pdf', '一.1'),
  );
  if (evidence.status !== 201)
    throw new Error(`upload: ${evidence.status} ${await evidence.text()}`);
  const evidenceId = ((await evidence.json()) as { id: string }).id;
  await callJson(`${cyclePath}/progress-reports`, {
    token: t.tokens.reporter,
    body: { org_unit_id: t.units.village.id, text: '本周完成劳动力摸查 120 户。' },
  });

  const sibling = await submissionOf(t, cycle.id, t.units.siblingVillage.id);
  await saveInputs(sibling.id, admin, gzFullEmploymentInputs('乙村', 'village', 0.8));
  await step(sibling.id, admin, { action: 'submit' });
  await step(sibling.id, t.tokens.reviewer, { action: 'recommend' });
  await step(sibling.id, reviewers.verified.token, { action: 'verify' });
  await step(sibling.id, reviewers.publicised.token, {
    action: 'publicise',
    publicity_ends_at: new Date(Date.now() + 3600_000).toISOString(),
  });
  const objection = await callJson<{ id: string }>(cycle.public_objection_path, {
    body: { submission_id: sibling.id, text: '该村登记失业人数与实际情况不符，请核实。' },
  });
  return {
    cycleId: cycle.id,
    publicToken: cycle.public_objection_path.split('/').pop()!,
    milestoneId: withDeadline.milestones.find((m) => m.type === 'submission')!.id,
    reportMilestoneId: withReports.milestones.find((m) => m.type === 'progress_report')!.id,
    draft: { id: draft.id, evidenceId },
    publicised: { id: sibling.id, objectionId: objection.id },
    reviewers,
  };
}

export interface FreshCycleOptions {
  pack?: { key: string; version: string };
  parameters?: Record<string, unknown>;
  references?: Record<string, unknown>;
  stages?: { key: string; step: string; pack_stage?: string }[];
  units: { org_unit_id: string; unit_kind?: string }[];
  milestones?: Record<string, unknown>[];
  open?: boolean;
}

/** A cycle of `t` made and configured through the API; returns its id and current ETag. */
export async function freshCycle(
  t: TestTenant,
  options: FreshCycleOptions,
): Promise<{ id: string; etag: string; publicPath: string }> {
  const admin = t.tokens.admin;
  const pack = options.pack ?? { key: 'gz.full-employment', version: '2024.1' };
  const cycle = await callJson<{ id: string; public_objection_path: string }>('/v1/cycles', {
    token: admin,
    body: {
      name: `周期 ${++counter}`,
      pack_key: pack.key,
      pack_version: pack.version,
      parameters: options.parameters ?? { passMark: 80 },
      ...(options.references ? { references: options.references } : {}),
      period_start: '2023-10-01',
      period_end: '2024-09-30',
      ...(options.stages ? { stages: options.stages } : {}),
    },
  });
  const path = `/v1/cycles/${cycle.id}`;
  const ifMatch = async () => ({ 'if-match': await etagOf(path, admin) });
  if (options.units.length > 0) {
    await callJson(`${path}/units`, {
      token: admin,
      headers: await ifMatch(),
      body: { units: options.units },
      expect: 200,
    });
  }
  for (const m of options.milestones ?? []) {
    await callJson(`${path}/milestones`, { token: admin, headers: await ifMatch(), body: m });
  }
  if (options.open !== false) {
    await callJson(path, {
      method: 'PATCH',
      token: admin,
      headers: await ifMatch(),
      body: { status: 'open' },
      expect: 200,
    });
  }
  return { id: cycle.id, etag: await etagOf(path, admin), publicPath: cycle.public_objection_path };
}

/** A weekly progress-report milestone running from two weeks ago for four months. */
export const weeklyReports = () => ({
  type: 'progress_report',
  title: { zh: '每周进度报告', en: 'Weekly progress report' },
  recurrence: {
    weekday: 4,
    time: '16:00',
    timezone: 'Asia/Shanghai',
    starts: chinaDate(-14),
    until: chinaDate(120),
  },
});

/** A multipart body as bytes with its Content-Type (for callers that send raw bytes). */
export async function multipart(form: FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const request = new Request('http://kaoping.test/', { method: 'POST', body: form });
  return {
    bytes: new Uint8Array(await request.arrayBuffer()),
    type: request.headers.get('content-type')!,
  };
}
