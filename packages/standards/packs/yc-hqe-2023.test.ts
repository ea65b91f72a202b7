import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score, scoreCycle } from '../src/engine.ts';
import { toNumber } from '../src/rational.ts';
import { ruleBounds, walkRules } from '../src/rules/rule.ts';
import type { Assessment } from '../src/rules/rule-context.ts';
import type { UnitKind } from '../src/unit-kind.ts';
import { validateInputs } from '../src/validate-inputs.ts';
import { ycHqe2023 as yc } from './yc-hqe-2023.ts';

// Every test names the source sentence it checks (003_3099b45a35ebd968.txt, 附件1: the
// 宜春市高质量就业乡镇（街道）、村（社区）项目创建考核评价指标 table, serials 1–22).

const SEED = new URL('../seeds/003_3099b45a35ebd968.txt', import.meta.url);

type Designation = 'city' | 'county';
const KINDS: readonly UnitKind[] = ['town', 'street', 'village', 'community'];
const TOWNSHIP = new Set<UnitKind>(['town', 'street']);
const URBAN = new Set<UnitKind>(['street', 'community']);

/** A unit meeting every measured criterion, for any kind (population fields added per kind). */
const base: Record<string, unknown> = {
  infoTerminal: true,
  dedicatedPost: true,
  managerDesignated: true,
  dataRecordsChecked: 100,
  dataRecordsAccurate: 95,
  laborForce: 1000,
  laborForceEmployed: 960,
  povertyLabourForce: 50,
  povertyLabourEmployed: 48,
  hrAgencyPartners: 3,
  employmentEventsThisYear: 2,
  industrialParkHelped: true,
  laborDisputes: 4,
  laborDisputesMediated: 4,
  insuranceEligible: 1000,
  insuranceInsured: 990,
  certifiedWorkers: 60,
  entrepreneurs: 120,
  workPlanAdopted: true,
  leadingGroupFormed: true,
  homeVisitMechanism: true,
  categorisedSupportMechanism: true,
  followUpMechanism: true,
  practicePromoted: 'none',
};

function inputsFor(kind: UnitKind, patch: Record<string, unknown>) {
  const inputs: Record<string, unknown> = {
    ...base,
    ...(TOWNSHIP.has(kind) ? { fullTimeStaff: 1 } : { mainDutyStaff: 1 }),
    ...(URBAN.has(kind) ? { residentPopulation: 1000 } : { registeredPopulation: 1000 }),
    ...patch,
  };
  for (const [key, value] of Object.entries(inputs)) if (value === undefined) delete inputs[key];
  return inputs;
}

interface Options {
  kind?: UnitKind;
  designation?: Designation | undefined;
  county?: number | undefined;
  assessments?: Record<string, Assessment>;
}

function card(patch: Record<string, unknown> = {}, options: Options = {}) {
  const kind = options.kind ?? 'village';
  const designation = 'designation' in options ? options.designation : 'city';
  const county = 'county' in options ? options.county : 85;
  return score(
    yc,
    { passMark: 85, ...(designation ? { designation } : {}) },
    inputsFor(kind, patch),
    {
      unitKind: kind,
      ...(county === undefined ? {} : { references: { countyAverageEmploymentRate: county } }),
      ...(options.assessments ? { assessments: options.assessments } : {}),
    },
  );
}

