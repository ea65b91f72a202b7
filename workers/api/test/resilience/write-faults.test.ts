import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { record } from '../../../../scripts/resilience/record.ts';
import { IN_FLIGHT_STALE_MS } from '../../src/lib/idempotency.ts';
import { gzFullEmploymentInputs } from '../../src/seed/invented-inputs.ts';
import { multipart, pdfBytes, uploadForm } from '../campaign.ts';
import { userToken } from '../factories.ts';
import { callJson, freshIp } from '../http.ts';
import { type D1FaultPlan, FaultyD1 } from './d1-faults.ts';
import { callThrough, type LightTenant, lightTenant, type Sent, signUpBody } from './fault-http.ts';
import { diffStates, type NormalizedState, normalizedState } from './tenant-state.ts';

/**
 * RESILIENCE.md, "Faults survived", for the api's write paths: D1 fails at each call k of
 * the write — before it reaches D1 (a transient fault), after it committed (the answer lost
 * on the way back), from k on (the Worker stopped), and lost-then-stopped — for every k.
 * The client then does what a client does: on a 5xx it retries the same request (same
 * Idempotency-Key, same If-Match); on "still in progress" it waits (here: the reservation
 * is aged past its minute). The oracle: the tenant's rows, normalized (ids, times, hashes
 * replaced), equal a clean run's — nothing lost, nothing twice — and the audit chain
 * verifies. Every answer is a 2xx, a 4xx, or a 503 with Retry-After; never a 500.
 */

interface Write {
  /** The tenant the write lands in (unknown for a sign-up until it succeeded). */
  tenantId(): Promise<string | undefined>;
  markers: string[];
  /** Sends the write, the same request every time, through `db`. */
  send(db?: D1Database): Promise<Sent>;
}

interface WritePath {
  name: string;
  prepare(): Promise<Write>;
}

const admin = (t: LightTenant) => t.admin;

async function etag(path: string, token: string): Promise<string> {
  const res = await callThrough(undefined, path, { token });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
  return res.headers.get('etag')!;
}

/** A unit in an open gz.full-employment cycle of `t`, with its submission. */
async function openSubmission(
  t: LightTenant,
  stages?: { key: string; step: string }[],
): Promise<{ submissionId: string; cycleId: string }> {
  const unit = await callJson<{ id: string }>('/v1/org-units', {
    token: admin(t),
    body: { parent_id: t.root.id, kind: 'village', name: `甲村${t.marker}` },
  });
  const cycle = await callJson<{ id: string }>('/v1/cycles', {
    token: admin(t),
    body: {
      name: `故障周期 ${t.marker}`,
      pack_key: 'gz.full-employment',
      pack_version: '2024.1',
      parameters: { passMark: 80 },
      period_start: '2023-10-01',
      period_end: '2024-09-30',
      ...(stages ? { stages } : {}),
    },
  });
  const path = `/v1/cycles/${cycle.id}`;
  await callJson(`${path}/units`, {
    token: admin(t),
    headers: { 'if-match': await etag(path, admin(t)) },
    body: { units: [{ org_unit_id: unit.id }] },
    expect: 200,
  });
  await callJson(path, {
    method: 'PATCH',
    token: admin(t),
    headers: { 'if-match': await etag(path, admin(t)) },
    body: { status: 'open' },
    expect: 200,
  });
  const page = await callJson<{ items: { id: string }[] }>(
    `${path}/submissions?org_unit_id=${unit.id}`,
    { token: admin(t) },
  );
  return { submissionId: page.items[0]!.id, cycleId: cycle.id };
}

/** A reviewer of `stage` in `t`, invited and joined: their access token. */
async function stageReviewer(t: LightTenant, stage: string): Promise<string> {
  const invitation = await callJson<{ token: string }>('/v1/invitations', {
    token: admin(t),
    body: { email: `${stage}-${t.marker}@kaoping.test`, role: 'reviewer', stage },
  });
  const accepted = await callJson<{ user: { id: string } }>('/v1/invitations/accept', {
    body: { token: invitation.token, display_name: '审核', password: 'fault-password-2026' },
  });
  return userToken(t.id, accepted.user.id);
}

