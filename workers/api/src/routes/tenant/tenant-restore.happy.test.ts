import { env } from 'cloudflare:test';
import { canonicalJson, sha256Hex } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import { etagOf, pdfBytes, saveInputs, upload, uploadForm } from '../../../test/campaign.ts';
import { userToken } from '../../../test/factories.ts';
import { call, callJson, freshIp } from '../../../test/http.ts';
import { scoreEverything } from '../../../test/scoring.ts';
import { DEMO_PASSWORD, DEMO_TENANTS } from '../../seed/demo-data.ts';
import { demoSeedStatements } from '../../seed/demo-seed.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';

/**
 * Data safety, end to end: each demo tenant (the seeded campaigns: every step of the chain,
 * sealed and revoked results, objections, progress reports, per-unit references, judgements at
 * three stages) plus what only the API makes (a tailored pack and a cycle on it with an
 * evidence file, an API client, an invitation) is scored by the real scheduler, exported page by page,
 * and restored into a freshly signed-up tenant. After the scheduler has run there, every
 * current scorecard is the source's byte for byte (unit ids swapped for their new ones), and
 * so is every rollup.
 */

interface Page {
  format: string;
  export_id: string;
  page: number;
  kind: 'manifest' | 'rows' | 'end';
  manifest?: { source: { tenant_id: string }; people: { id: string; email: string }[] };
  sections?: { table: string; rows: Record<string, unknown>[] }[];
  end?: { pages: number; counts: Record<string, number>; consistent: boolean };
  next_cursor: string | null;
}

async function exportAll(token: string, limit: number): Promise<{ pages: Page[]; text: string }> {
  const pages: Page[] = [];
  let text = '';
  let cursor: string | null = null;
  do {
    const res = await call(
      `/v1/tenant/export?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    const body = await res.text();
    expect(res.status, body.slice(0, 300)).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    text += body;
    const page = JSON.parse(body) as Page;
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor);
  return { pages, text };
}

async function restoreAll(token: string, pages: Page[]) {
  const results = [];
  for (const page of pages) {
    results.push(
      await callJson<{
        status: string;
        restored: Record<string, number>;
        people_to_invite: number;
        evidence: { copied: number; missing: number };
      }>('/v1/tenant/import', { token, body: page, expect: 200 }),
    );
  }
  return results;
}

interface Score {
  stage: string;
  org_unit: { id: string; name: string };
  total: number | null;
  designation_met: boolean | null;
  complete: boolean;
  scorecard: unknown;
}

/** Every current score of the tenant, by cycle name, unit name and stage. */
async function currentScores(token: string): Promise<Map<string, Score>> {
  const cycles = await callJson<{ items: { id: string; name: string }[] }>('/v1/cycles?limit=200', {
    token,
  });
  const out = new Map<string, Score>();
  for (const c of cycles.items) {
    let cursor: string | null = null;
    do {
      const page: { items: Score[]; next_cursor: string | null } = await callJson(
        `/v1/scores?cycle_id=${c.id}&view=full&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      for (const s of page.items) out.set(`${c.name} / ${s.org_unit.name} / ${s.stage}`, s);
      cursor = page.next_cursor;
    } while (cursor);
  }
  return out;
}

/** Every rollup row of the tenant without ids and timestamps, by cycle, unit name and kind. */
async function rollupRows(tenantId: string): Promise<Record<string, unknown>> {
  const rows = await env.DB.prepare(
    `SELECT c.name AS cycle, u.name AS unit, r.unit_kind, r.in_scope, r.submitted, r.by_status,
            r.designated, r.rate_percent, r.target_percent, r.target_met, r.needed_units, r.stats
       FROM rollups r JOIN cycles c ON c.id = r.cycle_id JOIN org_units u ON u.id = r.org_unit_id
      WHERE r.tenant_id = ? ORDER BY c.name, u.name, r.unit_kind`,
  )
    .bind(tenantId)
    .all<Record<string, unknown>>();
  return Object.fromEntries(rows.results.map((r) => [`${r.cycle}/${r.unit}/${r.unit_kind}`, r]));
}

