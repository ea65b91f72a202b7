import { describe, expect, it } from 'vitest';
import { gzFullEmployment2024 as gz } from '../../packs/gz-full-employment-2024.ts';
import { cleanPack } from '../../test/lint-fixtures.ts';
import { bool, pct } from '../expression-builders.ts';
import { builtInPacks } from '../registry.ts';
import { derivePack } from '../tailor/derive-pack.ts';
import { diffPacks } from './diff-packs.ts';
import { formatPackDiff } from './format-diff.ts';

const messages = (d: ReturnType<typeof diffPacks>, id: string, lang: 'zh' | 'en' = 'en') =>
  d.items.changed.find((c) => c.id === id)?.changes.map((c) => c.message[lang]);

describe('diffPacks', () => {
  it('finds nothing between a pack and itself', () => {
    for (const pack of builtInPacks) {
      const d = diffPacks(pack, structuredClone(pack));
      expect(d.identical).toBe(true);
      expect(d.items).toEqual({ added: [], removed: [], changed: [] });
      expect(d.summary.en).toBe('the versions are identical');
    }
  });

  it('lists threshold and points changes inside nested rules, in zh and en', () => {
    const derived = derivePack(gz, {
      key: 'gz.full-employment.conghua',
      version: '2024.1',
      items: {
        '一.1': { set: { '/base/bands/1/threshold': 86, '/deductions/1/points': 5 } },
        '一.3': { set: { '/bands/0/threshold': 92 } },
      },
    });
    const d = diffPacks(gz, derived);
    expect(messages(d, '一.1')).toEqual([
      'base band 2 threshold: 85% → 86%',
      'deduction 2 points: 4 → 5',
    ]);
    expect(messages(d, '一.1', 'zh')).toEqual([
      '基础分第2档阈值：85% → 86%',
      '第2项扣分分值：4 → 5',
    ]);
    expect(d.items.changed.find((c) => c.id === '一.3')?.changes).toEqual([
      {
        path: 'items[一.3].rule.bands[0].threshold',
        kind: 'threshold',
        from: { zh: '90%', en: '90%' },
        to: { zh: '92%', en: '92%' },
        message: { zh: '第1档阈值：90% → 92%', en: 'band 1 threshold: 90% → 92%' },
      },
    ]);
    expect(d.pack.map((c) => c.message.en)).toEqual([
      'derived from: (none) → gz.full-employment@2024.1',
    ]);
  });

  it('reports items added and removed, max, applicability, titles, disabling and rule kinds', () => {
    const before = cleanPack();
    const after = structuredClone(before);
    const [rate, desk] = after.items;
    if (!rate || !desk) throw new Error('fixture');
    rate.max = 7;
    rate.title = { zh: '就业率达标', en: 'Employment rate met' };
    rate.appliesTo = ['community'];
    desk.disabled = true;
    desk.rule = {
      kind: 'band',
      value: pct(1),
      bands: [{ operator: '>=', threshold: pct(1), points: 2 }],
      otherwise: 0,
    };
    after.items.push({
      ...structuredClone(desk),
      id: '一.3',
      rule: { kind: 'check', when: bool(true), points: 1, otherwise: 0 },
    });
    const d = diffPacks(before, after);
    expect(d.items.added.map((a) => a.id)).toEqual(['一.3']);
    expect(d.items.changed.map((c) => c.changes.map((x) => x.kind))).toEqual([
      ['title', 'max', 'applicability'],
      ['disabled', 'rule-kind'],
    ]);
    expect(messages(d, '一.1')).toEqual([
      'title: Employment rate → Employment rate met',
      'max: 8 → 7',
      'applies to: all (community, village) → community',
    ]);
    expect(messages(d, '一.2', 'zh')).toEqual([
      '停用：否 → 是',
      '评分规则：有台位得2分，否则得0分 → 按1%分档：≥1%得2分，否则得0分',
    ]);
    const removed = diffPacks(after, before);
    expect(removed.items.removed.map((r) => r.id)).toEqual(['一.3']);
  });

  it('reports bands added or removed, and parameters and inputs added, removed and changed', () => {
    const before = cleanPack({
      parameters: [
        { id: 'passMark', kind: 'number', label: { zh: '达标分数线', en: 'Pass mark' } },
      ],
    });
    const after = structuredClone(before);
    const rule = after.items[0]?.rule;
    if (rule?.kind !== 'band') throw new Error('fixture');
    rule.bands.push({ operator: '>=', threshold: pct(80), points: 4 });
    (after.parameters[0] as { default?: number }).default = 80;
    after.parameters.push({
      id: 'level',
      kind: 'boolean',
      label: { zh: '市级', en: 'City level' },
    });
    after.inputs = after.inputs.filter((i) => i.id !== 'desk');
    after.inputs.push({
      id: 'window',
      kind: 'boolean',
      label: { zh: '窗口', en: 'Window' },
      required: true,
    });
    const d = diffPacks(before, after);
    expect(messages(d, '一.1')).toEqual(['number of bands: 2 → 3', 'band 3: (none) → ≥80%: 4']);
    expect(d.parameters.added.map((p) => p.id)).toEqual(['level']);
    expect(d.parameters.changed.map((p) => p.changes.map((c) => c.message.en))).toEqual([
      ['default: (none) → 80'],
    ]);
    expect(d.inputs.added.map((i) => i.id)).toEqual(['window']);
    expect(d.inputs.removed.map((i) => i.id)).toEqual(['desk']);
    expect(formatPackDiff(d, 'en')).toEqual([
      'test.lint@1.0 → test.lint@1.0',
      'items: 0 added, 0 removed, 1 changed; 4 other declarations changed; 0 pack-level changes',
      'Items:',
      '  ~ 一.1 Employment rate (changed)',
      '      number of bands: 2 → 3',
      '      band 3: (none) → ≥80%: 4',
      'Parameters:',
      '  + level City level (added)',
      '  ~ passMark Pass mark (changed)',
      '      default: (none) → 80',
      'Inputs:',
      '  + window Window (added)',
      '  - desk Has a desk (removed)',
    ]);
  });
});