function item(id: string, patch: Record<string, unknown> = {}, options: Options = {}) {
  const found = card(patch, options).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const points = (id: string, patch: Record<string, unknown> = {}, options: Options = {}) =>
  item(id, patch, options).points;

const ASSESSED = ['1.1', '1.2', '1.3', '1.4', '2.2', '3.3', '3.5', '3.6', '3.11'];

function judgement(points: number, stage = 'city'): Assessment {
  return { points, reason: '现场核查', stage };
}

describe('yc.hqe@2023.1: the pack itself', () => {
  it('has 工作环境 15, 工作人员 5, 工作内容 75, 工作机制 5, 创新工作 10 = 110, no bonus', () => {
    expect(yc.total).toBe(110);
    expect(yc.categories.map((c) => [c.id, c.title.zh, c.max, c.bonus])).toEqual([
      ['1', '工作环境', 15, false],
      ['2', '工作人员', 5, false],
      ['3', '工作内容', 75, false],
      ['4', '工作机制', 5, false],
      ['5', '创新工作', 10, false],
    ]);
    for (const category of yc.categories) {
      const own = yc.items.filter((i) => i.category === category.id);
      expect(
        own.reduce((s, i) => s + i.max, 0),
        category.id,
      ).toBe(category.max);
    }
  });

  it('numbers the 22 items <category>.<n>, each citing its serial (序号) 1–22 in order', () => {
    expect(yc.items.map((i) => i.id)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `1.${n}`),
      '2.1',
      '2.2',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `3.${n}`),
      '4.1',
      '4.2',
      '4.3',
      '5.1',
    ]);
    yc.items.forEach((i, index) => {
      expect(i.source.section, i.id).toMatch(new RegExp(`^附件1 序号${index + 1} `));
    });
  });

  it('never lets a rule award more than its item or less than 0', () => {
    for (const i of yc.items) {
      const b = ruleBounds(i.rule);
      expect(toNumber(b.min), i.id).toBeGreaterThanOrEqual(0);
      expect(toNumber(b.max), i.id).toBe(i.max);
    }
  });

  it('scores the "根据实际情况酌情评分" items by assessment, at the county or city review', () => {
    const assessed = yc.items.filter((i) =>
      [...walkRules(i.rule)].some((rule) => rule.kind === 'assessed'),
    );
    expect(assessed.map((i) => i.id)).toEqual(ASSESSED);
    for (const i of assessed) {
      expect(i.content?.zh, i.id).toContain('酌情评分');
      for (const rule of walkRules(i.rule)) {
        if (rule.kind === 'assessed') expect(rule.stages).toEqual(['county', 'city']);
      }
    }
  });

  it('sets the designation sought and the pass mark as parameters without defaults', () => {
    expect(
      yc.parameters.map((p) => [p.id, p.kind, 'default' in p ? p.default : undefined]),
    ).toEqual([
      ['designation', 'enum', undefined],
      ['passMark', 'number', undefined],
    ]);
    expect(yc.unitKinds).toEqual(['town', 'street', 'village', 'community']);
    const result = score(yc, {}, inputsFor('village', {}), { unitKind: 'village' });
    expect(result.items.find((i) => i.id === '3.2')?.missing).toContain('parameter:designation');
    expect(result.items.find((i) => i.id === '3.7')?.missing).toEqual(['parameter:designation']);
    expect(result.designation?.met).toBeNull();
  });

  it('cites the table verbatim: every quote, metric source, content line and assessor guidance', () => {
    const seed = readFileSync(SEED, 'utf8');
    const table = seed.slice(
      seed.indexOf('宜春市高质量就业乡镇（街道）、村（社区）项目创建考核评价指标'),
    );
    const texts: [string, string][] = [];
    for (const i of yc.items) {
      expect(i.source.file).toBe('003_3099b45a35ebd968.txt');
      texts.push([i.id, i.source.quote]);
      if (i.content) texts.push([`${i.id} content`, i.content.zh]);
      for (const rule of walkRules(i.rule)) {
        if (rule.kind === 'assessed') texts.push([`${i.id} guidance`, rule.guidance.zh]);
      }
    }
    for (const m of yc.metrics) if (m.source) texts.push([m.id, m.source.quote]);
    for (const [id, text] of texts) {
      for (const line of text.split('\n')) expect(table, `${id}: ${line}`).toContain(line);
    }
    expect(yc.source.title).toBe('宜春市高质量就业乡镇（街道）、村（社区）项目创建考核评价指标');
    expect(seed).toContain(yc.source.title);
  });

  it('scores a fully compliant village at 100 before the 创新工作 claim, and accepts it', () => {
    const assessments = Object.fromEntries(
      ASSESSED.map((id) => [id, judgement(yc.items.find((i) => i.id === id)?.max ?? 0)]),
    );
    const result = card({}, { assessments });
    expect(result.items.every((i) => i.status === 'scored')).toBe(true);
    expect(result.categories.map((c) => c.points)).toEqual([15, 5, 75, 5, 0]);
    expect(result.total).toBe(100);
    expect(result.issues).toEqual([]);
    for (const kind of KINDS) {
      expect(validateInputs(yc, kind, inputsFor(kind, {}), { mode: 'submit' }).ok, kind).toBe(true);
    }
  });

  it('refuses inputs that belong to another unit kind, and a population of 0', () => {
    const wrong = validateInputs(
      yc,
      'village',
      inputsFor('village', { residentPopulation: 800, fullTimeStaff: 1 }),
      { mode: 'submit' },
    );
    expect(wrong.ok ? [] : wrong.issues.map((i) => [i.field, i.message.zh])).toEqual([
      ['fullTimeStaff', '从事公共就业服务的专职人员人数：不适用于行政村，不应填写'],
      ['residentPopulation', '常住总人口：不适用于行政村，不应填写'],
    ]);
    const zero = validateInputs(yc, 'village', inputsFor('village', { registeredPopulation: 0 }), {
      mode: 'submit',
    });
    expect(zero.ok ? [] : zero.issues.map((i) => i.message.zh)).toEqual(['户籍总人口：不能小于1']);
  });
});

