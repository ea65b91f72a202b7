import { describe, expect, it } from 'vitest';
import { basePack, label } from '../test/rule-harness.ts';
import { ENGINE_VERSION, score, scoreCycle } from './engine.ts';
import {
  ge,
  input,
  itemPoints,
  metric,
  param,
  pct,
  ratio,
  reference,
  sub,
  total,
} from './expression-builders.ts';
import { definePack, PackError } from './pack-integrity.ts';
import type { PackInput } from './pack-schema.ts';
import { ParameterError } from './parameters.ts';
import { scorecardSchema } from './scorecard.ts';

const src = { file: 'test.txt', quote: 'q' };

const packInput: PackInput = basePack({
  total: 20,
  parameters: [{ id: 'passMark', kind: 'number', label: label('达标分数线', 'Pass mark') }],
  inputs: [
    { id: 'employed', kind: 'count', label: label('实现就业人数', 'Employed') },
    { id: 'total', kind: 'count', label: label('就业困难人员总人数', 'People with difficulties') },
    { id: 'excluded', kind: 'count', label: label('非就业情形取消人数', 'Excluded') },
    { id: 'desk', kind: 'boolean', label: label('有固定办公台位', 'Has a desk') },
    {
      id: 'budget',
      kind: 'boolean',
      label: label('纳入财政预算', 'In the budget'),
      appliesTo: ['community'],
    },
    {
      id: 'honours',
      kind: 'count',
      label: label('荣誉次数', 'Honours'),
      required: false,
      default: 0,
    },
    { id: 'registered', kind: 'boolean', label: label('已登记', 'Registered') },
  ],
  references: [
    {
      id: 'countyRate',
      label: label('所在县平均就业率', 'County average employment rate'),
      format: 'percent',
      source: { from: 'cycle' },
    },
    {
      id: 'meanRate',
      label: label('本周期平均就业率', 'Mean rate in the cycle'),
      format: 'percent',
      source: { from: 'units', aggregate: 'mean', of: metric('rate'), peers: 'all' },
    },
  ],
  metrics: [
    {
      id: 'rate',
      label: label('就业困难人员就业率', 'Employment rate of people with employment difficulties'),
      expression: ratio(
        input('employed'),
        sub(input('total'), input('excluded')),
        'not-applicable',
        {
          zh: '无就业困难人员',
          en: 'nobody with difficulties',
        },
      ),
    },
  ],
  categories: [
    { id: '一', title: label('指标', 'Indicators'), max: 10 },
    { id: '二', title: label('平台', 'Platform'), max: 10 },
    { id: '三', title: label('加分项', 'Bonus'), max: 3, bonus: true },
  ],
  items: [
    {
      id: '一.1',
      category: '一',
      title: label('就业率', 'Rate'),
      max: 6,
      source: src,
      rule: {
        kind: 'band',
        value: metric('rate'),
        bands: [
          { operator: '>=', threshold: pct(90), points: 6 },
          { operator: '>=', threshold: pct(85), points: 5 },
        ],
      },
    },
    {
      id: '一.2',
      category: '一',
      title: label('高于县均', 'Above the county'),
      max: 4,
      source: src,
      rule: {
        kind: 'gate',
        when: ge(metric('rate'), reference('countyRate')),
        rule: {
          kind: 'check',
          when: ge(metric('rate'), reference('meanRate')),
          points: 4,
          otherwise: 2,
        },
      },
    },
    {
      id: '二.1',
      category: '二',
      title: label('台位', 'Desk'),
      max: 4,
      source: src,
      // Over-awards on purpose: the engine caps at the item's max and says so.
      rule: { kind: 'check', when: input('desk'), points: 5 },
    },
    {
      id: '二.2',
      category: '二',
      title: label('预算', 'Budget'),
      max: 3,
      appliesTo: ['community'],
      source: src,
      rule: { kind: 'check', when: input('budget'), points: 3 },
    },
    {
      id: '二.3',
      category: '二',
      title: label('酌情', 'Judged'),
      max: 3,
      source: src,
      rule: { kind: 'assessed', points: 3, stages: ['town'], guidance: label('酌情', 'judge') },
    },
    {
      id: '三.1',
      category: '三',
      title: label('荣誉', 'Honours'),
      max: 5,
      source: src,
      rule: { kind: 'each', count: input('honours'), points: 2, max: 5 },
    },
    {
      id: '三.2',
      category: '三',
      title: label('停用', 'Disabled'),
      max: 1,
      disabled: true,
      source: src,
      rule: { kind: 'check', when: input('desk'), points: 1 },
    },
  ],
  eligibility: [
    { id: 'registered', title: label('已登记备案', 'Registered'), when: input('registered') },
  ],
  designation: {
    title: label('达标单位', 'Designated'),
    passMark: param('passMark'),
    requirements: [
      {
        id: 'rateItem',
        title: label('一.1 得分不低于5分', '一.1 scores at least 5'),
        when: ge(itemPoints('一.1'), 5),
      },
      { id: 'totalPositive', title: label('总分为正', 'Positive total'), when: ge(total(), 0) },
    ],
  },
});
const pack = definePack(packInput);

