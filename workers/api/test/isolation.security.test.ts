import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCampaign,
  multipart,
  pdfBytes,
  type TestCampaign,
  uploadForm,
} from './campaign.ts';
import {
  createTailoredPack,
  createTestTenant,
  type PrincipalName,
  type TestPackVersion,
  type TestTenant,
  tenantSnapshot,
} from './factories.ts';
import { call, callJson } from './http.ts';
import {
  type Fixtures,
  MissingFixture,
  type Operation,
  operations,
  sampleObject,
} from './openapi-walk.ts';
import { type ScoredFixtures, scoredFixtures } from './scoring.ts';

/**
 * Isolation by construction, proven: every route of the OpenAPI document is
 * called with tenant B's tokens (admin, viewer, both clients) and tenant A's
 * ids in its path, query and body. Nothing of A may come back, nothing of A
 * may change, and a path naming A's object answers exactly as a path naming
 * an object that does not exist.
 *
 * Adding a route with a new path parameter, query parameter or body field
 * fails this test until the fixtures below say which of A's values to use.
 */

let a: TestTenant;
let b: TestTenant;
/** A's campaign: a cycle, a draft with evidence, a unit under publicity with an objection. */
let ac: TestCampaign;
/** A's own tailored, published and pinned version of gz.full-employment. */
let aPack: TestPackVersion & { pinId: string | null };
/** A's scoring objects: a snapshot, a re-score run, a dead letter. */
let aScored: ScoredFixtures;

/** One of A's ids for each path parameter; the prefix makes a missing id of the same kind. */
const PATH_FIXTURES: Record<string, () => string> = {
  unitId: () => a.units.village.id,
  userId: () => a.people.viewer.id,
  clientId: () => a.clients.readerClient.id,
  invitationId: () => a.invitationId,
  key: () => aPack.key,
  version: () => aPack.version,
  pinId: () => aPack.pinId!,
  cycleId: () => ac.cycleId,
  submissionId: () => ac.draft.id,
  milestoneId: () => ac.milestoneId,
  evidenceId: () => ac.draft.evidenceId,
  objectionId: () => ac.publicised.objectionId,
  stage: () => 'self',
  snapshotId: () => aScored.snapshotId,
  runId: () => aScored.runId,
  deadLetterId: () => aScored.deadLetterId,
  // The public objection link is a capability: whoever holds A's may read A's publicity list,
  // by design. What must hold is that a token never issued reads exactly like a missing one.
  token: () => `kpo_${'A'.repeat(43)}`,
};

/** A value for each query parameter, A's where it can carry an id. `cursor` comes from A's own listing. */
const QUERY_FIXTURES: Record<string, () => string> = {
  root: () => a.units.town.id,
  entity_id: () => a.units.village.id,
  actor_id: () => a.people.admin.id,
  entity_type: () => 'org_unit',
  action: () => 'org_unit.create',
  kind: () => 'village',
  status: () => 'all',
  since: () => '2000-01-01T00:00:00Z',
  until: () => '2100-01-01T00:00:00Z',
  limit: () => '5',
  unit_kind: () => 'village',
  to: () => `${aPack.key}@${aPack.version}`,
  key: () => aPack.key,
  org_unit_id: () => a.units.village.id,
  stage: () => 'self',
  cycle_id: () => ac.cycleId,
  milestone_id: () => ac.milestoneId,
  pack_version: () => '2024.1',
  updated_since: () => '2000-01-01T00:00:00Z',
  view: () => 'full',
  format: () => 'csv',
  layout: () => 'detail',
};