describe('1 工作环境 and 2.2: 酌情评分 (assessed)', () => {
  it('"根据实际配置情况酌情评分": awaiting until an assessor enters 0..3 with a reason', () => {
    expect(item('1.1')).toMatchObject({ status: 'awaiting-assessment', awaiting: ['1.1'] });
    const judged = item('1.1', {}, { assessments: { '1.1': judgement(2.5, 'county') } });
    expect(judged.points).toBe(2.5);
    expect(judged.explanation.zh).toBe('酌情评分，得2.5分（理由：现场核查）');
  });
  it('refuses a judgement above the item, without a reason, or at another stage', () => {
    for (const bad of [
      judgement(3.5),
      { points: 2, reason: ' ', stage: 'city' },
      judgement(2, 'town'),
    ]) {
      const result = card({}, { assessments: { '1.2': bad } });
      expect(result.items.find((i) => i.id === '1.2')?.status).toBe('awaiting-assessment');
      expect(result.issues).toHaveLength(1);
    }
  });
  it('"业务培训及学习2分）": 2.2 accepts 0..2', () => {
    expect(points('2.2', {}, { assessments: { '2.2': judgement(2) } })).toBe(2);
    expect(points('2.2', {}, { assessments: { '2.2': judgement(0) } })).toBe(0);
    expect(card({}, { assessments: { '2.2': judgement(3) } }).issues).toHaveLength(1);
  });
});

describe('1.5 就业信息发布终端 (3分)', () => {
  it('"配备相应发布终端的给3分，未配备不得分"', () => {
    expect(points('1.5')).toBe(3);
    expect(points('1.5', { infoTerminal: false })).toBe(0);
  });
});

describe('2.1 人员专岗、专职、专管 (3分)', () => {
  it('"乡镇（街道）配备至少1名专职人员": a town or street needs a full-time member of staff', () => {
    for (const kind of ['town', 'street'] as const) {
      expect(points('2.1', { fullTimeStaff: 1 }, { kind }), kind).toBe(3);
      expect(points('2.1', { fullTimeStaff: 0 }, { kind }), kind).toBe(0);
    }
  });
  it('"村（社区 ）配备至少1名主职人员": a village or community needs one with it as main duty', () => {
    for (const kind of ['village', 'community'] as const) {
      expect(points('2.1', { mainDutyStaff: 1 }, { kind }), kind).toBe(3);
      expect(points('2.1', { mainDutyStaff: 0 }, { kind }), kind).toBe(0);
      expect(item('2.1', { mainDutyStaff: undefined }, { kind }).missing).toEqual([
        'mainDutyStaff',
      ]);
    }
  });
  it('"按要求配备给3分，未配备不得分": the post and the named manager are required too', () => {
    expect(points('2.1', { dedicatedPost: false })).toBe(0);
    expect(points('2.1', { managerDesignated: false })).toBe(0);
  });
});

describe('3.1 人力资源数据动态更新 (10分)', () => {
  const at = (accurate: number, checked = 1000) =>
    points('3.1', { dataRecordsChecked: checked, dataRecordsAccurate: accurate });

  it('"数据准确率达到90%以上的得10分": 90 % → 10, 100 % → 10', () => {
    expect(at(900)).toBe(10);
    expect(at(1000)).toBe(10);
  });
  it('"达到85%-89%的得8分": 89.9 % and 89.5 % (in the 89–90 gap) → 8, 85 % → 8', () => {
    expect(at(899)).toBe(8);
    expect(at(895)).toBe(8);
    expect(at(890)).toBe(8);
    expect(at(850)).toBe(8);
  });
  it('"达到80%-84%的得6分": 84.9 % (in the 84–85 gap) → 6, 80 % → 6', () => {
    expect(at(849)).toBe(6);
    expect(at(840)).toBe(6);
    expect(at(800)).toBe(6);
  });
  it('"未达80%的不得分": 79.9 % → 0', () => {
    expect(at(799)).toBe(0);
  });
  it('at least one record must be checked: 0 checked is set aside and named missing', () => {
    const result = card({ dataRecordsChecked: 0, dataRecordsAccurate: 0 });
    expect(result.items.find((i) => i.id === '3.1')?.missing).toEqual(['dataRecordsChecked']);
    expect(result.issues.map((i) => i.field)).toEqual(['dataRecordsChecked']);
  });
});