const fullInputs = {
  employed: 43,
  total: 50,
  excluded: 2,
  desk: true,
  budget: true,
  honours: 1,
  registered: true,
};
const fullOptions = {
  unitKind: 'community' as const,
  assessments: { '二.3': { points: 2, reason: '规范' } },
  references: { countyRate: 85, meanRate: 80 },
};

describe('score', () => {
  it('scores a complete unit and explains every item', () => {
    const card = score(pack, { passMark: 15 }, fullInputs, fullOptions);
    expect(card.items.map((i) => [i.id, i.status, i.points])).toEqual([
      ['一.1', 'scored', 5],
      ['一.2', 'scored', 4],
      ['二.1', 'scored', 4],
      ['二.2', 'scored', 3],
      ['二.3', 'scored', 2],
      ['三.1', 'scored', 2],
      ['三.2', 'disabled', null],
    ]);
    expect(card.items[0]?.explanation).toEqual({
      zh: '就业困难人员就业率 = 43 ÷ (50 − 2) = 89.6%，达85%档，得5分',
      en: 'Employment rate of people with employment difficulties = 43 ÷ (50 − 2) = 89.6%, band ≥85%, 5 points',
    });
    expect(card.items[0]?.inputs).toEqual({ employed: 43, excluded: 2, total: 50 });
    expect(card.items[0]?.metrics).toEqual({
      rate: { value: 89.58333333333333, display: { zh: '89.6%', en: '89.6%' } },
    });
    expect(card.total).toBe(20);
    expect(card.complete).toBe(true);
    expect(card.designation).toMatchObject({ met: true, passMark: 15, total: 20 });
    expect(card.pack.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(card.engine).toBe(ENGINE_VERSION);
    expect(() => scorecardSchema.parse(card)).not.toThrow();
  });

  it('caps an over-awarding rule at the item max and says so', () => {
    const item = score(pack, {}, fullInputs, fullOptions).items[2];
    expect(item?.points).toBe(4);
    expect(item?.explanation.zh).toBe('有固定办公台位 = 是，得5分；按本项分值范围计4分');
  });

  it('caps a bonus category and keeps the total the sum of category points', () => {
    const card = score(pack, {}, { ...fullInputs, honours: 4 }, fullOptions);
    const bonus = card.categories.find((c) => c.id === '三');
    expect(bonus).toMatchObject({ points: 3, itemPoints: 5, capped: true });
    expect(card.total).toBe(card.categories.reduce((sum, c) => sum + c.points, 0));
    expect(card.max).toBe(20);
    expect(card.bonusMax).toBe(3);
  });

  it('names missing inputs and never treats them as 0', () => {
    const card = score(
      pack,
      { passMark: 10 },
      { desk: true, registered: true },
      { unitKind: 'community' },
    );
    const rate = card.items[0];
    expect(rate?.status).toBe('missing-inputs');
    expect(rate?.points).toBeNull();
    expect(rate?.missing).toEqual(['employed', 'total', 'excluded']);
    expect(rate?.explanation.zh).toBe(
      '缺少数据：实现就业人数、就业困难人员总人数、非就业情形取消人数',
    );
    expect(card.items[1]?.missing).toEqual([
      'employed',
      'total',
      'excluded',
      'reference:countyRate',
      'reference:meanRate',
    ]);
    expect(card.items[4]?.status).toBe('awaiting-assessment');
    expect(card.complete).toBe(false);
    expect(card.designation?.met).toBeNull();
    expect(card.range.min).toBeLessThan(card.range.max);
    expect(card.total).toBe(4 + 0);
  });

  it('uses defaults for optional inputs left empty', () => {
    const { honours: _ignored, ...rest } = fullInputs;
    const card = score(pack, {}, rest, fullOptions);
    expect(card.items[5]?.points).toBe(0);
  });

  it('reports unusable inputs as issues and treats them as missing', () => {
    const card = score(
      pack,
      {},
      { ...fullInputs, employed: -1, total: '50', stray: 1 },
      fullOptions,
    );
    expect(card.items[0]?.missing).toEqual(['employed', 'total']);
    expect(card.issues.map((i) => i.field)).toEqual(['employed', 'stray', 'total']);
    expect(card.issues[0]?.message.zh).toBe('实现就业人数：不能小于0');
  });

  it('an empty denominator declared not-applicable makes the item not applicable', () => {
    const card = score(
      pack,
      {},
      { ...fullInputs, total: 2, excluded: 2, employed: 0 },
      fullOptions,
    );
    expect(card.items[0]).toMatchObject({
      status: 'not-applicable',
      points: null,
      explanation: { zh: '无就业困难人员', en: 'nobody with difficulties' },
    });
  });

  it('applies items by unit kind, declared in the pack', () => {
    const village = score(
      pack,
      {},
      { ...fullInputs, budget: undefined },
      { ...fullOptions, unitKind: 'village' },
    );
    expect(village.items[3]).toMatchObject({ status: 'not-applicable', points: null });
    expect(village.items[3]?.explanation.zh).toBe('本项不适用于行政村');
    const told = score(pack, {}, fullInputs, { ...fullOptions, unitKind: 'village' });
    expect(told.issues.map((i) => i.message.zh)).toEqual([
      '纳入财政预算：不适用于行政村，不应填写',
    ]);
  });

  it('evaluates eligibility before the designation', () => {
    const card = score(pack, { passMark: 1 }, { ...fullInputs, registered: false }, fullOptions);
    expect(card.eligibility).toEqual({
      eligible: false,
      checks: [
        {
          id: 'registered',
          title: { zh: '已登记备案', en: 'Registered' },
          passed: false,
          explanation: {
            zh: '已登记备案：否（已登记 = 否）',
            en: 'Registered: no (Registered = no)',
          },
          missing: [],
        },
      ],
    });
    expect(card.designation).toMatchObject({
      met: false,
      reason: { zh: '不符合申报条件：已登记备案' },
    });
  });

  it('decides the designation on the pass mark and the requirements', () => {
    expect(score(pack, {}, fullInputs, fullOptions).designation).toMatchObject({
      met: null,
      passMark: null,
      reason: { zh: '未设定达标分数线' },
    });
    expect(score(pack, { passMark: 21 }, fullInputs, fullOptions).designation).toMatchObject({
      met: false,
      reason: { zh: '总分20分，低于达标分数线21分' },
    });
    const weak = score(pack, { passMark: 5 }, { ...fullInputs, employed: 40 }, fullOptions);
    expect(weak.designation).toMatchObject({
      met: false,
      reason: { zh: '未满足：一.1 得分不低于5分' },
      requirements: [
        { id: 'rateItem', met: false },
        { id: 'totalPositive', met: true },
      ],
    });
  });

  it('refuses bad parameters and unusable packs', () => {
    expect(() => score(pack, { passMark: 'high' }, fullInputs, fullOptions)).toThrow(
      ParameterError,
    );
    expect(() => score(pack, { nope: 1 }, fullInputs, fullOptions)).toThrow(ParameterError);
    expect(() =>
      definePack({
        ...packInput,
        metrics: [{ id: 'x', label: label('x', 'x'), expression: metric('x') }],
      }),
    ).toThrow(PackError);
  });

  it('is deterministic byte for byte, whatever the key order of its arguments', () => {
    const once = JSON.stringify(score(pack, { passMark: 15 }, fullInputs, fullOptions));
    const reordered = Object.fromEntries(Object.entries(fullInputs).reverse());
    const again = JSON.stringify(score(pack, { passMark: 15 }, reordered, fullOptions));
    expect(again).toBe(once);
  });
});

describe('scoreCycle', () => {
  const units = [
    { id: 'b', unitKind: 'community' as const, inputs: { ...fullInputs, employed: 40 } },
    { id: 'a', unitKind: 'community' as const, inputs: fullInputs, references: { countyRate: 80 } },
    {
      id: 'c',
      unitKind: 'village' as const,
      inputs: { ...fullInputs, budget: undefined, employed: 48 },
    },
  ];

  it("computes references over the cycle's units, the same for every unit", () => {
    const cycle = scoreCycle(pack, {}, units, { references: { countyRate: 85 } });
    expect(cycle.units.map((u) => u.unit.id)).toEqual(['a', 'b', 'c']);
    // mean of 43/48, 40/48, 48/48 = 131/144 = 90.97 %
    for (const unit of cycle.units) {
      expect(unit.references.meanRate).toEqual({
        value: 90.97222222222223,
        display: { zh: '90.972%', en: '90.972%' }, // not rounded up to 91.0%
      });
    }
    expect(cycle.units[0]?.references.countyRate?.value).toBe(80);
    expect(cycle.units[1]?.references.countyRate?.value).toBe(85);
    expect(cycle.units.map((u) => u.items[1]?.points)).toEqual([2, 0, 4]);
  });

  it('scores alone like in a cycle when peers are given', () => {
    const cycle = scoreCycle(pack, {}, units, { references: { countyRate: 85 } });
    const alone = score(pack, {}, fullInputs, {
      unitId: 'a',
      unitKind: 'community',
      references: { countyRate: 80 },
      peers: [units[0] as (typeof units)[0], units[2] as (typeof units)[0]],
    });
    expect(alone.items).toEqual(cycle.units[0]?.items);
  });

  it('refuses duplicate unit ids', () => {
    expect(() => scoreCycle(pack, {}, [units[0], units[0]] as never)).toThrow(RangeError);
  });
});
