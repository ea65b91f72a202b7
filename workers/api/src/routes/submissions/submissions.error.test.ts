import { beforeAll, describe, expect, it } from 'vitest';
import {
  etagOf,
  freshCycle,
  invitePerson,
  saveInputs,
  step,
  submissionOf,
  type TestReviewer,
} from '../../../test/campaign.ts';
import { createTestTenant, databaseFingerprint, type TestTenant } from '../../../test/factories.ts';
import { call, callJson, type Problem } from '../../../test/http.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';

/**
 * What a submission refuses, and that a refusal changes nothing (the database fingerprint is
 * the same before and after): domain values the pack's own schema rejects, naming the field in
 * zh and en; steps out of order (409) or by the wrong role (403); writes without or with a stale
 * ETag (428, 412) — and of two writers holding the same ETag, exactly one wins.
 */

let t: TestTenant;
let district: TestReviewer;
let cycleId: string;

beforeAll(async () => {
  t = await createTestTenant();
  district = await invitePerson(t, { role: 'reviewer', stage: 'verified' });
  cycleId = (
    await freshCycle(t, {
      units: [{ org_unit_id: t.units.village.id }, { org_unit_id: t.units.community.id }],
    })
  ).id;
});

async function draft(unitId = t.units.village.id) {
  return submissionOf(t, cycleId, unitId);
}

function patchInputs(
  id: string,
  body: string,
  etag: string | undefined,
  token = t.tokens.reporter,
) {
  return call(`/v1/submissions/${id}/inputs`, {
    method: 'PATCH',
    token,
    body,
    headers: { 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) },
  });
}

async function expectProblem(res: Response, status: number, path?: string): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = JSON.parse(text) as Problem;
  expect(problem.title_zh).toBeTruthy();
  if (path) {
    const named = problem.errors?.filter((e) => e.path === path) ?? [];
    expect(named.length, text).toBeGreaterThan(0);
    for (const e of named) {
      expect(e.message).toBeTruthy();
      expect(e.message_zh).toBeTruthy();
    }
  }
  return problem;
}