describe('3.2 就业率 (10分): target by designation × unit level, pro rata, county veto', () => {
  // "市级高质量就业乡镇（街道）达90%以上、县级高质量就业乡镇（街道）达85%以上，
  //  市级高质量就业村（社区）达95%以上、县级高质量就业村（社区）达90%以上"
  const targets: [Designation, UnitKind, number][] = [
    ['city', 'town', 90],
    ['city', 'street', 90],
    ['county', 'town', 85],
    ['county', 'street', 85],
    ['city', 'village', 95],
    ['city', 'community', 95],
    ['county', 'village', 90],
    ['county', 'community', 90],
  ];
  const at = (employedPerMille: number, designation: Designation, kind: UnitKind, county = 50) =>
    points(
      '3.2',
      { laborForce: 1000, laborForceEmployed: employedPerMille },
      {
        designation,
        kind,
        county,
      },
    );

  for (const [designation, kind, target] of targets) {
    it(`"完成给10分": ${designation}-level ${kind} at ${target} % → 10; 0.1 % below → pro rata`, () => {
      expect(at(target * 10, designation, kind)).toBe(10);
      const below = target * 10 - 1;
      expect(at(below, designation, kind)).toBe(Math.round((1000 * below) / (target * 10)) / 100);
    });
  }

  it('"未完成按比例得分": 10 × 93 % ÷ 95 % = 9.79 for a city-level village', () => {
    const result = item('3.2', { laborForceEmployed: 930 }, { county: 88 });
    expect(result.points).toBe(9.79);
    expect(result.explanation.zh).toBe(
      '就业率不低于所在县（市、区）平均就业率：是（就业率 = 930 ÷ 1000 = 93%，所在县（市、区）平均就业率 = 88%）；就业率 = 930 ÷ 1000 = 93%，未完成目标95%，按比例得10 × 93% ÷ 95% = 9.79分',
    );
  });
  it('the same 93 % is complete for a county-level village (target 90 %): 10', () => {
    expect(points('3.2', { laborForceEmployed: 930 }, { designation: 'county', county: 88 })).toBe(
      10,
    );
  });
  it('the pro-rata points are capped at 10: 100 % → 10', () => {
    expect(at(1000, 'county', 'town')).toBe(10);
  });
  it('"就业率低于所在县（市、区）平均就业率的该指标不得分": exactly equal is not below', () => {
    expect(points('3.2', { laborForceEmployed: 880 }, { county: 88 })).toBe(9.26); // 10 × 88 ÷ 95
    const vetoed = item('3.2', { laborForceEmployed: 879 }, { county: 88 });
    expect(vetoed.points).toBe(0);
    expect(vetoed.explanation.zh).toBe(
      '就业率不低于所在县（市、区）平均就业率：否（就业率 = 879 ÷ 1000 = 87.9%，所在县（市、区）平均就业率 = 88%），低于所在县（市、区）平均就业率的该指标，不得分',
    );
  });
  it('the veto applies even when the target is reached (rate above target, county higher)', () => {
    expect(points('3.2', { laborForceEmployed: 960 }, { county: 96.5 })).toBe(0);
    expect(points('3.2', { laborForceEmployed: 965 }, { county: 96.5 })).toBe(10);
  });
  it('without the county average from the cycle, the item waits for it', () => {
    expect(item('3.2', {}, { county: undefined }).missing).toEqual([
      'reference:countyAverageEmploymentRate',
    ]);
  });
});

describe('3.3 重点群体就业 (10分): 酌情评分 under a county veto', () => {
  const options = (county: number, extra: Options = {}): Options => ({ county, ...extra });

  it('"根据实际情况酌情评分": awaiting an assessor when the veto passes', () => {
    expect(item('3.3', {}, options(90))).toMatchObject({ status: 'awaiting-assessment' });
    expect(points('3.3', {}, options(90, { assessments: { '3.3': judgement(8.5) } }))).toBe(8.5);
  });
  it('"脱贫劳动力就业率低于所在县（市、区）平均就业率的该指标不得分": exactly equal is not below', () => {
    // 48 of 50 = 96 %
    expect(item('3.3', {}, options(96)).status).toBe('awaiting-assessment');
    const vetoed = item('3.3', {}, options(96.1, { assessments: { '3.3': judgement(9) } }));
    expect(vetoed.points).toBe(0);
    expect(vetoed.explanation.zh).toBe(
      '脱贫劳动力就业率不低于所在县（市、区）平均就业率：否（脱贫劳动力就业率 = 48 ÷ 50 = 96%，所在县（市、区）平均就业率 = 96.1%），低于所在县（市、区）平均就业率的该指标，不得分',
    );
    expect(vetoed.explanation.en).toBe(
      'Employment rate of workers lifted out of poverty not below the county average: no (Employment rate of workers lifted out of poverty = 48 ÷ 50 = 96%, County (city, district) average employment rate = 96.1%), below the county (city, district) average employment rate, 0 points',
    );
  });
  it('vetoed without waiting for an assessment', () => {
    expect(item('3.3', { povertyLabourEmployed: 40 }, options(85))).toMatchObject({
      status: 'scored',
      points: 0,
    });
  });
  it('no workers lifted out of poverty: the veto cannot apply, the assessor judges (as noted)', () => {
    const result = item('3.3', { povertyLabourForce: 0, povertyLabourEmployed: 0 }, options(85));
    expect(result.status).toBe('awaiting-assessment');
    const judged = item(
      '3.3',
      { povertyLabourForce: 0, povertyLabourEmployed: 0 },
      options(85, { assessments: { '3.3': judgement(7) } }),
    );
    expect(judged.points).toBe(7);
    expect(judged.explanation.zh).toContain('辖区内无脱贫劳动力');
  });
});

