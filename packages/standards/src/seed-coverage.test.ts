import { describe, expect, it } from 'vitest';
import { basePack, label } from '../test/rule-harness.ts';
import { score } from './engine.ts';
import {
  eq,
  ge,
  gt,
  ifThen,
  input,
  max,
  metric,
  not,
  or,
  param,
  pct,
  ratio,
  reference,
  str,
  sub,
  switchOn,
  unitKind,
} from './expression-builders.ts';
import { definePack } from './pack-integrity.ts';
import { toNumber } from './rational.ts';
import { ruleBounds } from './rules/rule.ts';

// Not a built-in pack: items from the other seeds (宜春 003_…, the province's 001_…) written
// in the pack language, to show it can say what they say. The packs themselves come later.

const src = (quote: string) => ({ file: 'seed', quote });
const bool = (id: string, zh: string) => ({ id, kind: 'boolean' as const, label: label(zh, id) });
const count = (id: string, zh: string) => ({ id, kind: 'count' as const, label: label(zh, id) });
const percent = (id: string, zh: string) => ({
  id,
  kind: 'percent' as const,
  label: label(zh, id),
});

const onlyInUrbanUnits = or(eq(unitKind(), str('street')), eq(unitKind(), str('community')));

const pack = definePack(
  basePack({
    key: 'test.seed-coverage',
    unitKinds: ['town', 'street', 'village', 'community', 'city'],
    total: 400,
    parameters: [
      {
        id: 'designation',
        kind: 'enum',
        label: label('创建级别', 'Designation sought'),
        options: [
          { value: 'city', label: label('市级', 'city-level') },
          { value: 'county', label: label('县级', 'county-level') },
        ],
        default: 'city',
      },
    ],
    references: [
      {
        id: 'countyRate',
        label: label('所在县（市、区）平均就业率', 'County average employment rate'),
        format: 'percent',
        source: { from: 'cycle' },
      },
      {
        id: 'provincePassRate',
        label: label('省当年平均通过率', 'Province average pass rate'),
        format: 'percent',
        source: { from: 'cycle' },
      },
    ],
    inputs: [
      percent('employmentRate', '就业率'),
      percent('dataAccuracy', '数据准确率'),
      count('certified', '持证人数'),
      count('residents', '常住总人口'),
      count('registered', '户籍总人口'),
      count('mechanismsMissing', '缺少的工作机制数'),
      {
        id: 'promotion',
        kind: 'enum',
        label: label('经验推广范围', 'Promoted'),
        options: [
          { value: 'none', label: label('无', 'none') },
          { value: 'city', label: label('全市', 'city') },
          { value: 'province', label: label('全省', 'province') },
        ],
      },
      percent('payersGrowth', '实际缴费人数增长率'),
      count('unmetStatistics', '未达要求的统计项数'),
      bool('trainingFundsMisused', '培训资金违规使用或有效投诉'),
      bool('fundsAsRequired', '经费安排使用达到省定要求'),
      bool('fundsRules', '建立使用管理制度'),
      bool('subsidyCatalogue', '制定培训补贴标准目录并向社会公布'),
      bool('uploadedOnTime', '按时向省中心上传就业监测数据'),
      percent('deviationA', '指标A偏离'),
      percent('deviationB', '指标B偏离'),
      percent('deviationC', '指标C偏离'),
      bool('analysis', '市级开展数据监测分析应用'),
      { id: 'fundGrowth', kind: 'number', label: label('就业专项资金增长额', 'Fund growth') },
      percent('passRate', '鉴定通过率'),
    ],
    metrics: [
      {
        id: 'skilledShare',
        label: label('持证人数占比', 'Share holding certificates'),
        // 街道、社区…占常住总人口比例，乡镇、村…占户籍总人口的比例
        expression: ratio(
          input('certified'),
          ifThen(onlyInUrbanUnits, input('residents'), input('registered')),
          'zero',
        ),
      },
    ],
    categories: [
      { id: '宜', title: label('宜春', 'Yichun'), max: 200 },
      { id: '省', title: label('全省', 'Province'), max: 200 },
    ],
    items: [
      {
        id: '宜.1',
        category: '宜',
        title: label('就业率', 'Employment rate'),
        max: 10,
        source: src(
          '完成给10分，未完成按比例得分，其中就业率低于所在县（市、区）平均就业率的该指标不得分。',
        ),
        rule: {
          kind: 'gate',
          when: ge(input('employmentRate'), reference('countyRate')),
          rule: {
            kind: 'proportional',
            value: input('employmentRate'),
            // 市级乡镇90%、县级乡镇85%，市级村95%、县级村90%
            target: switchOn(param('designation'), {
              city: ifThen(
                or(eq(unitKind(), str('town')), eq(unitKind(), str('street'))),
                pct(90),
                pct(95),
              ),
              county: ifThen(
                or(eq(unitKind(), str('town')), eq(unitKind(), str('street'))),
                pct(85),
                pct(90),
              ),
            }),
            points: 10,
          },
          failNote: label('低于所在县平均就业率的该指标不得分', 'below the county average'),
        },
      },
      {
        id: '宜.2',
        category: '宜',
        title: label('人力资源数据动态更新', 'HR data kept current'),
        max: 10,
        source: src(
          '数据准确率达到90%以上的得10分，达到85%-89%的得8分，达到80%-84%的得6分，未达80%的不得分。',
        ),
        rule: {
          kind: 'band',
          value: input('dataAccuracy'),
          bands: [
            { operator: '>=', threshold: pct(90), points: 10 },
            { operator: '>=', threshold: pct(85), points: 8 },
            { operator: '>=', threshold: pct(80), points: 6 },
          ],
        },
      },
      {
        id: '宜.3',
        category: '宜',
        title: label('劳动者技能水平', 'Skills'),
        max: 5,
        source: src('占比达3%的得3分，达4%的得4分，达5%及以上的得5分。'),
        rule: {
          kind: 'band',
          value: metric('skilledShare'),
          bands: [
            { operator: '>=', threshold: pct(5), points: 5 },
            { operator: '>=', threshold: pct(4), points: 4 },
            { operator: '>=', threshold: pct(3), points: 3 },
          ],
        },
      },
      {
        id: '宜.4',
        category: '宜',
        title: label('日常工作运行机制', 'Working mechanisms'),
        max: 3,
        source: src('建立相应机制的得3分，少一项扣1分。'),
        rule: {
          kind: 'deduct',
          base: 3,
          deductions: [
            {
              label: label('少一项', 'each missing'),
              amount: input('mechanismsMissing'),
              points: 1,
            },
          ],
        },
      },
      {
        id: '宜.5',
        category: '宜',
        title: label('人社服务平台或服务窗口', 'Service window'),
        max: 3,
        source: src('根据实际配置情况酌情评分。'),
        rule: {
          kind: 'assessed',
          points: 3,
          step: 0.5,
          stages: ['county', 'city'],
          guidance: label('根据实际配置情况酌情评分', 'Judged on the actual set-up'),
        },
      },
      {
        id: '宜.6',
        category: '宜',
        title: label('工作特色及亮点', 'Distinctive work'),
        max: 10,
        source: src('在全市范围内进行推广…的得5分，相关工作在全省范围内容推广…的，得10分。'),
        rule: {
          kind: 'best',
          parts: [
            { kind: 'check', when: eq(input('promotion'), str('province')), points: 10 },
            { kind: 'check', when: eq(input('promotion'), str('city')), points: 5 },
          ],
        },
      },
      {
        id: '省.1',
        category: '省',
        title: label('扩面征缴工作', 'Coverage expansion'),
        max: 8,
        source: src(
          '实际缴费人数比上年末增加的得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分',
        ),
        rule: {
          kind: 'sum',
          parts: [
            { kind: 'check', when: gt(input('payersGrowth'), pct(0)), points: 2 },
            {
              kind: 'band',
              value: input('payersGrowth'),
              bands: [
                { operator: '>=', threshold: pct(2), points: 2 },
                { operator: '>=', threshold: pct(1), points: 1 },
              ],
            },
          ],
        },
      },
      {
        id: '省.2',
        category: '省',
        title: label('失业保险统计', 'Unemployment-insurance statistics'),
        // The source: max 4, but "达到省要求的得5分". Written as the source says, this rule can
        // award 5 — the linter must flag it; the built-in pack must resolve it explicitly.
        max: 4,
        source: src('达到省要求的得5分，每有一项未达要求的扣1分，扣完为止。'),
        rule: {
          kind: 'deduct',
          base: 5,
          deductions: [
            { label: label('未达要求', 'unmet'), amount: input('unmetStatistics'), points: 1 },
          ],
        },
      },
      {
        id: '省.3',
        category: '省',
        title: label('培训补贴政策', 'Training subsidies'),
        max: 10,
        min: -5,
        source: src('培训资金违规使用或省厅接到有效投诉举报的，不得分并倒扣5分。'),
        rule: {
          kind: 'gate',
          when: not(input('trainingFundsMisused')),
          rule: {
            kind: 'sum',
            parts: [
              { kind: 'check', when: input('fundsAsRequired'), points: 2 },
              { kind: 'check', when: input('fundsRules'), points: 3 },
              { kind: 'check', when: input('subsidyCatalogue'), points: 5 },
            ],
          },
          otherwise: -5,
          failNote: label('不得分并倒扣5分', 'no points and −5'),
        },
      },
      {
        id: '省.4',
        category: '省',
        title: label('数据利用', 'Use of data'),
        max: 25,
        source: src(
          '主要指标数据上传量偏离实际数量每10%扣5分，单个指标扣完10分为止，总计扣完20分为止。',
        ),
        rule: {
          kind: 'sum',
          parts: [
            {
              kind: 'gate',
              when: input('uploadedOnTime'),
              rule: {
                kind: 'deduct',
                base: 20,
                deductions: ['deviationA', 'deviationB', 'deviationC'].map((id) => ({
                  label: label(id, id),
                  amount: input(id),
                  step: pct(10),
                  points: 5,
                  max: 10,
                })),
                maxTotal: 20,
              },
              failNote: label('不能按时上传数据不得分', 'not uploaded on time'),
            },
            { kind: 'check', when: input('analysis'), points: 5 },
          ],
        },
      },
      {
        id: '省.5',
        category: '省',
        title: label('就业专项资金筹集', 'Raising employment funds'),
        max: 10,
        source: src('年度财政安排的就业专项资金比上年增长的得10分，持平的得5分，降低的不得分。'),
        rule: {
          kind: 'band',
          value: input('fundGrowth'),
          bands: [
            { operator: '>', threshold: { op: 'number', value: 0 }, points: 10 },
            { operator: '>=', threshold: { op: 'number', value: 0 }, points: 5 },
          ],
        },
      },
      {
        id: '省.6',
        category: '省',
        title: label('协理员业务培训', 'Assistant training'),
        max: 5,
        source: src('鉴定通过率达到省当年平均通过率得5分，通过率每低一个百分点扣0.5分，扣完为止。'),
        rule: {
          kind: 'deduct',
          base: 5,
          deductions: [
            {
              label: label('每低一个百分点', 'per point below'),
              amount: max(0, sub(reference('provincePassRate'), input('passRate'))),
              step: pct(1),
              points: 0.5,
            },
          ],
        },
      },
    ],
  }),
);