async function unitIdsByName(tenantId: string): Promise<Map<string, string>> {
  const rows = await env.DB.prepare(
    'SELECT id, path, name FROM org_units WHERE tenant_id = ? ORDER BY path',
  )
    .bind(tenantId)
    .all<{ id: string; path: string; name: string }>();
  const names = new Map(rows.results.map((r) => [r.id, r.name]));
  // A unit's name path ("从化区/良口镇/溪头村") names it uniquely.
  return new Map(
    rows.results.map((r) => [
      r.path
        .split('/')
        .filter(Boolean)
        .map((id) => names.get(id))
        .join('/'),
      r.id,
    ]),
  );
}

async function signIn(slug: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await call('/v1/auth/signin', {
    body: { tenant: slug, email, password },
    ip: freshIp(),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * A tailored, published version of gz.full-employment (a tenant pack) and an open cycle on it
 * with 溪头村 in scope, its inputs entered and an evidence file uploaded: rows only the API makes.
 */
async function tailoredCycleWithEvidence(admin: string, tenantId: string) {
  const base = '/v1/packs/gz.full-employment/versions';
  const draft = await callJson<{ key: string; version: string; etag: string }>(
    `${base}/2024.1/derive`,
    {
      token: admin,
      body: { overrides: { items: { '一.3': { set: { '/bands/0/threshold': 92 } } } } },
    },
  );
  await callJson(`${base}/${draft.version}/publish`, {
    method: 'POST',
    token: admin,
    headers: { 'if-match': draft.etag },
    expect: 200,
  });
  const village = await env.DB.prepare(
    "SELECT id FROM org_units WHERE tenant_id = ? AND name = '溪头村'",
  )
    .bind(tenantId)
    .first<{ id: string }>();
  const cycle = await callJson<{ id: string }>('/v1/cycles', {
    token: admin,
    body: {
      name: '溪头村试点（定制标准）',
      pack_key: draft.key,
      pack_version: draft.version,
      parameters: { passMark: 80 },
      period_start: '2023-10-01',
      period_end: '2024-09-30',
    },
  });
  const path = `/v1/cycles/${cycle.id}`;
  await callJson(`${path}/units`, {
    token: admin,
    headers: { 'if-match': await etagOf(path, admin) },
    body: { units: [{ org_unit_id: village!.id }] },
    expect: 200,
  });
  await callJson(path, {
    method: 'PATCH',
    token: admin,
    headers: { 'if-match': await etagOf(path, admin) },
    body: { status: 'open' },
    expect: 200,
  });
  const sub = await callJson<{ items: { id: string }[] }>(`${path}/submissions`, { token: admin });
  const submissionId = sub.items[0]!.id;
  await saveInputs(submissionId, admin, gzFullEmploymentInputs('溪头村', 'village', 0.9));
  const res = await upload(
    submissionId,
    admin,
    uploadForm(pdfBytes('Ledger 2024'), '台账.pdf', '一.1'),
  );
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  const statements = await demoSeedStatements();
  for (let i = 0; i < statements.length; i += 200) {
    await env.DB.batch(
      statements.slice(i, i + 200).map((s) => env.DB.prepare(s.sql).bind(...s.params)),
    );
  }
});

describe.each(DEMO_TENANTS.map((t) => [t.slug, t] as const))(
  'export and restore %s',
  (slug, demo) => {
    const adminEmail = demo.users.find((u) => u.role === 'admin')!.email;
    let source: { id: string; admin: string };
    let target: { id: string; slug: string; admin: string };
    let exported: { pages: Page[]; text: string };
    let restoreResults: Awaited<ReturnType<typeof restoreAll>>;

    beforeAll(async () => {
      const admin = await signIn(slug, adminEmail);
      const me = await callJson<{ tenant: { id: string } }>('/v1/me', { token: admin });
      source = { id: me.tenant.id, admin };
      // What only the API makes: a client, an invitation, a tailored pack, evidence.
      await callJson('/v1/clients', {
        token: admin,
        body: { name: '数据平台', scopes: ['scores:read'] },
      });
      await callJson('/v1/invitations', {
        token: admin,
        body: { email: `later-${slug}@kaoping.test`, role: 'viewer' },
      });
      if (slug === 'gz-conghua') await tailoredCycleWithEvidence(admin, source.id);
      await scoreEverything();
      exported = await exportAll(admin, 300);
      const signUp = await callJson<{ tenant: { id: string }; admin: { id: string } }>(
        '/v1/signup',
        {
          body: {
            tenant: {
              name: `${demo.name}（恢复）`,
              slug: `r-${slug}`,
              level: demo.level,
              region_name: `${demo.root.name}（恢复）`,
            },
            admin: {
              email: adminEmail,
              display_name: '恢复管理员',
              password: 'restore-password-2026',
            },
          },
          ip: freshIp(),
        },
      );
      target = {
        id: signUp.tenant.id,
        slug: `r-${slug}`,
        admin: await userToken(signUp.tenant.id, signUp.admin.id),
      };
      restoreResults = await restoreAll(target.admin, exported.pages);
      await scoreEverything();
    });

    it('exports in pages: a manifest, rows of every table, an end page with the counts', () => {
      const { pages } = exported;
      expect(pages[0]!.kind).toBe('manifest');
      expect(pages.at(-1)!.kind).toBe('end');
      expect(pages.length).toBeGreaterThanOrEqual(3);
      const end = pages.at(-1)!.end!;
      expect(end.consistent).toBe(true);
      expect(end.pages).toBe(pages.length);
      const counted: Record<string, number> = {};
      for (const p of pages)
        for (const s of p.sections ?? [])
          counted[s.table] = (counted[s.table] ?? 0) + s.rows.length;
      for (const [table, n] of Object.entries(end.counts))
        expect(counted[table] ?? 0, table).toBe(n);
      expect(end.counts.submissions).toBeGreaterThan(0);
      expect(end.counts.score_snapshots).toBeGreaterThan(0);
      expect(end.counts.audit_log).toBeGreaterThan(0);
    });

    it('holds no password hash, secret hash or capability', () => {
      const withheld = ['password_hash', 'password_salt', 'password_iterations', 'secret_hash'];
      for (const page of exported.pages) {
        for (const section of page.sections ?? []) {
          for (const row of section.rows) {
            for (const column of [...withheld, 'token_hash'])
              expect(row).not.toHaveProperty(column);
          }
        }
      }
      // No secret of any kind, by its prefix; the public link's token is redacted.
      expect(exported.text).not.toMatch(/kp[srio]_[A-Za-z0-9_-]{20,}/);
      const cycles = exported.pages.flatMap(
        (p) => p.sections?.find((s) => s.table === 'cycles')?.rows ?? [],
      );
      expect(cycles.every((c) => c.public_token === '[redacted]')).toBe(true);
    });

    it('restores into a new tenant: pages apply in order, the last one completes', () => {
      expect(restoreResults[0]!.status).toBe('begun');
      expect(restoreResults.slice(1, -1).every((r) => r.status === 'applied')).toBe(true);
      expect(restoreResults.at(-1)!.status).toBe('complete');
      // Everyone but the admin (the same email) comes back removed, to be invited again.
      expect(restoreResults.at(-1)!.people_to_invite).toBe(demo.users.length - 1);
    });

    it('gives every current scorecard back byte for byte, ids aside', async () => {
      const [before, after] = await Promise.all([
        currentScores(source.admin),
        currentScores(target.admin),
      ]);
      expect(before.size).toBeGreaterThan(0);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const sourceIds = await unitIdsByName(source.id);
      const targetIds = await unitIdsByName(target.id);
      // The restored root takes the source root's name, so name paths match one to one.
      const rename = new Map<string, string>();
      for (const [path, id] of sourceIds) rename.set(id, targetIds.get(path)!);
      expect([...rename.values()].every(Boolean)).toBe(true);
      let compared = 0;
      for (const [key, s] of before) {
        const t = after.get(key)!;
        let text = JSON.stringify(s.scorecard);
        for (const [from, to] of rename) text = text.replaceAll(from, to);
        expect(JSON.stringify(t.scorecard), key).toBe(text);
        expect([t.total, t.designation_met, t.complete], key).toEqual([
          s.total,
          s.designation_met,
          s.complete,
        ]);
        compared++;
      }
      expect(compared).toBe(before.size);
    });

    it('gives every rollup back', async () => {
      const [before, after] = await Promise.all([rollupRows(source.id), rollupRows(target.id)]);
      // The root unit keeps the source's name, so rows line up by name.
      expect(Object.keys(before).length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    });

    it('keeps every seal verifiable and every evidence file downloadable', async () => {
      const subs = await env.DB.prepare(
        'SELECT id FROM submissions WHERE tenant_id = ? AND sealed_hash IS NOT NULL',
      )
        .bind(target.id)
        .all<{ id: string }>();
      for (const { id } of subs.results) {
        const seal = await callJson<{ hash: string; document: unknown }>(
          `/v1/submissions/${id}/seal`,
          { token: target.admin },
        );
        expect(sha256Hex(canonicalJson(seal.document))).toBe(seal.hash);
      }
      const files = await env.DB.prepare(
        'SELECT id, sha256 FROM evidence WHERE tenant_id = ? AND deleted_at IS NULL',
      )
        .bind(target.id)
        .all<{ id: string; sha256: string }>();
      for (const f of files.results) {
        const res = await call(`/v1/evidence/${f.id}/content`, { token: target.admin });
        expect(res.status).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(await sha256Hex(bytes)).toBe(f.sha256);
      }
      expect(restoreResults.at(-1)!.evidence.missing).toBe(0);
    });

    it('leaves the restored tenant’s audit chain whole, with the restore in it', async () => {
      const verify = await callJson<{ ok: boolean }>('/v1/audit/verify', { token: target.admin });
      expect(verify.ok).toBe(true);
      const actions = await env.DB.prepare(
        "SELECT action, COUNT(*) AS n FROM audit_log WHERE tenant_id = ? AND entity_type = 'tenant_restore' GROUP BY action",
      )
        .bind(target.id)
        .all<{ action: string; n: number }>();
      expect(Object.fromEntries(actions.results.map((r) => [r.action, r.n]))).toEqual({
        'tenant.restore_begin': 1,
        'tenant.restore_page': exported.pages.length - 2,
        'tenant.restore_complete': 1,
      });
    });

    it('lets a removed person back in by invitation, keeping their id', async () => {
      const person = demo.users.find((u) => u.role !== 'admin')!;
      const before = await env.DB.prepare(
        'SELECT id, status FROM users WHERE tenant_id = ? AND email = ?',
      )
        .bind(target.id, person.email)
        .first<{ id: string; status: string }>();
      expect(before!.status).toBe('removed');
      // No password came across: the old one does not work.
      const refused = await call('/v1/auth/signin', {
        body: { tenant: target.slug, email: person.email, password: DEMO_PASSWORD },
        ip: freshIp(),
      });
      expect(refused.status).toBe(401);
      const invitation = await callJson<{ token: string }>('/v1/invitations', {
        token: target.admin,
        body: { email: person.email, role: 'viewer' },
      });
      const joined = await callJson<{ user: { id: string } }>('/v1/invitations/accept', {
        body: {
          token: invitation.token,
          display_name: person.displayName,
          password: 'new-password-2026',
        },
      });
      expect(joined.user.id).toBe(before!.id);
    });
  },
);
