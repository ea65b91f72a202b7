import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { input, num, param, switchOn } from '../../expression-builders.ts';
import type { PackInput } from '../../pack-schema.ts';
import { lintPack } from '../lint-pack.ts';

/** The clean pack with 一.2 as a ladder on trainees ("带动10人次以上得1分…"). */
function withLadder(steps: unknown[], extra: Partial<PackInput> = {}, max?: number) {
  const pack = structuredClone(
    cleanPack({
      ...extra,
      inputs: [
        { id: 'employed', kind: 'count', label: { zh: '就业人数', en: 'Employed' } },
        { id: 'people', kind: 'count', label: { zh: '总人数', en: 'People' } },
        { id: 'desk', kind: 'boolean', label: { zh: '有台位', en: 'Has a desk' } },
        {
          id: 'trainees',
          kind: 'count',
          label: { zh: '带动人次', en: 'Trainees' },
          ...(max === undefined ? {} : { max }),
        },
      ],
    }),
  );
  const item = pack.items[1];
  if (!item) throw new Error('fixture');
  item.rule = { kind: 'ladder', value: input('trainees'), steps: steps as never, otherwise: 0 };
  return pack;
}

const ladderFindings = (pack: ReturnType<typeof withLadder>) => {
  const { errors, warnings } = lintPack(pack);
  return [...errors, ...warnings]
    .filter((f) => f.check === 'ladders')
    .map((f) => [f.severity, f.path, f.message.en]);
};

describe('ladders', () => {
  it('accepts steps rising as the source lists them, and falling ones too', () => {
    expect(
      ladderFindings(
        withLadder([
          { atLeast: num(10), points: 1 },
          { atLeast: num(50), points: 2 },
        ]),
      ),
    ).toEqual([]);
    expect(
      ladderFindings(
        withLadder([
          { atLeast: num(50), points: 2 },
          { atLeast: num(10), points: 1 },
        ]),
      ),
    ).toEqual([]);
  });

  it('rejects steps out of order', () => {
    const pack = withLadder([
      { atLeast: num(10), points: 0.5 },
      { atLeast: num(50), points: 2 },
      { atLeast: num(30), points: 1 },
    ]);
    expect(ladderFindings(pack)).toEqual([
      [
        'error',
        'items[一.2].rule.steps[2]',
        'step 3 (≥30: 1) is out of order: list the steps with thresholds rising (or falling) throughout, as the source does',
      ],
    ]);
  });

  it('rejects a repeated threshold and a higher step awarding less', () => {
    expect(
      ladderFindings(
        withLadder([
          { atLeast: num(10), points: 1 },
          { atLeast: num(10), points: 2 },
        ]),
      ),
    ).toEqual([
      [
        'error',
        'items[一.2].rule.steps[1]',
        "step 2 (≥10: 2) repeats the previous step's threshold: one of them can never apply",
      ],
    ]);
    expect(
      ladderFindings(
        withLadder([
          { atLeast: num(10), points: 2 },
          { atLeast: num(50), points: 1 },
        ]),
      ),
    ).toEqual([
      [
        'error',
        'items[一.2].rule.steps[1]',
        'step 2 (≥50: 1) asks more but awards less than step 1 (≥10: 2)',
      ],
    ]);
  });

  it('rejects a step beyond the declared maximum of its input', () => {
    const pack = withLadder(
      [
        { atLeast: num(10), points: 1 },
        { atLeast: num(50), points: 2 },
      ],
      {},
      40,
    );
    expect(ladderFindings(pack)).toEqual([
      [
        'error',
        'items[一.2].rule.steps[1]',
        "step 2 (≥50: 2) is beyond the value's range and can never be reached",
      ],
    ]);
  });

  it('checks parameter-dependent steps per parameter value (two steps may fall: only the points are wrong)', () => {
    const pack = withLadder(
      [
        { atLeast: switchOn(param('level'), { city: num(20), county: num(10) }), points: 1 },
        { atLeast: switchOn(param('level'), { city: num(50), county: num(5) }), points: 2 },
      ],
      {
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
      },
    );
    expect(ladderFindings(pack).map((f) => f[2])).toEqual([
      'step 1 (≥10: 1) asks more but awards less than step 2 (≥5: 2) (when Level=county)',
    ]);
  });
});
