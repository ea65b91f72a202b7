import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { input, metric, param, pct, switchOn } from '../../expression-builders.ts';
import type { Pack } from '../../pack-schema.ts';
import { lintPack } from '../lint-pack.ts';

const bandFindings = (pack: Pack) => {
  const { errors, warnings } = lintPack(pack);
  return [...errors, ...warnings].filter((f) => f.check === 'bands');
};

/** The clean pack with 一.1's bands replaced. */
function withBands(bands: unknown[], extra: Partial<Parameters<typeof cleanPack>[0]> = {}) {
  const pack = structuredClone(cleanPack(extra));
  const rule = pack.items[0]?.rule;
  if (rule?.kind !== 'band') throw new Error('fixture');
  rule.bands = bands as typeof rule.bands;
  return pack;
}

const LEVEL = {
  parameters: [
    {
      id: 'level',
      kind: 'enum' as const,
      label: { zh: '创建级别', en: 'Level' },
      options: [
        { value: 'city', label: { zh: '市级', en: 'city' } },
        { value: 'county', label: { zh: '县级', en: 'county' } },
      ],
      default: 'county',
    },
  ],
};

describe('bands', () => {
  it('reports bands listed out of order as unreachable, in both languages', () => {
    const pack = withBands([
      { operator: '>=', threshold: pct(85), points: 6 },
      { operator: '>=', threshold: pct(90), points: 8 },
    ]);
    expect(bandFindings(pack)).toEqual([
      {
        check: 'bands',
        severity: 'error',
        path: 'items[一.1].rule.bands[1]',
        message: {
          zh: '第2档（≥90%得8分）永远不会被采用：前面的档或取值范围已覆盖它（分档按列出顺序，先满足者计分）',
          en: "band 2 (≥90%: 8) can never apply: earlier bands or the value's range cover it (the first band that holds wins)",
        },
      },
    ]);
  });

  it('reports an overlap of a lower bound and an upper bound', () => {
    const pack = withBands([
      { operator: '>=', threshold: pct(90), points: 8 },
      { operator: '<', threshold: pct(95), points: 6 },
    ]);
    const found = bandFindings(pack);
    expect(found.map((f) => [f.severity, f.path, f.message.en])).toEqual([
      [
        'error',
        'items[一.1].rule.bands[1]',
        'band 2 (<95%: 6) overlaps band 1 (≥90%: 8): values in both score by band 1 (≥90%: 8)',
      ],
    ]);
  });

  it('reports a gap between bands from both ends', () => {
    const pack = withBands([
      { operator: '>=', threshold: pct(90), points: 8 },
      { operator: '<', threshold: pct(60), points: 0 },
    ]);
    expect(bandFindings(pack).map((f) => f.message.zh)).toEqual([
      '分档有空档：60%至90%之间的取值不属于任何一档（按“否则”得0分）；请把分档写成同一方向并逐档列出',
    ]);
  });

  it('reports an unreachable band of a percent input beyond 100 %', () => {
    const pack = structuredClone(cleanPack());
    pack.inputs.push({
      id: 'share',
      kind: 'percent',
      label: { zh: '占比', en: 'Share' },
      required: true,
    });
    const rule = pack.items[0]?.rule;
    if (rule?.kind !== 'band') throw new Error('fixture');
    rule.value = input('share');
    rule.bands = [
      { operator: '>', threshold: pct(100), points: 8 },
      { operator: '>=', threshold: pct(90), points: 6 },
    ];
    expect(bandFindings(pack).map((f) => [f.severity, f.path])).toEqual([
      ['error', 'items[一.1].rule.bands[0]'],
    ]);
  });

  it('checks parameter-dependent thresholds once per parameter value, naming the value', () => {
    const ok = withBands(
      [
        {
          operator: '>=',
          threshold: switchOn(param('level'), { city: pct(95), county: pct(90) }),
          points: 8,
        },
        {
          operator: '>=',
          threshold: switchOn(param('level'), { city: pct(90), county: pct(85) }),
          points: 6,
        },
      ],
      LEVEL,
    );
    expect(bandFindings(ok)).toEqual([]);
    const bad = withBands(
      [
        {
          operator: '>=',
          threshold: switchOn(param('level'), { city: pct(95), county: pct(85) }),
          points: 8,
        },
        {
          operator: '>=',
          threshold: switchOn(param('level'), { city: pct(90), county: pct(88) }),
          points: 6,
        },
      ],
      LEVEL,
    );
    expect(bandFindings(bad).map((f) => f.message)).toEqual([
      {
        zh: '第2档（≥88%得6分）永远不会被采用：前面的档或取值范围已覆盖它（分档按列出顺序，先满足者计分）（当创建级别=县级时）',
        en: "band 2 (≥88%: 6) can never apply: earlier bands or the value's range cover it (the first band that holds wins) (when Level=county)",
      },
    ]);
  });

  it('checks thresholds that depend on the unit kind per kind', () => {
    const bad = withBands([
      {
        operator: '>=',
        threshold: switchOn({ op: 'unit-kind' }, { community: pct(90), village: pct(80) }),
        points: 8,
      },
      { operator: '>=', threshold: pct(85), points: 6 },
    ]);
    expect(bandFindings(bad).map((f) => f.message.en)).toEqual([
      "band 2 (≥85%: 6) can never apply: earlier bands or the value's range cover it (the first band that holds wins) (when unit kind=village)",
    ]);
  });

  it('warns, without failing, when a threshold reads unit data', () => {
    const pack = withBands([
      { operator: '>=', threshold: metric('rate'), points: 8 },
      { operator: '>=', threshold: pct(85), points: 6 },
    ]);
    expect(bandFindings(pack).map((f) => [f.severity, f.path])).toEqual([
      ['warning', 'items[一.1].rule.bands[0].threshold'],
    ]);
  });

  it('warns when a lower band awards more than a higher one', () => {
    const pack = withBands([
      { operator: '>=', threshold: pct(90), points: 6 },
      { operator: '>=', threshold: pct(85), points: 8 },
    ]);
    expect(bandFindings(pack).map((f) => [f.severity, f.message.zh])).toEqual([
      ['warning', '第2档（≥85%得8分）比更高的第1档（≥90%得6分）得分还多'],
    ]);
  });
});
