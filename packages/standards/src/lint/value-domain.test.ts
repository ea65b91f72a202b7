import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../test/lint-fixtures.ts';
import { input, max, metric, min, ratio, sub } from '../expression-builders.ts';
import * as q from '../rational.ts';
import { UNBOUNDED, valueDomain } from './value-domain.ts';

const pack = cleanPack({
  inputs: [
    { id: 'employed', kind: 'count', label: { zh: '就业人数', en: 'Employed' } },
    { id: 'people', kind: 'count', label: { zh: '总人数', en: 'People' }, max: 500 },
    { id: 'desk', kind: 'boolean', label: { zh: '有台位', en: 'Has a desk' } },
    { id: 'share', kind: 'percent', label: { zh: '占比', en: 'Share' }, min: 10 },
  ],
});
const env = { parameters: {} };
const shown = (d: ReturnType<typeof valueDomain>) => [
  d.lo === null ? null : q.toNumber(d.lo),
  d.hi === null ? null : q.toNumber(d.hi),
];

describe('valueDomain', () => {
  it('knows counts are non-negative, declared bounds, and percents within 0..100 %', () => {
    expect(shown(valueDomain(input('employed'), pack, env))).toEqual([0, null]);
    expect(shown(valueDomain(input('people'), pack, env))).toEqual([0, 500]);
    expect(shown(valueDomain(input('share'), pack, env))).toEqual([0.1, 1]);
  });

  it('follows metrics and arithmetic, generously', () => {
    expect(shown(valueDomain(metric('rate'), pack, env))).toEqual([0, null]);
    expect(shown(valueDomain(sub(input('people'), input('employed')), pack, env))).toEqual([
      null,
      500,
    ]);
    expect(shown(valueDomain(min(input('people'), input('employed')), pack, env))).toEqual([
      0, 500,
    ]);
    expect(shown(valueDomain(max(input('people'), input('share')), pack, env))).toEqual([0.1, 500]);
    expect(
      valueDomain(
        ratio(sub(input('people'), input('employed')), input('people'), 'zero'),
        pack,
        env,
      ),
    ).toEqual(UNBOUNDED);
  });
});
