// The three demo tenants (scripts/seed.mjs), each given a load cycle of 30 villages of its
// own through the API, an API client that reads scores, and scores for every cycle (re-scores
// through the queue, consumed by the scheduler in the same `wrangler dev`). Also every id
// each tenant owns, so that every answer can be checked for another tenant's ids.

export const DEMO_PASSWORD = 'kaoping-demo-2024';
export const LOAD_UNITS = 30;

export interface LoadTenant {
  slug: string;
  id: string;
  /** An admin's access token (15 min), and a scores:read API client's (10 min). */
  admin: string;
  reader: string;
  cycleId: string;
  cycleIds: string[];
  /** The load cycle's submissions (drafts), in a stable order. */
  submissions: string[];
  rootId: string;
  rootName: string;
}

export interface World {
  origin: string;
  tenants: LoadTenant[];
  /** Every id of every tenant → the tenant's slug. */
  owners: Record<string, string>;
}

const ADMINS: [string, string][] = [
  ['gz-conghua', 'admin@conghua.demo'],
  ['yc-mingyueshan', 'admin@mingyueshan.demo'],
  ['gd-province', 'admin@province.demo'],
];

async function json<T>(
  origin: string,
  path: string,
  init: RequestInit & { expect?: number } = {},
): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(`${origin}${path}`, init);
  const text = await res.text();
  const expected = init.expect ?? 200;
  if (res.status !== expected) {
    throw new Error(
      `${init.method ?? 'GET'} ${path}: ${res.status} (expected ${expected}) ${text.slice(0, 300)}`,
    );
  }
  return { body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  ...extra,
});
const JSON_TYPE = { 'content-type': 'application/json' };

/** Every page of a list. */
async function all<T>(origin: string, path: string, token: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { body: { items: T[]; next_cursor?: string | null } } = await json(
      origin,
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: bearer(token) },
    );
    out.push(...page.body.items);
    cursor = page.body.next_cursor ?? null;
  } while (cursor);
  return out;
}

async function prepareTenant(origin: string, slug: string, email: string): Promise<LoadTenant> {
  const signIn = await json<{ access_token: string }>(origin, '/v1/auth/signin', {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({ tenant: slug, email, password: DEMO_PASSWORD }),
  });
  const admin = signIn.body.access_token;
  const me = await json<{ tenant: { id: string } }>(origin, '/v1/me', { headers: bearer(admin) });
  const units = await all<{ id: string; name: string; depth: number; kind: string }>(
    origin,
    '/v1/org-units',
    admin,
  );
  const root = units.find((u) => u.depth === 0)!;
  const names = Array.from(
    { length: LOAD_UNITS },
    (_, i) => `压测村${String(i + 1).padStart(2, '0')}`,
  );
  await json(origin, '/v1/org-units/import', {
    method: 'POST',
    headers: bearer(admin, { 'content-type': 'text/csv', 'idempotency-key': crypto.randomUUID() }),
    body: `name,kind,parent\n${names.map((n) => `${n},village,${root.name}`).join('\n')}\n`,
  });
  const villages = (
    await all<{ id: string; name: string }>(origin, '/v1/org-units?kind=village', admin)
  )
    .filter((u) => names.includes(u.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  const cycle = await json<{ id: string }>(origin, '/v1/cycles', {
    method: 'POST',
    headers: bearer(admin, JSON_TYPE),
    body: JSON.stringify({
      name: '压力测试周期',
      pack_key: 'gz.full-employment',
      pack_version: '2024.1',
      parameters: { passMark: 80 },
      period_start: '2023-10-01',
      period_end: '2024-09-30',
    }),
    expect: 201,
  });
  const path = `/v1/cycles/${cycle.body.id}`;
  const etag = async () =>
    (await json(origin, path, { headers: bearer(admin) })).headers.get('etag')!;
  await json(origin, `${path}/units`, {
    method: 'POST',
    headers: bearer(admin, { ...JSON_TYPE, 'if-match': await etag() }),
    body: JSON.stringify({ units: villages.map((v) => ({ org_unit_id: v.id })) }),
  });
  await json(origin, path, {
    method: 'PATCH',
    headers: bearer(admin, { ...JSON_TYPE, 'if-match': await etag() }),
    body: JSON.stringify({ status: 'open' }),
  });
  const submissions = (
    await all<{ id: string; org_unit_id: string }>(origin, `${path}/submissions`, admin)
  )
    .sort((a, b) => a.org_unit_id.localeCompare(b.org_unit_id))
    .map((s) => s.id);
  const client = await json<{ id: string; client_secret: string }>(origin, '/v1/clients', {
    method: 'POST',
    headers: bearer(admin, JSON_TYPE),
    body: JSON.stringify({ name: '压测读取客户端', scopes: ['scores:read'] }),
    expect: 201,
  });
  const token = await json<{ access_token: string }>(origin, '/v1/oauth/token', {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: client.body.id,
      client_secret: client.body.client_secret,
    }),
  });
  const cycles = await all<{ id: string }>(origin, '/v1/cycles', admin);
  return {
    slug,
    id: me.body.tenant.id,
    admin,
    reader: token.body.access_token,
    cycleId: cycle.body.id,
    cycleIds: cycles.map((c) => c.id),
    submissions,
    rootId: root.id,
    rootName: root.name,
  };
}