/** The submission's inputs saved and submitted by the admin (who reports here). */
async function submitted(t: LightTenant, submissionId: string, rate: number): Promise<string> {
  const path = `/v1/submissions/${submissionId}`;
  await callJson(`${path}/inputs`, {
    method: 'PATCH',
    token: admin(t),
    headers: { 'if-match': await etag(path, admin(t)) },
    body: { inputs: gzFullEmploymentInputs('甲村', 'village', rate) },
    expect: 200,
  });
  await callJson(`${path}/transitions`, {
    token: admin(t),
    headers: { 'if-match': await etag(path, admin(t)) },
    body: { action: 'submit' },
    expect: 200,
  });
  return path;
}

const known = (t: LightTenant) => async () => t.id;

const PATHS: WritePath[] = [
  {
    name: 'sign-up',
    async prepare() {
      const marker = [...crypto.getRandomValues(new Uint8Array(5))]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('');
      return {
        markers: [marker],
        async tenantId() {
          const row = await env.DB.prepare('SELECT id FROM tenants WHERE slug = ?')
            .bind(`f-${marker}`)
            .first<{ id: string }>();
          return row?.id;
        },
        send: (db) => callThrough(db, '/v1/signup', { body: signUpBody(marker), ip: freshIp() }),
      };
    },
  },
  {
    name: 'org unit create',
    async prepare() {
      const t = await lightTenant();
      const key = crypto.randomUUID();
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, '/v1/org-units', {
            token: admin(t),
            headers: { 'idempotency-key': key },
            body: { parent_id: t.root.id, kind: 'town', name: `一镇${t.marker}` },
          }),
      };
    },
  },
  {
    name: 'org import (CSV)',
    async prepare() {
      const t = await lightTenant();
      const key = crypto.randomUUID();
      const root = t.root.name;
      const csv = [
        'name,kind,parent',
        `良口镇,town,${root}`,
        `良新村,village,${root}/良口镇`,
        `米埗村,village,${root}/良口镇`,
        `彩虹社区,community,${root}/良口镇`,
        `温泉镇,town,${root}`,
        `石海村,village,${root}/温泉镇`,
      ].join('\n');
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, '/v1/org-units/import', {
            token: admin(t),
            body: csv,
            headers: { 'content-type': 'text/csv', 'idempotency-key': key },
          }),
      };
    },
  },
  {
    name: 'cycle create',
    async prepare() {
      const t = await lightTenant();
      const key = crypto.randomUUID();
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, '/v1/cycles', {
            token: admin(t),
            headers: { 'idempotency-key': key },
            body: {
              name: `故障周期 ${t.marker}`,
              pack_key: 'gz.full-employment',
              pack_version: '2024.1',
              parameters: { passMark: 80 },
              period_start: '2023-10-01',
              period_end: '2024-09-30',
            },
          }),
      };
    },
  },
  {
    name: 'submission save',
    async prepare() {
      const t = await lightTenant();
      const { submissionId } = await openSubmission(t);
      const path = `/v1/submissions/${submissionId}`;
      const ifMatch = await etag(path, admin(t));
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, `${path}/inputs`, {
            method: 'PATCH',
            token: admin(t),
            headers: { 'if-match': ifMatch },
            body: { inputs: gzFullEmploymentInputs('甲村', 'village', 0.8) },
          }),
      };
    },
  },
  {
    name: 'submission transition',
    async prepare() {
      const t = await lightTenant();
      const { submissionId } = await openSubmission(t);
      const path = `/v1/submissions/${submissionId}`;
      await callJson(`${path}/inputs`, {
        method: 'PATCH',
        token: admin(t),
        headers: { 'if-match': await etag(path, admin(t)) },
        body: { inputs: gzFullEmploymentInputs('甲村', 'village', 0.8) },
        expect: 200,
      });
      const ifMatch = await etag(path, admin(t));
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, `${path}/transitions`, {
            token: admin(t),
            headers: { 'if-match': ifMatch },
            body: { action: 'submit' },
          }),
      };
    },
  },
  {
    name: 'evidence upload',
    async prepare() {
      const t = await lightTenant();
      const { submissionId } = await openSubmission(t);
      const form = await multipart(uploadForm(pdfBytes('Ledger 2024'), '台账.pdf', '一.1'));
      const key = crypto.randomUUID();
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, `/v1/submissions/${submissionId}/evidence`, {
            token: admin(t),
            body: form.bytes,
            headers: { 'content-type': form.type, 'idempotency-key': key },
          }),
      };
    },
  },
  {
    name: 'publish and seal',
    async prepare() {
      const t = await lightTenant();
      const { submissionId } = await openSubmission(t, [
        { key: 'self', step: 'submit' },
        { key: 'final', step: 'publish' },
      ]);
      const reviewer = await stageReviewer(t, 'final');
      const path = await submitted(t, submissionId, 0.9);
      const ifMatch = await etag(path, reviewer);
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, `${path}/transitions`, {
            token: reviewer,
            headers: { 'if-match': ifMatch },
            body: { action: 'publish' },
          }),
      };
    },
  },
  {
    // Nobody signs in here: the key is kept under the tenant the link reaches and the link's
    // audit actor, so a request that died after its write is still recognised.
    name: 'public objection (Idempotency-Key)',
    async prepare() {
      const t = await lightTenant();
      const { submissionId, cycleId } = await openSubmission(t, [
        { key: 'self', step: 'submit' },
        { key: 'public', step: 'publicise' },
        { key: 'final', step: 'publish' },
      ]);
      const reviewer = await stageReviewer(t, 'public');
      const path = await submitted(t, submissionId, 0.9);
      await callJson(`${path}/transitions`, {
        token: reviewer,
        headers: { 'if-match': await etag(path, reviewer) },
        body: {
          action: 'publicise',
          publicity_ends_at: new Date(Date.now() + 3_600_000).toISOString(),
        },
        expect: 200,
      });
      const cycle = await callJson<{ public_objection_path: string }>(`/v1/cycles/${cycleId}`, {
        token: admin(t),
      });
      const key = crypto.randomUUID();
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, cycle.public_objection_path, {
            body: { submission_id: submissionId, text: '该村公示的登记失业人数与台账不一致。' },
            headers: { 'idempotency-key': key },
          }),
      };
    },
  },
  {
    name: 'pack publish',
    async prepare() {
      const t = await lightTenant();
      const base = '/v1/packs/gz.full-employment/versions';
      const draft = await callJson<{ version: string; etag: string }>(`${base}/2024.1/derive`, {
        token: admin(t),
        body: { overrides: { items: { '一.3': { set: { '/bands/0/threshold': 92 } } } } },
      });
      return {
        markers: [t.marker],
        tenantId: known(t),
        send: (db) =>
          callThrough(db, `${base}/${draft.version}/publish`, {
            method: 'POST',
            token: admin(t),
            headers: { 'if-match': draft.etag },
          }),
      };
    },
  },
];