function pointsOf(
  id: string,
  inputs: Record<string, unknown>,
  options: Parameters<typeof score>[3] = {},
  parameters = {},
) {
  return score(pack, parameters, inputs, { unitKind: 'village', ...options }).items.find(
    (i) => i.id === id,
  )?.points;
}

describe('the pack language covers the other seeds', () => {
  it('宜春 就业率: proportional to a target set by designation × unit level, vetoed below the county average', () => {
    const refs = { references: { countyRate: 85 } };
    expect(pointsOf('宜.1', { employmentRate: 95 }, refs)).toBe(10);
    expect(pointsOf('宜.1', { employmentRate: 90 }, refs)).toBe(9.47);
    expect(pointsOf('宜.1', { employmentRate: 90 }, refs, { designation: 'county' })).toBe(10);
    expect(pointsOf('宜.1', { employmentRate: 90 }, { ...refs, unitKind: 'town' })).toBe(10);
    expect(pointsOf('宜.1', { employmentRate: 84 }, refs)).toBe(0);
  });

  it('宜春 数据准确率 bands with their gaps ("85%-89%" read as ≥85 %)', () => {
    expect(pointsOf('宜.2', { dataAccuracy: 89.5 })).toBe(8);
    expect(pointsOf('宜.2', { dataAccuracy: 79.9 })).toBe(0);
  });

  it('宜春 技能水平: the population depends on the unit kind', () => {
    const inputs = { certified: 40, residents: 1000, registered: 800 };
    expect(pointsOf('宜.3', inputs, { unitKind: 'community' })).toBe(4);
    expect(pointsOf('宜.3', inputs, { unitKind: 'village' })).toBe(5);
  });

  it('宜春 "少一项扣1分", 酌情评分 at the county or city stage, and the 全市/全省 bonus', () => {
    expect(pointsOf('宜.4', { mechanismsMissing: 1 })).toBe(2);
    expect(
      pointsOf(
        '宜.5',
        {},
        { assessments: { '宜.5': { points: 2.5, reason: '设专窗', stage: 'county' } } },
      ),
    ).toBe(2.5);
    expect(pointsOf('宜.6', { promotion: 'province' })).toBe(10);
    expect(pointsOf('宜.6', { promotion: 'city' })).toBe(5);
  });

  it('省 扩面征缴: "增加的得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分"', () => {
    expect(pointsOf('省.1', { payersGrowth: 0 })).toBe(0);
    expect(pointsOf('省.1', { payersGrowth: 0.5 })).toBe(2);
    expect(pointsOf('省.1', { payersGrowth: 1 })).toBe(3);
    expect(pointsOf('省.1', { payersGrowth: 2 })).toBe(4);
  });

  it('省 失业保险统计: the rule can award 5 in a 4-point item — bounds show it, the engine caps it', () => {
    const item = pack.items.find((i) => i.id === '省.2');
    expect(toNumber(ruleBounds(item?.rule as never).max)).toBe(5);
    expect(pointsOf('省.2', { unmetStatistics: 0 })).toBe(4);
    expect(pointsOf('省.2', { unmetStatistics: 2 })).toBe(3);
  });

  it('省 培训补贴政策: "不得分并倒扣5分" reaches −5', () => {
    expect(pointsOf('省.3', { trainingFundsMisused: true })).toBe(-5);
    expect(
      pointsOf('省.3', {
        trainingFundsMisused: false,
        fundsAsRequired: true,
        fundsRules: true,
        subsidyCatalogue: false,
      }),
    ).toBe(5);
  });

  it('省 数据利用: "每10%扣5分，单个指标扣完10分为止，总计扣完20分为止"', () => {
    const base = {
      uploadedOnTime: true,
      analysis: true,
      deviationA: 0,
      deviationB: 0,
      deviationC: 0,
    };
    expect(pointsOf('省.4', base)).toBe(25);
    expect(pointsOf('省.4', { ...base, deviationA: 35 })).toBe(15);
    expect(pointsOf('省.4', { ...base, deviationA: 35, deviationB: 20, deviationC: 10 })).toBe(5);
    expect(pointsOf('省.4', { ...base, uploadedOnTime: false })).toBe(5);
  });

  it('省 资金筹集: "增长的得10分，持平的得5分，降低的不得分"', () => {
    expect(pointsOf('省.5', { fundGrowth: 1 })).toBe(10);
    expect(pointsOf('省.5', { fundGrowth: 0 })).toBe(5);
    expect(pointsOf('省.5', { fundGrowth: -1 })).toBe(0);
  });

  it('省 协理员: "通过率每低一个百分点扣0.5分" against the province average', () => {
    const refs = { references: { provincePassRate: 80 } };
    expect(pointsOf('省.6', { passRate: 82 }, refs)).toBe(5);
    expect(pointsOf('省.6', { passRate: 77.5 }, refs)).toBe(4);
    expect(pointsOf('省.6', { passRate: 60 }, refs)).toBe(0);
  });
});
