import { describe, expect, it } from 'vitest';
import { gzFullEmployment2024 as gz } from '../../packs/gz-full-employment-2024.ts';
import { cleanPack } from '../../test/lint-fixtures.ts';
import { derivePack } from '../tailor/derive-pack.ts';
import { formatRescore } from './format-diff.ts';
import { rescorePreview } from './rescore-preview.ts';

const before = cleanPack({
  parameters: [{ id: 'passMark', kind: 'number', label: { zh: '达标分数线', en: 'Pass mark' } }],
  designation: { title: { zh: '达标', en: 'Met' }, passMark: { op: 'param', id: 'passMark' } },
});
// The district raises the top band from 90 % to 95 %.
const after = derivePack(before, {
  key: 'test.lint.district',
  version: '1.0',
  items: { '一.1': { set: { '/bands/0/threshold': 95 } } },
});

const units = [
  { id: 'b', inputs: { employed: 19, people: 20, desk: true } }, // 95 %: 8 under both
  { id: 'a', inputs: { employed: 18, people: 20, desk: true } }, // 90 %: 8 → 6
  { id: 'c', inputs: { employed: 17, people: 20, desk: false } }, // 85 %: 6 under both
];

describe('rescorePreview', () => {
  it('scores every unit under both versions and names the items that moved', () => {
    const preview = rescorePreview(before, after, units, { parameters: { passMark: 9 } });
    expect(preview.units).toEqual([
      {
        unitId: 'a',
        old: { total: 10, complete: true, designated: true },
        new: { total: 8, complete: true, designated: false },
        delta: -2,
        moved: [{ id: '一.1', old: 8, new: 6, delta: -2 }],
      },
      {
        unitId: 'b',
        old: { total: 10, complete: true, designated: true },
        new: { total: 10, complete: true, designated: true },
        delta: 0,
        moved: [],
      },
      {
        unitId: 'c',
        old: { total: 6, complete: true, designated: false },
        new: { total: 6, complete: true, designated: false },
        delta: 0,
        moved: [],
      },
    ]);
    expect(preview.summary).toEqual({
      units: 3,
      gain: 0,
      lose: 1,
      same: 2,
      designationGained: 0,
      designationLost: 1,
    });
    expect(formatRescore(preview, 'zh')).toEqual([
      'test.lint@1.0 → test.lint.district@1.0：3个单位，0个得分上升，1个下降，2个不变；新达标0个，不再达标1个',
      '  a  10 → 8 (−2)  一.1 8→6',
      '  b  10 → 10 (±0)',
      '  c  6 → 6 (±0)',
    ]);
  });

  it('gives each version only the parameters it declares, and reports gains', () => {
    const looser = derivePack(gz, {
      key: 'gz.full-employment.x',
      version: '1.0',
      items: { '一.3': { set: { '/bands/0/threshold': 85 } } },
    });
    const unit = {
      id: 'u',
      unitKind: 'community' as const,
      inputs: { difficultTotal: 20, difficultCancelledNonEmployment: 0, difficultEmployed: 17 },
    };
    const preview = rescorePreview(gz, looser, [unit], { parameters: { passMark: 80, other: 1 } });
    expect(preview.units[0]?.moved).toEqual([{ id: '一.3', old: 5, new: 6, delta: 1 }]);
    expect(preview.summary.gain).toBe(1);
  });
});