/** Body fields by name: A's ids, slugs and emails where a field can carry one. */
const BODY_FIXTURES: Fixtures = {
  parent_id: () => a.units.town.id,
  org_unit_id: () => a.units.village.id,
  client_id: () => a.clients.readerClient.id,
  client_secret: () => `kps_${'A'.repeat(43)}`,
  tenant: () => a.slug,
  email: () => a.people.viewer.email,
  password: () => 'not-the-password',
  token: () => `kpi_${'B'.repeat(43)}`,
  refresh_token: () => `kpr_${'C'.repeat(43)}`,
  grant_type: () => 'client_credentials',
  role: () => 'reporter',
  kind: () => 'village',
  stage: () => undefined,
  slug: () => `iso-${crypto.randomUUID().slice(0, 8)}`,
  code: () => a.units.village.code,
  area_code: () => undefined,
  expires_at: () => undefined,
  expires_in_days: () => 7,
  name_en: () => undefined,
  key: () => aPack.key,
  version: () => aPack.version,
  effective_from: () => '2024-01-01',
  parent: () => ({ key: aPack.key, version: aPack.version }),
  submission_id: () => ac.publicised.id,
  pack_key: () => 'gz.full-employment',
  pack_version: () => '2024.1',
  period_start: () => '2023-10-01',
  period_end: () => '2024-09-30',
  effective_date: () => '2025-01-01',
  milestone_id: () => ac.reportMilestoneId,
};

/** text/csv bodies: a row whose parent is one of A's units, by code. */
const CSV_FIXTURE = () => `name,kind,parent\n越界村,village,${a.units.town.code}\n`;

const PRINCIPALS: PrincipalName[] = ['admin', 'viewer', 'readerClient', 'writerClient'];

function missingLike(id: string): string {
  const prefix = id.slice(0, id.indexOf('_') + 1);
  return `${prefix}${'0'.repeat(32)}`;
}

interface Built {
  path: string;
  query: string;
  body: string | Uint8Array | undefined;
  contentType: string | undefined;
  /** The same request with every A id in the path replaced by a missing id. */
  missingPath: string;
}

async function build(op: Operation): Promise<Built> {
  let path = op.path;
  let missingPath = op.path;
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const fixture = PATH_FIXTURES[p.name];
    if (!fixture) {
      throw new MissingFixture(
        `${op.key}: path parameter "${p.name}" has no fixture; add one of tenant A's ids for it to PATH_FIXTURES in test/isolation.security.test.ts`,
      );
    }
    path = path.replace(`{${p.name}}`, fixture());
    missingPath = missingPath.replace(`{${p.name}}`, missingLike(fixture()));
  }
  const query = new URLSearchParams();
  const queryParams = op.params.filter((x) => x.in === 'query');
  for (const p of queryParams) {
    if (p.name === 'cursor') continue;
    const fixture = QUERY_FIXTURES[p.name];
    if (!fixture) {
      throw new MissingFixture(
        `${op.key}: query parameter "${p.name}" has no fixture; add one to QUERY_FIXTURES in test/isolation.security.test.ts`,
      );
    }
    query.set(p.name, fixture());
  }
  if (queryParams.some((p) => p.name === 'cursor')) {
    // A real cursor, issued to A for this very list (with the same filters).
    const first = new URLSearchParams(query);
    first.set('limit', '1');
    const page = await callJson<{ next_cursor?: string | null }>(`${path}?${first}`, {
      token: a.tokens.admin,
    });
    if (page?.next_cursor) query.set('cursor', page.next_cursor);
  }
  let body: string | Uint8Array | undefined;
  let contentType: string | undefined;
  const json = op.body.find((x) => x.type === 'application/json');
  if (json) {
    body = JSON.stringify(sampleObject(json.schema, BODY_FIXTURES, op.key));
    contentType = 'application/json';
  } else if (op.body.some((x) => x.type === 'text/csv')) {
    body = CSV_FIXTURE();
    contentType = 'text/csv';
  } else if (op.body.some((x) => x.type === 'multipart/form-data')) {
    // An evidence upload naming one of A's items, as bytes with their multipart boundary.
    const form = await multipart(uploadForm(pdfBytes('isolation'), '台账.pdf', '一.1'));
    body = form.bytes;
    contentType = form.type;
  } else if (op.body.length > 0) {
    throw new MissingFixture(
      `${op.key}: no body fixture for ${op.body.map((x) => x.type).join(', ')}`,
    );
  }
  return { path, query: query.size ? `?${query}` : '', body, contentType, missingPath };
}

