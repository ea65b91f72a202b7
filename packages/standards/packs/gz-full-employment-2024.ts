import type { Expression } from '../src/expression.ts';
import {
  and,
  eq,
  ge,
  gt,
  ifThen,
  input,
  metric,
  not,
  param,
  pct,
  ratio,
  str,
  sub,
  unitKind,
} from '../src/expression-builders.ts';
import { definePack } from '../src/pack-integrity.ts';
import type { PackInput } from '../src/pack-schema.ts';
import type { Text } from '../src/text.ts';

// 广州市充分就业社区(村)建设标准(2024年修订版): 000_802a087d396963ff.txt, 附件4.
// Every item cites the sentences it encodes; every reading of an unclear sentence is a note
// on the item (zh and en) and has a test in gz-full-employment-2024.test.ts.

const FILE = '000_802a087d396963ff.txt';

function cite(section: string, ...lines: string[]) {
  return { file: FILE, section: `附件4 ${section}`, quote: lines.join('\n') };
}

function t(zh: string, en: string): Text {
  return { zh, en };
}

const PEOPLE = t('人', ' people');
const HOUSEHOLDS = t('户', ' households');

interface CountOptions {
  unit?: Text;
  required?: boolean;
  default?: number;
  max?: number;
}

function count(id: string, zh: string, en: string, options: CountOptions = {}) {
  return { id, kind: 'count' as const, label: t(zh, en), unit: PEOPLE, ...options };
}

function yes(id: string, zh: string, en: string, options: { appliesTo?: ['community'] } = {}) {
  return { id, kind: 'boolean' as const, label: t(zh, en), ...options };
}

/** A bonus claim: optional, and absent means not claimed. */
function claim(id: string, zh: string, en: string) {
  return { id, kind: 'boolean' as const, label: t(zh, en), required: false, default: false };
}

function claimCount(id: string, zh: string, en: string) {
  return {
    id,
    kind: 'count' as const,
    label: t(zh, en),
    unit: t('次', ' times'),
    required: false,
    default: 0,
  };
}

const check = (when: Expression, points: number, label?: Text) => ({
  kind: 'check' as const,
  when,
  points,
  ...(label ? { label } : {}),
});

