import { describe, expect, it } from 'vitest';
import { basePack } from '../test/rule-harness.ts';
import { input, metric, ratio } from './expression-builders.ts';
import { definePack, PackError } from './pack-integrity.ts';
import type { PackInput } from './pack-schema.ts';
import { rollUp } from './rollup.ts';

// The `aggregate` declarations on inputs and metrics, and rollUp, which follows them.

const label = (zh: string, en = zh) => ({ zh, en });

function statsPack(extra: Partial<PackInput> = {}) {
  return definePack(
    basePack({
      total: 0,
      unitKinds: ['district'],
      inputs: [
        { id: 'jobs', kind: 'count', label: label('新增就业'), aggregate: 'sum' },
        { id: 'reemployed', kind: 'count', label: label('再就业'), aggregate: 'sum' },
        { id: 'rate', kind: 'percent', label: label('失业率'), aggregate: 'none' },
        { id: 'cleared', kind: 'boolean', label: label('清零'), aggregate: 'all' },
        { id: 'anyFair', kind: 'boolean', label: label('举办招聘会'), aggregate: 'any' },
        { id: 'largest', kind: 'count', label: label('最大园区'), aggregate: 'max' },
        { id: 'placed', kind: 'count', label: label('安置'), aggregate: 'sum' },
        {
          id: 'subsidy',
          kind: 'number',
          label: label('补贴标准'),
          aggregate: { weightedMeanBy: 'placed' },
        },
        { id: 'remark', kind: 'text', label: label('说明'), required: false },
      ],
      metrics: [
        {
          id: 'share',
          label: label('再就业占比'),
          expression: ratio(input('reemployed'), input('jobs'), 'not-applicable'),
          aggregate: 'recompute',
        },
        {
          id: 'shareAgain',
          label: label('同上'),
          expression: metric('share'),
          aggregate: 'recompute',
        },
      ],
      ...extra,
    }),
  );
}

const problemsOf = (extra: Partial<PackInput>) => {
  try {
    statsPack(extra);
    return [];
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    return error.problems.map((p) => p.path);
  }
};

describe('aggregate declarations', () => {
  it('accept what fits the value: sums of counts, all/any of booleans, weighted means, recomputed metrics', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('refuse summing a percentage, all/any of numbers, recompute on an input, and a bad weight', () => {
    const inputs: PackInput['inputs'] = [
      { id: 'rate', kind: 'percent', label: label('率'), aggregate: 'sum' },
      { id: 'count', kind: 'count', label: label('数'), aggregate: 'all' },
      { id: 'flag', kind: 'boolean', label: label('是否'), aggregate: 'max' },
      { id: 'again', kind: 'count', label: label('再'), aggregate: 'recompute' },
      { id: 'price', kind: 'number', label: label('价'), aggregate: { weightedMeanBy: 'flag' } },
      { id: 'cost', kind: 'number', label: label('费'), aggregate: { weightedMeanBy: 'nobody' } },
    ];
    expect(problemsOf({ inputs, metrics: [] })).toEqual([
      'inputs[rate].aggregate',
      'inputs[count].aggregate',
      'inputs[flag].aggregate',
      'inputs[again].aggregate',
      'inputs[price].aggregate',
      'inputs[cost].aggregate',
    ]);
  });

  it('refuse a recomputed metric over a figure that does not roll up, and a summed metric', () => {
    const metrics: PackInput['metrics'] = [
      {
        id: 'overRate',
        label: label('率之比'),
        expression: ratio(input('rate'), input('jobs'), 'zero'),
        aggregate: 'recompute',
      },
      {
        id: 'overText',
        label: label('未声明'),
        expression: ratio(input('jobs'), input('remark'), 'zero'),
        aggregate: 'recompute',
      },
      { id: 'summed', label: label('相加'), expression: input('jobs'), aggregate: 'sum' },
    ];
    expect(problemsOf({ metrics })).toEqual(
      expect.arrayContaining([
        'metrics[overRate].aggregate',
        'metrics[overText].aggregate',
        'metrics[summed].aggregate',
      ]),
    );
  });

  it('leave a pack without declarations as it was (optional, additive)', () => {
    const plain = definePack(basePack({ inputs: [{ id: 'x', kind: 'count', label: label('x') }] }));
    expect(plain.inputs[0]).not.toHaveProperty('aggregate');
  });
});

describe('rollUp', () => {
  const pack = statsPack();
  const units = [
    {
      id: 'b',
      inputs: {
        jobs: 300,
        reemployed: 30,
        rate: 3,
        cleared: true,
        anyFair: false,
        largest: 5,
        placed: 10,
        subsidy: 600,
      },
    },
    {
      id: 'a',
      inputs: {
        jobs: 100,
        reemployed: 50,
        rate: 5,
        cleared: true,
        anyFair: true,
        largest: 9,
        placed: 30,
        subsidy: 400,
      },
    },
  ];

  it('follows each declaration, in unit-id order', () => {
    const rolled = rollUp(pack, units);
    expect(rolled.units).toEqual(['a', 'b']);
    expect(rolled.inputs.jobs).toEqual({
      value: 400,
      display: { zh: '400', en: '400' },
      aggregate: 'sum',
      missingFrom: [],
    });
    expect(rolled.inputs.cleared?.value).toBe(true);
    expect(rolled.inputs.anyFair?.value).toBe(true);
    expect(rolled.inputs.largest?.value).toBe(9);
    expect(rolled.inputs.subsidy?.value).toBe(450); // (600 × 10 + 400 × 30) ÷ 40
    expect(rolled.metrics.share).toEqual({ value: 20, display: { zh: '20%', en: '20%' } });
    expect(rolled.metrics.shareAgain?.value).toBe(20);
    expect(rolled.notRolledUp).toEqual(['rate', 'remark']);
  });

  it('is missing, never partial, when a unit lacks a figure (or sets it aside as invalid)', () => {
    const rolled = rollUp(pack, [
      ...units,
      { id: 'c', inputs: { jobs: -4, reemployed: 1, cleared: false, placed: 0, subsidy: 100 } },
    ]);
    expect(rolled.inputs.jobs).toMatchObject({ value: null, display: null, missingFrom: ['c'] });
    expect(rolled.inputs.reemployed?.value).toBe(81);
    expect(rolled.inputs.cleared?.value).toBe(false);
    expect(rolled.inputs.subsidy?.value).toBe(450 * (40 / 40)); // c's weight is 0
    expect(rolled.metrics.share).toEqual({ value: null, display: null });
  });

  it('has no weighted mean when every weight is 0, and refuses duplicate units', () => {
    const rolled = rollUp(pack, [{ id: 'a', inputs: { placed: 0, subsidy: 100 } }]);
    expect(rolled.inputs.subsidy?.value).toBeNull();
    expect(() => rollUp(pack, [units[0] as never, units[0] as never])).toThrow(RangeError);
  });
});