describe('3.4 转移就业 (5分)', () => {
  it('"乡镇（街道）至少与3家…人力资源服务机构": a town or street with 2 → 0, 3 → 5', () => {
    for (const kind of ['town', 'street'] as const) {
      expect(points('3.4', { hrAgencyPartners: 2 }, { kind }), kind).toBe(0);
      expect(points('3.4', { hrAgencyPartners: 3 }, { kind }), kind).toBe(5);
    }
  });
  it('"村（社区）至少与1家": a village or community with 0 → 0, 1 → 5', () => {
    for (const kind of ['village', 'community'] as const) {
      expect(points('3.4', { hrAgencyPartners: 0 }, { kind }), kind).toBe(0);
      expect(points('3.4', { hrAgencyPartners: 1 }, { kind }), kind).toBe(5);
    }
  });
  it('"每年举办不少于两次…活动": 1 → 0, 2 → 5', () => {
    expect(points('3.4', { employmentEventsThisYear: 1 })).toBe(0);
    expect(points('3.4', { employmentEventsThisYear: 2 })).toBe(5);
  });
  it('"协助工业园区企业解决用工问题，完成得5分，未完成不得分"', () => {
    expect(points('3.4', { industrialParkHelped: false })).toBe(0);
  });
});

describe('3.5 创业带动就业 (5分): 酌情评分, with the level-dependent figures for the assessor', () => {
  const brand = (kind: UnitKind, workers: number) =>
    card({ largestLaborBrandWorkers: workers }, { kind }).metrics.laborBrandSizeReached?.value;

  it('"其中村、社区要求50人以上": 50 reached, 49 not', () => {
    for (const kind of ['village', 'community'] as const) {
      expect(brand(kind, 50), kind).toBe(true);
      expect(brand(kind, 49), kind).toBe(false);
    }
  });
  it('"乡镇（街道）200人以上": 200 reached, 199 not', () => {
    for (const kind of ['town', 'street'] as const) {
      expect(brand(kind, 200), kind).toBe(true);
      expect(brand(kind, 199), kind).toBe(false);
    }
  });
  it('"新创办的市场主体数与带动就业人数达1:3": shown as jobs per entity; no entities, no value', () => {
    expect(
      card({ newMarketEntities: 4, jobsFromNewEntities: 12 }).metrics.jobsPerNewEntity,
    ).toEqual({ value: 3, display: { zh: '3', en: '3' } });
    expect(
      card({ newMarketEntities: 0, jobsFromNewEntities: 0 }).metrics.jobsPerNewEntity?.value,
    ).toBeNull();
  });
  it('"根据实际情况酌情评分": the figures do not score; the assessor does', () => {
    const patch = { largestLaborBrandWorkers: 20 };
    expect(item('3.5', patch).status).toBe('awaiting-assessment');
    expect(points('3.5', patch, { assessments: { '3.5': judgement(3) } })).toBe(3);
  });
});

describe('3.6 技能培训 (10分): 酌情评分, with the training figures for the assessor', () => {
  it('"有培训意愿对象的培训率达100%，…匹配比例达70%以上": shown as metrics', () => {
    const result = card({ willingTrainees: 40, willingTrained: 40, trainingMatched: 28 });
    expect(result.metrics.willingTrainingRate?.value).toBe(100);
    expect(result.metrics.trainingMatchRate?.value).toBe(70);
    expect(result.metrics.trainingSessionsReached?.value).toBeNull();
  });
  it('"各创建点至少举办两期或组织人员参加两期技能培训": 1 → no, 2 → yes', () => {
    expect(card({ trainingSessions: 1 }).metrics.trainingSessionsReached?.value).toBe(false);
    expect(card({ trainingSessions: 2 }).metrics.trainingSessionsReached?.value).toBe(true);
  });
  it('"根据实际情况酌情评分": the figures do not score; the assessor does', () => {
    expect(item('3.6', { trainingSessions: 0 }).status).toBe('awaiting-assessment');
    expect(points('3.6', {}, { assessments: { '3.6': judgement(10) } })).toBe(10);
  });
});

describe('3.7 劳动关系 (5分)', () => {
  const at = (mediated: number, designation: Designation, disputes = 1000) =>
    points('3.7', { laborDisputes: disputes, laborDisputesMediated: mediated }, { designation });

  it('"市级创建点劳动争议调解率75%以上": 3 of 4 → 5, 74.9 % → 0', () => {
    expect(at(3, 'city', 4)).toBe(5);
    expect(at(749, 'city')).toBe(0);
  });
  it('"县级创建点劳动争议调解率70%以上": 70 % → 5, 69.9 % → 0; 72 % passes county, fails city', () => {
    expect(at(700, 'county')).toBe(5);
    expect(at(699, 'county')).toBe(0);
    expect(at(720, 'county')).toBe(5);
    expect(at(720, 'city')).toBe(0);
  });
  it('for every unit kind (the line depends only on the designation)', () => {
    for (const kind of KINDS) {
      expect(points('3.7', { laborDisputes: 4, laborDisputesMediated: 3 }, { kind }), kind).toBe(5);
    }
  });
  it('no disputes at all counts as 完成 (as noted): 5', () => {
    const result = item('3.7', { laborDisputes: 0, laborDisputesMediated: 0 });
    expect(result.points).toBe(5);
    expect(result.explanation.zh).toBe('辖区内未发生劳动争议，得5分');
  });
});