const pack: PackInput = {
  key: 'gz.full-employment',
  version: '2024.1',
  title: t(
    '广州市充分就业社区(村)建设标准(2024年修订版)',
    'Guangzhou full-employment community (village) standard (2024 revision)',
  ),
  issuer: t(
    '广州市人力资源和社会保障局',
    'Guangzhou Municipal Human Resources and Social Security Bureau',
  ),
  source: {
    file: FILE,
    title: '广州市充分就业社区(村)建设标准(2024年修订版)',
    section: '附件4',
    document: '良口镇2024年高质量就业村和充分就业社区(村)一体建设实施方案',
    issued: '2024-06-24',
  },
  effectiveFrom: '2023-10-01',
  total: 100,
  unitKinds: ['community', 'village'],
  notes: [
    t(
      '生效日期取自实施方案的评估取数期“评估取数自2023年10月至2024年9月”；源文件未写明本修订版的施行日期。',
      'effectiveFrom is the start of the plan\'s data period ("评估取数自2023年10月至2024年9月"); the source gives no commencement date for this revision.',
    ),
    t(
      '“注:1.系统取数、系统信息能够体现工作情况的,不要求纸质台账”：各输入项可来自系统数据或台账。',
      '"注:1": any input may come from system data instead of paper ledgers.',
    ),
    t(
      '加分项(四)的申报项（四.3至四.6）未填写时按“否”或0次计：加分须由单位申报。',
      'Bonus claims (四.3–四.6) left empty count as "no" or 0: a bonus must be claimed.',
    ),
    t(
      '其余输入项（含抽查数、扣分人数）均须填写，未填写即为缺少数据，不按0计；未抽查的抽查数填0。',
      'Every other input, counts of lapses and spot checks included, must be given: an empty one is missing data, never 0. Enter 0 for "no spot check".',
    ),
  ],
  parameters: [
    {
      id: 'passMark',
      kind: 'number',
      label: t('达标分数线', 'Pass mark'),
      description: t(
        '源文件未规定充分就业社区(村)的达标分数线，由创建周期设定。',
        'The source states no pass mark; each cycle sets one.',
      ),
      min: 0,
      max: 110,
    },
  ],
  inputs: [
    // 一.1
    count(
      'registeredUnemployed',
      '登记失业人数(属于个人原因未就业者除外)',
      'Registered unemployed (excluding those not working for personal reasons)',
    ),
    count(
      'unemployedDeregisteredNonEmployment',
      '非就业情形注销失业登记人数',
      'Unemployment registrations cancelled for reasons other than employment',
    ),
    count('unemployedReemployed', '再就业人数', 'Re-employed'),
    yes(
      'unemployedBaseUnclear',
      '登记失业人员底数不清',
      'Registered-unemployed base numbers unclear',
    ),
    count(
      'unemployedSampled',
      '就业去向抽查人数(未抽查填0)',
      'Destinations spot-checked (0 if none)',
    ),
    count(
      'unemployedSampleMismatched',
      '抽查中就业去向核实与台账不一致人数',
      'Spot-checked destinations inconsistent with the ledger',
    ),
    // 一.2
    count(
      'graduatesTotal',
      '辖区生源离校未就业高校毕业生总人数',
      'Local unemployed graduates who have left school',
    ),
    count(
      'graduatesNotPlaced',
      '辖区生源离校未就业高校毕业生未就业人数',
      'Of whom still without a destination',
    ),
    count(
      'poorGraduatesWilling',
      '有就业意愿的贫困家庭高校毕业生人数',
      'Graduates from poor families who want to work',
    ),
    count('poorGraduatesEmployed', '其中已实现就业人数', 'Of whom employed'),
    // 一.3
    count(
      'difficultTotal',
      '报告期内就业困难人员总人数',
      'People with employment difficulties in the period',
    ),
    count(
      'difficultCancelledNonEmployment',
      '非就业情形取消就业困难人员认定人数',
      'Difficulty status cancelled for reasons other than employment',
    ),
    count(
      'difficultEmployed',
      '报告期内实现就业的就业困难人员人数',
      'People with employment difficulties who found work',
    ),
    // 一.4
    {
      ...count(
        'zeroEmploymentFamilies',
        '报告期内认定的零就业家庭户数',
        'Zero-employment households identified in the period',
      ),
      unit: HOUSEHOLDS,
    },
    {
      ...count(
        'zeroEmploymentFamiliesCleared',
        '自认定之日1个月内至少帮助1人实现就业的户数',
        'Of which at least one member was helped into work within a month',
      ),
      unit: HOUSEHOLDS,
    },
    // 一.5
    count(
      'longTermUnemployed',
      '持续失业一年以上的登记失业人员数(属于个人原因未就业者除外)',
      'Registered unemployed for more than a year (excluding personal reasons)',
    ),
    // 二.1
    yes('hasFixedDesk', '有固定办公台位或服务窗口', 'Has a fixed service desk or window'),
    yes('windowHasSign', '服务窗口有明显标识', 'The service window is clearly signed'),
    yes(
      'officeEquipped',
      '有配备办公电话、电脑、打印机、资料柜',
      'Equipped with telephone, computer, printer and filing cabinet',
    ),
    // 二.2
    count('staffCount', '负责就业服务的工作人员人数', 'Staff responsible for employment services'),
    yes('staffTrained', '工作人员有参加培训', 'Staff have attended training'),
    yes(
      'staffProficient',
      '工作人员对政策和业务经办系统熟悉熟练',
      'Staff are proficient in the policies and the case-handling system',
    ),
    // 二.3
    yes(
      'fundsInBudget',
      '工作经费、人员经费纳入财政预算',
      'Operating and staff funds are in the public budget',
      { appliesTo: ['community'] },
    ),
    yes(
      'fundsPaidInFull',
      '工作经费、人员经费按时足额到位',
      'Operating and staff funds arrive on time and in full',
    ),
    yes(
      'subsidiesUsedAsRequired',
      '示范性奖补等补贴和服务补助资金按规定使用并发挥效益(未获此类资金的填“是”)',
      'Award and service subsidies used as required and to effect ("yes" if none received)',
    ),
    // 二.4
    yes(
      'rulesEstablished',
      '按规定建立相关规章制度',
      'Rules and procedures established as required',
    ),
    yes('rulesPublic', '规章制度公开', 'Rules and procedures made public'),
    // 二.5
    yes(
      'unifiedSoftwareNetworked',
      '使用省或市统一规定的业务软件，实现信息联网',
      'Uses the provincial or city case software, networked',
    ),
    // 二.6
    yes(
      'databaseEstablished',
      '按规定建立系统数据和资料台帐',
      'System data and ledgers established as required',
    ),
    yes(
      'databaseUpdatedTimely',
      '系统数据和资料台帐更新及时',
      'System data and ledgers kept up to date',
    ),
    count(
      'ledgerSampled',
      '情况核实抽查条数(未抽查填0)',
      'Ledger entries spot-checked (0 if none)',
      { unit: t('条', ' entries') },
    ),
    count('ledgerSampleMismatched', '抽查中与台账不一致条数', 'Spot-checked entries inconsistent', {
      unit: t('条', ' entries'),
    }),
    // 三.1
    yes('publicityMaterials', '宣传资料齐全', 'Publicity materials complete'),
    yes(
      'publicityInCampaigns',
      '各种专项活动中开展政策宣传',
      'Policies publicised in special campaigns',
    ),
    // 三.2
    yes('surveyRecords', '有劳动力调查记录', 'Labour-force survey records kept'),
    yes(
      'baseClearOrUpdated',
      '底数清或更新(系统数据比对)及时',
      'Base numbers clear or updated promptly (checked against system data)',
    ),
    yes(
      'unemployedIntentionsUpdated',
      '登记失业人员求职培训意愿信息更新及时',
      "Registered unemployed people's job and training wishes kept up to date",
    ),
    count(
      'surveyMismatchedPersons',
      '情况核实与台账不一致人数',
      'People found inconsistent with the ledger',
    ),
    // 三.3
    yes('jobsCollectedRecords', '有岗位收集记录', 'Job-vacancy collection records'),
    yes('jobsPublishedRecords', '有岗位发布记录', 'Job-vacancy publication records'),
    yes(
      'jobElementsComplete',
      '工作时间、招聘要求、薪酬待遇、单位联系人等岗位要素齐全',
      'Vacancies state hours, requirements, pay and employer contact',
    ),
    yes(
      'matchingRecords',
      '有供需匹配(求职结果回访)记录',
      'Matching (follow-up of applications) records',
    ),
    // 三.4
    yes(
      'jobSeekerAndReferralRecords',
      '有求职登记记录和岗位推荐记录',
      'Job-seeker registration and job-referral records both kept',
    ),
    yes('jobSeekerInfoPublished', '有发布求职信息', 'Job-seeker information published'),
    count(
      'systemDataTypesMissing',
      '系统办理数据缺少的种类数',
      'Kinds of system case data missing',
      { unit: t('种', ' kinds') },
    ),
    // 三.5
    count(
      'tieredServiceLapsedPersons',
      '未在规定时限内落实分级服务措施的人数',
      'People whose tiered-service measures were not in place in time',
    ),
    count(
      'followUpLapsedPersons',
      '定期联系和跟踪服务制度未落实的人数',
      'People without the regular contact and follow-up service',
    ),
    // 三.6
    yes(
      'trainingAssistedAsRequired',
      '按规定协助组织培训',
      'Assisted in organising training as required',
    ),
    {
      ...count(
        'trainingReferrals',
        '为有培训需求人员推荐培训次数',
        'Training referrals for people needing training',
      ),
      unit: t('次', ' times'),
    },
    yes(
      'traineesAllEmployed',
      '有培训需求人员均已实现就业创业',
      'Everyone needing training has found work or started a business',
    ),
    // 三.7
    count(
      'graduateServiceItemsMissing',
      '未就业高校毕业生就业服务缺少的项数',
      'Required graduate services not provided (items)',
      { unit: t('项', ' items'), max: 6 },
    ),
    count(
      'graduateServiceMismatchedPersons',
      '高校毕业生服务情况核查不一致人数',
      'Graduates whose service records did not check out',
    ),
    // 三.8
    yes(
      'flexibleRecordsAbsent',
      '灵活就业失业人员援助服务资料台帐无相关记录',
      'No ledger records of help to unemployed people in flexible work',
    ),
    count('flexibleFalseEntries', '核实信息不实的条数', 'Entries found untrue', {
      unit: t('条', ' entries'),
    }),
    // 三.9
    count(
      'validComplaints',
      '年内就业服务工作群众有效投诉数',
      'Valid public complaints in the year',
      {
        unit: t('件', ' complaints'),
      },
    ),
    yes(
      'complaintChannelPublished',
      '已公布群众投诉渠道',
      'A public complaints channel is published',
    ),
    // 三.10
    count('majorEmploymentRiskEvents', '重大就业风险事件数', 'Major employment-risk events', {
      unit: t('起', ' events'),
    }),
    // 四.2
    count('peopleNeedingTraining', '辖区内有培训需求人员数', 'People needing training'),
    count('employedAfterTraining', '培训后实现就业人数', 'Of whom employed after training'),
    // 四.3
    claim(
      'selfServiceKiosk',
      '配备自助服务一体机并联网使用',
      'Networked self-service kiosk in use',
    ),
    claim('serviceInfoDisplay', '实现服务信息化展示', 'Services displayed electronically'),
    claim(
      'gridVisits',
      '与其他网格服务、志愿服务统筹开展上门走访',
      'Home visits with grid and volunteer services',
    ),
    claim('flexibleJobBoard', '设置灵活就业信息发布栏', 'Flexible-work notice board'),
    claim('gigStation', '配套建设零工服务驿站', 'Gig-work service station'),
    claim('employmentStation', '配套建设就业驿站', 'Employment station'),
    claim(
      'ecommerceStation',
      '配套建设农村电商基层示范站',
      'Rural e-commerce demonstration station',
    ),
    claim('townVillageOutlet', '配套建设“镇村通”社保服务网点', '"镇村通" social-security outlet'),
    claim('flexibleStalls', '设置灵活创业摊点', 'Stalls for flexible start-ups'),
    // 四.4
    claim(
      'staffTenureFiveYears',
      '工作人员岗位工作年限5年以上',
      'Staff with 5 or more years in post',
    ),
    // 四.5
    {
      id: 'consecutiveYearsDesignated',
      kind: 'count',
      label: t(
        '连续评定为充分就业社区(村)的年数',
        'Consecutive years designated a full-employment unit',
      ),
      unit: t('年', ' years'),
      required: false,
      default: 0,
    },
    // 四.6
    claimCount('cityHonours', '获得市级以上荣誉次数', 'City-level or higher honours'),
    claimCount(
      'leaderEndorsements',
      '获得市级以上领导批示肯定次数',
      "City-level or higher leaders' endorsements",
    ),
    claimCount(
      'hostedEvents',
      '承办市级以上现场交流会、现场观摩、经验介绍等活动次数',
      'City-level or higher exchange meetings, site visits or briefings hosted',
    ),
    claim(
      'mediaReported',
      '经验做法被市级以上主流媒体、刊物宣传报道',
      'Practice reported by city-level or higher media',
    ),
  ],
  metrics: [
    {
      id: 'reemploymentRate',
      label: t('失业人员再就业率', 'Re-employment rate of registered unemployed'),
      expression: ratio(
        input('unemployedReemployed'),
        sub(input('registeredUnemployed'), input('unemployedDeregisteredNonEmployment')),
        'full-points',
        t(
          '报告期内无登记失业人员（分母为0）',
          'No registered unemployed in the period (denominator 0)',
        ),
      ),
      source: cite(
        '(一) 1',
        '失业人员再就业率=再就业人数÷(登记失业人数-非就业情形注销失业登记人数)×100%。',
      ),
    },
    {
      id: 'unemployedMismatchShare',
      label: t('就业去向核实与台账不一致比例', 'Share of spot-checked destinations inconsistent'),
      expression: ratio(
        input('unemployedSampleMismatched'),
        input('unemployedSampled'),
        'zero',
        t('未抽查', 'No spot check'),
      ),
    },
    {
      id: 'graduatePlacementRate',
      label: t(
        '辖区生源离校未就业高校毕业生去向落实率',
        'Placement rate of local graduates who left school without work',
      ),
      expression: ratio(
        sub(input('graduatesTotal'), input('graduatesNotPlaced')),
        input('graduatesTotal'),
        'full-points',
        t('报告期内未出现辖区生源离校未就业高校毕业生', 'No such graduates in the period'),
      ),
      source: cite(
        '(一) 2',
        '辖区生源离校未就业高校毕业生去向落实率=(辖区生源离校未就业高校毕业生总人数-辖区生源离校未就业高校毕业生未就业人数)/辖区生源离校未就业高校毕业生总人数',
      ),
    },
    {
      id: 'poorGraduateEmploymentRate',
      label: t(
        '有就业意愿的贫困家庭高校毕业生就业比例',
        'Employment rate of willing graduates from poor families',
      ),
      expression: ratio(
        input('poorGraduatesEmployed'),
        input('poorGraduatesWilling'),
        'full-points',
        t('无有就业意愿的贫困家庭高校毕业生', 'No willing graduates from poor families'),
      ),
    },
    {
      id: 'difficultEmploymentRate',
      label: t('就业困难人员就业率', 'Employment rate of people with employment difficulties'),
      expression: ratio(
        input('difficultEmployed'),
        sub(input('difficultTotal'), input('difficultCancelledNonEmployment')),
        'full-points',
        t(
          '报告期内无就业困难人员（分母为0）',
          'No people with employment difficulties (denominator 0)',
        ),
      ),
      source: cite(
        '(一) 3',
        '就业困难人员就业率=报告期内实现就业的就业困难人员人数÷(报告期内就业困难人员总人数-非就业情形取消就业困难人员认定人数)×100%。',
      ),
    },
    {
      id: 'zeroFamilyClearanceRate',
      label: t('零就业家庭动态清零比例', 'Share of zero-employment households cleared'),
      expression: ratio(
        input('zeroEmploymentFamiliesCleared'),
        input('zeroEmploymentFamilies'),
        'full-points',
        t('报告期内未出现零就业家庭', 'No zero-employment households in the period'),
      ),
    },
    {
      id: 'ledgerMismatchShare',
      label: t('情况核实与台账不一致比例', 'Share of spot-checked ledger entries inconsistent'),
      expression: ratio(
        input('ledgerSampleMismatched'),
        input('ledgerSampled'),
        'zero',
        t('未抽查', 'No spot check'),
      ),
    },
    {
      id: 'exclusionShare',
      label: t('剔除人员占比', 'Share of people excluded'),
      expression: ratio(
        input('unemployedDeregisteredNonEmployment'),
        input('registeredUnemployed'),
        'zero',
        t('无登记失业人员，无剔除人员', 'No registered unemployed, so none excluded'),
      ),
    },
    {
      id: 'trainingEmploymentRate',
      label: t('有培训需求人员培训后实现就业人数比例', 'Share employed after training'),
      expression: ratio(
        input('employedAfterTraining'),
        input('peopleNeedingTraining'),
        'zero',
        t('无有培训需求人员', 'Nobody needed training'),
      ),
    },
  ],
  categories: [
    { id: '一', title: t('主要就业指标达标情况', 'Main employment indicators'), max: 30 },
    { id: '二', title: t('平台建设情况', 'Service platform'), max: 30 },
    { id: '三', title: t('就业服务情况', 'Employment services'), max: 40 },
    { id: '四', title: t('加分项', 'Bonus'), max: 10, bonus: true },
  ],
  items: [
    {
      id: '一.1',
      category: '一',
      title: t(
        '登记失业人员就业率达80%',
        'Re-employment rate of registered unemployed reaches 80 %',
      ),
      content: t(
        '报告期内,辖区常住人口(包括本市户籍和外市户籍)再就业的登记失业人员占登记失业人员(属于个人原因未就业者除外)的比例。',
        'The share of registered unemployed residents (local and non-local hukou) re-employed in the period (excluding those not working for personal reasons).',
      ),
      max: 8,
      method: t(
        '系统取数或查验台帐资料,核算登记失业人数。',
        'System data or ledgers; count the registered unemployed.',
      ),
      departments: ['就业处/就业中心', '市场中心', '区人社局'],
      source: cite(
        '(一) 1',
        '达90%得8分,达85%得7分,达80%得6分,75%-80%得5分,70-75%得4分,65%-70%得3分,低于65%不得分。',
        '底数不清扣4分,就业去向核实与台账不一致,每占抽查比例10%扣4分。',
      ),
      notes: [
        t(
          '区间下限含、上限不含：“达80%得6分”，故80%属6分档，“75%-80%”为75%≤就业率<80%；“70-75%”按70%-75%理解。',
          'Ranges include their lower bound only: "达80%得6分" puts 80 % in the 6-point band, so "75%-80%" is 75 % ≤ rate < 80 %; "70-75%" is read as 70 %–75 %.',
        ),
        t(
          '“每占抽查比例10%扣4分”按满10%计一次：不一致比例15%扣4分，20%扣8分；扣完为止（最低0分）。未抽查不扣分。',
          '"每占抽查比例10%扣4分" deducts per full 10 %: 15 % inconsistent deducts 4, 20 % deducts 8; never below 0. No spot check, no deduction.',
        ),
        t(
          '源文件未规定分母为0（无登记失业人员）的情形，按本标准“报告期内未出现…的，得满分”的通例给满分（扣分项仍适用）。',
          'The source is silent on an empty denominator (no registered unemployed); following the standard\'s own "none in the period → full points" pattern, the band gives full points (deductions still apply).',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: {
          kind: 'band',
          value: metric('reemploymentRate'),
          bands: [
            { operator: '>=', threshold: pct(90), points: 8 },
            { operator: '>=', threshold: pct(85), points: 7 },
            { operator: '>=', threshold: pct(80), points: 6 },
            { operator: '>=', threshold: pct(75), points: 5 },
            { operator: '>=', threshold: pct(70), points: 4 },
            { operator: '>=', threshold: pct(65), points: 3 },
          ],
          otherwise: 0,
        },
        deductions: [
          {
            label: t('底数不清', 'Base numbers unclear'),
            amount: input('unemployedBaseUnclear'),
            points: 4,
          },
          {
            label: t('就业去向核实与台账不一致', 'Destinations inconsistent with the ledger'),
            amount: metric('unemployedMismatchShare'),
            step: pct(10),
            rounding: 'whole-steps',
            points: 4,
          },
        ],
        floor: 0,
      },
    },
    {
      id: '一.2',
      category: '一',
      title: t(
        '广州生源离校未就业高校毕业生去向落实率达90%,有就业意愿的困难毕业生实现100%就业',
        'Placement of local graduates reaches 90 %; all willing graduates in difficulty employed',
      ),
      max: 6,
      departments: ['就业处/市场中心', '区人社局'],
      source: cite(
        '(一) 2',
        '辖区生源离校未就业高校毕业生去向落实率(4分):年底前完成离校未就业高校毕业生去向落实率达90%以上得4分,未达到90%不得分;',
        '辖区贫困家庭高校毕业生去向落实率(2分):年底前完成有就业意愿的贫困家庭高校毕业生100%就业得2分,未完成不得分。',
        '报告期内未出现辖区生源离校未就业高校毕业生的,得6分。',
      ),
      notes: [
        t(
          '“达90%以上”含90%。“年底前完成”：按年底数据填报。',
          '"达90%以上" includes 90 %. "年底前完成": report the year-end figures.',
        ),
        t(
          '有离校未就业高校毕业生但无有就业意愿的贫困家庭高校毕业生时，贫困家庭部分视为完成，得2分。',
          'With graduates but no willing graduates from poor families, the poor-family part counts as done: 2 points.',
        ),
      ],
      rule: {
        kind: 'gate',
        label: t(
          '报告期内出现辖区生源离校未就业高校毕业生',
          'There were such graduates in the period',
        ),
        when: gt(input('graduatesTotal'), 0),
        rule: {
          kind: 'sum',
          parts: [
            {
              kind: 'band',
              label: t('去向落实率(4分)', 'Placement rate (4)'),
              value: metric('graduatePlacementRate'),
              bands: [{ operator: '>=', threshold: pct(90), points: 4 }],
            },
            check(
              ge(metric('poorGraduateEmploymentRate'), pct(100)),
              2,
              t(
                '贫困家庭高校毕业生100%就业(2分)',
                'All willing poor-family graduates employed (2)',
              ),
            ),
          ],
        },
        otherwise: 6,
        failNote: t(
          '报告期内未出现辖区生源离校未就业高校毕业生的',
          'no such graduates in the period',
        ),
      },
    },
    {
      id: '一.3',
      category: '一',
      title: t(
        '就业困难人员就业率达80%',
        'Employment rate of people with employment difficulties reaches 80 %',
      ),
      content: t(
        '报告期内,辖区实现就业的就业困难人员占全部就业困难人员的比例。',
        'The share of people with employment difficulties who found work in the period.',
      ),
      max: 6,
      method: t('系统取数或查验台帐资料,核算就业率。', 'System data or ledgers; compute the rate.'),
      departments: ['就业中心', '区人社局'],
      source: cite(
        '(一) 3',
        '达90%得6分,达85%得5分,达80%得4分,75%-80%得3分,70%-75%得2分,低于70%不得分。',
      ),
      notes: [
        t(
          '区间下限含、上限不含：“达85%”含85%（17/20恰为85%），“75%-80%”为75%≤就业率<80%。',
          'Ranges include their lower bound only: "达85%" includes exactly 85 % (17 of 20), "75%-80%" is 75 % ≤ rate < 80 %.',
        ),
        t(
          '源文件未规定分母为0的情形，按本标准“报告期内未出现…的，得满分”的通例给满分。',
          'The source is silent on an empty denominator; following the standard\'s "none in the period → full points" pattern, full points.',
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('difficultEmploymentRate'),
        bands: [
          { operator: '>=', threshold: pct(90), points: 6 },
          { operator: '>=', threshold: pct(85), points: 5 },
          { operator: '>=', threshold: pct(80), points: 4 },
          { operator: '>=', threshold: pct(75), points: 3 },
          { operator: '>=', threshold: pct(70), points: 2 },
        ],
        otherwise: 0,
      },
    },
    {
      id: '一.4',
      category: '一',
      title: t('零就业家庭动态清零', 'Zero-employment households cleared promptly'),
      content: t(
        '动态清零指零就业家庭自认定之日1个月内至少帮助1人实现就业。',
        'Cleared means at least one member helped into work within a month of identification.',
      ),
      max: 5,
      method: t('系统取数或查验台帐资料。', 'System data or ledgers.'),
      departments: ['就业中心', '区人社局'],
      source: cite('(一) 4', '达标得5分,报告期内未出现零就业家庭的,得5分。未实现动态清零不得分。'),
      rule: check(
        ge(metric('zeroFamilyClearanceRate'), pct(100)),
        5,
        t('实现动态清零', 'All cleared within a month'),
      ),
    },
    {
      id: '一.5',
      category: '一',
      title: t('无失业一年以上人员', 'Nobody unemployed for more than a year'),
      content: t(
        '辖区登记失业人员中无持续失业一年以上人员(属于个人原因未就业者除外)。',
        'No registered unemployed person has been out of work continuously for over a year (personal reasons excepted).',
      ),
      max: 5,
      method: t('系统取数或查验台帐资料。', 'System data or ledgers.'),
      departments: ['就业中心', '区人社局'],
      source: cite('(一) 5', '达标得5分,不达标不得分。'),
      rule: check(
        eq(input('longTermUnemployed'), 0),
        5,
        t('无失业一年以上人员', 'Nobody unemployed over a year'),
      ),
    },
    {
      id: '二.1',
      category: '二',
      title: t(
        '有固定的办公台位或服务窗口,办公设施配备齐全',
        'A fixed desk or window, fully equipped',
      ),
      content: t(
        '★与辖区就业驿站、南粤家政基层服务平台、农村电商基层示范站等公共服务项目整合资源,统筹建设。',
        '★ Built together with local employment stations, Nanyue housekeeping platforms, rural e-commerce stations and other public services.',
      ),
      max: 4,
      starred: true,
      departments: ['就业处/就业中心', '区人社局'],
      source: cite(
        '(二) 1',
        '有固定办公台位或服务窗口,得2分;服务窗口有明显标识,得1分;有配备办公电话、电脑、打印机、资料柜,得1分。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          check(input('hasFixedDesk'), 2),
          check(input('windowHasSign'), 1),
          check(input('officeEquipped'), 1),
        ],
      },
    },
    {
      id: '二.2',
      category: '二',
      title: t(
        '有1名以上负责就业服务的工作人员',
        'At least one member of staff for employment services',
      ),
      content: t(
        '★人员队伍建设与社区社工、网格员、就业服务专员、志愿者等服务队伍统筹安排,保障公共就业服务有效开展。',
        '★ Staffing arranged together with social workers, grid workers, employment officers and volunteers.',
      ),
      max: 6,
      starred: true,
      method: t(
        '查验人员分工有关文件资料、岗位工作年限,工作人员参加培训情况。提问工作人员对政策和业务经办系统的熟悉和掌握程度。',
        'Check staffing documents, years in post and training; question staff on policies and the system.',
      ),
      departments: ['就业处/就业中心', '区人社局'],
      source: cite(
        '(二) 2',
        '不达标不得分。',
        '工作人员有参加培训,得3分;工作人员对政策和业务经办系统熟悉熟练,得3分。',
      ),
      notes: [
        t(
          '“不达标不得分”指未配备1名以上负责就业服务的工作人员时本项不得分。',
          '"不达标不得分": without at least one member of staff the item scores 0.',
        ),
      ],
      rule: {
        kind: 'gate',
        label: t('有1名以上负责就业服务的工作人员', 'At least one member of staff'),
        when: ge(input('staffCount'), 1),
        rule: {
          kind: 'sum',
          parts: [check(input('staffTrained'), 3), check(input('staffProficient'), 3)],
        },
        failNote: t('不达标不得分', 'not met'),
      },
    },
    {
      id: '二.3',
      category: '二',
      title: t('工作经费、人员经费纳入财政预算', 'Operating and staff funds in the public budget'),
      max: 8,
      method: t(
        '查验相关财政文件、政府购买服务文件资料及经费拨付证明。',
        'Check budget documents, service-purchase documents and proof of payment.',
      ),
      departments: ['就业处/就业中心', '区人社局'],
      source: cite(
        '(二) 3',
        '不达标不得分。',
        '工作经费、人员经费按时足额到位。省级充分就业(星级)社区(村)、国家级充分就业示范社区示范性奖补等就业创业政策性补贴和服务补助资金按规定使用并发挥效益(行政村不要求纳入财政预算)。',
      ),
      notes: [
        t(
          '达标＝经费纳入财政预算（行政村不要求）、按时足额到位，且奖补等资金按规定使用（未获此类资金视为满足）；全部满足得8分，否则不得分。',
          'Met = funds in the budget (not required of villages), paid on time and in full, and award subsidies used as required (none received counts as met); all met: 8, else 0.',
        ),
      ],
      rule: check(
        and(
          ifThen(eq(unitKind(), str('village')), true, input('fundsInBudget')),
          input('fundsPaidInFull'),
          input('subsidiesUsedAsRequired'),
        ),
        8,
        t('经费保障达标', 'Funding standard met'),
      ),
    },
    {
      id: '二.4',
      category: '二',
      title: t('规章制度健全并公开', 'Rules complete and public'),
      max: 4,
      method: t(
        '查验工作职责、业务流程、服务规范、管理制度的建立及公开情况。',
        'Check duties, procedures, service norms and rules, and their publication.',
      ),
      departments: ['就业处/就业中心', '区人社局'],
      source: cite('(二) 4', '按规定建立相关规章制度,得2分;规章制度公开,得2分。'),
      rule: {
        kind: 'sum',
        parts: [check(input('rulesEstablished'), 2), check(input('rulesPublic'), 2)],
      },
    },
    {
      id: '二.5',
      category: '二',
      title: t(
        '使用省或市统一规定的业务软件,实现信息联网',
        'Provincial or city case software, networked',
      ),
      max: 4,
      method: t(
        '查验办公电脑业务软件使用及联网情况,自助服务一体机联网使用情况。',
        'Check the case software and networking of office computers and self-service kiosks.',
      ),
      departments: ['就业中心', '区人社局'],
      source: cite('(二) 5', '不达标不得分。'),
      rule: check(input('unifiedSoftwareNetworked'), 4),
    },
    {
      id: '二.6',
      category: '二',
      title: t(
        '基础数据库建立,资料台帐齐全并按时更新',
        'Database and ledgers complete and up to date',
      ),
      max: 4,
      method: t(
        '查验系统数据、资料台帐的建立和更新情况、信息化展示情况。',
        'Check system data and ledgers, their updating and electronic display.',
      ),
      departments: ['就业中心', '区人社局'],
      source: cite(
        '(二) 6',
        '按规定建立系统数据和资料台帐的,得2分;更新及时,得2分。',
        '情况核实与台账不一致,每占抽查比例10%扣2分。',
      ),
      notes: [
        t(
          '“每占抽查比例10%扣2分”按满10%计一次，扣完为止（最低0分）；未抽查不扣分。',
          '"每占抽查比例10%扣2分" deducts per full 10 %, never below 0; no spot check, no deduction.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: {
          kind: 'sum',
          parts: [check(input('databaseEstablished'), 2), check(input('databaseUpdatedTimely'), 2)],
        },
        deductions: [
          {
            label: t('情况核实与台账不一致', 'Entries inconsistent with the ledger'),
            amount: metric('ledgerMismatchShare'),
            step: pct(10),
            points: 2,
          },
        ],
      },
    },
    {
      id: '三.1',
      category: '三',
      title: t(
        '采取多种形式宣传就业创业政策',
        'Employment and start-up policies publicised in many ways',
      ),
      content: t(
        '★公共就业服务充分、多元宣传展示。',
        '★ Public employment services fully and variously displayed.',
      ),
      max: 2,
      starred: true,
      method: t(
        '查验政策宣传形式及开展情况,政策清单、服务清单,办事指南,政策文件等各类政策宣传资料。',
        'Check publicity, policy and service lists, guides and documents.',
      ),
      departments: ['就业处/就业中心', '区人社局'],
      source: cite('(三) 1', '宣传资料齐全得1分,各种专项活动中开展政策宣传得1分。'),
      rule: {
        kind: 'sum',
        parts: [check(input('publicityMaterials'), 1), check(input('publicityInCampaigns'), 1)],
      },
    },
    {
      id: '三.2',
      category: '三',
      title: t(
        '开展辖区劳动力就业及人力资源调查,每月开展失业人员跟踪调查,台账信息实行动态管理',
        'Labour-force surveys, monthly follow-up of the unemployed, live ledgers',
      ),
      content: t(
        '★与其他网格服务、志愿服务统筹开展上门走访情况。',
        '★ Home visits together with grid and volunteer services.',
      ),
      max: 5,
      starred: true,
      method: t(
        '查验调查记录、人员基础台账和基础数据库动态更新情况;',
        'Check survey records, ledgers and database updates.',
      ),
      departments: ['就业中心', '市场中心', '区人社局'],
      source: cite(
        '(三) 2',
        '有调查记录,得2分;底数清或更新(系统数据比对)及时,得2分;登记失业人员求职培训意愿信息更新及时,得1分。',
        '情况核实与台账不一致每一人扣0.5分。',
      ),
      rule: {
        kind: 'deduct',
        base: {
          kind: 'sum',
          parts: [
            check(input('surveyRecords'), 2),
            check(input('baseClearOrUpdated'), 2),
            check(input('unemployedIntentionsUpdated'), 1),
          ],
        },
        deductions: [
          {
            label: t('情况核实与台账不一致', 'People inconsistent with the ledger'),
            amount: input('surveyMismatchedPersons'),
            points: 0.5,
          },
        ],
      },
    },
    {
      id: '三.3',
      category: '三',
      title: t(
        '协助开发、收集、发布就业岗位,并提供供需匹配服务',
        'Jobs collected, published and matched',
      ),
      max: 5,
      method: t(
        '查验岗位招聘信息线上线下发布渠道、发布记录,与求职登记、岗位推荐工作的供需匹配情况。',
        'Check publication channels and records and matching with job-seeker registrations and referrals.',
      ),
      departments: ['市场中心', '区人社局'],
      source: cite(
        '(三) 3',
        '有岗位收集记录,得2分;有发布记录,得1分;工作时间、招聘要求、薪酬待遇、单位联系人等岗位要素齐全,得1分;有供需匹配(求职结果回访)记录,得1分。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          check(input('jobsCollectedRecords'), 2),
          check(input('jobsPublishedRecords'), 1),
          check(input('jobElementsComplete'), 1),
          check(input('matchingRecords'), 1),
        ],
      },
    },
    {
      id: '三.4',
      category: '三',
      title: t(
        '开展就业登记、失业登记,职业指导、职业介绍,协助申领就业创业政策性补贴',
        'Employment and unemployment registration, guidance, placement, subsidy claims',
      ),
      max: 5,
      method: t(
        '查验系统办理数据,查验求职登记、岗位推荐情况,求职信息发布情况,就业登记、失业登记注销情况。',
        'Check system case data, registrations, referrals and publications.',
      ),
      departments: ['就业中心', '市场中心', '区人社局'],
      source: cite(
        '(三) 4',
        '有求职登记记录、岗位推荐记录,得3分;有发布求职信息,得2分。',
        '系统办理数据每缺1种扣1分。',
      ),
      notes: [
        t(
          '“有求职登记记录、岗位推荐记录,得3分”须两种记录都有；只有其一不得这3分。',
          '"有求职登记记录、岗位推荐记录,得3分" needs both kinds of records; one alone earns none of the 3.',
        ),
        t(
          '“系统办理数据每缺1种扣1分”，扣完为止（最低0分）。',
          '"每缺1种扣1分": 1 per missing kind, never below 0.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: {
          kind: 'sum',
          parts: [
            check(input('jobSeekerAndReferralRecords'), 3),
            check(input('jobSeekerInfoPublished'), 2),
          ],
        },
        deductions: [
          {
            label: t('系统办理数据缺项', 'Kinds of system case data missing'),
            amount: input('systemDataTypesMissing'),
            points: 1,
          },
        ],
      },
    },
    {
      id: '三.5',
      category: '三',
      title: t(
        '协助办理就业困难人员认定,开展就业困难人员就业帮扶和跟踪服务',
        'Help for people with employment difficulties, with follow-up',
      ),
      max: 5,
      method: t(
        '查验三级帮扶台账,看政策清单、服务清单提供情况,岗位推荐、专人对接联系情况,“一人一策”个性化援助档案、公益性岗位安置情况,暂停服务备注和恢复跟踪服务情况,取消就业困难人员身份情况。',
        'Check the three-level assistance ledger and individual assistance files.',
      ),
      departments: ['就业中心', '区人社局'],
      source: cite(
        '(三) 5',
        '未在规定时限内落实分级服务措施的,每一人扣0.5分,定期联系和跟踪服务制度未落实的,每一人扣0.5分。',
      ),
      notes: [
        t(
          '以满分5分为基数扣分，扣完为止（最低0分）。',
          'Deductions from the full 5 points, never below 0.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: 5,
        deductions: [
          {
            label: t('未在规定时限内落实分级服务措施', 'Tiered service not in place in time'),
            amount: input('tieredServiceLapsedPersons'),
            points: 0.5,
          },
          {
            label: t('定期联系和跟踪服务制度未落实', 'Regular contact and follow-up lapsed'),
            amount: input('followUpLapsedPersons'),
            points: 0.5,
          },
        ],
      },
    },
    {
      id: '三.6',
      category: '三',
      title: t(
        '协助组织辖区失业人员、就业困难人员参加各类职业技能培训、创业培训',
        'Unemployed people and people with difficulties helped into skills and start-up training',
      ),
      max: 5,
      method: t(
        '查验培训信息发布情况,协助组织有培训需求的失业人员、就业困难人员参加培训情况,人员培训需求及培训报名签到情况。',
        'Check training notices, help given to those needing training, needs and attendance records.',
      ),
      departments: ['职建处/职建中心', '就业中心', '区人社局'],
      source: cite(
        '(三) 6',
        '有培训需求人员的推荐1次培训得2分,推荐2次培训得3分,推荐3次培训得5分。',
        '推荐培训次数不足3次,但均已实现就业创业的,得5分。',
        '未按规定协助组织培训的,此项不得分。',
      ),
      notes: [
        t(
          '推荐3次及以上得5分；不足3次但有培训需求人员均已实现就业创业的，亦得5分（取较高者）。',
          '3 or more referrals: 5; fewer, but everyone needing training found work: also 5 (the better applies).',
        ),
      ],
      rule: {
        kind: 'gate',
        when: input('trainingAssistedAsRequired'),
        rule: {
          kind: 'best',
          parts: [
            {
              kind: 'ladder',
              value: input('trainingReferrals'),
              steps: [
                { atLeast: { op: 'number', value: 1 }, points: 2 },
                { atLeast: { op: 'number', value: 2 }, points: 3 },
                { atLeast: { op: 'number', value: 3 }, points: 5 },
              ],
              unit: t('次', ' referrals'),
            },
            check(input('traineesAllEmployed'), 5),
          ],
        },
        failNote: t('未按规定协助组织培训的,此项不得分', 'training not organised as required'),
      },
    },
    {
      id: '三.7',
      category: '三',
      title: t('开展高校毕业生就业服务', 'Employment services for graduates'),
      content: t(
        '协助对辖区有就业意愿的离校未就业高校毕业生至少提供1次政策宣介、3次职业指导、3次岗位推荐、1次技能培训(含创业培训)或就业见习机会、1次档案服务,人员就业服务信息及时更新。',
        'For each willing graduate: at least 1 policy briefing, 3 career guidance sessions, 3 job referrals, 1 training or internship, 1 records service; service records kept up to date.',
      ),
      max: 5,
      method: t(
        '查验省人社厅下达名单辖区所属高校毕业生就业服务记录,抽查数据真实性。',
        "Check service records for the province's list of local graduates; spot-check their accuracy.",
      ),
      departments: ['市场中心', '职建中心', '区人社局'],
      source: cite(
        '(三) 7',
        '未就业高校毕业生就业服务每缺一项扣1分,服务情况核查,每一人不一致,扣0.5分。',
      ),
      notes: [
        t(
          '服务项目计6项（政策宣介、职业指导、岗位推荐、技能培训或见习、档案服务、信息及时更新），每缺一项扣1分；以5分为基数，扣完为止。',
          'Six services count (briefing, guidance, referrals, training or internship, records service, timely updates), 1 per missing one; from 5, never below 0.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: 5,
        deductions: [
          {
            label: t('就业服务缺项', 'Graduate services missing'),
            amount: input('graduateServiceItemsMissing'),
            points: 1,
          },
          {
            label: t('服务情况核查不一致', 'Service records not matching'),
            amount: input('graduateServiceMismatchedPersons'),
            points: 0.5,
          },
        ],
      },
    },
    {
      id: '三.8',
      category: '三',
      title: t(
        '从事灵活就业人员的失业人员协助提供就业援助服务和指导',
        'Help and guidance for unemployed people in flexible work',
      ),
      content: t(
        '★与辖区零工市场形成工作衔接,有效提供服务。',
        '★ Linked with the local gig-work market.',
      ),
      max: 4,
      starred: true,
      departments: ['就业处/市场中心', '区人社局'],
      source: cite('(三) 8', '资料台帐无相关记录的,即扣2分;信息不实,每核实一条扣0.5分。'),
      rule: {
        kind: 'deduct',
        base: 4,
        deductions: [
          {
            label: t('资料台帐无相关记录', 'No ledger records'),
            amount: input('flexibleRecordsAbsent'),
            points: 2,
          },
          {
            label: t('信息不实', 'Untrue entries'),
            amount: input('flexibleFalseEntries'),
            points: 0.5,
          },
        ],
      },
    },
    {
      id: '三.9',
      category: '三',
      title: t(
        '群众满意度高,年内就业服务工作无群众有效投诉',
        'High satisfaction: no valid complaints in the year',
      ),
      max: 2,
      departments: ['就业中心', '区人社局'],
      source: cite('(三) 9', '达标得2分。未公布群众投诉渠道的,扣1分。'),
      notes: [
        t(
          '达标＝年内无群众有效投诉；未公布投诉渠道再扣1分，最低0分。',
          'Met = no valid complaints in the year; an unpublished complaints channel deducts 1 more, never below 0.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: check(
          eq(input('validComplaints'), 0),
          2,
          t('年内无群众有效投诉', 'No valid complaints'),
        ),
        deductions: [
          {
            label: t('未公布群众投诉渠道', 'Complaints channel not published'),
            amount: not(input('complaintChannelPublished')),
            points: 1,
          },
        ],
      },
    },
    {
      id: '三.10',
      category: '三',
      title: t('劳动关系协调,社区未发生重大就业风险事件', 'No major employment-risk events'),
      content: t(
        '重大就业风险事件指涉及200人以上引发涉及面广、影响面大、有不稳定因素的;有组织、有规模、有策划的;发生集体上访、怠工罢工等群体性舆情事件(包括重大劳资纠纷和群体性事件),或涉及地区、行业中具有较大影响力企业的就业舆情事件。',
        'A major employment-risk event involves 200+ people, or is organised, or is a collective petition, strike or similar, or concerns an influential employer.',
      ),
      max: 2,
      departments: ['就业中心', '区人社局'],
      source: cite('(三) 10', '发生重大就业风险事件不得分。'),
      rule: check(
        eq(input('majorEmploymentRiskEvents'), 0),
        2,
        t('未发生重大就业风险事件', 'No major events'),
      ),
    },
    {
      id: '四.1',
      category: '四',
      title: t('就业服务成效成色足', 'Effective employment services'),
      max: 2,
      departments: ['区人社局', '就业处', '职建处', '就业中心', '职建中心', '市场中心'],
      source: cite('(四) 1', '1.\u00a0剔除人员占比低于5%加1分,低于3%加1.5分;无剔除人员加2分。'),
      notes: [
        t(
          '“剔除人员”按一.1的非就业情形注销失业登记人数计，占比＝其÷登记失业人数；无登记失业人员视为无剔除人员。',
          '"剔除人员" is read as 一.1\'s registrations cancelled for reasons other than employment, as a share of the registered unemployed; none registered counts as none excluded.',
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('exclusionShare'),
        bands: [
          { operator: '<=', threshold: pct(0), points: 2 },
          { operator: '<', threshold: pct(3), points: 1.5 },
          { operator: '<', threshold: pct(5), points: 1 },
        ],
      },
    },
    {
      id: '四.2',
      category: '四',
      title: t('职业技能培训成效好', 'Effective skills training'),
      max: 2,
      departments: ['区人社局', '就业处', '职建处', '就业中心', '职建中心', '市场中心'],
      source: cite(
        '(四) 2',
        '2.\u00a0报告期内,辖区内有培训需求人员培训后实现就业人数比例,达到5%的加1分,达到10%的加1.5分,达到15%的加2分。',
      ),
      rule: {
        kind: 'band',
        value: metric('trainingEmploymentRate'),
        bands: [
          { operator: '>=', threshold: pct(15), points: 2 },
          { operator: '>=', threshold: pct(10), points: 1.5 },
          { operator: '>=', threshold: pct(5), points: 1 },
        ],
      },
    },
    {
      id: '四.3',
      category: '四',
      title: t(
        '信息化服务、工作协同力度大,效率高',
        'Strong, efficient digital services and cooperation',
      ),
      max: 10,
      departments: ['区人社局', '就业处', '职建处', '就业中心', '职建中心', '市场中心'],
      source: cite(
        '(四) 3',
        '3.\u00a0社区(村)配备自助服务一体机并联网使用的,加1分;实现服务信息化展示,加2分;与其他网格服务、志愿服务统筹开展上门走访的,加1分;设置灵活就业信息发布栏的,加1分;配套建设零工服务驿站、就业驿站、农村电商基层示范站、“镇村通”社保服务网点,设置灵活创业摊点的,各加2分。',
      ),
      notes: [
        t(
          '源文件只规定加分项合计10分，未规定各小项上限；本项各部分合计可达15分，按10分封顶（加分项合计另封顶10分）。',
          "The source caps only the bonus category (10); this item's parts can reach 15 and are capped at 10 (the category is capped at 10 too).",
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('selfServiceKiosk'), 1),
          check(input('serviceInfoDisplay'), 2),
          check(input('gridVisits'), 1),
          check(input('flexibleJobBoard'), 1),
          check(input('gigStation'), 2),
          check(input('employmentStation'), 2),
          check(input('ecommerceStation'), 2),
          check(input('townVillageOutlet'), 2),
          check(input('flexibleStalls'), 2),
        ],
        cap: 10,
      },
    },
    {
      id: '四.4',
      category: '四',
      title: t('工作人员队伍稳定性强', 'Stable staff'),
      max: 1,
      departments: ['区人社局', '就业处', '职建处', '就业中心', '职建中心', '市场中心'],
      source: cite('(四) 4', '4.\u00a0工作人员岗位工作年限5年以上的,加1分。'),
      rule: check(input('staffTenureFiveYears'), 1),
    },
    {
      id: '四.5',
      category: '四',
      title: t(
        '积极主动开发就业创业岗位,充分就业社区(村)水平保持好',
        'Jobs developed; full-employment standard sustained',
      ),
      max: 2,
      departments: ['区人社局', '就业处', '职建处', '就业中心', '职建中心', '市场中心'],
      source: cite('(四) 5', '5.\u00a0连续十年评定为充分就业社区(村)加1分,连续十五年的加2分。'),
      notes: [
        t(
          '连续年数含本身：连续10年即加1分，15年及以上加2分。',
          'Counts are inclusive: 10 consecutive years add 1, 15 or more add 2.',
        ),
      ],
      rule: {
        kind: 'ladder',
        value: input('consecutiveYearsDesignated'),
        steps: [
          { atLeast: { op: 'number', value: 10 }, points: 1 },
          { atLeast: { op: 'number', value: 15 }, points: 2 },
        ],
        unit: t('年', ' years'),
      },
    },
    {
      id: '四.6',
      category: '四',
      title: t(
        '党建引领作用发挥效果好,形成“先进性、典型性、特色性”工作经验',
        'Party-building leadership; exemplary practice',
      ),
      max: 10,
      departments: ['区人社局', '就业处', '职建处', '就业中心', '职建中心', '市场中心'],
      source: cite(
        '(四) 6',
        '6.\u00a0就业创业工作创新举措取得实效,获得市级以上荣誉,每次加3分;获得市级以上领导批示肯定,每次加2分;承办市级以上现场交流会、现场观摩、经验介绍等活动的,每次加2分;经验做法被市级以上主流媒体、刊物宣传报道,加1分。',
      ),
      notes: [
        t(
          '按次加分不设单项上限，本项按加分项合计10分封顶。',
          "Per-occurrence bonuses have no cap of their own; the item is capped at the bonus category's 10.",
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          { kind: 'each', count: input('cityHonours'), points: 3, max: 10 },
          { kind: 'each', count: input('leaderEndorsements'), points: 2, max: 10 },
          { kind: 'each', count: input('hostedEvents'), points: 2, max: 10 },
          check(input('mediaReported'), 1),
        ],
        cap: 10,
      },
    },
  ],
  designation: {
    title: t('充分就业社区(村)', 'Full-employment community (village)'),
    passMark: param('passMark'),
    notes: [
      t(
        '源文件未规定达标分数线：由创建周期以参数 passMark 设定（总分含加分项）。',
        'The source states no pass mark: each cycle sets the passMark parameter (compared with the total including bonus).',
      ),
    ],
  },
  constraints: [
    {
      id: 'reemployedWithinBase',
      when: ge(
        sub(input('registeredUnemployed'), input('unemployedDeregisteredNonEmployment')),
        input('unemployedReemployed'),
      ),
      message: t(
        '再就业人数不能超过登记失业人数减非就业情形注销人数',
        'Re-employed cannot exceed registered unemployed minus non-employment cancellations',
      ),
    },
    {
      id: 'notPlacedWithinGraduates',
      when: ge(input('graduatesTotal'), input('graduatesNotPlaced')),
      message: t(
        '未就业人数不能超过毕业生总人数',
        'Graduates without a destination cannot exceed all graduates',
      ),
    },
    {
      id: 'poorEmployedWithinWilling',
      when: ge(input('poorGraduatesWilling'), input('poorGraduatesEmployed')),
      message: t('已就业人数不能超过有就业意愿人数', 'Employed cannot exceed those wanting work'),
    },
    {
      id: 'difficultEmployedWithinBase',
      when: ge(
        sub(input('difficultTotal'), input('difficultCancelledNonEmployment')),
        input('difficultEmployed'),
      ),
      message: t(
        '实现就业的就业困难人员不能超过总人数减非就业情形取消人数',
        'Employed cannot exceed the total minus non-employment cancellations',
      ),
    },
    {
      id: 'clearedWithinFamilies',
      when: ge(input('zeroEmploymentFamilies'), input('zeroEmploymentFamiliesCleared')),
      message: t(
        '清零户数不能超过零就业家庭户数',
        'Cleared households cannot exceed those identified',
      ),
    },
    {
      id: 'mismatchedWithinSampled',
      when: and(
        ge(input('unemployedSampled'), input('unemployedSampleMismatched')),
        ge(input('ledgerSampled'), input('ledgerSampleMismatched')),
      ),
      message: t('不一致数不能超过抽查数', 'Inconsistent entries cannot exceed those checked'),
    },
    {
      id: 'trainedWithinNeeding',
      when: ge(input('peopleNeedingTraining'), input('employedAfterTraining')),
      message: t(
        '培训后就业人数不能超过有培训需求人数',
        'Employed after training cannot exceed those needing it',
      ),
    },
  ],
};

/** 广州市充分就业社区(村)建设标准(2024年修订版), validated. */
export const gzFullEmployment2024 = definePack(pack);