describe('inputs the pack refuses: 400 naming the field in zh and en, nothing stored', () => {
  const cases: [string, string, string][] = [
    [
      'a negative count',
      '{"inputs":{"registeredUnemployed":-1}}',
      'body.inputs.registeredUnemployed',
    ],
    [
      'a numeric string',
      '{"inputs":{"registeredUnemployed":"12"}}',
      'body.inputs.registeredUnemployed',
    ],
    [
      'a fraction of a person',
      '{"inputs":{"registeredUnemployed":1.5}}',
      'body.inputs.registeredUnemployed',
    ],
    [
      'Infinity (1e309)',
      '{"inputs":{"registeredUnemployed":1e309}}',
      'body.inputs.registeredUnemployed',
    ],
    ['yes/no as "maybe"', '{"inputs":{"hasFixedDesk":"maybe"}}', 'body.inputs.hasFixedDesk'],
    ['an input the pack does not have', '{"inputs":{"notAnInput":1}}', 'body.inputs.notAnInput'],
    [
      'an input villages do not report',
      '{"inputs":{"fundsInBudget":true}}',
      'body.inputs.fundsInBudget',
    ],
    ['a "__proto__" key', '{"inputs":{"__proto__":1}}', 'body.inputs.__proto__'],
    [
      'more re-employed than registered',
      '{"inputs":{"registeredUnemployed":10,"unemployedDeregisteredNonEmployment":0,"unemployedReemployed":11}}',
      'body.inputs.registeredUnemployed',
    ],
  ];
  it.for(cases)('%s', async ([, body, path]) => {
    const s = await draft();
    const before = await databaseFingerprint();
    await expectProblem(await patchInputs(s.id, body, s.etag), 400, path);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('NaN is not JSON: the body is refused as such', async () => {
    const s = await draft();
    await expectProblem(
      await patchInputs(s.id, '{"inputs":{"registeredUnemployed":NaN}}', s.etag),
      400,
      'body',
    );
  });

  it('a rate above 100 % (the province table’s 偏离比例)', async () => {
    const province = await freshCycle(t, {
      pack: { key: 'province.employment-work', version: '1.0' },
      parameters: {},
      units: [{ org_unit_id: t.units.village.id, unit_kind: 'city' }],
    });
    const s = await submissionOf(t, province.id, t.units.village.id);
    const before = await databaseFingerprint();
    const problem = await expectProblem(
      await patchInputs(s.id, '{"inputs":{"deviationUrbanNewJobs":100.5}}', s.etag),
      400,
      'body.inputs.deviationUrbanNewJobs',
    );
    expect(problem.errors![0]!.message_zh).toContain('不能大于100');
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('submitting with required inputs missing names each one, and changes nothing', async () => {
    const s = await draft(t.units.community.id);
    await saveInputs(s.id, t.tokens.admin, { registeredUnemployed: 30 });
    const etag = await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin);
    const before = await databaseFingerprint();
    const res = await call(`/v1/submissions/${s.id}/transitions`, {
      token: t.tokens.admin,
      body: { action: 'submit' },
      headers: { 'if-match': etag },
    });
    const problem = await expectProblem(res, 400, 'inputs.unemployedReemployed');
    expect(problem.errors!.some((e) => e.path === 'inputs.fundsInBudget')).toBe(true);
    expect(problem.errors!.some((e) => e.path === 'inputs.registeredUnemployed')).toBe(false);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('ETags: 428 without, 412 stale, one winner of two', () => {
  it('a write without If-Match is 428, with a malformed or stale one 412', async () => {
    const s = await draft();
    const before = await databaseFingerprint();
    await expectProblem(await patchInputs(s.id, '{"inputs":{"staffCount":2}}', undefined), 428);
    await expectProblem(await patchInputs(s.id, '{"inputs":{"staffCount":2}}', 'W/"x"'), 412);
    await expectProblem(await patchInputs(s.id, '{"inputs":{"staffCount":2}}', '"999"'), 412);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('two writers with the same ETag: exactly one wins, the other gets 412 and the winner’s data stays', async () => {
    const s = await draft();
    const etag = await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin);
    const [a, b] = await Promise.all([
      patchInputs(s.id, '{"inputs":{"staffCount":2}}', etag, t.tokens.reporter),
      patchInputs(s.id, '{"inputs":{"staffCount":3}}', etag, t.clients.writerClient.token),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 412]);
    const winner = a.status === 200 ? 2 : 3;
    const loser = a.status === 200 ? b : a;
    expect((JSON.parse(await loser.text()) as Problem).type).toMatch(/precondition-failed$/);
    const now = await callJson<{ data: { inputs: Record<string, unknown> }; etag: string }>(
      `/v1/submissions/${s.id}`,
      { token: t.tokens.admin },
    );
    expect(now.data.inputs.staffCount).toBe(winner);
    expect(now.etag).not.toBe(etag);
  });

  it('two reviewers taking the same step at once: one moves it, the other is 412', async () => {
    const cycle = await freshCycle(t, { units: [{ org_unit_id: t.units.siblingVillage.id }] });
    const s = await submissionOf(t, cycle.id, t.units.siblingVillage.id);
    await saveInputs(s.id, t.tokens.admin, gzFullEmploymentInputs('乙村', 'village', 0.5));
    await step(s.id, t.tokens.admin, { action: 'submit' });
    const second = await invitePerson(t, {
      role: 'reviewer',
      org_unit_id: t.units.town.id,
      stage: 'recommended',
    });
    const etag = await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin);
    const take = (token: string) =>
      call(`/v1/submissions/${s.id}/transitions`, {
        token,
        body: { action: 'recommend' },
        headers: { 'if-match': etag },
      });
    const results = await Promise.all([take(t.tokens.reviewer), take(second.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const history = await callJson<{ items: { action: string }[] }>(
      `/v1/submissions/${s.id}/transitions`,
      { token: t.tokens.admin },
    );
    expect(history.items.map((h) => h.action)).toEqual(['submit', 'recommend']);
  });
});

describe('a step retried with its Idempotency-Key', () => {
  it('gets the first answer again instead of a 412; another step under that key is 422', async () => {
    const cycle = await freshCycle(t, { units: [{ org_unit_id: t.units.siblingVillage.id }] });
    const s = await submissionOf(t, cycle.id, t.units.siblingVillage.id);
    await saveInputs(s.id, t.tokens.admin, gzFullEmploymentInputs('乙村', 'village', 0.6));
    const etag = await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin);
    const key = crypto.randomUUID();
    const submit = (body: unknown, ifMatch = etag) =>
      call(`/v1/submissions/${s.id}/transitions`, {
        token: t.tokens.admin,
        body,
        headers: { 'if-match': ifMatch, 'idempotency-key': key },
      });
    const first = await submit({ action: 'submit' });
    expect(first.status).toBe(200);
    const answer = await first.json();
    // The answer was lost on the way: the retry, with the ETag it held, is not a 412.
    const retry = await submit({ action: 'submit' });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await retry.json()).toEqual(answer);
    const history = await callJson<{ items: { action: string }[] }>(
      `/v1/submissions/${s.id}/transitions`,
      { token: t.tokens.admin },
    );
    expect(history.items.map((h) => h.action)).toEqual(['submit']);

    const before = await databaseFingerprint();
    await expectProblem(await submit({ action: 'return', reason: '换一个步骤' }), 422);
    expect(await databaseFingerprint()).toEqual(before);
    // Without the key, the same stale ETag is a 412 as before.
    const stale = await call(`/v1/submissions/${s.id}/transitions`, {
      token: t.tokens.admin,
      body: { action: 'submit' },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
  });
});

describe('the review chain refuses steps out of order and steps by the wrong role', () => {
  it('a reporter trying to verify is 403; recommending a draft is 409; nothing changes', async () => {
    const s = await draft();
    const before = await databaseFingerprint();
    const verify = await call(`/v1/submissions/${s.id}/transitions`, {
      token: t.tokens.reporter,
      body: { action: 'verify' },
      headers: { 'if-match': await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin) },
    });
    await expectProblem(verify, 403);
    const early = await call(`/v1/submissions/${s.id}/transitions`, {
      token: t.tokens.reviewer,
      body: { action: 'recommend' },
      headers: { 'if-match': await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin) },
    });
    const problem = await expectProblem(early, 409);
    expect(problem.detail_zh).toContain('不能执行');
    const back = await call(`/v1/submissions/${s.id}/transitions`, {
      token: t.tokens.reviewer,
      body: { action: 'return', reason: '退回' },
      headers: { 'if-match': await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin) },
    });
    await expectProblem(back, 409);
    // An admin is not a reviewer unless granted: separation of duties.
    const admin = await call(`/v1/submissions/${s.id}/transitions`, {
      token: t.tokens.admin,
      body: { action: 'publish' },
      headers: { 'if-match': await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin) },
    });
    await expectProblem(admin, 403);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('a client with submissions:write may submit, and nothing beyond', async () => {
    const cycle = await freshCycle(t, { units: [{ org_unit_id: t.units.otherVillage.id }] });
    const s = await submissionOf(t, cycle.id, t.units.otherVillage.id);
    const client = t.clients.writerClient.token;
    await saveInputs(s.id, client, gzFullEmploymentInputs('丁村', 'village', 0.5));
    await step(s.id, client, { action: 'submit' });
    const recommend = await call(`/v1/submissions/${s.id}/transitions`, {
      token: client,
      body: { action: 'recommend' },
      headers: { 'if-match': await etagOf(`/v1/submissions/${s.id}`, client) },
    });
    await expectProblem(recommend, 403);
    // Clients see figures, not reviewer notes.
    const view = await callJson<{ actions: string[]; data: { updated_by: string | null } }>(
      `/v1/submissions/${s.id}`,
      { token: client },
    );
    expect(view.actions).toEqual([]);
    expect(view.data.updated_by).toBeNull();
  });

  it('a draft or closed cycle takes no reports (409), and the closed one keeps its data', async () => {
    const drafted = await freshCycle(t, {
      units: [{ org_unit_id: t.units.village.id }],
      open: false,
    });
    const s = await submissionOf(t, drafted.id, t.units.village.id);
    await expectProblem(await patchInputs(s.id, '{"inputs":{"staffCount":1}}', s.etag), 409);

    const open = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }] });
    const o = await submissionOf(t, open.id, t.units.village.id);
    await callJson(`/v1/cycles/${open.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(`/v1/cycles/${open.id}`, t.tokens.admin) },
      body: { status: 'closed' },
      expect: 200,
    });
    const before = await databaseFingerprint();
    await expectProblem(await patchInputs(o.id, '{"inputs":{"staffCount":1}}', o.etag), 409);
    const reopen = await call(`/v1/cycles/${open.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(`/v1/cycles/${open.id}`, t.tokens.admin) },
      body: { status: 'open' },
    });
    await expectProblem(reopen, 409);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('a district reviewer cannot revoke what is not published (409), a reporter never (403)', async () => {
    const s = await draft();
    const etag = await etagOf(`/v1/submissions/${s.id}`, t.tokens.admin);
    const revoke = (token: string) =>
      call(`/v1/submissions/${s.id}/transitions`, {
        token,
        body: { action: 'revoke', reason: '复查不合格' },
        headers: { 'if-match': etag },
      });
    await expectProblem(await revoke(district.token), 409);
    await expectProblem(await revoke(t.tokens.reporter), 403);
  });
});
