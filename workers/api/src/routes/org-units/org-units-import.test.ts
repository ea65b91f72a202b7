import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import sample from '../../../../../docs/samples/org-units-liangkou.csv?raw';
import { createTestTenant, type TestTenant, tenantSnapshot } from '../../../test/factories.ts';
import { call, callJson, type Problem } from '../../../test/http.ts';

function importCsv(
  t: TestTenant,
  csv: string | Uint8Array,
  contentType = 'text/csv; charset=utf-8',
) {
  return call('/v1/org-units/import', {
    token: t.tokens.admin,
    body: csv,
    headers: { 'content-type': contentType },
  });
}

async function conghua() {
  // A district tenant whose root unit is 从化区, as in the seed document.
  const t = await createTestTenant();
  const res = await call(`/v1/org-units/${t.units.root.id}`, {
    method: 'PATCH',
    token: t.tokens.admin,
    headers: { 'if-match': t.units.root.etag },
    body: { name: '从化区' },
  });
  expect(res.status).toBe(200);
  return t;
}

describe('CSV import — happy', () => {
  it('imports the 23 Liangkou units of 000_…txt 附件2 (and their town) from the sample file', async () => {
    const t = await conghua();
    const res = await importCsv(t, sample);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 24, unchanged: 0 });
    const units = await callJson<{ items: { id: string; name: string; kind: string }[] }>(
      '/v1/org-units?limit=200',
      { token: t.tokens.admin },
    );
    const town = units.items.find((u) => u.name === '良口镇')!;
    const under = await callJson<{ items: { kind: string; name: string }[] }>(
      `/v1/org-units?root=${town.id}&limit=200`,
      { token: t.tokens.admin },
    );
    const kinds = under.items.filter((u) => u.kind !== 'town').map((u) => u.kind);
    expect(kinds.filter((k) => k === 'village')).toHaveLength(21);
    expect(kinds.filter((k) => k === 'community')).toHaveLength(2);
    expect(under.items.map((u) => u.name)).toContain('溪头村');
    // Each created unit is audited, in one chain that still verifies.
    const verify = await callJson<{ ok: boolean }>('/v1/audit/verify', { token: t.tokens.admin });
    expect(verify.ok).toBe(true);
    const audit = await callJson<{ items: unknown[] }>(
      '/v1/audit?action=org_unit.import&limit=200',
      {
        token: t.tokens.admin,
      },
    );
    expect(audit.items).toHaveLength(24);
  });

  it('is idempotent: importing the same file again creates nothing', async () => {
    const t = await conghua();
    await importCsv(t, sample);
    const before = await tenantSnapshot(t.id);
    const again = await importCsv(t, sample);
    expect(await again.json()).toEqual({ created: 0, unchanged: 24 });
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });

  it('reads a BOM, CRLF, English headers in any order, codes, and parents given after children', async () => {
    const t = await conghua();
    const csv =
      '\uFEFFcode,parent,name,kind,name_en\r\n' +
      '440117105201,440117105000,塘尾村,village,Tangwei\r\n' +
      '440117105000,从化区,良口镇,town,Liangkou\r\n' +
      '\r\n';
    const res = await importCsv(t, csv);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 2, unchanged: 0 });
    const list = await callJson<{
      items: { name: string; code: string; name_en: string; depth: number }[];
    }>('/v1/org-units?kind=village', { token: t.tokens.admin });
    expect(list.items.find((u) => u.name === '塘尾村')).toMatchObject({
      code: '440117105201',
      name_en: 'Tangwei',
      depth: 2,
    });
  });

  it('imports thousands of rows in one batch, chunked', async () => {
    const t = await conghua();
    const rows = ['name,kind,parent'];
    for (let town = 0; town < 30; town++) {
      rows.push(`镇${town},town,从化区`);
      for (let v = 0; v < 99; v++) rows.push(`村${v},village,从化区/镇${town}`);
    }
    const res = await importCsv(t, rows.join('\n'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 3000, unchanged: 0 });
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM org_units WHERE tenant_id = ?')
      .bind(t.id)
      .first<{ n: number }>();
    expect(count!.n).toBe(7 + 3000);
    // limit=100000 is clamped to the maximum page, not refused.
    const page = await callJson<{ items: unknown[]; next_cursor: string | null }>(
      '/v1/org-units?limit=100000',
      { token: t.tokens.admin },
    );
    expect(page.items).toHaveLength(200);
    expect(page.next_cursor).not.toBeNull();
    expect(
      (await callJson<{ ok: boolean }>('/v1/audit/verify', { token: t.tokens.admin })).ok,
    ).toBe(true);
  });
});

