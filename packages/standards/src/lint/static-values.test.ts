import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../test/lint-fixtures.ts';
import { add, div, input, param, pct, switchOn, unitKind } from '../expression-builders.ts';
import * as q from '../rational.ts';
import { staticContexts, staticDependencies, staticValue } from './static-values.ts';

const pack = cleanPack({
  parameters: [
    {
      id: 'level',
      kind: 'enum',
      label: { zh: '级别', en: 'Level' },
      options: [
        { value: 'city', label: { zh: '市级', en: 'city' } },
        { value: 'county', label: { zh: '县级', en: 'county' } },
      ],
    },
    { id: 'bar', kind: 'number', label: { zh: '门槛', en: 'Bar' }, default: 3 },
    { id: 'open', kind: 'number', label: { zh: '未定', en: 'Open' } },
  ],
});

describe('staticValue', () => {
  it('evaluates literals, parameters, switches and arithmetic exactly', () => {
    const env = { parameters: { level: 'city', bar: 3 } };
    const threshold = switchOn(param('level'), { city: pct(95), county: pct(90) });
    expect(staticValue(threshold, pack, env)).toEqual({
      type: 'number',
      value: q.rational(19, 20),
      format: 'percent',
    });
    expect(staticValue(add(param('bar'), 1), pack, env)).toEqual({
      type: 'number',
      value: q.rational(4),
      format: 'number',
    });
    expect(staticValue(div(1, 0, { value: 7 }), pack, env)).toMatchObject({ value: q.rational(7) });
  });

  it('is null for unit data and unset parameters', () => {
    expect(staticValue(input('employed'), pack, { parameters: {} })).toBeNull();
    expect(staticValue(param('open'), pack, { parameters: {} })).toBeNull();
    expect(staticValue(unitKind(), pack, { parameters: {} })).toBeNull();
  });
});

describe('staticContexts', () => {
  it('enumerates every option of what a threshold reads, and the unit kinds', () => {
    const exprs = [switchOn(param('level'), { city: pct(95), county: pct(90) }), unitKind()];
    expect(staticDependencies(exprs, pack)).toEqual({ parameters: ['level'], unitKind: true });
    const contexts = staticContexts(exprs, pack);
    expect(contexts.map((c) => c.label?.en)).toEqual([
      'Level=city, unit kind=community',
      'Level=city, unit kind=village',
      'Level=county, unit kind=community',
      'Level=county, unit kind=village',
    ]);
    expect(contexts[3]?.env).toEqual({
      parameters: { bar: 3, level: 'county' },
      unitKind: 'village',
    });
  });

  it('gives one unlabelled context when nothing varies', () => {
    expect(staticContexts([pct(90)], pack)).toEqual([
      { env: { parameters: { bar: 3 } }, label: null },
    ]);
  });
});