/** Bookkeeping, not records: a pending idempotency reservation is the designed trace of a death. */
const NOT_RECORDS = new Set(['idempotency_keys']);

function records(state: NormalizedState): NormalizedState {
  return Object.fromEntries(Object.entries(state).filter(([table]) => !NOT_RECORDS.has(table)));
}

const isDesigned503 = (r: Sent) => r.status === 503 && r.headers.get('retry-after') !== null;
const inProgress = (r: Sent) => r.status === 409 && r.headers.get('retry-after') !== null;

/** Time passes: a reservation whose request died becomes stale (IN_FLIGHT_STALE_MS). */
async function ageReservations(tenantId: string | undefined): Promise<void> {
  if (!tenantId) return;
  await env.DB.prepare(
    'UPDATE idempotency_keys SET created_at = ? WHERE tenant_id = ? AND status = 0',
  )
    .bind(new Date(Date.now() - IN_FLIGHT_STALE_MS - 1_000).toISOString(), tenantId)
    .run();
}

/** The client after a faulted attempt: retries 5xx and "in progress" until it has an answer. */
async function settle(write: Write, first: Sent): Promise<Sent[]> {
  const answers = [first];
  let last = first;
  for (let i = 0; i < 6 && (last.status >= 500 || inProgress(last)); i++) {
    if (inProgress(last)) await ageReservations(await write.tenantId());
    last = await write.send();
    answers.push(last);
  }
  return answers;
}