describe('3.8 社会保障 (5分)', () => {
  it('"参保率98%以上…完成得5分，未完成不得分": 98 % → 5, 97.9 % → 0', () => {
    expect(points('3.8', { insuranceEligible: 1000, insuranceInsured: 980 })).toBe(5);
    expect(points('3.8', { insuranceEligible: 1000, insuranceInsured: 979 })).toBe(0);
    expect(points('3.8', { insuranceEligible: 50, insuranceInsured: 49 })).toBe(5);
  });
});

describe('3.9 劳动者技能水平 (5分): 常住 vs 户籍 by unit kind', () => {
  const share = (certified: number, kind: UnitKind, population = 10000) =>
    points(
      '3.9',
      {
        certifiedWorkers: certified,
        ...(URBAN.has(kind)
          ? { residentPopulation: population }
          : { registeredPopulation: population }),
      },
      { kind },
    );

  for (const kind of KINDS) {
    it(`"占比达3%的得3分，达4%的得4分，达5%及以上的得5分" for a ${kind}`, () => {
      expect(share(299, kind)).toBe(0);
      expect(share(300, kind)).toBe(3);
      expect(share(399, kind)).toBe(3);
      expect(share(400, kind)).toBe(4);
      expect(share(499, kind)).toBe(4);
      expect(share(500, kind)).toBe(5);
      expect(share(2000, kind)).toBe(5);
    });
  }

  it('"街道、社区中…占常住总人口比例，乡镇、村中…占户籍总人口的比例"', () => {
    const community = item(
      '3.9',
      { certifiedWorkers: 40, residentPopulation: 1000 },
      {
        kind: 'community',
      },
    );
    expect(community.points).toBe(4);
    expect(community.explanation.zh).toBe('持证人数占比 = 40 ÷ 1000 = 4%，达4%档，得4分');
    expect(community.inputs).toEqual({ certifiedWorkers: 40, residentPopulation: 1000 });
    expect(
      points('3.9', { certifiedWorkers: 40, registeredPopulation: 800 }, { kind: 'village' }),
    ).toBe(5);
    expect(item('3.9', { residentPopulation: undefined }, { kind: 'street' }).missing).toEqual([
      'residentPopulation',
    ]);
  });
});

describe('3.10 创业率 (5分)', () => {
  const rate = (entrepreneurs: number, kind: UnitKind) =>
    points(
      '3.10',
      {
        entrepreneurs,
        ...(URBAN.has(kind) ? { residentPopulation: 1000 } : { registeredPopulation: 1000 }),
      },
      { kind },
    );

  for (const kind of KINDS) {
    it(`"占比达5%的得3分，达8%的得4分，达10%及以上的得5分" for a ${kind}`, () => {
      expect(rate(49, kind)).toBe(0);
      expect(rate(50, kind)).toBe(3);
      expect(rate(79, kind)).toBe(3);
      expect(rate(80, kind)).toBe(4);
      expect(rate(99, kind)).toBe(4);
      expect(rate(100, kind)).toBe(5);
    });
  }
});

describe('3.11 党建+就业创业 (5分)', () => {
  it('"充分发挥好党建引领作用，根据实际情况酌情评分"', () => {
    expect(item('3.11').status).toBe('awaiting-assessment');
    expect(points('3.11', {}, { assessments: { '3.11': judgement(4.5, 'county') } })).toBe(4.5);
  });
});

describe('4 工作机制', () => {
  it('4.1 "制定相应方案的得1分，未制定方案的不得分"', () => {
    expect(points('4.1')).toBe(1);
    expect(points('4.1', { workPlanAdopted: false })).toBe(0);
  });
  it('4.2 "成立相应领导小组的得1分，未成立的不得分"', () => {
    expect(points('4.2')).toBe(1);
    expect(points('4.2', { leadingGroupFormed: false })).toBe(0);
  });
  it('4.3 "建立相应机制的得3分，少一项扣1分": 3, 2, 1, 0', () => {
    expect(points('4.3')).toBe(3);
    expect(points('4.3', { followUpMechanism: false })).toBe(2);
    expect(points('4.3', { followUpMechanism: false, homeVisitMechanism: false })).toBe(1);
    expect(
      points('4.3', {
        followUpMechanism: false,
        homeVisitMechanism: false,
        categorisedSupportMechanism: false,
      }),
    ).toBe(0);
  });
});

