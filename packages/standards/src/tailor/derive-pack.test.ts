import { describe, expect, it } from 'vitest';
import { gzFullEmployment2024 as gz } from '../../packs/gz-full-employment-2024.ts';
import { contentHash } from '../content-hash.ts';
import { score } from '../engine.ts';
import { pct } from '../expression-builders.ts';
import { lintPack } from '../lint/lint-pack.ts';
import { PackError } from '../pack-integrity.ts';
import { derivePack } from './derive-pack.ts';

const conghua = {
  key: 'gz.full-employment.conghua',
  version: '2024.1',
  title: { zh: '从化区充分就业社区(村)建设标准', en: 'Conghua full-employment standard' },
  parameters: { passMark: 85 },
  items: {
    '一.3': {
      set: { '/bands/0/threshold': 92, '/bands/1/threshold': 87 },
      notes: [{ zh: '区里提高就业率要求', en: 'The district raises the bar' }],
    },
    '四.6': { disabled: true },
  },
};

describe('derivePack', () => {
  it('builds a new version that records its parent, with the overrides applied', () => {
    const derived = derivePack(gz, conghua);
    expect(derived.key).toBe('gz.full-employment.conghua');
    expect(derived.derivedFrom).toEqual({ key: 'gz.full-employment', version: '2024.1' });
    expect(derived.parameters.find((p) => p.id === 'passMark')).toMatchObject({ default: 85 });
    const rule = derived.items.find((i) => i.id === '一.3')?.rule;
    expect(rule?.kind === 'band' && rule.bands.slice(0, 2).map((b) => b.threshold)).toEqual([
      pct(92),
      pct(87),
    ]);
    expect(derived.items.find((i) => i.id === '四.6')?.disabled).toBe(true);
    expect(derived.items.find((i) => i.id === '一.3')?.notes.at(-1)?.en).toBe(
      'The district raises the bar',
    );
    // The parent is untouched.
    const parentRule = gz.items.find((i) => i.id === '一.3')?.rule;
    expect(parentRule?.kind === 'band' && parentRule.bands[0]?.threshold).toEqual(pct(90));
  });

  it('scores by the new thresholds: 90 % is 6 points in the parent, 5 in the district', () => {
    const derived = derivePack(gz, conghua);
    const inputs = {
      difficultTotal: 20,
      difficultCancelledNonEmployment: 0,
      difficultEmployed: 18,
    };
    const item = (pack: typeof gz) =>
      score(pack, {}, inputs, { unitKind: 'community' }).items.find((i) => i.id === '一.3');
    expect(item(gz)?.points).toBe(6);
    expect(item(derived)?.points).toBe(5);
    expect(item(derived)?.explanation.zh).toBe(
      '就业困难人员就业率 = 18 ÷ (20 − 0) = 90%，达87%档，得5分',
    );
  });

  it('lints clean against its parent (gz marks nothing mandatory or tighten-only)', () => {
    const derived = derivePack(gz, conghua);
    const { errors, warnings } = lintPack(derived, { parent: gz });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('changes the content hash with every scored change, and only then keeps it', () => {
    const base = { key: 'gz.full-employment.conghua', version: '2024.1' };
    const hashes = [
      derivePack(gz, base),
      derivePack(gz, { ...base, parameters: { passMark: 80 } }),
      derivePack(gz, { ...base, items: { '一.3': { set: { '/bands/0/threshold': 91 } } } }),
      derivePack(gz, { ...base, items: { '一.3': { set: { '/bands/0/points': 5 } } } }),
      derivePack(gz, { ...base, items: { '四.6': { disabled: true } } }),
    ].map(contentHash);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(contentHash(derivePack(gz, base))).toBe(hashes[0]);
    expect(hashes).not.toContain(contentHash(gz));
  });

  it('reaches into parameter-dependent thresholds and nested rules', () => {
    const derived = derivePack(gz, {
      key: 'gz.full-employment.x',
      version: '1.0',
      items: {
        '一.1': { set: { '/base/bands/0/threshold': 95, '/deductions/1/points': 5 } },
        '一.2': { set: { '/rule/parts/0/bands/0/threshold': { op: 'percent', value: 92 } } },
      },
    });
    const one = derived.items.find((i) => i.id === '一.1')?.rule;
    if (one?.kind !== 'deduct' || typeof one.base === 'number' || one.base.kind !== 'band') {
      throw new Error('一.1 is a deduction from a band');
    }
    expect(one.base.bands[0]?.threshold).toEqual(pct(95));
    expect(one.deductions[1]?.points).toBe(5);
    const two = derived.items.find((i) => i.id === '一.2')?.rule;
    if (two?.kind !== 'gate' || two.rule.kind !== 'sum' || two.rule.parts[0]?.kind !== 'band') {
      throw new Error('一.2 is a gated sum of a band and a check');
    }
    expect(two.rule.parts[0].bands[0]?.threshold).toEqual(pct(92));
  });

  it('refuses overrides that reach what a rule measures, its shape, or nothing at all', () => {
    const attempt = (items: Record<string, unknown>, parameters: Record<string, unknown> = {}) => {
      try {
        derivePack(gz, { key: 'gz.full-employment.x', version: '1.0', items, parameters } as never);
        return [];
      } catch (error) {
        if (!(error instanceof PackError)) throw error;
        return error.problems.map((p) => [p.path, p.message.en]);
      }
    };
    expect(attempt({ '一.3': { set: { '/value': 1 } } })).toEqual([
      [
        'overrides.items.一.3.set./value',
        "/value cannot be tailored: only thresholds and points may change (not what is measured, conditions or the rule's shape)",
      ],
    ]);
    expect(attempt({ '一.3': { set: { '/bands/0/operator': 1 } } })[0]?.[1]).toContain(
      'cannot be tailored',
    );
    expect(attempt({ '一.3': { set: { '/bands/9/points': 1 } } })[0]?.[1]).toBe(
      '/bands/9/points does not exist in the rule',
    );
    expect(attempt({ '九.9': { disabled: true } })).toEqual([
      ['overrides.items.九.9', 'the parent has no item 九.9'],
    ]);
    expect(attempt({}, { passMark: 'high' })).toEqual([
      ['overrides.parameters.passMark', 'parameter passMark takes a number default'],
    ]);
  });
});