async function auditChainVerifies(tenantId: string): Promise<boolean> {
  const adminRow = await env.DB.prepare(
    `SELECT user_id FROM role_grants WHERE tenant_id = ? AND role = 'admin' LIMIT 1`,
  )
    .bind(tenantId)
    .first<{ user_id: string }>();
  const token = await userToken(tenantId, adminRow!.user_id);
  const verdict = await callJson<{ ok: boolean }>('/v1/audit/verify', { token });
  return verdict.ok;
}

/**
 * For every call k: fail it (transient), and stop the Worker there. Where k could write,
 * also: let it commit and lose its answer, and lose the answer and stop right after —
 * for a read, a lost answer is just a failed read.
 */
function plans(writes: readonly boolean[]): D1FaultPlan[] {
  const out: D1FaultPlan[] = [];
  writes.forEach((write, i) => {
    const k = i + 1;
    out.push({ failAt: k }, { dieAt: k });
    if (write) out.push({ loseAnswerAt: k }, { loseAnswerAt: k, dieAt: k + 1 });
  });
  return out;
}

// A path tries dozens of faults, each on a fresh tenant: minutes, not the default 5 s.
describe('D1 faults at every call of every write path', { timeout: 600_000 }, () => {
  it.for(PATHS.map((p) => [p.name, p] as const))('%s', async ([, path], { task }) => {
    // A clean run: its outcome is the oracle, its call count the range of k.
    const cleanWrite = await path.prepare();
    const counter = new FaultyD1(env.DB);
    const cleanAnswer = await cleanWrite.send(counter.binding);
    expect(cleanAnswer.status, cleanAnswer.text.slice(0, 300)).toBeLessThan(300);
    const cleanTenant = (await cleanWrite.tenantId())!;
    const clean = records(await normalizedState(cleanTenant, cleanWrite.markers));
    expect(counter.calls).toBeGreaterThan(1);

    let injected = 0;
    let tried = 0;
    let fiveXX = 0;
    let designed503 = 0;
    let lost = 0;
    let duplicated = 0;
    const failures: string[] = [];
    const all = plans(counter.writes);
    for (const plan of all) {
      const write = await path.prepare();
      const faults = new FaultyD1(env.DB, plan);
      const answers = await settle(write, await write.send(faults.binding));
      tried += 1;
      injected += faults.injected;
      const label = `${path.name} ${JSON.stringify(plan)}: ${answers.map((a) => a.status).join(' → ')}`;
      for (const a of answers) {
        if (a.status >= 500 && !isDesigned503(a)) {
          fiveXX += 1;
          failures.push(`${label}: ${a.text.slice(0, 200)}`);
        } else if (a.status >= 500) designed503 += 1;
      }
      const last = answers.at(-1)!;
      // Done, or — when the client could not know the first attempt committed — told so.
      const firstUnknown = answers[0]!.status >= 500;
      const settled = last.status < 300 || (firstUnknown && [409, 412].includes(last.status));
      if (!settled) failures.push(`${label}: ended ${last.text.slice(0, 200)}`);
      const tenantId = await write.tenantId();
      if (!tenantId) {
        failures.push(`${label}: no tenant`);
        lost += 1;
        continue;
      }
      const diff = diffStates(clean, records(await normalizedState(tenantId, write.markers)));
      lost += diff.lost;
      duplicated += diff.duplicated;
      if (diff.lost || diff.duplicated) {
        failures.push(`${label}: ${JSON.stringify(diff.tables).slice(0, 600)}`);
      }
      if (!(await auditChainVerifies(tenantId))) failures.push(`${label}: audit chain broken`);
    }
    record(task, { family: 'd1-write', tried: injected, fiveXX, designed503, lost, duplicated });
    expect(failures).toEqual([]);
    expect(tried).toBe(all.length);
  });
});
