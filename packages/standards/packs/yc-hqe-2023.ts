import type { Expression } from '../src/expression.ts';
import {
  and,
  div,
  eq,
  ge,
  ifThen,
  input,
  metric,
  not,
  or,
  param,
  pct,
  ratio,
  reference,
  str,
  switchOn,
  unitKind,
} from '../src/expression-builders.ts';
import { definePack } from '../src/pack-integrity.ts';
import type { PackInput } from '../src/pack-schema.ts';
import type { RuleInput } from '../src/rules/rule.ts';
import type { Text } from '../src/text.ts';

// 宜春市高质量就业乡镇（街道）、村（社区）项目创建考核评价指标: 003_3099b45a35ebd968.txt,
// 附件1 of 宜明办字〔2023〕26号. Every item cites the sentences it encodes; every reading of an
// unclear sentence is a note on the item (zh and en), tested in yc-hqe-2023.test.ts.
//
// One pack for the four unit kinds and both designations. The designation sought (市级 or
// 县级) is a parameter: a campaign chooses it. The unit's level is its kind — town/street
// (乡镇、街道) or village/community (村、社区) — which the engine already receives, so a
// parameter cannot contradict it, and items 16 and 17 also need street/community (常住总人口)
// told apart from town/village (户籍总人口), which a two-level parameter could not say.

const FILE = '003_3099b45a35ebd968.txt';

function cite(serial: number, name: string, ...lines: string[]) {
  return { file: FILE, section: `附件1 序号${serial} ${name}`, quote: lines.join('\n') };
}

function t(zh: string, en: string): Text {
  return { zh, en };
}

const PEOPLE = t('人', ' people');

interface CountOptions {
  unit?: Text;
  help?: Text;
  min?: number;
  required?: boolean;
  appliesTo?: ('town' | 'street' | 'village' | 'community')[];
}

function count(id: string, zh: string, en: string, options: CountOptions = {}) {
  return { id, kind: 'count' as const, label: t(zh, en), unit: PEOPLE, ...options };
}

function yes(id: string, zh: string, en: string) {
  return { id, kind: 'boolean' as const, label: t(zh, en) };
}

/** An optional figure the assessor of a 酌情评分 item looks at; it scores nothing itself. */
function aid(id: string, zh: string, en: string, unit: Text = PEOPLE) {
  return { id, kind: 'count' as const, label: t(zh, en), unit, required: false };
}

const check = (when: Expression, points: number, label?: Text): RuleInput => ({
  kind: 'check',
  when,
  points,
  ...(label ? { label } : {}),
});

/** 乡镇（街道）: the township level; 村（社区） is the village level. */
const townshipLevel = or(eq(unitKind(), str('town')), eq(unitKind(), str('street')));
/** 街道、社区 count 常住总人口; 乡镇、村 count 户籍总人口 (items 16 and 17). */
const population = switchOn(unitKind(), {
  street: input('residentPopulation'),
  community: input('residentPopulation'),
  town: input('registeredPopulation'),
  village: input('registeredPopulation'),
});

const STAGES = ['county', 'city'];

/** 根据实际情况酌情评分: an assessor's 0..points with a reason, at the county or city review. */
function judged(points: number, guidanceZh: string, guidanceEn: string): RuleInput {
  return { kind: 'assessed', points, stages: STAGES, guidance: t(guidanceZh, guidanceEn) };
}

/** The source's words for the veto, read before "不得分" in explanations. */
const BELOW_COUNTY = t(
  '低于所在县（市、区）平均就业率的该指标',
  'below the county (city, district) average employment rate',
);

