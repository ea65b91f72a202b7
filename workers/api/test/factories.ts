import { env } from 'cloudflare:workers';
import type { Role, Scope } from '../src/auth/principal.ts';
import { signAccessToken } from '../src/auth/tokens.ts';
import { call, callJson, freshIp } from './http.ts';

/** Every person a factory makes signs in with this password. */
export const TEST_PASSWORD = 'test-password-2026';

export interface TestUnit {
  id: string;
  path: string;
  name: string;
  kind: string;
  code: string | null;
  etag: string;
}

export interface TestPerson {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export interface TestClient {
  id: string;
  secret: string;
  scopes: Scope[];
  token: string;
}

export type PrincipalName =
  | 'admin'
  | 'reviewer'
  | 'reporter'
  | 'viewer'
  | 'readerClient'
  | 'writerClient';

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
  /** A tree: 测试区 → 一镇 → {甲村, 乙村, 丙社区}; 测试区 → 二镇 → 丁村. */
  units: {
    root: TestUnit;
    town: TestUnit;
    village: TestUnit;
    siblingVillage: TestUnit;
    community: TestUnit;
    otherTown: TestUnit;
    otherVillage: TestUnit;
  };
  /** admin (tenant-wide), reviewer (stage "recommended", 一镇), reporter (甲村), viewer (tenant-wide). */
  people: Record<'admin' | 'reviewer' | 'reporter' | 'viewer', TestPerson>;
  /** readerClient: scores:read; writerClient: submissions:write. */
  clients: Record<'readerClient' | 'writerClient', TestClient>;
  /** A pending invitation (its id; the token is discarded). */
  invitationId: string;
  /** The bearer token of each kind of principal. */
  tokens: Record<PrincipalName, string>;
  /** A random marker in every name of this tenant, to spot its data in any answer. */
  marker: string;
}

function hex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** An access token for a user, signed exactly as sign-in signs it (no password round trip). */
export async function userToken(tenantId: string, userId: string, now = new Date()) {
  return (await signAccessToken(env, { kind: 'user', tenantId, userId }, now)).token;
}

async function clientFor(admin: string, name: string, scopes: Scope[]): Promise<TestClient> {
  const created = await callJson<{ id: string; client_secret: string }>('/v1/clients', {
    token: admin,
    body: { name, scopes },
  });
  const token = await callJson<{ access_token: string }>('/v1/oauth/token', {
    body: {
      grant_type: 'client_credentials',
      client_id: created.id,
      client_secret: created.client_secret,
    },
    expect: 200,
  });
  return { id: created.id, secret: created.client_secret, scopes, token: token.access_token };
}

async function personFor(
  tenant: { id: string; admin: string },
  email: string,
  grant: { role: Role; org_unit_id?: string; stage?: string },
): Promise<TestPerson> {
  const invitation = await callJson<{ token: string }>('/v1/invitations', {
    token: tenant.admin,
    body: { email, ...grant },
  });
  const accepted = await callJson<{ user: { id: string } }>('/v1/invitations/accept', {
    body: {
      token: invitation.token,
      display_name: `${grant.role} ${email}`,
      password: TEST_PASSWORD,
    },
  });
  return {
    id: accepted.user.id,
    email,
    role: grant.role,
    token: await userToken(tenant.id, accepted.user.id),
  };
}

/**
 * A new tenant, made through the real API (sign-up, invitations, clients,
 * the OAuth token endpoint, org-unit creation), with a person of each role,
 * a client of each scope and a small org tree. No fixed ids: every call
 * makes a tenant of its own.
 */
