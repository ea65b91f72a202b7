import { describe, expect, it } from 'vitest';
import { gzFullEmployment2024 as gz } from '../../packs/gz-full-employment-2024.ts';
import { pct } from '../expression-builders.ts';
import { lintPack } from '../lint/lint-pack.ts';
import { derivePack } from './derive-pack.ts';
import type { PackOverridesInput } from './pack-overrides.ts';

// A city marks items for the versions its districts derive: 一.3 may only get harder, 一.1 may
// not be switched off. The marks travel with the derived version and bind its own children.

const city = derivePack(gz, {
  key: 'gz.full-employment',
  version: '2024.1-gz.1',
  items: {
    '一.1': { mandatory: true },
    '一.3': { tightenOnly: true },
    '二.1': { tightenOnly: { points: 'fixed' } },
  },
});

const district = (items: PackOverridesInput['items']) =>
  derivePack(city, { key: 'gz.full-employment', version: '2024.1-conghua.1', items });

const messages = (pack: typeof gz, parent: typeof gz) =>
  lintPack(pack, { parent }).errors.map((e) => [e.path, e.message.en]);

describe('derivePack: mandatory and tighten-only marks set by overrides', () => {
  it('puts the marks on the derived items and leaves the parent unmarked', () => {
    const item = (id: string) => city.items.find((i) => i.id === id);
    expect(item('一.1')?.mandatory).toBe(true);
    expect(item('一.3')?.tightenOnly).toBe(true);
    expect(item('二.1')?.tightenOnly).toEqual({ points: 'fixed' });
    expect(gz.items.find((i) => i.id === '一.1')?.mandatory).toBeUndefined();
    expect(lintPack(city, { parent: gz }).errors).toEqual([]);
  });

  it('binds the next derivation: raising 一.3 passes, lowering it or disabling 一.1 does not', () => {
    expect(messages(district({ '一.3': { set: { '/bands/0/threshold': 92 } } }), city)).toEqual([]);
    expect(messages(district({ '一.3': { set: { '/bands/0/threshold': 88 } } }), city)).toEqual([
      [
        'items[一.3].rule.bands[0].threshold',
        "band 1's threshold may only rise (tighten only): 90% changed to 88%",
      ],
    ]);
    expect(messages(district({ '一.1': { disabled: true } }), city)).toEqual([
      ['items[一.1].disabled', '一.1 is mandatory and may not be disabled'],
    ]);
  });

  it('refuses dropping a mark the parent set', () => {
    const dropped = district({ '一.1': { mandatory: false }, '一.3': { tightenOnly: false } });
    expect(messages(dropped, city).map(([path]) => path)).toEqual([
      'items[一.1].mandatory',
      'items[一.3].tightenOnly',
    ]);
  });

  it('keeps the kind of a literal it changes under a mark', () => {
    const raised = district({ '一.3': { set: { '/bands/1/threshold': 86 } } });
    const rule = raised.items.find((i) => i.id === '一.3')?.rule;
    expect(rule?.kind === 'band' && rule.bands[1]?.threshold).toEqual(pct(86));
  });
});
