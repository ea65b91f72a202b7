import { beforeAll, describe, expect, it } from 'vitest';
import { freshCycle } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, type Problem } from '../../../test/http.ts';
import { importUnits } from '../../../test/score-fixtures.ts';
import { runScheduler } from '../../../test/scoring.ts';
import { readXlsx } from '../../../test/xlsx-reader.ts';

/**
 * Export caps: 501 units in scope are refused for a detailed export (and for XLSX at all) with
 * a 422 that names both numbers; the CSV summary takes them; 500 below one town export in full,
 * both ways — the time each takes is printed (docs/api.md quotes it).
 */

let t: TestTenant;
let cycleId: string;

beforeAll(async () => {
  t = await createTestTenant();
  const [town, other] = await Promise.all([
    importUnits(t, t.units.town, 500, { prefix: `甲镇村${t.marker}-` }),
    importUnits(t, t.units.otherTown, 1, { prefix: `乙镇村${t.marker}-` }),
  ]);
  cycleId = (
    await freshCycle(t, { units: [...town, ...other].map((u) => ({ org_unit_id: u.id })) })
  ).id;
  await runScheduler();
}, 120_000);

async function refused(query: string): Promise<Problem> {
  const res = await call(`/v1/cycles/${cycleId}/export?${query}`, { token: t.tokens.admin });
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(422);
  return JSON.parse(text) as Problem;
}

describe('caps', () => {
  it('refuses 501 units in a detailed export, naming the count and the cap', async () => {
    const p = await refused('format=csv&layout=detail');
    expect(p.detail).toContain('501 units');
    expect(p.detail).toContain('500');
    expect(p.detail_zh).toContain('501 个单位');
    expect(p.errors?.[0]).toMatchObject({ path: 'query.org_unit_id', code: 'export_too_large' });
    const xlsx = await refused('format=xlsx&layout=summary');
    expect(xlsx.detail).toContain('CSV summary');
  });

  it('the CSV summary takes them all', async () => {
    const res = await call(`/v1/cycles/${cycleId}/export?format=csv&layout=summary`, {
      token: t.tokens.admin,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-export-units')).toBe('501');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(502);
  });

  it('500 units of one town export in full, CSV and XLSX (timed)', async () => {
    const timed = async (format: string) => {
      const started = Date.now();
      const res = await call(
        `/v1/cycles/${cycleId}/export?format=${format}&org_unit_id=${t.units.town.id}`,
        { token: t.tokens.admin },
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(res.status, new TextDecoder().decode(bytes.slice(0, 300))).toBe(200);
      return { bytes, ms: Date.now() - started };
    };
    const csv = await timed('csv');
    const xlsx = await timed('xlsx');
    const sheets = await readXlsx(xlsx.bytes);
    expect(sheets).toHaveLength(501);
    console.info(
      `export of 500 units (gz.full-employment, detail): CSV ${csv.bytes.length} B in ${csv.ms} ms, ` +
        `XLSX ${xlsx.bytes.length} B (${sheets.length} sheets) in ${xlsx.ms} ms`,
    );
  }, 60_000);

  it('unknown cycles are 404; formats and layouts are checked', async () => {
    const missing = await call('/v1/cycles/cyc_00000000000000000000000000000000/export', {
      token: t.tokens.admin,
    });
    expect(missing.status).toBe(404);
    const bad = await call(`/v1/cycles/${cycleId}/export?format=pdf`, { token: t.tokens.admin });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.[0]?.path).toBe('query.format');
  });
});