export async function createTestTenant(
  options: { level?: 'district' | 'city' } = {},
): Promise<TestTenant> {
  const marker = hex(4);
  const slug = `t-${hex(6)}`;
  const signUp = await callJson<{
    tenant: { id: string; name: string };
    admin: { id: string; email: string };
    root_unit: TestUnit;
  }>('/v1/signup', {
    body: {
      tenant: {
        name: `测试人社局 ${marker}`,
        slug,
        level: options.level ?? 'district',
        region_name: `测试区${marker}`,
      },
      admin: {
        email: `admin-${marker}@kaoping.test`,
        display_name: `管理员 ${marker}`,
        password: TEST_PASSWORD,
      },
    },
  });
  const tenantId = signUp.tenant.id;
  const admin = await userToken(tenantId, signUp.admin.id);
  const unit = async (parent: TestUnit, kind: string, name: string, code?: string) =>
    callJson<TestUnit>('/v1/org-units', {
      token: admin,
      body: { parent_id: parent.id, kind, name: `${name}${marker}`, ...(code ? { code } : {}) },
    });
  const root = signUp.root_unit;
  const code = () => `44${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  const town = await unit(root, 'town', '一镇', code());
  const otherTown = await unit(root, 'town', '二镇');
  const [village, siblingVillage, community, otherVillage] = await Promise.all([
    unit(town, 'village', '甲村', code()),
    unit(town, 'village', '乙村'),
    unit(town, 'community', '丙社区'),
    unit(otherTown, 'village', '丁村'),
  ]);
  const t = { id: tenantId, admin };
  const [reviewer, reporter, viewer] = await Promise.all([
    personFor(t, `reviewer-${marker}@kaoping.test`, {
      role: 'reviewer',
      org_unit_id: town.id,
      stage: 'recommended',
    }),
    personFor(t, `reporter-${marker}@kaoping.test`, { role: 'reporter', org_unit_id: village.id }),
    personFor(t, `viewer-${marker}@kaoping.test`, { role: 'viewer' }),
  ]);
  const [readerClient, writerClient] = await Promise.all([
    clientFor(admin, `读取客户端 ${marker}`, ['scores:read']),
    clientFor(admin, `填报客户端 ${marker}`, ['submissions:write']),
  ]);
  const invitation = await callJson<{ id: string }>('/v1/invitations', {
    token: admin,
    body: { email: `pending-${marker}@kaoping.test`, role: 'viewer' },
  });
  const people = {
    admin: { id: signUp.admin.id, email: signUp.admin.email, role: 'admin' as const, token: admin },
    reviewer,
    reporter,
    viewer,
  };
  return {
    id: tenantId,
    slug,
    name: signUp.tenant.name,
    units: { root, town, village, siblingVillage, community, otherTown, otherVillage },
    people,
    clients: { readerClient, writerClient },
    invitationId: invitation.id,
    tokens: {
      admin,
      reviewer: reviewer.token,
      reporter: reporter.token,
      viewer: viewer.token,
      readerClient: readerClient.token,
      writerClient: writerClient.token,
    },
    marker,
  };
}

/** Sign in through the endpoint (a fresh address each time, so no rate limit is shared). */
export function signIn(slug: string, email: string, password = TEST_PASSWORD) {
  return call('/v1/auth/signin', { body: { tenant: slug, email, password }, ip: freshIp() });
}

/**
 * Every row of every table that belongs to the tenant (and its tenants row),
 * as one comparable value: "no change" means this is equal before and after.
 */
export async function tenantSnapshot(tenantId: string): Promise<Record<string, unknown[]>> {
  const tables = await env.DB.prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  ).all<{ name: string; sql: string }>();
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.results.filter((t) => t.sql.includes('`tenant_id`'))) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}" WHERE tenant_id = ? ORDER BY 1, 2`)
      .bind(tenantId)
      .all();
    out[name] = rows.results;
  }
  out.tenants = (
    await env.DB.prepare('SELECT * FROM tenants WHERE id = ?').bind(tenantId).all()
  ).results;
  return out;
}

/**
 * A digest of every row of every table: "the database unchanged" for
 * requests that must write nothing (inserts, updates and deletes all show).
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'
     ORDER BY name`,
  ).all<{ name: string }>();
  const out: Record<string, string> = {};
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(JSON.stringify(rows.results)),
    );
    out[name] = `${rows.results.length}:${[...new Uint8Array(digest)].slice(0, 8).join('.')}`;
  }
  return out;
}

export interface TestPackVersion {
  key: string;
  version: string;
  /** The row's ETag after the factory's last write. */
  etag: string;
}

/**
 * A tailored version of gz.full-employment@2024.1 owned by `tenant`, through the real API:
 * derived (a higher 一.3 threshold), then published unless `publish` is false; with `pin`,
 * also pinned from 2023-10-01 (the pin's id is returned).
 */
export async function createTailoredPack(
  tenant: TestTenant,
  options: { publish?: boolean; pin?: boolean; version?: string } = {},
): Promise<TestPackVersion & { pinId: string | null }> {
  const base = '/v1/packs/gz.full-employment/versions';
  const draft = await callJson<{ key: string; version: string; etag: string }>(
    `${base}/2024.1/derive`,
    {
      token: tenant.tokens.admin,
      body: {
        ...(options.version ? { version: options.version } : {}),
        overrides: { items: { '一.3': { set: { '/bands/0/threshold': 92 } } } },
      },
    },
  );
  let etag = draft.etag;
  if (options.publish !== false) {
    const published = await callJson<{ etag: string }>(`${base}/${draft.version}/publish`, {
      method: 'POST',
      token: tenant.tokens.admin,
      headers: { 'if-match': etag },
      expect: 200,
    });
    etag = published.etag;
  }
  let pinId: string | null = null;
  if (options.pin) {
    const pin = await callJson<{ id: string }>('/v1/pack-pins', {
      token: tenant.tokens.admin,
      body: { key: draft.key, version: draft.version, effective_from: '2023-10-01' },
    });
    pinId = pin.id;
  }
  return { key: draft.key, version: draft.version, etag, pinId };
}