describe('CSV import — errors', () => {
  it('reports every bad row by line and imports nothing', async () => {
    const t = await conghua();
    const csv = [
      '名称,类型,上级,统计用区划代码', // line 1
      '良口镇,镇,从化区,440117105000', // 2 ok
      '良新村,村,从化区/良口镇,', // 3 ok
      '米埗村,乡村,从化区/良口镇,', // 4 unknown kind
      '和丰村,村,从化区/温泉镇,', // 5 unknown parent
      '良平村,村,从化区/良口镇/良新村,', // 6 village under village
      '塘尾村,村,从化区/良口镇,44011710520', // 7 bad code
      '少沙村,村,从化区/良口镇,440117105000', // 8 code also on line 2
      ',村,从化区/良口镇,', // 9 empty name
      '良新村,村,从化区/良口镇,', // 10 duplicate of line 3
      '', // 11 blank: skipped
      '良明\u200b村,村,从化区/良口镇,', // 12 zero-width space
      '磻溪村,社区,,', // 13 no parent
    ].join('\n');
    const before = await tenantSnapshot(t.id);
    const res = await importCsv(t, csv);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json<Problem>();
    const lines = body.errors!.map((e) => e.path);
    expect(lines).toEqual([
      'line 4',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
      'line 9',
      'line 10',
      'line 12',
      'line 13',
    ]);
    expect(body.errors!.find((e) => e.path === 'line 4')!.message_zh).toContain('乡村');
    expect(body.errors!.find((e) => e.path === 'line 8')!.message).toContain('line 2');
    expect(body.detail_zh).toContain('没有写入任何单元');
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });

  it('reports quoted fields spanning lines at the line they start on', async () => {
    const t = await conghua();
    const csv = 'name,kind,parent\n"多行\n名称",village,从化区\n好村,village,从化区/没有\n';
    const body = await (await importCsv(t, csv)).json<Problem>();
    expect(body.errors!.map((e) => e.path)).toEqual(['line 2', 'line 4']);
  });

  it('refuses a missing or unknown header, an empty file, non-UTF-8 bytes and other media types', async () => {
    const t = await conghua();
    const headerless = await (await importCsv(t, '良口镇,镇,从化区\n')).json<Problem>();
    expect(headerless.errors!.map((e) => e.path)).toContain('line 1');
    expect((await importCsv(t, 'name,kind\n村,村\n')).status).toBe(400);
    expect((await importCsv(t, 'name,kind,parent\n')).status).toBe(400);
    // "名称,类型,上级\n良口镇,镇,从化区" saved as GBK, as Excel does by default.
    const gbk = new Uint8Array([
      0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xd0, 0xcd, 0x2c, 0xc9, 0xcf, 0xbc, 0xb6, 0x0a,
      0xc1, 0xbc, 0xbf, 0xda, 0xd5, 0xf2, 0x2c, 0xd5, 0xf2, 0x2c, 0xb4, 0xd3, 0xbb, 0xaf, 0xc7,
      0xf8,
    ]);
    const res = await importCsv(t, gbk);
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).errors?.[0]).toMatchObject({
      path: 'body',
      code: 'encoding',
    });
    expect((await importCsv(t, sample, 'application/json')).status).toBe(415);
    expect((await importCsv(t, sample, 'text/plain')).status).toBe(415);
  });

  it('refuses a file over 4 MB with 413', async () => {
    const t = await conghua();
    const big = `name,kind,parent\n${'村,village,从化区\n'.repeat(260_000)}`;
    const res = await importCsv(t, big);
    expect(res.status).toBe(413);
  });
});