/**
 * Re-scores the load cycles (through the queue, as the API does on demand) and waits until
 * each has a scorecard per submission. The demo cycles stay as the seed left them.
 */
export async function scoreLoadCycles(origin: string, tenants: LoadTenant[]): Promise<void> {
  for (const t of tenants) {
    await json(origin, `/v1/cycles/${t.cycleId}/rescore`, {
      method: 'POST',
      headers: bearer(t.admin),
      expect: 202,
    });
  }
  const deadline = Date.now() + 180_000;
  for (const t of tenants) {
    for (;;) {
      const scored = await all(origin, `/v1/scores?cycle_id=${t.cycleId}&view=summary`, t.admin);
      if (scored.length >= t.submissions.length) break;
      if (Date.now() > deadline) {
        // Say why: the runs' progress and any dead letters.
        const runs = await json(origin, `/v1/runs?cycle_id=${t.cycleId}`, {
          headers: bearer(t.admin),
        });
        const dead = await json(origin, '/v1/dead-letters', { headers: bearer(t.admin) });
        throw new Error(
          `${t.slug}: ${scored.length} of ${t.submissions.length} scores after 180 s; runs ` +
            `${JSON.stringify(runs.body).slice(0, 600)}; dead letters ${JSON.stringify(dead.body).slice(0, 600)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Every id-shaped string in a text. */
export const ID_PATTERN = /\b[a-z]{2,5}_[0-9a-f]{32}\b/g;

async function idsOf(origin: string, t: LoadTenant): Promise<string[]> {
  const ids = new Set<string>([t.id, ...t.cycleIds, ...t.submissions]);
  for (const path of ['/v1/org-units', '/v1/people', '/v1/clients', '/v1/invitations?status=all']) {
    const items = await all<{ id: string }>(origin, path, t.admin).catch(() => []);
    for (const item of items) ids.add(item.id);
  }
  for (const cycleId of t.cycleIds) {
    for (const s of await all<{ id: string }>(
      origin,
      `/v1/cycles/${cycleId}/submissions`,
      t.admin,
    )) {
      ids.add(s.id);
    }
  }
  return [...ids];
}

export async function prepareWorld(origin: string): Promise<World> {
  const tenants = await Promise.all(
    ADMINS.map(([slug, email]) => prepareTenant(origin, slug, email)),
  );
  await scoreLoadCycles(origin, tenants);
  const owners: Record<string, string> = {};
  for (const t of tenants) for (const id of await idsOf(origin, t)) owners[id] = t.slug;
  return { origin, tenants, owners };
}
