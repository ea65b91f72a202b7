import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign } from '../../../test/campaign.ts';
import {
  createTestTenant,
  TEST_PASSWORD,
  type TestTenant,
  tenantSnapshot,
  userToken,
} from '../../../test/factories.ts';
import { call, callJson, freshIp, type Problem } from '../../../test/http.ts';

/**
 * What a restore refuses, and that a refusal writes nothing: a tenant that is not empty, the
 * export's own tenant, another level, people who are not admins, pages out of order or twice,
 * an altered file (an audit row edited, a row dropped, a column added), an export taken while
 * the tenant was being written to, and an evidence row naming an object it does not own.
 */

interface Page {
  format: string;
  export_id: string;
  page: number;
  kind: 'manifest' | 'rows' | 'end';
  sections?: { table: string; rows: Record<string, unknown>[] }[];
  end?: { consistent: boolean; changes_during_export: number };
  next_cursor: string | null;
}

let source: TestTenant;
let pages: Page[];

async function exportAll(token: string, limit = 40, between?: () => Promise<void>) {
  const out: Page[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await callJson(
      `/v1/tenant/export?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    out.push(page);
    if (out.length === 2 && between) await between();
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

let slugs = 0;

/** A freshly signed-up tenant: the only kind a restore goes into. */
async function freshTarget(level: 'district' | 'city' = 'district') {
  const slug = `rt-${++slugs}-${crypto.randomUUID().slice(0, 6)}`;
  const signUp = await callJson<{ tenant: { id: string }; admin: { id: string } }>('/v1/signup', {
    body: {
      tenant: { name: '恢复测试', slug, level, region_name: '恢复区' },
      admin: {
        email: `restore-${slug}@kaoping.test`,
        display_name: '恢复',
        password: TEST_PASSWORD,
      },
    },
    ip: freshIp(),
  });
  return { id: signUp.tenant.id, admin: await userToken(signUp.tenant.id, signUp.admin.id) };
}

const post = (token: string, page: unknown) => call('/v1/tenant/import', { token, body: page });

async function problem(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  return JSON.parse(text) as Problem;
}

const clone = <T>(v: T): T => structuredClone(v);

beforeAll(async () => {
  source = await createTestTenant();
  await createTestCampaign(source);
  pages = await exportAll(source.tokens.admin);
  expect(pages.length).toBeGreaterThan(4);
});

describe('restore refuses', () => {
  it('a tenant that is not empty, and changes nothing', async () => {
    const target = await freshTarget();
    const root = await callJson<{ items: { id: string }[] }>('/v1/org-units', {
      token: target.admin,
    });
    await callJson('/v1/org-units', {
      token: target.admin,
      body: { parent_id: root.items[0]!.id, kind: 'town', name: '已有镇' },
    });
    const before = await tenantSnapshot(target.id);
    const p = await problem(await post(target.admin, pages[0]), 409);
    expect(p.detail).toMatch(/empty tenant/);
    expect(await tenantSnapshot(target.id)).toEqual(before);
  });

  it('the export’s own tenant, and a tenant of another level', async () => {
    await problem(await post(source.tokens.admin, pages[0]), 409);
    const city = await freshTarget('city');
    const p = await problem(await post(city.admin, pages[0]), 409);
    expect(p.detail).toMatch(/same level/);
  });

  it('anyone but an admin (a viewer, an API client), before reading the page', async () => {
    for (const token of [
      source.tokens.viewer,
      source.tokens.readerClient,
      source.tokens.writerClient,
    ]) {
      await problem(await post(token, pages[0]), 403);
      await problem(await call('/v1/tenant/export', { token }), 403);
    }
  });

  it('rows before the manifest, and pages out of order; a page sent twice is applied once', async () => {
    const target = await freshTarget();
    await problem(await post(target.admin, pages[1]), 409);
    expect(
      (
        await callJson<{ status: string }>('/v1/tenant/import', {
          token: target.admin,
          body: pages[0],
          expect: 200,
        })
      ).status,
    ).toBe('begun');
    await problem(await post(target.admin, pages[2]), 409);
    const first = await callJson<{ status: string }>('/v1/tenant/import', {
      token: target.admin,
      body: pages[1],
      expect: 200,
    });
    expect(first.status).toBe('applied');
    const before = await tenantSnapshot(target.id);
    for (const again of [pages[1], pages[0]]) {
      const res = await callJson<{ status: string; next_page: number }>('/v1/tenant/import', {
        token: target.admin,
        body: again,
        expect: 200,
      });
      expect(res).toMatchObject({ status: 'already_applied', next_page: 2 });
    }
    expect(await tenantSnapshot(target.id)).toEqual(before);
  });

  it('an export whose audit chain was edited', async () => {
    const target = await freshTarget();
    const forged = pages.map(clone);
    const auditPage = forged.find((p) => p.sections?.some((s) => s.table === 'audit_log'))!;
    const audit = auditPage.sections!.find((s) => s.table === 'audit_log')!;
    audit.rows[0]!.action = 'org_unit.delete';
    let status = 200;
    let detail = '';
    for (const page of forged) {
      const res = await post(target.admin, page);
      if (res.status !== 200) {
        status = res.status;
        detail = ((await res.json()) as Problem).detail ?? '';
        break;
      }
    }
    expect(status).toBe(409);
    expect(detail).toMatch(/audit chain does not verify/);
  });

  it('an export missing a row: the end page does not complete', async () => {
    const target = await freshTarget();
    const forged = pages.map(clone);
    const section = forged.flatMap((p) => p.sections ?? []).find((s) => s.table === 'transitions')!;
    section.rows.pop();
    const answers = [];
    for (const page of forged) answers.push(await post(target.admin, page));
    const last = answers.at(-1)!;
    const p = await problem(last, 409);
    expect(p.detail).toMatch(/transitions/);
  });

  it('a row with a column the table does not have, naming it', async () => {
    const target = await freshTarget();
    await callJson('/v1/tenant/import', { token: target.admin, body: pages[0], expect: 200 });
    const forged = clone(pages[1]!);
    forged.sections![0]!.rows[0]!.tenant_id = source.id;
    const p = await problem(await post(target.admin, forged), 400);
    expect(p.errors?.map((e) => e.path)).toContain('body.sections.0.rows.0.tenant_id');
  });

  it('an export taken while the tenant was being changed', async () => {
    const t = await createTestTenant();
    const inconsistent = await exportAll(t.tokens.admin, 40, async () => {
      await callJson('/v1/org-units', {
        token: t.tokens.admin,
        body: { parent_id: t.units.town.id, kind: 'village', name: `导出中新建${t.marker}` },
      });
    });
    const end = inconsistent.at(-1)!.end!;
    expect(end).toMatchObject({ consistent: false, changes_during_export: 1 });
    const target = await freshTarget();
    const answers: Response[] = [];
    for (const page of inconsistent) answers.push(await post(target.admin, page));
    const p = await problem(answers.at(-1)!, 409);
    expect(p.detail).toMatch(/not consistent/);
  });

  it('to copy an evidence file the row does not own', async () => {
    const other = await createTestTenant();
    const otherCampaign = await createTestCampaign(other);
    const forged = pages.map(clone);
    const row = forged.flatMap((p) => p.sections ?? []).find((s) => s.table === 'evidence')!
      .rows[0]!;
    row.r2_key = `evidence/${other.id}/${otherCampaign.draft.id}/${otherCampaign.draft.evidenceId}`;
    const target = await freshTarget();
    let last: { status: string; evidence: { copied: number; missing: number } } | undefined;
    for (const page of forged) {
      last = await callJson('/v1/tenant/import', { token: target.admin, body: page, expect: 200 });
    }
    expect(last).toMatchObject({ status: 'complete', evidence: { copied: 0, missing: 1 } });
  });
});

describe('export refuses', () => {
  it('another tenant’s cursor, as one it never issued', async () => {
    const other = await createTestTenant();
    const res = await call(
      `/v1/tenant/export?cursor=${encodeURIComponent(pages[0]!.next_cursor!)}`,
      { token: other.tokens.admin },
    );
    const p = await problem(res, 400);
    expect(p.errors?.[0]?.path).toBe('query.cursor');
  });
});