function send(op: Operation, built: Built, token: string, path = built.path) {
  const headers: Record<string, string> = { 'if-match': '"1"' };
  if (built.contentType) headers['content-type'] = built.contentType;
  return call(`${path}${built.query}`, { method: op.method, token, body: built.body, headers });
}

/** Strings of A's that must never appear in an answer to B, unless B itself sent them. */
function secretsOfA(): string[] {
  return [
    a.marker,
    a.id,
    ...Object.values(a.units).flatMap((u) => [u.id, u.code ?? '']),
    ...Object.values(a.people).flatMap((p) => [p.id, p.email]),
    ...Object.values(a.clients).map((c) => c.id),
    a.invitationId,
    aPack.version,
    aPack.pinId ?? '',
    ac.cycleId,
    ac.draft.id,
    ac.draft.evidenceId,
    ac.publicised.id,
    ac.publicised.objectionId,
    ac.publicToken,
    aScored.snapshotId,
    aScored.runId,
    aScored.deadLetterId,
  ].filter((s) => s.length > 0);
}

const stripRequestId = (text: string) => text.replace(/"request_id":"[^"]*"/, '');

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  // The campaign first: once A pins its tailored version, only that version is usable.
  ac = await createTestCampaign(a);
  aPack = await createTailoredPack(a, { pin: true });
  aScored = await scoredFixtures(a.tokens.admin, ac.cycleId);
});

describe('isolation: every route, another tenant’s ids, another tenant’s tokens', () => {
  const ops = operations();

  it('the document lists the routes of every feature', () => {
    const keys = ops.map((o) => o.key);
    for (const expected of [
      'POST /v1/signup',
      'GET /v1/people',
      'DELETE /v1/people/{userId}',
      'POST /v1/clients',
      'DELETE /v1/clients/{clientId}',
      'PATCH /v1/org-units/{unitId}',
      'GET /v1/audit',
    ]) {
      expect(keys).toContain(expected);
    }
    expect(ops.length).toBeGreaterThanOrEqual(29);
  });

  it.for(ops.map((op) => [op.key, op] as const))('%s', async ([, op]) => {
    const built = await build(op);
    const before = await tenantSnapshot(a.id);
    const bodyText =
      built.body instanceof Uint8Array ? new TextDecoder().decode(built.body) : (built.body ?? '');
    const request = `${built.path}${built.query}${bodyText}`;
    const forbidden = secretsOfA().filter((s) => !request.includes(s));
    const hasPathIds = op.params.some((p) => p.in === 'path');
    const carriesIds = /(org|usr|cli|inv)_[0-9a-f]{32}/.test(bodyText);

    for (const who of PRINCIPALS) {
      const res = await send(op, built, b.tokens[who]);
      const text = await res.text();
      const label = `${op.key} as B's ${who} → ${res.status} ${text.slice(0, 200)}`;
      expect(res.status, label).toBeLessThan(500);
      for (const s of forbidden) expect(text.includes(s), `${label}: leaks ${s}`).toBe(false);

      if (hasPathIds) {
        expect([403, 404], label).toContain(res.status);
        const missing = await send(op, built, b.tokens[who], built.missingPath);
        expect(stripRequestId(await missing.text()), `${label}: differs from a missing id`).toBe(
          stripRequestId(text),
        );
        expect(missing.status).toBe(res.status);
      } else if (carriesIds && !op.public) {
        expect(res.status >= 200 && res.status < 300, `${label}: accepted A's id`).toBe(false);
      }
    }
    expect(await tenantSnapshot(a.id), `${op.key} changed tenant A`).toEqual(before);
  });
});

describe('security in the document matches behaviour', () => {
  it.for(operations().map((op) => [op.key, op] as const))('%s', async ([, op]) => {
    const built = await build(op);
    const headers: Record<string, string> = {};
    if (built.contentType) headers['content-type'] = built.contentType;
    const res = await call(`${built.path}${built.query}`, {
      method: op.method,
      body: built.body,
      headers,
    });
    const text = await res.text();
    const askedForToken = res.status === 401 && text.includes('no access token was sent');
    expect(askedForToken, `${op.key}: ${res.status} ${text.slice(0, 120)}`).toBe(!op.public);
  });
});
