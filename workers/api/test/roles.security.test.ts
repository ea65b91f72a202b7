import { beforeAll, describe, expect, it } from 'vitest';
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
/** Stateless computations (lint, score preview): every person, and scores:read clients. */
const READERS: PrincipalName[] = ['admin', 'reviewer', 'reporter', 'viewer', 'readerClient'];
const GZ = '/v1/packs/gz.full-employment/versions';

const EXPECTATIONS: Record<
  string,
  { allowed: PrincipalName[]; scenario: () => Promise<Scenario> }
> = {
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

beforeAll(async () => {
  t = await createTestTenant();
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
