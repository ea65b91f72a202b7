import { describe, expect, it } from 'vitest';
import { cleanPackInput } from '../../../test/lint-fixtures.ts';
import { input, param, pct, switchOn } from '../../expression-builders.ts';
import { definePack } from '../../pack-integrity.ts';
import type { PackInput } from '../../pack-schema.ts';
import { derivePack } from '../../tailor/derive-pack.ts';
import type { PackOverridesInput } from '../../tailor/pack-overrides.ts';
import { lintPack } from '../lint-pack.ts';

// A city's pack: 一.1 (a banded rate) is mandatory and tighten-only, 一.2 (a desk) may go.
function cityPack(extra: Partial<PackInput> = {}) {
  const source = cleanPackInput(extra);
  const items = (source.items ?? []).map((item, i) =>
    i === 0 ? { ...item, mandatory: true, tightenOnly: true as const } : item,
  );
  return definePack({ ...source, key: 'city.standard', items });
}

const derive = (parent = cityPack(), o: Omit<PackOverridesInput, 'key' | 'version'> = {}) =>
  derivePack(parent, { key: 'district.standard', version: '1.0', ...o });

const tailoring = (child: ReturnType<typeof derive>, parent = cityPack()) =>
  lintPack(child, { parent })
    .errors.filter((f) => f.check === 'tailoring')
    .map((f) => [f.path, f.message.en]);

describe('tailoring (mandatory and tighten-only marks)', () => {
  it('lets a district raise a tighten-only threshold and lower its points', () => {
    const child = derive(undefined, {
      items: { '一.1': { set: { '/bands/0/threshold': 95, '/bands/1/points': 5 } } },
    });
    expect(lintPack(child, { parent: cityPack() }).errors).toEqual([]);
  });

  it('refuses to lower a tighten-only threshold or raise its points', () => {
    const child = derive(undefined, {
      items: { '一.1': { set: { '/bands/1/threshold': 80, '/bands/1/points': 7 } } },
    });
    expect(tailoring(child)).toEqual([
      [
        'items[一.1].rule.bands[1].threshold',
        "band 2's threshold may only rise (tighten only): 85% changed to 80%",
      ],
      [
        'items[一.1].rule.bands[1].points',
        "band 2's points may only fall (tighten only): 6 changed to 7",
      ],
    ]);
    expect(lintPack(child, { parent: cityPack() }).errors[0]?.message.zh).toBe(
      '第2档阈值只能调高（只许收紧）：由85%改为80%',
    );
  });

  it('refuses to disable a mandatory item, and allows disabling the others', () => {
    expect(tailoring(derive(undefined, { items: { '一.1': { disabled: true } } }))).toEqual([
      ['items[一.1].disabled', '一.1 is mandatory and may not be disabled'],
    ]);
    expect(tailoring(derive(undefined, { items: { '一.2': { disabled: true } } }))).toEqual([]);
  });

  it('freezes points when the parent says { points: "fixed" }', () => {
    const source = cleanPackInput();
    const parent = definePack({
      ...source,
      key: 'city.standard',
      items: (source.items ?? []).map((item, i) =>
        i === 0 ? { ...item, tightenOnly: { points: 'fixed' as const } } : item,
      ),
    });
    const child = derive(parent, { items: { '一.1': { set: { '/bands/1/points': 5 } } } });
    expect(tailoring(child, parent)).toEqual([
      [
        'items[一.1].rule.bands[1].points',
        "band 2's points may not change (points fixed): 6 changed to 5",
      ],
    ]);
  });

  it('compares parameter-dependent thresholds per parameter value', () => {
    const extra: Partial<PackInput> = {
      parameters: [
        {
          id: 'level',
          kind: 'enum',
          label: { zh: '创建级别', en: 'Level' },
          options: [
            { value: 'city', label: { zh: '市级', en: 'city' } },
            { value: 'county', label: { zh: '县级', en: 'county' } },
          ],
        },
      ],
    };
    const source = cleanPackInput(extra);
    const items = (source.items ?? []).map((item, i) =>
      i === 0
        ? {
            ...item,
            tightenOnly: true as const,
            rule: {
              kind: 'band' as const,
              value: { op: 'metric' as const, id: 'rate' },
              bands: [
                {
                  operator: '>=' as const,
                  threshold: switchOn(param('level'), { city: pct(95), county: pct(90) }),
                  points: 8,
                },
                { operator: '>=' as const, threshold: pct(85), points: 6 },
              ],
            },
          }
        : item,
    );
    const parent = definePack({ ...source, key: 'city.standard', items });
    const child = derive(parent, {
      items: {
        '一.1': {
          set: { '/bands/0/threshold/cases/0/value': 93, '/bands/0/threshold/cases/1/value': 91 },
        },
      },
    });
    expect(tailoring(child, parent)).toEqual([
      [
        'items[一.1].rule.bands[0].threshold',
        "band 1's threshold (when Level=city) may only rise (tighten only): 95% changed to 93%",
      ],
    ]);
  });

  it('refuses changes to what a tighten-only rule measures or its conditions', () => {
    const parent = cityPack();
    const child = structuredClone(derive(parent));
    const rule = child.items[0]?.rule;
    if (rule?.kind !== 'band') throw new Error('fixture');
    rule.value = input('employed');
    expect(tailoring(child, parent).map((f) => f[1])).toEqual([
      'the banded value may not change (tighten only): "Employment rate" changed to "Employed"',
    ]);
  });

  it('refuses a derived pack that drops the marks, removes items or names another parent', () => {
    const parent = cityPack();
    const child = structuredClone(derive(parent));
    (child.items[0] as { mandatory?: boolean }).mandatory = undefined;
    (child.items[0] as { tightenOnly?: boolean }).tightenOnly = undefined;
    child.items.pop();
    child.derivedFrom = { key: 'city.other', version: '1.0' };
    expect(tailoring(child, parent)).toEqual([
      ['derivedFrom', 'derivedFrom names city.other@1.0, not the given parent city.standard@1.0'],
      ['items[一.1].mandatory', '一.1 must keep its mandatory mark'],
      ['items[一.1].tightenOnly', '一.1 must keep its tighten-only mark'],
      ['items[一.2]', '一.2 was removed: a derived version may disable items, not remove them'],
    ]);
  });

  it('holds deductions the other way round: more deducted is stricter', () => {
    const source = cleanPackInput();
    const items = (source.items ?? []).map((item, i) =>
      i === 1
        ? {
            ...item,
            tightenOnly: true as const,
            rule: {
              kind: 'deduct' as const,
              base: 2,
              deductions: [
                {
                  label: { zh: '投诉', en: 'complaints' },
                  amount: input('employed'),
                  points: 1,
                  max: 2,
                },
              ],
            },
          }
        : item,
    );
    const parent = definePack({ ...source, key: 'city.standard', items });
    const stricter = derive(parent, { items: { '一.2': { set: { '/deductions/0/points': 2 } } } });
    expect(tailoring(stricter, parent)).toEqual([]);
    const looser = derive(parent, {
      items: { '一.2': { set: { '/deductions/0/points': 0.5, '/deductions/0/max': 1 } } },
    });
    expect(tailoring(looser, parent).map((f) => f[1])).toEqual([
      'points per deduction may only rise (tighten only): 1 changed to 0.5',
      'the deduction cap may only rise (tighten only): 2 changed to 1',
    ]);
  });
});
