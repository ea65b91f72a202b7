import { findBuiltInPack, score } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import huangzhulangJson from '../../../../../packages/standards/cli/examples/gz-huangzhulang.json?raw';
import literalJson from '../../../../../packages/standards/cli/examples/literal-unemployment-statistics.pack.json?raw';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

// The catalog, a version read in full, diff, lint and the score preview, as a tenant's people
// and clients use them. The tailoring flow has its own file (tailoring.happy.test.ts).

interface VersionSummary {
  key: string;
  version: string;
  origin: string;
  status: string;
  total: number;
  bonus_max: number;
  item_count: number;
  content_hash: string;
  unit_kinds: string[];
}
interface Catalog {
  items: { key: string; title: { zh: string }; versions: VersionSummary[] }[];
}
interface Item {
  id: string;
  max: number;
  source: { file: string; quote: string };
  notes: { zh: string; en: string }[];
  rule: { kind: string; text: { zh: string; en: string }; definition: Record<string, unknown> };
}

const huangzhulang = JSON.parse(huangzhulangJson) as Record<string, unknown>;
const gz = findBuiltInPack('gz.full-employment@2024.1')!;
let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant();
});

describe('the pack catalog', () => {
  it('lists the five built-in packs with their totals, as every kind of principal', async () => {
    const expected = [
      ['gz.full-employment', '2024.1', 100, 10, 27],
      ['gz.hqe-village', '2024.1', 100, 10, 14],
      ['yc.hqe', '2023.1', 110, 0, 22],
      ['province.employment-work', '1.0', 400, 0, 41],
      ['stats.employment-yearly', '2019.1', 0, 0, 0],
    ];
    for (const who of ['admin', 'viewer', 'reporter', 'readerClient', 'writerClient'] as const) {
      const catalog = await callJson<Catalog>('/v1/packs', { token: t.tokens[who] });
      const builtIn = catalog.items.map((p) => {
        const v = p.versions.find((x) => x.origin === 'built-in')!;
        return [p.key, v.version, v.total, v.bonus_max, v.item_count];
      });
      expect(builtIn, who).toEqual(expected);
      for (const p of catalog.items) {
        for (const v of p.versions) {
          expect(v.status).toBe('published');
          expect(v.content_hash).toMatch(/^[0-9a-f]{64}$/);
        }
      }
    }
  });

  it('filters by unit kind', async () => {
    const keys = async (kind: string) =>
      (await callJson<Catalog>(`/v1/packs?unit_kind=${kind}`, { token: t.tokens.viewer })).items
        .map((p) => p.key)
        .sort();
    expect(await keys('village')).toEqual(['gz.full-employment', 'gz.hqe-village', 'yc.hqe']);
    expect(await keys('city')).toEqual(['province.employment-work']);
    expect(await keys('county')).toEqual(['stats.employment-yearly']);
    expect(await keys('province')).toEqual([]);
  });

  it('reads a version in full: items by category with points, rules in words, citations', async () => {
    const res = await call('/v1/packs/gz.full-employment/versions/2024.1', {
      token: t.tokens.reporter,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    const v = (await res.json()) as {
      total: number;
      bonus_max: number;
      parameters: { id: string; default: unknown }[];
      inputs: { id: string; kind: string; label: { zh: string } }[];
      categories: { id: string; max: number; bonus: boolean; items: Item[] }[];
      metrics: { id: string; formula: { zh: string }; definition: unknown }[];
      designation: { pass_mark: { zh: string } } | null;
      review_chain: unknown;
      etag: string | null;
      overrides: unknown;
    };
    expect([v.total, v.bonus_max]).toEqual([100, 10]);
    expect(v.categories.map((c) => [c.id, c.max, c.bonus, c.items.length])).toEqual([
      ['一', 30, false, 5],
      ['二', 30, false, 6],
      ['三', 40, false, 10],
      ['四', 10, true, 6],
    ]);
    const sum = (c: (typeof v.categories)[number]) => c.items.reduce((s, i) => s + i.max, 0);
    expect(v.categories.slice(0, 3).map(sum)).toEqual([30, 30, 40]);
    const item = v.categories[0]!.items.find((i) => i.id === '一.3')!;
    expect(item.max).toBe(6);
    expect(item.rule.kind).toBe('band');
    expect(item.rule.text.zh).toContain('90%');
    expect(item.rule.text.en).toContain('90%');
    expect(item.source.file).toBe('000_802a087d396963ff.txt');
    expect(item.source.quote).toContain('达90%得6分');
    expect(item.rule.definition).toEqual(gz.items.find((i) => i.id === '一.3')!.rule);
    expect(v.inputs.length).toBe(gz.inputs.length);
    expect(v.inputs.find((i) => i.id === 'difficultEmployed')).toMatchObject({ kind: 'count' });
    expect(v.parameters.map((p) => p.id)).toEqual(['passMark']);
    expect(v.metrics.find((m) => m.id === 'difficultEmploymentRate')?.formula.zh).toContain('÷');
    // The expression as data too (the UI groups inputs by the items that read them).
    expect(v.metrics.find((m) => m.id === 'difficultEmploymentRate')?.definition).toEqual(
      gz.metrics.find((m) => m.id === 'difficultEmploymentRate')!.expression,
    );
    expect(v.designation?.pass_mark.zh).toBeTruthy();
    expect([v.review_chain, v.etag, v.overrides]).toEqual([null, null, null]);
  });

  it('shows the province table’s review chain', async () => {
    const v = await callJson<{ review_chain: { key: string; actor: string }[] }>(
      '/v1/packs/province.employment-work/versions/1.0',
      { token: t.tokens.readerClient },
    );
    expect(v.review_chain.map((s) => [s.key, s.actor])).toEqual([
      ['self', 'reporter'],
      ['initial', 'reviewer'],
      ['final', 'reviewer'],
    ]);
  });
});

describe('lint', () => {
  it('lints a clean pack body without storing anything', async () => {
    const result = await callJson<{ errors: unknown[]; warnings: unknown[] }>('/v1/packs/lint', {
      token: t.tokens.admin,
      body: { pack: gz },
      expect: 200,
    });
    expect(result).toEqual({ errors: [], warnings: [] });
  });

  it('names the path of each problem, in zh and en: the province’s literal 失业保险统计', async () => {
    const result = await callJson<{
      errors: { check: string; path: string; message: { zh: string; en: string } }[];
    }>('/v1/packs/lint', {
      token: t.tokens.readerClient,
      body: { pack: JSON.parse(literalJson) },
      expect: 200,
    });
    expect(result.errors).toEqual([
      {
        check: 'item-bounds',
        severity: 'error',
        path: 'items[失业保险.1].rule',
        message: {
          zh: '失业保险.1 的评分规则最高可得5分，超过本项满分4分',
          en: "失业保险.1: the rule can award 5, more than the item's max of 4",
        },
      },
    ]);
  });

  it('reports schema problems as findings with their paths, not as a 400', async () => {
    const { version: _dropped, ...noVersion } = gz;
    const result = await callJson<{ errors: { check: string; path: string }[] }>('/v1/packs/lint', {
      token: t.tokens.viewer,
      body: { pack: noVersion },
      expect: 200,
    });
    expect(result.errors).toEqual([expect.objectContaining({ check: 'schema', path: 'version' })]);
  });

  it('lints a whole province pack (120 KB as JSON, over the usual 64 KB body limit)', async () => {
    const province = findBuiltInPack('province.employment-work@1.0')!;
    const bytes = new TextEncoder().encode(JSON.stringify({ pack: province })).length;
    expect(bytes).toBeGreaterThan(64 * 1024);
    const result = await callJson<{ errors: unknown[] }>('/v1/packs/lint', {
      token: t.tokens.admin,
      body: { pack: province },
      expect: 200,
    });
    expect(result.errors).toEqual([]);
  });

  it('lints a stored version', async () => {
    const result = await callJson<{ errors: unknown[] }>('/v1/packs/yc.hqe/versions/2023.1/lint', {
      token: t.tokens.viewer,
    });
    expect(result.errors).toEqual([]);
  });
});

describe('diff', () => {
  it('says nothing differs between a version and itself', async () => {
    const diff = await callJson<{ identical: boolean; summary: { zh: string; en: string } }>(
      '/v1/packs/gz.full-employment/versions/2024.1/diff?to=2024.1',
      { token: t.tokens.viewer },
    );
    expect(diff.identical).toBe(true);
  });

  it('compares two different packs by key@version, each change in zh and en', async () => {
    const diff = await callJson<{
      from: { key: string };
      to: { key: string };
      items: { added: { id: string }[]; removed: { id: string }[] };
      summary: { zh: string; en: string };
    }>('/v1/packs/gz.full-employment/versions/2024.1/diff?to=gz.hqe-village@2024.1', {
      token: t.tokens.readerClient,
    });
    expect([diff.from.key, diff.to.key]).toEqual(['gz.full-employment', 'gz.hqe-village']);
    expect(diff.items.added.length + diff.items.removed.length).toBeGreaterThan(0);
    expect(diff.summary.zh).toBeTruthy();
    expect(diff.summary.en).toBeTruthy();
  });
});

describe('score preview', () => {
  const body = { unitKind: 'community', parameters: { passMark: 80 }, inputs: huangzhulang };

  it('answers score(…) byte for byte for a realistic gz unit (黄竹朗)', async () => {
    const res = await call('/v1/packs/gz.full-employment/versions/2024.1/score', {
      token: t.tokens.reporter,
      body,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const expected = score(gz, { passMark: 80 }, huangzhulang, { unitKind: 'community' });
    expect(text).toBe(JSON.stringify(expected));
    expect(expected.total).toBe(91);
    expect(expected.designation?.met).toBe(true);
  });

  it('is open to every person of the tenant and to scores:read clients, and stores nothing', async () => {
    const before = await callJson<{ items: unknown[] }>('/v1/audit?limit=200', {
      token: t.tokens.admin,
    });
    for (const who of ['admin', 'reviewer', 'viewer', 'readerClient'] as const) {
      const card = await callJson<{ total: number }>(
        '/v1/packs/gz.full-employment/versions/2024.1/score',
        { token: t.tokens[who], body, expect: 200 },
      );
      expect(card.total, who).toBe(91);
    }
    const after = await callJson<{ items: unknown[] }>('/v1/audit?limit=200', {
      token: t.tokens.admin,
    });
    expect(after.items.length).toBe(before.items.length);
  });

  it('names missing inputs in the scorecard instead of refusing them', async () => {
    const { difficultEmployed: _left, ...partial } = huangzhulang;
    const card = await callJson<{
      complete: boolean;
      items: { id: string; status: string; missing: string[] }[];
    }>('/v1/packs/gz.full-employment/versions/2024.1/score', {
      token: t.tokens.reporter,
      body: { ...body, inputs: partial },
      expect: 200,
    });
    expect(card.complete).toBe(false);
    expect(card.items.find((i) => i.id === '一.3')).toMatchObject({
      status: 'missing-inputs',
      missing: ['difficultEmployed'],
    });
  });

  it('reports a failed consistency check in the scorecard’s issues, as a scheduled run would', async () => {
    const inputs = { ...huangzhulang, difficultEmployed: 30 };
    const res = await call('/v1/packs/gz.full-employment/versions/2024.1/score', {
      token: t.tokens.reporter,
      body: { ...body, inputs },
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(text).toBe(
      JSON.stringify(score(gz, { passMark: 80 }, inputs, { unitKind: 'community' })),
    );
  });

  it('takes assessments and references: 宜春 item 9 against the county average', async () => {
    const yc = findBuiltInPack('yc.hqe@2023.1')!;
    const request = {
      unitKind: 'village',
      parameters: { designation: 'city' },
      inputs: {},
      references: { countyAverageEmploymentRate: 90 },
      assessments: { '1.1': { points: 3, reason: '工作专班健全' } },
    };
    const res = await call('/v1/packs/yc.hqe/versions/2023.1/score', {
      token: t.tokens.readerClient,
      body: request,
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(text).toBe(
      JSON.stringify(
        score(yc, request.parameters, request.inputs, {
          unitKind: 'village',
          references: request.references,
          assessments: request.assessments,
        }),
      ),
    );
  });
});