describe('5.1 工作特色及亮点 (10分)', () => {
  it('"在全市范围内进行推广、举办现场交流会或获市委市政府通报表扬的得5分"', () => {
    expect(points('5.1', { practicePromoted: 'city' })).toBe(5);
  });
  it('"在全省范围内容推广、举办全省现场交流会或获省委省政府通报表场的，得10分" (not 15)', () => {
    expect(points('5.1', { practicePromoted: 'province' })).toBe(10);
  });
  it('neither → 0', () => {
    expect(points('5.1', { practicePromoted: 'none' })).toBe(0);
  });
});

describe('whole scorecards (洪江镇 2023, 温汤镇): every figure below is invented', () => {
  // 明月山's (invented) county average employment rate, supplied by the cycle.
  const references = { countyAverageEmploymentRate: 88.5 };
  const judgements = (entries: Record<string, number>) =>
    Object.fromEntries(Object.entries(entries).map(([id, p]) => [id, judgement(p)]));

  const hongjiang = {
    id: 'hongjiang-village',
    unitKind: 'village' as const,
    inputs: {
      ...base,
      mainDutyStaff: 1,
      dataRecordsChecked: 200,
      dataRecordsAccurate: 182, // 91 %
      laborForce: 1260,
      laborForceEmployed: 1197, // exactly 95 %
      povertyLabourForce: 86,
      povertyLabourEmployed: 80, // 93.0 %
      hrAgencyPartners: 2,
      employmentEventsThisYear: 3,
      largestLaborBrandWorkers: 65,
      newMarketEntities: 12,
      jobsFromNewEntities: 40,
      laborDisputes: 5,
      laborDisputesMediated: 4, // 80 %
      insuranceEligible: 2400,
      insuranceInsured: 2360, // 98.3 %
      registeredPopulation: 3100,
      certifiedWorkers: 118, // 3.8 %
      entrepreneurs: 170, // 5.5 %
      followUpMechanism: false,
      practicePromoted: 'city',
    },
    assessments: judgements({
      '1.1': 2.5,
      '1.2': 2.5,
      '1.3': 3,
      '1.4': 2.5,
      '2.2': 2,
      '3.3': 8.5,
      '3.5': 4,
      '3.6': 8,
      '3.11': 4.5,
    }),
  };
  const meizhou = {
    id: 'meizhou-village',
    unitKind: 'village' as const,
    inputs: {
      ...base,
      mainDutyStaff: 2,
      dataRecordsChecked: 150,
      dataRecordsAccurate: 134, // 89.3 %: the gap between "85%-89%" and "90%以上"
      laborForce: 980,
      laborForceEmployed: 921, // 94.0 %, short of 95 %
      povertyLabourForce: 40,
      povertyLabourEmployed: 35, // 87.5 %, below the county's 88.5 %
      hrAgencyPartners: 1,
      employmentEventsThisYear: 2,
      laborDisputes: 0,
      laborDisputesMediated: 0,
      insuranceEligible: 1800,
      insuranceInsured: 1755, // 97.5 %
      registeredPopulation: 2500,
      certifiedWorkers: 126, // 5.04 %
      entrepreneurs: 210, // 8.4 %
    },
    assessments: judgements({
      '1.1': 3,
      '1.2': 2,
      '1.3': 2.5,
      '1.4': 3,
      '2.2': 1.5,
      '3.5': 3,
      '3.6': 7,
      '3.11': 4,
    }),
  };

  it("洪江镇's two villages sought at city level (2023), scored together in one cycle", () => {
    const cycle = scoreCycle(yc, { designation: 'city', passMark: 85 }, [meizhou, hongjiang], {
      references,
    });
    expect(cycle.units.map((u) => u.unit.id)).toEqual(['hongjiang-village', 'meizhou-village']);
    const [hj, mz] = cycle.units;

    expect(Object.fromEntries(hj?.items.map((i) => [i.id, i.points]) ?? [])).toEqual({
      '1.1': 2.5,
      '1.2': 2.5,
      '1.3': 3,
      '1.4': 2.5,
      '1.5': 3,
      '2.1': 3,
      '2.2': 2,
      '3.1': 10,
      '3.2': 10, // 1197 ÷ 1260 = 95 %: "市级高质量就业村（社区）达95%以上"
      '3.3': 8.5,
      '3.4': 5,
      '3.5': 4,
      '3.6': 8,
      '3.7': 5,
      '3.8': 5,
      '3.9': 3,
      '3.10': 3,
      '3.11': 4.5,
      '4.1': 1,
      '4.2': 1,
      '4.3': 2, // no 跟踪回访机制: "少一项扣1分"
      '5.1': 5,
    });
    expect(hj?.categories.map((c) => c.points)).toEqual([13.5, 5, 66, 4, 5]);
    expect(hj?.total).toBe(93.5);
    expect(hj?.metrics.laborBrandSizeReached?.value).toBe(true);
    expect(hj?.designation).toMatchObject({ met: true, passMark: 85 });

    expect(Object.fromEntries(mz?.items.map((i) => [i.id, i.points]) ?? [])).toEqual({
      '1.1': 3,
      '1.2': 2,
      '1.3': 2.5,
      '1.4': 3,
      '1.5': 3,
      '2.1': 3,
      '2.2': 1.5,
      '3.1': 8,
      '3.2': 9.89, // 10 × (921 ÷ 980) ÷ 95 %
      '3.3': 0, // vetoed before any assessment
      '3.4': 5,
      '3.5': 3,
      '3.6': 7,
      '3.7': 5, // no disputes
      '3.8': 0,
      '3.9': 5,
      '3.10': 4,
      '3.11': 4,
      '4.1': 1,
      '4.2': 1,
      '4.3': 3,
      '5.1': 0,
    });
    expect(mz?.categories.map((c) => c.points)).toEqual([13.5, 4.5, 50.89, 5, 0]);
    expect(mz?.total).toBe(73.89);
    expect(mz?.complete).toBe(true);
    expect(mz?.designation).toMatchObject({
      met: false,
      reason: { zh: '总分73.89分，低于达标分数线85分' },
    });
    expect(mz?.items.find((i) => i.id === '3.1')?.explanation.zh).toBe(
      '数据准确率 = 134 ÷ 150 = 89.3%，达85%档，得8分',
    );
  });

  const wentang = {
    ...base,
    fullTimeStaff: 2,
    dataRecordsChecked: 500,
    dataRecordsAccurate: 432, // 86.4 %
    laborForce: 8600,
    laborForceEmployed: 7654, // exactly 89 %
    povertyLabourForce: 310,
    povertyLabourEmployed: 285, // 91.9 %
    hrAgencyPartners: 3,
    employmentEventsThisYear: 4,
    largestLaborBrandWorkers: 230,
    laborDisputes: 24,
    laborDisputesMediated: 19, // 79.2 %
    insuranceEligible: 21000,
    insuranceInsured: 20650, // 98.3 %
    registeredPopulation: 26000,
    certifiedWorkers: 1120, // 4.3 %
    entrepreneurs: 1400, // 5.4 %
    practicePromoted: 'city',
  };
  const wentangJudged = judgements({
    '1.1': 3,
    '1.2': 3,
    '1.3': 2.5,
    '1.4': 3,
    '2.2': 2,
    '3.3': 9,
    '3.5': 4.5,
    '3.6': 9,
    '3.11': 5,
  });

  it('温汤镇 as a city-level township: the 90 % township target, the 200-person brand line', () => {
    const result = score(yc, { designation: 'city', passMark: 85 }, wentang, {
      unitId: 'wentang-town',
      unitKind: 'town',
      references,
      assessments: wentangJudged,
    });
    expect(result.issues).toEqual([]);
    const byId = Object.fromEntries(result.items.map((i) => [i.id, i.points]));
    expect(byId['3.2']).toBe(9.89); // 10 × 89 % ÷ 90 %
    expect(byId['3.4']).toBe(5); // 3 agencies: "乡镇（街道）至少与3家"
    expect(byId['3.9']).toBe(4);
    expect(byId['3.10']).toBe(3);
    expect(result.metrics.laborBrandSizeReached?.value).toBe(true);
    expect(result.categories.map((c) => c.points)).toEqual([14.5, 5, 67.39, 5, 5]);
    expect(result.total).toBe(96.89);
    expect(result.designation).toMatchObject({ met: true });
    expect(result.items.find((i) => i.id === '3.2')?.explanation.en).toBe(
      'Employment rate not below the county average: yes (Employment rate = 7654 ÷ 8600 = 89%, County (city, district) average employment rate = 88.5%); Employment rate = 7654 ÷ 8600 = 89%, below target 90%, pro rata 10 × 89% ÷ 90% = 9.89',
    );
  });

  it('温汤镇 at county level instead: the 85 % township target is met (+0.11)', () => {
    const result = score(yc, { designation: 'county', passMark: 85 }, wentang, {
      unitKind: 'town',
      references,
      assessments: wentangJudged,
    });
    expect(result.items.find((i) => i.id === '3.2')?.points).toBe(10);
    expect(result.total).toBe(97);
  });

  it('温汤镇 with one agency fewer: "乡镇（街道）至少与3家" is missed, though a village would pass', () => {
    const result = score(
      yc,
      { designation: 'city' },
      { ...wentang, hrAgencyPartners: 2 },
      {
        unitKind: 'town',
        references,
      },
    );
    expect(result.items.find((i) => i.id === '3.4')?.points).toBe(0);
    expect(result.designation?.met).toBeNull(); // no pass mark, assessments pending
  });
});