const pack: PackInput = {
  key: 'yc.hqe',
  version: '2023.1',
  title: t(
    '宜春市高质量就业乡镇（街道）、村（社区）项目创建考核评价指标',
    'Yichun high-quality employment township (street) and village (community) assessment indicators',
  ),
  issuer: t('宜春市', 'Yichun municipality'),
  source: {
    file: FILE,
    title: '宜春市高质量就业乡镇（街道）、村（社区）项目创建考核评价指标',
    section: '附件1',
    document:
      '宜明办字〔2023〕26号 2023年明月山温泉风景名胜区巩固深化“高质量就业乡镇（街道）、村（社区）”创建工作实施方案',
    issued: '2023-06-18',
  },
  effectiveFrom: '2023-05-01',
  total: 110,
  unitKinds: ['town', 'street', 'village', 'community'],
  notes: [
    t(
      '指标表由明月山温泉风景名胜区管理委员会党政办公室随宜明办字〔2023〕26号印发（附件1），依据《宜春市巩固深化“高质量就业乡镇（街道）、村（社区）”创建工作实施方案》（宜就办字〔2023〕2号）；生效日期取自“创建工作自2023年5月至11月底结束”。',
      'The table was issued as 附件1 of 宜明办字〔2023〕26号 under 宜就办字〔2023〕2号; effectiveFrom is the start of the creation period ("创建工作自2023年5月至11月底结束").',
    ),
    t(
      '创建级别（市级、县级）为参数 designation，由创建周期设定，不设默认值；单位层级由单位类型表示：乡镇、街道为乡镇级，村、社区为村级；第16、17项另按街道、社区（常住总人口）与乡镇、村（户籍总人口）区分。',
      'The designation sought (city or county level) is the designation parameter, set by the cycle, with no default. The unit level is the unit kind: town and street are township level, village and community village level; items 16 and 17 also tell street/community (常住总人口) from town/village (户籍总人口).',
    ),
    t(
      '总分110分：“创新工作（10分）”未标为加分项，按普通类别计入110分。源文件未规定达标分数线，由参数 passMark 设定。',
      'The total is 110: "创新工作（10分）" is not labelled a bonus, so it is an ordinary category of the 110. The source states no pass mark: the passMark parameter sets it.',
    ),
    t(
      '指标按“类别.序号”编号（类别按源文件顺序编为1至5），源文件的序号1至22记在各项出处中；“工作内容（75分）”在序号15处因分页重复出现，仍为同一类别（序号8至18）。',
      'Items are numbered "<category>.<n>" (categories 1–5 in source order); the source\'s serial numbers 1–22 are in each citation. "工作内容（75分）" repeats at serial 15 (a page break); it is one category (serials 8–18).',
    ),
    t(
      '“根据实际情况酌情评分”的项目由县（区）或市级评估人员在0至满分之间评分并说明理由；源文件未规定评分最小单位，不设步长。第12、13项所列的可量化要求另设选填数据和指标供评估人员参考，不直接计分。',
      '"根据实际情况酌情评分" items are judged by county or city assessors between 0 and the maximum, with a reason; the source sets no granularity, so none is imposed. The measurable criteria of items 12 and 13 have optional inputs and metrics for the assessor; they do not score by themselves.',
    ),
    t(
      '“所在县（市、区）平均就业率”由创建周期提供（引用值 countyAverageEmploymentRate，可按单位分别提供）；“低于”不含相等，恰等于平均值的不否决。',
      '"所在县（市、区）平均就业率" is supplied by the cycle (reference countyAverageEmploymentRate, per unit if needed); "低于" is strict, so a rate equal to the average is not vetoed.',
    ),
    t(
      '“以上”含本数（《民法典》第一千二百五十九条）。',
      '"以上" includes the number itself (Civil Code art. 1259).',
    ),
    t(
      '实施方案中的每周进度报告和时间安排不属于评分内容，本标准不作规定。',
      "The plan's weekly progress reports and timeline are not scoring; this pack leaves them out.",
    ),
  ],
  parameters: [
    {
      id: 'designation',
      kind: 'enum',
      label: t('创建级别', 'Designation sought'),
      description: t(
        '市级或县级高质量就业乡镇（街道）、村（社区）：决定第9、14项的达标线。',
        'City- or county-level designation: sets the thresholds of items 9 and 14.',
      ),
      options: [
        { value: 'city', label: t('市级', 'city level') },
        { value: 'county', label: t('县级', 'county level') },
      ],
    },
    {
      id: 'passMark',
      kind: 'number',
      label: t('达标分数线', 'Pass mark'),
      description: t(
        '源文件未规定达标分数线，由创建周期设定。',
        'The source states no pass mark; each cycle sets one.',
      ),
      min: 0,
      max: 110,
    },
  ],
  references: [
    {
      id: 'countyAverageEmploymentRate',
      label: t('所在县（市、区）平均就业率', 'County (city, district) average employment rate'),
      format: 'percent',
      description: t(
        '第9、10项的否决线，由创建周期按单位所在县（市、区）提供。',
        "The veto line of items 9 and 10, supplied by the cycle for the unit's county.",
      ),
      source: { from: 'cycle' },
    },
  ],
  inputs: [
    // 5 (1.5)
    yes('infoTerminal', '配备有就业信息发布终端', 'An employment information terminal in place'),
    // 6 (2.1)
    yes('dedicatedPost', '设立公共就业服务专职岗位', 'A dedicated public employment-service post'),
    count(
      'fullTimeStaff',
      '从事公共就业服务的专职人员人数',
      'Full-time public employment-service staff',
      { appliesTo: ['town', 'street'] },
    ),
    count(
      'mainDutyStaff',
      '从事公共就业服务的主职人员人数',
      'Staff with public employment services as their main duty',
      { appliesTo: ['village', 'community'] },
    ),
    yes(
      'managerDesignated',
      '明确负责公共就业服务专职管理人员',
      'A named manager responsible for public employment services',
    ),
    // 8 (3.1)
    count('dataRecordsChecked', '人力资源数据核查条数', 'Human-resources records checked', {
      unit: t('条', ' records'),
      min: 1,
    }),
    count(
      'dataRecordsAccurate',
      '其中准确条数(联系电话准确无误,基本情况与本人实际情况相符)',
      'Of which accurate (correct phone, details match the person)',
      { unit: t('条', ' records') },
    ),
    // 9 (3.2)
    count(
      'laborForce',
      '辖区内户籍人口或常住人口有劳动能力和就业愿望的法定劳动年龄人数',
      'Residents of working age able and willing to work',
      { min: 1 },
    ),
    count('laborForceEmployed', '其中已就业人数', 'Of whom employed'),
    // 10 (3.3)
    count('povertyLabourForce', '脱贫劳动力人数', 'Workers from households lifted out of poverty'),
    count('povertyLabourEmployed', '其中已就业人数', 'Of whom employed'),
    // 11 (3.4)
    count(
      'hrAgencyPartners',
      '建立长期稳定劳务用工协作关系的人力资源服务机构数',
      'HR service agencies with a long-term labour cooperation agreement',
      { unit: t('家', ' agencies') },
    ),
    count(
      'employmentEventsThisYear',
      '本年度举办就业政策宣传或用工对接服务活动次数',
      'Employment-policy or job-matching events held this year',
      { unit: t('次', ' events') },
    ),
    yes(
      'industrialParkHelped',
      '协助工业园区企业解决用工问题',
      'Helped industrial-park employers fill vacancies',
    ),
    // 12 (3.5), for the assessor
    aid(
      'largestLaborBrandWorkers',
      '辖区内从事人数最多的地方特色劳务品牌从业人数',
      'Workers in the largest local labour brand',
    ),
    aid(
      'newMarketEntities',
      '辖区内新创办的市场主体数',
      'New market entities started in the area',
      t('户', ' entities'),
    ),
    aid('jobsFromNewEntities', '新创办市场主体带动就业人数', 'Jobs created by the new entities'),
    // 13 (3.6), for the assessor
    aid('willingTrainees', '有培训意愿对象人数', 'People wanting training'),
    aid('willingTrained', '其中已参加培训人数', 'Of whom trained'),
    aid(
      'trainingMatched',
      '其中培训内容与培训需求匹配的人数',
      'Of whom trained in what they wanted',
    ),
    aid(
      'trainingSessions',
      '举办或组织人员参加技能培训期数',
      'Skills-training sessions held or attended',
      t('期', ' sessions'),
    ),
    // 14 (3.7)
    count('laborDisputes', '辖区内劳动争议件数', 'Labour disputes in the area', {
      unit: t('件', ' disputes'),
    }),
    count('laborDisputesMediated', '其中调解成功件数', 'Of which settled by mediation', {
      unit: t('件', ' disputes'),
    }),
    // 15 (3.8)
    count(
      'insuranceEligible',
      '辖区户籍人口中适龄参保对象人数',
      'Registered residents of insurable age',
      { min: 1 },
    ),
    count(
      'insuranceInsured',
      '其中参加社会保险(含医疗保险)人数',
      'Of whom insured (medical insurance included)',
    ),
    // 16, 17 (3.9, 3.10)
    count('residentPopulation', '常住总人口', 'Resident population', {
      min: 1,
      appliesTo: ['street', 'community'],
    }),
    count('registeredPopulation', '户籍总人口', 'Registered (hukou) population', {
      min: 1,
      appliesTo: ['town', 'village'],
    }),
    count(
      'certifiedWorkers',
      '持有国家职业资格证书(专业技术证书)或培训合格证人数',
      'People holding a vocational qualification, technical or training certificate',
    ),
    count('entrepreneurs', '实现创业人数', 'People who started a business'),
    // 19–21 (4.1–4.3)
    yes('workPlanAdopted', '制定创建工作方案', 'A creation work plan adopted'),
    yes(
      'leadingGroupFormed',
      '成立创建工作领导小组,明确牵头领导、责任科室及责任人',
      'A leading group with a lead, a responsible office and responsible people',
    ),
    yes('homeVisitMechanism', '建立入户走访机制', 'Home-visit mechanism'),
    yes('categorisedSupportMechanism', '建立分类帮扶机制', 'Categorised-support mechanism'),
    yes('followUpMechanism', '建立跟踪回访机制', 'Follow-up mechanism'),
    // 22 (5.1)
    {
      id: 'practicePromoted',
      kind: 'enum',
      label: t('工作特色及亮点获推广或表扬的最高范围', 'Widest recognition of the practice'),
      options: [
        { value: 'none', label: t('无', 'none') },
        {
          value: 'city',
          label: t(
            '全市推广、举办现场交流会或获市委市政府通报表扬',
            'promoted city-wide, a city exchange meeting, or a city commendation',
          ),
        },
        {
          value: 'province',
          label: t(
            '全省推广、举办全省现场交流会或获省委省政府通报表扬',
            'promoted province-wide, a provincial exchange meeting, or a provincial commendation',
          ),
        },
      ],
    },
  ],
  metrics: [
    {
      id: 'dataAccuracy',
      label: t('数据准确率', 'Data accuracy'),
      expression: ratio(input('dataRecordsAccurate'), input('dataRecordsChecked'), 'missing'),
    },
    {
      id: 'employmentRate',
      label: t('就业率', 'Employment rate'),
      expression: ratio(input('laborForceEmployed'), input('laborForce'), 'missing'),
      source: cite(
        9,
        '就业率',
        '示范点辖区内户籍人口或常住人口有劳动能力和就业愿望法定劳动对象就业率保持较高水平。',
      ),
    },
    {
      id: 'employmentRateTarget',
      label: t('就业率达标线', 'Employment-rate target'),
      expression: switchOn(param('designation'), {
        city: ifThen(townshipLevel, pct(90), pct(95)),
        county: ifThen(townshipLevel, pct(85), pct(90)),
      }),
      format: 'percent',
      source: cite(
        9,
        '就业率',
        '市级高质量就业乡镇（街道）达90%以上、县级高质量就业乡镇（街道）达85%以上，市级高质量就业村（社区）达95%以上、县级高质量就业村（社区）达90%以上',
      ),
    },
    {
      id: 'povertyEmploymentRate',
      label: t('脱贫劳动力就业率', 'Employment rate of workers lifted out of poverty'),
      expression: ratio(
        input('povertyLabourEmployed'),
        input('povertyLabourForce'),
        'full-points',
        t('辖区内无脱贫劳动力', 'No workers from households lifted out of poverty'),
      ),
    },
    {
      id: 'mediationRate',
      label: t('劳动争议调解率', 'Labour-dispute mediation rate'),
      expression: ratio(
        input('laborDisputesMediated'),
        input('laborDisputes'),
        'full-points',
        t('辖区内未发生劳动争议', 'No labour disputes in the area'),
      ),
    },
    {
      id: 'insuranceRate',
      label: t('适龄对象社会保险参保率', 'Social-insurance coverage of those of insurable age'),
      expression: ratio(input('insuranceInsured'), input('insuranceEligible'), 'missing'),
    },
    {
      id: 'certifiedShare',
      label: t('持证人数占比', 'Share holding certificates'),
      description: t(
        '街道、社区为占常住总人口比例，乡镇、村为占户籍总人口比例（按单位类型取分母）。',
        'Of the resident population in a street or community, of the registered population in a town or village (the unit kind picks the denominator).',
      ),
      expression: ratio(input('certifiedWorkers'), population, 'missing'),
      source: cite(
        16,
        '劳动者技能水平',
        '街道、社区中持有国家职业资格证书（专业技术证书）或培训合格证人数占常住总人口比例，乡镇、村中持有国家职业资格证书（专业技术证书）或培训合格证人数占户籍总人口的比例。',
      ),
    },
    {
      id: 'entrepreneurshipRate',
      label: t('创业率', 'Entrepreneurship rate'),
      description: t(
        '街道、社区为占常住总人口比例，乡镇、村为占户籍总人口比例（按单位类型取分母）。',
        'Of the resident population in a street or community, of the registered population in a town or village (the unit kind picks the denominator).',
      ),
      expression: ratio(input('entrepreneurs'), population, 'missing'),
      source: cite(
        17,
        '创业率',
        '街道、社区中实现创业人数占常住总人口比例，乡镇、村中实现创业人数占户籍总人口的比例。',
      ),
    },
    // For the assessor of 12 (3.5) and 13 (3.6).
    {
      id: 'laborBrandSizeReached',
      label: t(
        '劳务品牌从业人数达标(村、社区50人以上，乡镇、街道200人以上)',
        'Labour brand large enough (50+ in a village or community, 200+ in a town or street)',
      ),
      expression: ge(input('largestLaborBrandWorkers'), ifThen(townshipLevel, 200, 50)),
      source: cite(12, '创业带动就业', '其中村、社区要求50人以上，乡镇（街道）200人以上'),
    },
    {
      id: 'jobsPerNewEntity',
      label: t(
        '新创办市场主体平均带动就业人数(要求达1:3)',
        'Jobs per new market entity (1:3 required)',
      ),
      expression: div(
        input('jobsFromNewEntities'),
        input('newMarketEntities'),
        'not-applicable',
        t('无新创办市场主体', 'No new market entities'),
      ),
      source: cite(12, '创业带动就业', '示范点辖区内新创办的市场主体数与带动就业人数达1:3'),
    },
    {
      id: 'willingTrainingRate',
      label: t(
        '有培训意愿对象的培训率(要求达100%)',
        'Share of those wanting training trained (100 % required)',
      ),
      expression: ratio(
        input('willingTrained'),
        input('willingTrainees'),
        'not-applicable',
        t('无有培训意愿对象', 'Nobody wanted training'),
      ),
    },
    {
      id: 'trainingMatchRate',
      label: t(
        '培训内容与培训需求匹配比例(要求达70%以上)',
        'Share trained in what they wanted (70 % or more required)',
      ),
      expression: ratio(
        input('trainingMatched'),
        input('willingTrained'),
        'not-applicable',
        t('无已参加培训的有培训意愿对象', 'Nobody who wanted training was trained'),
      ),
      source: cite(
        13,
        '技能培训',
        '有培训意愿对象的培训率达100%，有培训意愿对象技能培训内容与培训需求匹配比例达70%以上',
      ),
    },
    {
      id: 'trainingSessionsReached',
      label: t(
        '举办或组织人员参加技能培训达两期',
        'At least two skills-training sessions held or attended',
      ),
      expression: ge(input('trainingSessions'), 2),
      source: cite(13, '技能培训', '各创建点至少举办两期或组织人员参加两期技能培训。'),
    },
  ],
  categories: [
    { id: '1', title: t('工作环境', 'Working environment'), max: 15 },
    { id: '2', title: t('工作人员', 'Staff'), max: 5 },
    { id: '3', title: t('工作内容', 'Work content'), max: 75 },
    { id: '4', title: t('工作机制', 'Working mechanisms'), max: 5 },
    { id: '5', title: t('创新工作', 'Innovation'), max: 10 },
  ],
  items: [
    {
      id: '1.1',
      category: '1',
      title: t('人社服务平台或服务窗口', 'HR and social-security service platform or window'),
      content: t(
        '各创建点服务大厅（平台）显眼区域应设置人社服务标识（标语）、信息栏或公告栏等，营造出良好的创建氛围，同时应配备有1-2个人社服务专窗，根据实际配置情况酌情评分。',
        'Clear signs, information or notice boards in the service hall, and 1–2 dedicated service windows; judged on the actual set-up.',
      ),
      max: 3,
      source: cite(
        1,
        '服务大厅（窗口）',
        '同时应配备有1-2个人社服务专窗，根据实际配置情况酌情评分。',
      ),
      rule: judged(
        3,
        '各创建点服务大厅（平台）显眼区域应设置人社服务标识（标语）、信息栏或公告栏等，营造出良好的创建氛围，同时应配备有1-2个人社服务专窗，根据实际配置情况酌情评分。',
        'Signs, information or notice boards in a visible place, and 1–2 dedicated service windows.',
      ),
    },
    {
      id: '1.2',
      category: '1',
      title: t(
        '培训教室、就业帮扶工作室、劳动人事争议调解室、资料室',
        'Training room, employment-help office, dispute-mediation room, records room',
      ),
      content: t(
        '各创建点应配备有用于开展职业培训多功能教室，“一对一”就业帮扶工作室、劳动人事争议调解室、存放档案资料的资料室，各地可根据实际情况进行功能整合，工作室要求有明显的标识及相应工作制度并便于开展工作，根据实际情况酌情评分。',
        'A multi-purpose training room, a one-to-one help office, a mediation room and a records room (functions may be combined), each signed, with working rules; judged on the facts.',
      ),
      max: 3,
      source: cite(
        2,
        '服务场所',
        '工作室要求有明显的标识及相应工作制度并便于开展工作，根据实际情况酌情评分。',
      ),
      rule: judged(
        3,
        '各创建点应配备有用于开展职业培训多功能教室，“一对一”就业帮扶工作室、劳动人事争议调解室、存放档案资料的资料室，各地可根据实际情况进行功能整合，工作室要求有明显的标识及相应工作制度并便于开展工作，根据实际情况酌情评分。',
        'Training room, one-to-one help office, mediation room and records room (may be combined), signed and with working rules.',
      ),
    },
    {
      id: '1.3',
      category: '1',
      title: t('工作制度及业务流程', 'Working rules and procedures made public'),
      content: t(
        '通过设立信息发布栏或门型架等形式主动发布劳动力供求、招用工、就业创业、政策服务等流程信息，根据实际情况酌情评分。',
        'Labour supply and demand, hiring, employment and policy procedures published on boards or stands; judged on the facts.',
      ),
      max: 3,
      source: cite(3, '政务公开', '政策服务等流程信息，根据实际情况酌情评分。'),
      rule: judged(
        3,
        '通过设立信息发布栏或门型架等形式主动发布劳动力供求、招用工、就业创业、政策服务等流程信息，根据实际情况酌情评分。',
        'Procedures and information published on boards or stands.',
      ),
    },
    {
      id: '1.4',
      category: '1',
      title: t(
        '电脑、打印机、多合一高拍仪、电话、办公桌椅等',
        'Computers, printers, document cameras, telephones, furniture',
      ),
      content: t(
        '各创建点应配备工作所需要的办公服务设备，要求规范统一、经济实用，电脑、打印机等设备能满足日常工作需要；承接了人社一体化业务创建点需接通政务外网，确保能够登陆使用人社一体化经办业务，同时按省厅要求配备多合一高拍仪，鼓励各县（市、区）同时配备信息交互终端，根据实际情况酌情评分。',
        'Standard, practical office equipment; units handling integrated HR business on the government extranet with a document camera; information terminals encouraged; judged on the facts.',
      ),
      max: 3,
      source: cite(
        4,
        '办公服务设备',
        '鼓励各县（市、区）同时配备信息交互终端，根据实际情况酌情评分。',
      ),
      rule: judged(
        3,
        '各创建点应配备工作所需要的办公服务设备，要求规范统一、经济实用，电脑、打印机等设备能满足日常工作需要；承接了人社一体化业务创建点需接通政务外网，确保能够登陆使用人社一体化经办业务，同时按省厅要求配备多合一高拍仪，鼓励各县（市、区）同时配备信息交互终端，根据实际情况酌情评分。',
        'Office equipment fit for daily work; extranet access and a document camera where integrated HR business is handled.',
      ),
    },
    {
      id: '1.5',
      category: '1',
      title: t('就业信息发布终端', 'Employment information terminal'),
      content: t(
        '各创建点应配备有就业信息发布终端，常态化发布就业创业政策信息，配备相应发布终端的给3分，未配备不得分。',
        'An employment information terminal publishing policy information routinely.',
      ),
      max: 3,
      source: cite(5, '信息发布终端', '配备相应发布终端的给3分，未配备不得分。'),
      rule: check(input('infoTerminal'), 3),
    },
    {
      id: '2.1',
      category: '2',
      title: t('人员专岗、专职、专管', 'A dedicated post, dedicated staff, a named manager'),
      content: t(
        '各创建点需设立公共就业服务专职岗位，安排从事公共就业服务的专职人员（其中乡镇（街道）配备至少1名专职人员、村（社区 ）配备至少1名主职人员），明确负责公共就业服务专职管理人员，按要求配备给3分，未配备不得分。',
        'A dedicated post; at least 1 full-time member of staff in a town or street, at least 1 with it as main duty in a village or community; a named manager.',
      ),
      max: 3,
      source: cite(
        6,
        '人员配备',
        '其中乡镇（街道）配备至少1名专职人员、村（社区 ）配备至少1名主职人员',
        '按要求配备给3分，未配备不得分。',
      ),
      notes: [
        t(
          '“按要求配备”＝设立专职岗位、乡镇（街道）至少1名专职人员或村（社区）至少1名主职人员、明确专职管理人员，三者兼备得3分，缺一不得分。',
          '"按要求配备" = the post, at least 1 full-time member of staff (town, street) or 1 with it as main duty (village, community), and a named manager: all three score 3, any missing scores 0.',
        ),
      ],
      rule: check(
        and(
          input('dedicatedPost'),
          ifThen(townshipLevel, ge(input('fullTimeStaff'), 1), ge(input('mainDutyStaff'), 1)),
          input('managerDesignated'),
        ),
        3,
        t('按要求配备专岗、专职、专管', 'Post, staff and manager as required'),
      ),
    },
    {
      id: '2.2',
      category: '2',
      title: t('业务培训及学习', 'Training and learning'),
      content: t(
        '对新入职及入职两年以上人员分别开展基础知识培训和业务提升培训，确保专职劳动保障协理员至少两年轮训一次，不定期组织相关业务骨干外出交流学习，根据实际情况酌情评分。',
        'Basic training for new staff and advanced training after two years; every labour-security assistant trained at least every two years; study visits; judged on the facts.',
      ),
      max: 2,
      source: cite(7, '人员培训', '不定期组织相关业务骨干外出交流学习，根据实际情况酌情评分。'),
      notes: [
        t(
          '源文件该格写作“业务培训及学习2分）”，缺左括号；分值按2分。',
          'The source cell reads "业务培训及学习2分）", missing its opening bracket; the item is worth 2.',
        ),
      ],
      rule: judged(
        2,
        '对新入职及入职两年以上人员分别开展基础知识培训和业务提升培训，确保专职劳动保障协理员至少两年轮训一次，不定期组织相关业务骨干外出交流学习，根据实际情况酌情评分。',
        'Basic and advanced training, rotation at least every two years, study visits.',
      ),
    },
    {
      id: '3.1',
      category: '3',
      title: t('人力资源数据动态更新', 'Human-resources data kept current'),
      content: t(
        '依托江西省公共就业服务系统，对省中心下发的人力资源数据每年至少开展两次动态调整及更新，在现有数据库的基础上，对人员新增、迁移以及就业需求、现状等信息变化进行动态调整，确保数据全面准确有效，要求联系电话准确无误，基本情况与本人实际情况相符。',
        "The province's human-resources data updated at least twice a year in the Jiangxi public employment system; phone numbers correct and details matching the person.",
      ),
      max: 10,
      source: cite(
        8,
        '任务指标',
        '数据准确率达到90%以上的得10分，达到85%-89%的得8分，达到80%-84%的得6分，未达80%的不得分。',
      ),
      notes: [
        t(
          '档间留有空隙（89%与90%、84%与85%之间）：按各档下限计，未达90%而达85%的得8分（如89.5%得8分），未达85%而达80%的得6分（如84.9%得6分）。',
          'The bands leave gaps (between 89 and 90 %, 84 and 85 %): each band runs from its lower bound, so below 90 % but at least 85 % scores 8 (89.5 % → 8), below 85 % but at least 80 % scores 6 (84.9 % → 6).',
        ),
        t(
          '数据准确率＝核查条数中准确的比例（联系电话准确无误、基本情况与本人实际情况相符）；核查条数至少为1。“每年至少开展两次动态调整及更新”为工作要求，本项按准确率计分。',
          'Accuracy = the accurate share of the records checked (correct phone, details match); at least 1 record must be checked. "每年至少开展两次动态调整及更新" is a working requirement; the item scores the accuracy.',
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('dataAccuracy'),
        bands: [
          { operator: '>=', threshold: pct(90), points: 10 },
          { operator: '>=', threshold: pct(85), points: 8 },
          { operator: '>=', threshold: pct(80), points: 6 },
        ],
      },
    },
    {
      id: '3.2',
      category: '3',
      title: t('就业率', 'Employment rate'),
      content: t(
        '示范点辖区内户籍人口或常住人口有劳动能力和就业愿望法定劳动对象就业率保持较高水平。其中：市级高质量就业乡镇（街道）达90%以上、县级高质量就业乡镇（街道）达85%以上，市级高质量就业村（社区）达95%以上、县级高质量就业村（社区）达90%以上；高质量就业街道及社区应对登记失业人员建立起帮扶工作机制，对登记失业三个月以上人员进行“一对一”重点跟踪帮扶。完成给10分，未完成按比例得分，其中就业率低于所在县（市、区）平均就业率的该指标不得分。',
        'Employment rate of residents able and willing to work: city-level townships 90 %, county-level townships 85 %, city-level villages 95 %, county-level villages 90 %. Streets and communities keep a help mechanism with one-to-one follow-up after 3 months of unemployment.',
      ),
      max: 10,
      source: cite(
        9,
        '就业率',
        '其中：市级高质量就业乡镇（街道）达90%以上、县级高质量就业乡镇（街道）达85%以上，市级高质量就业村（社区）达95%以上、县级高质量就业村（社区）达90%以上；',
        '完成给10分，未完成按比例得分，其中就业率低于所在县（市、区）平均就业率的该指标不得分。',
      ),
      notes: [
        t(
          '“按比例得分”＝10分×就业率÷达标线，达到达标线（“以上”含本数）得10分，不超过10分。',
          '"按比例得分" = 10 × rate ÷ target; reaching the target ("以上" includes it) scores 10, never more.',
        ),
        t(
          '先判否决：就业率低于所在县（市、区）平均就业率的得0分；恰等于平均就业率不算“低于”。',
          'The veto comes first: a rate below the county average scores 0; a rate equal to it is not "低于".',
        ),
        t(
          '“高质量就业街道及社区应对登记失业人员建立起帮扶工作机制……”是对街道、社区的工作要求，源文件未给分值，本项不另计分（相关机制见第21项）。',
          'The help mechanism required of streets and communities has no points of its own in the source; this item does not score it (see item 21 for mechanisms).',
        ),
        t(
          '就业率的分母（有劳动能力和就业愿望的法定劳动年龄人数）至少为1。',
          'The denominator (residents of working age able and willing to work) must be at least 1.',
        ),
      ],
      rule: {
        kind: 'gate',
        label: t(
          '就业率不低于所在县（市、区）平均就业率',
          'Employment rate not below the county average',
        ),
        when: ge(metric('employmentRate'), reference('countyAverageEmploymentRate')),
        rule: {
          kind: 'proportional',
          value: metric('employmentRate'),
          target: metric('employmentRateTarget'),
          points: 10,
        },
        failNote: BELOW_COUNTY,
      },
    },
    {
      id: '3.3',
      category: '3',
      title: t('重点群体就业', 'Employment of priority groups'),
      content: t(
        '零就业家庭、脱贫对象等低收入家庭每户至少1人就业，脱贫人口就业率较上年度不降低、有提高，零就业家庭实现动态清零，积极帮扶退役军人、残疾人、离校未就业高校毕业生等重点群体就业，落实各项就业援助政策。根据实际情况酌情评分，其中脱贫劳动力就业率低于所在县（市、区）平均就业率的该指标不得分。',
        'At least one worker in every low-income household; the employment rate of people lifted out of poverty not falling; zero-employment households cleared; help for veterans, the disabled and graduates; judged on the facts, vetoed below the county average.',
      ),
      max: 10,
      source: cite(
        10,
        '重点群体就业',
        '根据实际情况酌情评分，其中脱贫劳动力就业率低于所在县（市、区）平均就业率的该指标不得分。',
      ),
      notes: [
        t(
          '否决线与第9项相同，为“所在县（市、区）平均就业率”（全体劳动力的平均就业率，而非脱贫劳动力的县平均就业率），按原文理解。',
          'The veto line is the same "所在县（市、区）平均就业率" as item 9 (the county average for all workers, not for those lifted out of poverty), as the text says.',
        ),
        t(
          '脱贫劳动力就业率低于平均就业率的直接得0分，无需评估；恰等于的不否决。辖区内无脱贫劳动力的，否决条件视为满足，由评估人员酌情评分。',
          'Below the average scores 0 without an assessment; equal is not vetoed. With no such workers in the area the veto is treated as passed and the assessor judges.',
        ),
      ],
      rule: {
        kind: 'gate',
        label: t(
          '脱贫劳动力就业率不低于所在县（市、区）平均就业率',
          'Employment rate of workers lifted out of poverty not below the county average',
        ),
        when: ge(metric('povertyEmploymentRate'), reference('countyAverageEmploymentRate')),
        rule: judged(
          10,
          '零就业家庭、脱贫对象等低收入家庭每户至少1人就业，脱贫人口就业率较上年度不降低、有提高，零就业家庭实现动态清零，积极帮扶退役军人、残疾人、离校未就业高校毕业生等重点群体就业，落实各项就业援助政策。根据实际情况酌情评分',
          'One worker per low-income household, the poverty-relief employment rate not falling, zero-employment households cleared, help for priority groups, assistance policies applied.',
        ),
        failNote: BELOW_COUNTY,
      },
    },
    {
      id: '3.4',
      category: '3',
      title: t('转移就业', 'Labour transfer'),
      content: t(
        '辖区内户籍人口转移就业稳定，乡镇（街道）至少与3家、村（社区）至少与1家人力资源服务机构建立长期稳定的劳务用工协作关系，每年举办不少于两次就业政策宣传或用工对接服务活动，协助工业园区企业解决用工问题，完成得5分，未完成不得分。',
        'Stable labour transfer; long-term agreements with at least 3 HR agencies (town, street) or 1 (village, community); at least two events a year; help for industrial-park employers.',
      ),
      max: 5,
      source: cite(
        11,
        '转移就业',
        '乡镇（街道）至少与3家、村（社区）至少与1家人力资源服务机构建立长期稳定的劳务用工协作关系，每年举办不少于两次就业政策宣传或用工对接服务活动，协助工业园区企业解决用工问题，完成得5分，未完成不得分。',
      ),
      notes: [
        t(
          '“完成”＝协作机构数达标（乡镇、街道至少3家，村、社区至少1家）、本年度活动不少于两次（含两次）、协助工业园区企业解决用工问题，三者兼备。“转移就业稳定”为目标描述，不另设条件。',
          '"完成" = enough agencies (3 for a town or street, 1 for a village or community), at least two events this year, and help for industrial-park employers, all three. "转移就业稳定" describes the aim and is not a separate condition.',
        ),
      ],
      rule: check(
        and(
          ge(input('hrAgencyPartners'), ifThen(townshipLevel, 3, 1)),
          ge(input('employmentEventsThisYear'), 2),
          input('industrialParkHelped'),
        ),
        5,
        t('完成转移就业各项要求', 'Labour-transfer requirements met'),
      ),
    },
    {
      id: '3.5',
      category: '3',
      title: t('创业带动就业', 'Jobs from start-ups'),
      content: t(
        '辖区内具有1-2家具有地方特色的劳务品牌（辖区内从事同一种，如运输、电工、电焊等，其中村、社区要求50人以上，乡镇（街道）200人以上）。示范点辖区内新创办的市场主体数与带动就业人数达1:3，对符合条件的返乡留村创业人员做到创业担保贷款全额贴息。根据实际情况酌情评分。',
        'One or two local labour brands (50+ workers in a village or community, 200+ in a town or street); new entities to jobs 1:3; full interest subsidy on guaranteed start-up loans for returnees; judged on the facts.',
      ),
      max: 5,
      source: cite(
        12,
        '创业带动就业',
        '其中村、社区要求50人以上，乡镇（街道）200人以上',
        '示范点辖区内新创办的市场主体数与带动就业人数达1:3，对符合条件的返乡留村创业人员做到创业担保贷款全额贴息。根据实际情况酌情评分。',
      ),
      notes: [
        t(
          '酌情评分。劳务品牌人数线（村、社区50人以上，乡镇、街道200人以上，按单位类型取）和1:3的比例作为指标 laborBrandSizeReached、jobsPerNewEntity 列出，供评估人员参考，不直接计分。',
          'Judged. The labour-brand line (50+ for a village or community, 200+ for a town or street, by unit kind) and the 1:3 ratio are the metrics laborBrandSizeReached and jobsPerNewEntity, for the assessor; they do not score by themselves.',
        ),
      ],
      rule: judged(
        5,
        '辖区内具有1-2家具有地方特色的劳务品牌（辖区内从事同一种，如运输、电工、电焊等，其中村、社区要求50人以上，乡镇（街道）200人以上）。示范点辖区内新创办的市场主体数与带动就业人数达1:3，对符合条件的返乡留村创业人员做到创业担保贷款全额贴息。根据实际情况酌情评分。',
        'Local labour brands of 50+ (village, community) or 200+ (town, street) workers; 1:3 new entities to jobs; full interest subsidy for returnees.',
      ),
    },
    {
      id: '3.6',
      category: '3',
      title: t('技能培训', 'Skills training'),
      content: t(
        '有培训意愿对象的培训率达100%，有培训意愿对象技能培训内容与培训需求匹配比例达70%以上，进一步提高劳动者素质。各创建点至少举办两期或组织人员参加两期技能培训。根据实际情况酌情评分。',
        'Everyone wanting training trained; 70 % or more trained in what they wanted; at least two sessions held or attended; judged on the facts.',
      ),
      max: 10,
      source: cite(
        13,
        '技能培训',
        '各创建点至少举办两期或组织人员参加两期技能培训。根据实际情况酌情评分。',
      ),
      notes: [
        t(
          '酌情评分。培训率、匹配比例和期数作为选填数据与指标（willingTrainingRate、trainingMatchRate、trainingSessionsReached）列出，供评估人员参考，不直接计分。',
          'Judged. The training rate, match share and sessions are optional inputs and metrics (willingTrainingRate, trainingMatchRate, trainingSessionsReached) for the assessor; they do not score by themselves.',
        ),
      ],
      rule: judged(
        10,
        '有培训意愿对象的培训率达100%，有培训意愿对象技能培训内容与培训需求匹配比例达70%以上，进一步提高劳动者素质。各创建点至少举办两期或组织人员参加两期技能培训。根据实际情况酌情评分。',
        'All those wanting training trained; 70 %+ matched to their wishes; at least two sessions.',
      ),
    },
    {
      id: '3.7',
      category: '3',
      title: t('劳动关系', 'Labour relations'),
      content: t(
        '辖区内劳动关系总体和谐稳定，积极构建和谐劳动关系，市级创建点劳动争议调解率75%以上、县级创建点劳动争议调解率70%以上。完成得5分，未完成不得分。',
        'Harmonious labour relations; dispute mediation rate 75 % or more for city-level units, 70 % or more for county-level units.',
      ),
      max: 5,
      source: cite(
        14,
        '劳动关系',
        '市级创建点劳动争议调解率75%以上、县级创建点劳动争议调解率70%以上。完成得5分，未完成不得分。',
      ),
      notes: [
        t(
          '劳动争议调解率＝调解成功件数÷辖区内劳动争议件数；“以上”含本数。辖区内未发生劳动争议的视为完成（劳动关系和谐），得5分。',
          'Mediation rate = disputes settled by mediation ÷ disputes; "以上" includes the line. No disputes at all counts as done (harmonious relations): 5.',
        ),
      ],
      rule: check(
        ge(
          metric('mediationRate'),
          switchOn(param('designation'), { city: pct(75), county: pct(70) }),
        ),
        5,
        t('劳动争议调解率达标', 'Mediation rate reached'),
      ),
    },
    {
      id: '3.8',
      category: '3',
      title: t('社会保障', 'Social security'),
      content: t(
        '示范点辖区户籍人口中，适龄对象社会保险（含参加医疗保险）参保率98%以上，健全多层次社会保障体系。完成得5分，未完成不得分。',
        'Social-insurance coverage (medical insurance included) of registered residents of insurable age 98 % or more.',
      ),
      max: 5,
      source: cite(
        15,
        '社会保障',
        '适龄对象社会保险（含参加医疗保险）参保率98%以上，健全多层次社会保障体系。完成得5分，未完成不得分。',
      ),
      notes: [
        t(
          '“98%以上”含98%；参保率的分母（适龄对象人数）至少为1。',
          '"98%以上" includes 98 %; the denominator (people of insurable age) must be at least 1.',
        ),
      ],
      rule: check(
        ge(metric('insuranceRate'), pct(98)),
        5,
        t('参保率达98%以上', 'Coverage 98 % or more'),
      ),
    },
    {
      id: '3.9',
      category: '3',
      title: t('劳动者技能水平', 'Skills of the workforce'),
      content: t(
        '街道、社区中持有国家职业资格证书（专业技术证书）或培训合格证人数占常住总人口比例，乡镇、村中持有国家职业资格证书（专业技术证书）或培训合格证人数占户籍总人口的比例。占比达3%的得3分，达4%的得4分，达5%及以上的得5分。',
        'Certificate holders as a share of the resident population (street, community) or the registered population (town, village).',
      ),
      max: 5,
      source: cite(16, '劳动者技能水平', '占比达3%的得3分，达4%的得4分，达5%及以上的得5分。'),
      notes: [
        t(
          '占比不足3%的源文件未规定，按0分；“达N%”含N%。分母按单位类型取：街道、社区为常住总人口，乡镇、村为户籍总人口，至少为1。',
          'Below 3 % the source says nothing, so 0; "达N%" includes N %. The denominator follows the unit kind: resident population for a street or community, registered population for a town or village, at least 1.',
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('certifiedShare'),
        bands: [
          { operator: '>=', threshold: pct(5), points: 5 },
          { operator: '>=', threshold: pct(4), points: 4 },
          { operator: '>=', threshold: pct(3), points: 3 },
        ],
      },
    },
    {
      id: '3.10',
      category: '3',
      title: t('创业率', 'Entrepreneurship rate'),
      content: t(
        '街道、社区中实现创业人数占常住总人口比例，乡镇、村中实现创业人数占户籍总人口的比例。占比达5%的得3分，达8%的得4分，达10%及以上的得5分。',
        'People who started a business as a share of the resident population (street, community) or the registered population (town, village).',
      ),
      max: 5,
      source: cite(17, '创业率', '占比达5%的得3分，达8%的得4分，达10%及以上的得5分。'),
      notes: [
        t(
          '占比不足5%的源文件未规定，按0分；“达N%”含N%。分母按单位类型取，同第16项。',
          'Below 5 % the source says nothing, so 0; "达N%" includes N %. The denominator follows the unit kind, as in item 16.',
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('entrepreneurshipRate'),
        bands: [
          { operator: '>=', threshold: pct(10), points: 5 },
          { operator: '>=', threshold: pct(8), points: 4 },
          { operator: '>=', threshold: pct(5), points: 3 },
        ],
      },
    },
    {
      id: '3.11',
      category: '3',
      title: t('党建+就业创业', 'Party building and employment'),
      content: t(
        '将人社业务与党建活动有机结合，依托江西党建云服务平台，常态化推送各类政策信息，业务流程，岗位信息，培训信息及其他就业创业内容，充分发挥好党建引领作用，根据实际情况酌情评分。',
        'HR work joined with Party activities; policy, procedure, job and training information pushed routinely through the Jiangxi Party-building cloud; judged on the facts.',
      ),
      max: 5,
      source: cite(18, '党建+就业创业', '充分发挥好党建引领作用，根据实际情况酌情评分。'),
      rule: judged(
        5,
        '将人社业务与党建活动有机结合，依托江西党建云服务平台，常态化推送各类政策信息，业务流程，岗位信息，培训信息及其他就业创业内容，充分发挥好党建引领作用，根据实际情况酌情评分。',
        'Party-building and HR work combined; information pushed routinely through the Jiangxi Party-building cloud.',
      ),
    },
    {
      id: '4.1',
      category: '4',
      title: t('工作方案', 'Work plan'),
      content: t(
        '各县（市 、区），各乡镇（街道）创建点，各村（社区 ）创建点及创建点所在乡镇（街道）应制定高质量就业乡镇（街道）、村（社区）创建工作方案，制定相应方案的得1分，未制定方案的不得分。',
        'Every county, township and village unit (and the township of a village unit) adopts a creation work plan.',
      ),
      max: 1,
      source: cite(19, '制度机制', '制定相应方案的得1分，未制定方案的不得分。'),
      rule: check(input('workPlanAdopted'), 1),
    },
    {
      id: '4.2',
      category: '4',
      title: t('领导小组', 'Leading group'),
      content: t(
        '各创建点应成立创建工作领导小组，明确牵头领导、责任科室及责任人。成立相应领导小组的得1分，未成立的不得分。',
        'A leading group with a lead, a responsible office and responsible people.',
      ),
      max: 1,
      source: cite(20, '管理机制', '成立相应领导小组的得1分，未成立的不得分。'),
      rule: check(input('leadingGroupFormed'), 1),
    },
    {
      id: '4.3',
      category: '4',
      title: t('日常工作运行机制', 'Day-to-day mechanisms'),
      content: t(
        '各创建点应建立入户走访机制、分类帮扶机制、跟踪回访机制等。建立相应机制的得3分，少一项扣1分。',
        'Home-visit, categorised-support and follow-up mechanisms.',
      ),
      max: 3,
      source: cite(21, '运行机制', '建立相应机制的得3分，少一项扣1分。'),
      notes: [
        t(
          '按列明的三项机制（入户走访、分类帮扶、跟踪回访）计：三项齐全得3分，每少一项扣1分，三项全无得0分；“等”所含的其他机制不另计分。',
          'The three named mechanisms (home visits, categorised support, follow-up) count: all three score 3, each missing deducts 1, none scores 0; other mechanisms under "等" add nothing.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: 3,
        deductions: [
          {
            label: t('未建立入户走访机制', 'No home-visit mechanism'),
            amount: not(input('homeVisitMechanism')),
            points: 1,
          },
          {
            label: t('未建立分类帮扶机制', 'No categorised-support mechanism'),
            amount: not(input('categorisedSupportMechanism')),
            points: 1,
          },
          {
            label: t('未建立跟踪回访机制', 'No follow-up mechanism'),
            amount: not(input('followUpMechanism')),
            points: 1,
          },
        ],
      },
    },
    {
      id: '5.1',
      category: '5',
      title: t('工作特色及亮点', 'Distinctive work and highlights'),
      content: t(
        '辖区内就业创业或高质量就业乡镇（街道）、村（社区）创建等相关工作有创新、有特色，相关经验做法在全市范围内进行推广、举办现场交流会或获市委市政府通报表扬的得5分，相关工作在全省范围内容推广、举办全省现场交流会或获省委省政府通报表场的，得10分。',
        'Innovative, distinctive work: promoted city-wide, a city exchange meeting or a city commendation scores 5; province-wide, a provincial meeting or a provincial commendation scores 10.',
      ),
      max: 10,
      source: cite(
        22,
        '工作特色',
        '相关经验做法在全市范围内进行推广、举办现场交流会或获市委市政府通报表扬的得5分，相关工作在全省范围内容推广、举办全省现场交流会或获省委省政府通报表场的，得10分。',
      ),
      notes: [
        t(
          '取最高范围计分，不累加：全省10分，全市5分，均无0分。源文件“全省范围内容推广”“通报表场”按“全省范围内推广”“通报表扬”理解。',
          'The widest recognition counts, not the sum: province 10, city 5, neither 0. The source\'s "范围内容推广" and "通报表场" are read as "范围内推广" and "通报表扬".',
        ),
      ],
      rule: {
        kind: 'best',
        parts: [
          check(
            eq(input('practicePromoted'), str('province')),
            10,
            t('全省推广、全省现场交流会或省委省政府通报表扬', 'Province-wide recognition'),
          ),
          check(
            eq(input('practicePromoted'), str('city')),
            5,
            t('全市推广、现场交流会或市委市政府通报表扬', 'City-wide recognition'),
          ),
        ],
      },
    },
  ],
  designation: {
    title: t(
      '高质量就业乡镇（街道）、村（社区）',
      'High-quality employment township (street) or village (community)',
    ),
    passMark: param('passMark'),
    notes: [
      t(
        '源文件未规定达标分数线：由创建周期以参数 passMark 设定；创建级别由参数 designation 设定。',
        'The source states no pass mark: each cycle sets passMark; the designation parameter sets the level sought.',
      ),
    ],
  },
  constraints: [
    {
      id: 'accurateWithinChecked',
      when: ge(input('dataRecordsChecked'), input('dataRecordsAccurate')),
      message: t('准确条数不能超过核查条数', 'Accurate records cannot exceed those checked'),
    },
    {
      id: 'employedWithinLaborForce',
      when: ge(input('laborForce'), input('laborForceEmployed')),
      message: t('已就业人数不能超过劳动力人数', 'Employed cannot exceed the labour force'),
    },
    {
      id: 'povertyEmployedWithinForce',
      when: ge(input('povertyLabourForce'), input('povertyLabourEmployed')),
      message: t(
        '脱贫劳动力已就业人数不能超过脱贫劳动力人数',
        'Employed cannot exceed the workers lifted out of poverty',
      ),
    },
    {
      id: 'mediatedWithinDisputes',
      when: ge(input('laborDisputes'), input('laborDisputesMediated')),
      message: t('调解成功件数不能超过劳动争议件数', 'Mediated disputes cannot exceed disputes'),
    },
    {
      id: 'insuredWithinEligible',
      when: ge(input('insuranceEligible'), input('insuranceInsured')),
      message: t('参保人数不能超过适龄对象人数', 'Insured cannot exceed those of insurable age'),
    },
    {
      id: 'certifiedWithinPopulation',
      when: ge(population, input('certifiedWorkers')),
      message: t('持证人数不能超过总人口', 'Certificate holders cannot exceed the population'),
    },
    {
      id: 'entrepreneursWithinPopulation',
      when: ge(population, input('entrepreneurs')),
      message: t('创业人数不能超过总人口', 'Entrepreneurs cannot exceed the population'),
    },
  ],
};

/** 宜春市高质量就业乡镇（街道）、村（社区）项目创建考核评价指标, validated. */
export const ycHqe2023 = definePack(pack);
