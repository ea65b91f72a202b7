import type { Expression } from '../src/expression.ts';
import {
  and,
  eq,
  ge,
  gt,
  input,
  lt,
  metric,
  not,
  or,
  pct,
  ratio,
  reference,
  sub,
} from '../src/expression-builders.ts';
import { definePack } from '../src/pack-integrity.ts';
import type { PackInput } from '../src/pack-schema.ts';
import type { RuleInput } from '../src/rules/rule.ts';
import type { Text } from '../src/text.ts';

// 全省就业工作单项考核表: 001_0c8b13447a812187.txt (附件2). Seven projects, 41 sub-items, 400
// points, scored per city at three stages (自评分 → 省厅初评分 → 省厅审定考核分). Every item cites
// its 评分办法 and keeps its 目标要求 (`target`) and 评分办法 (`method`) for exports laid out like
// the source; every reading of an unclear sentence is a note on the item (zh and en) with a test
// in province-employment-work.test.ts.

const FILE = '001_0c8b13447a812187.txt';

function t(zh: string, en: string): Text {
  return { zh, en };
}

function cite(project: string, subItem: string, ...lines: string[]) {
  return { file: FILE, section: `附件2 ${project} ${subItem}`, quote: lines.join('\n') };
}

/** The review chain's stages, in order; judgement items may be entered at any of them. */
const STAGES = ['self', 'initial', 'final'];

function count(id: string, zh: string, en: string, unit: Text, extra: { max?: number } = {}) {
  return { id, kind: 'count' as const, label: t(zh, en), unit, ...extra };
}

function yes(id: string, zh: string, en: string) {
  return { id, kind: 'boolean' as const, label: t(zh, en) };
}

function amount(id: string, zh: string, en: string) {
  return { id, kind: 'number' as const, label: t(zh, en), unit: t('万元', ' × 10k yuan'), min: 0 };
}

const PEOPLE = t('人', ' people');
const TIMES = t('次', ' times');
const CASES = t('起', ' cases');
const PLACES = t('个', ' units');
const KINDS = t('项', ' items');

const check = (when: Expression, points: number, label?: Text): RuleInput => ({
  kind: 'check',
  when,
  points,
  ...(label ? { label } : {}),
});

/** "每有一个…扣N分，扣完为止": `base` less `points` per occurrence, never below 0. */
const deductEach = (base: number, label: Text, occurrences: Expression, points: number) =>
  ({
    kind: 'deduct',
    base,
    deductions: [{ label, amount: occurrences, points }],
  }) satisfies RuleInput;

/**
 * A judgement the source states as "…的得N分，否则不得分" where only an assessor can say whether
 * it holds (较为合理, 知名, 保持良好…): entered at any stage, all or nothing (step = points).
 */
const judged = (key: string, points: number, guidance: Text, label?: Text): RuleInput => ({
  kind: 'assessed',
  key,
  points,
  step: points,
  stages: STAGES,
  guidance,
  ...(label ? { label } : {}),
});

/** 比上年末增加的得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分. */
const growthParts = (thisYear: string, lastYear: string, growth: string, label: Text) =>
  ({
    kind: 'gate',
    label,
    when: gt(input(thisYear), input(lastYear)),
    rule: {
      kind: 'band',
      value: metric(growth),
      bands: [
        { operator: '>=', threshold: pct(2), points: 4 },
        { operator: '>=', threshold: pct(1), points: 3 },
      ],
      otherwise: 2,
    },
  }) satisfies RuleInput;

/** "每低1个百分点扣N分": a shortfall below `target`, every started percentage point. */
const shortfallDeduction = (label: Text, target: Expression, rate: Expression, points: number) => ({
  label,
  amount: sub(target, rate),
  step: pct(1),
  rounding: 'started-steps' as const,
  points,
});

const STARTED_STEP_NOTE = t(
  '“每低1%/每低1个百分点”按开始的每个百分点计（不足1个百分点按1个计）：源文件先说“达到…得N分”，未达到即应扣分，故差0.5个百分点也扣一次；超过要求不加分。',
  '"每低1%" / "每低1个百分点" counts every started percentage point (a part of one counts as one): the source first says only reaching the mark earns the points, so falling 0.5 points short still costs one step; exceeding it adds nothing.',
);

const pack: PackInput = {
  key: 'province.employment-work',
  version: '1.0',
  title: t('全省就业工作单项考核表', 'Provincial employment-work assessment table'),
  issuer: t(
    '省人力资源和社会保障厅',
    'Provincial Department of Human Resources and Social Security',
  ),
  source: { file: FILE, title: '全省就业工作单项考核表', section: '附件2' },
  effectiveFrom: '2024-01-01',
  total: 400,
  unitKinds: ['city'],
  reviewChain: [
    {
      key: 'self',
      title: t('自评分', 'Self-assessment'),
      actor: 'reporter',
      description: t(
        '设区市按表填报数据和自评（“单位（盖章）”）。',
        'The city reports its figures and scores itself ("单位（盖章）").',
      ),
    },
    {
      key: 'initial',
      title: t('省厅初评分', "Provincial department's initial review"),
      actor: 'reviewer',
      description: t(
        '省厅核实城市填报的数据，修正后初评。',
        'The provincial department verifies the figures, corrects them and scores.',
      ),
    },
    {
      key: 'final',
      title: t('省厅审定考核分', "Provincial department's approved score"),
      actor: 'reviewer',
      description: t('省厅审定最终考核分。', 'The provincial department approves the final score.'),
    },
  ],
  notes: [
    t(
      '考核对象为设区的市（单位类型 city）；七个项目合计400分：失业保险50、农民就业创业50、公共人力资源市场建设50、就业创业培训50、城乡基层平台建设50、就业管理信息化建设100、就业专项资金管理50。',
      'Scored per city (unit kind city); seven projects, 400 points: unemployment insurance 50, rural employment 50, public HR market 50, training 50, grassroots platforms 50, informatisation 100, special funds 50.',
    ),
    t(
      '三个评分阶段（自评分、省厅初评分、省厅审定考核分）各有一套输入数据和酌情评分：城市在自评阶段填报；省厅在初评、审定阶段可修正数据（如核实后的次数、是否达到要求）和酌情评分。同一城市各阶段得分可以不同。',
      'Each of the three stages (self, initial review, final) has its own inputs and judgements: the city reports at self-assessment; the province may correct the figures (verified counts, whether a requirement is met) and the judgements at initial review and at approval. A city can score differently at each stage.',
    ),
    t(
      '“达到要求得N分，否则不得分”：可核实的事实（出台文件、按时上报、建立制度、次数）作为城市填报、省厅核实的输入项（是/否或次数）；只有评估人能判断的评价性表述（“较为合理”“占全省比重较小”“较为适中”“设置科学…效果显著”“知名培训品牌”“认真准备积极参与”“保持良好”）作为酌情评分项，三个阶段均可录入，只能得0分或满分（step = 分值）。',
      '"达到要求得N分，否则不得分": verifiable facts (documents issued, reports on time, rules in place, counts) are inputs the city reports and the province verifies (yes/no or counts); evaluative wording only an assessor can apply ("较为合理", "占全省比重较小", "较为适中", "设置科学…效果显著", "知名培训品牌", "认真准备积极参与", "保持良好") is an assessed judgement, enterable at all three stages, worth 0 or the full part (step = points).',
    ),
    t(
      '除培训补贴政策（可倒扣5分）外，各子项目最低0分：扣分“扣完为止”，未写“扣完为止”的扣分也不低于0分（源文件只在培训补贴政策写明倒扣）。',
      'Except 培训补贴政策 (which can reach −5), no sub-item goes below 0: deductions stop at 0 ("扣完为止"), including those whose sentence does not say so (the source states a deduction below zero only for 培训补贴政策).',
    ),
    STARTED_STEP_NOTE,
    t(
      '源文件未写明施行日期：本内置版本适用于2024年起的考核年度；更早年度的考核周期须明确选定版本。',
      'The source gives no date: this built-in version applies to assessment years from 2024; a cycle for an earlier year pins its version explicitly.',
    ),
  ],
  references: [
    {
      id: 'provinceAveragePassRate',
      label: t(
        '省当年协理员鉴定平均通过率',
        "The province's average pass rate for assistants this year",
      ),
      format: 'percent',
      description: t(
        '由省厅在考核周期中提供（全省口径，非参评城市通过率的简单平均）。',
        'Supplied by the province for the cycle (its own province-wide figure, not a mean of the cities’ rates).',
      ),
      source: { from: 'cycle' },
    },
  ],
  inputs: [
    // 失业保险.1 扩面征缴工作
    count('contributorsLastYearEnd', '上年末实际缴费人数', 'Contributors at last year end', PEOPLE),
    count('contributorsThisYearEnd', '本年末实际缴费人数', 'Contributors at this year end', PEOPLE),
    count(
      'migrantInsuredLastYearEnd',
      '上年末农民工参保人数',
      'Insured migrant workers at last year end',
      PEOPLE,
    ),
    count(
      'migrantInsuredThisYearEnd',
      '本年末农民工参保人数',
      'Insured migrant workers at this year end',
      PEOPLE,
    ),
    // 失业保险.2
    count(
      'insuranceLawLapses',
      '未按要求落实国家和省失业保险政策（含未及时出台本地实施办法）的次数',
      'Times national or provincial unemployment-insurance policy was not implemented as required (incl. local measures not issued in time)',
      TIMES,
    ),
    count(
      'insuranceLawViolations',
      '查实的违反国家和省法律、法规规定的行为数',
      'Verified breaches of national or provincial laws and regulations',
      CASES,
    ),
    // 失业保险.3
    count(
      'benefitLapses',
      '查实的未落实失业保险待遇的起数（含所属统筹地区）',
      'Verified cases of benefits not delivered (incl. pooling areas)',
      CASES,
    ),
    yes(
      'benefitAdjustmentInPlace',
      '建立失业保险金调整机制并及时调整',
      'An adjustment mechanism for unemployment benefits exists and was applied in time',
    ),
    // 失业保险.4
    yes(
      'cityPoolingAchieved',
      '按省规定实现设区的市市区统筹',
      'City-district pooling achieved as the province requires',
    ),
    yes(
      'independentDistrictOutsidePooling',
      '有财政独立区未纳入市区统筹',
      'A fiscally independent district is outside the city pooling',
    ),
    // 失业保险.5
    count(
      'monitoringLateReports',
      '监测数据超过规定时间上报的次数',
      'Monitoring data reported late (times)',
      TIMES,
    ),
    count(
      'monitoringMissedMonthlyAnalyses',
      '少报的月度监测分析次数',
      'Monthly monitoring analyses not submitted',
      TIMES,
      { max: 12 },
    ),
    count(
      'monitoringMissedMajorChangeReports',
      '监测数据出现重大变化未上报分析的次数',
      'Major changes in monitoring data without an analysis report',
      TIMES,
    ),
    // 失业保险.6
    yes(
      'cityArchivesMeetRequirements',
      '市本级失业保险业务档案达到省要求',
      "The city's own unemployment-insurance archives meet the province's requirements",
    ),
    count(
      'poolingAreasArchivesUnmet',
      '档案未达到要求的所属统筹地区个数',
      'Pooling areas whose archives fall short',
      PLACES,
    ),
    // 失业保险.7
    count(
      'poolingAreasProceduresNotPosted',
      '经办管理制度和流程未上墙公示的统筹地区个数',
      'Pooling areas without procedures posted at the service window',
      PLACES,
    ),
    count(
      'windowsPublicityUnmet',
      '宣传单发放和政策宣传未达要求的个数',
      'Windows or areas whose leaflets and policy publicity fall short',
      PLACES,
    ),
    count(
      'handlingViolations',
      '查实的违反经办规定的行为数',
      'Verified breaches of case-handling rules',
      CASES,
    ),
    count(
      'informatisationUnmet',
      '经办信息化和实名制登记管理未达要求的个数',
      'Areas whose case-handling informatisation or real-name registration falls short',
      PLACES,
    ),
    // 失业保险.8
    count(
      'statisticsRequirementsUnmet',
      '失业保险统计未达省要求的项数',
      'Statistics requirements not met (items)',
      KINDS,
    ),
    // 失业保险.9
    yes(
      'fundBudgetReportsTimely',
      '及时合理编报基金预(决)算报表',
      'Fund budget and final-account statements prepared in time and properly',
    ),
    yes(
      'pilotQuarterlyReportsTimely',
      '及时编制试点资金季度报表',
      'Quarterly statements of the pilot funds prepared in time',
    ),
    yes(
      'insuranceFundUsedAsRequired',
      '严格按规定使用失业保险基金',
      'The unemployment-insurance fund used strictly as required',
    ),
    yes(
      'pilotFundsUsedAsRequired',
      '严格按规定使用试点资金，单独建帐，核算清晰',
      'Pilot funds used as required, in separate accounts, clearly accounted',
    ),
    yes(
      'insuranceFundViolationVerified',
      '有违纪违规事件举报、投诉并查实',
      'A reported breach of fund rules was verified',
    ),
    // 农民就业创业.1
    yes(
      'cityRuralPolicyIssued',
      '市级按规定时间出台促进农民就业创业文件',
      'The city issued its rural employment and start-up document on time',
    ),
    count(
      'countiesWithoutRuralPolicy',
      '未按规定时间出台文件的县（市）个数',
      'Counties that did not issue the document on time',
      PLACES,
    ),
    amount(
      'ruralFundsThisYear',
      '本年度市、县两级财政安排促进农民就业创业资金',
      'This year: city and county budget for rural employment and start-ups',
    ),
    amount(
      'ruralFundsLastYear',
      '上年度市、县两级财政安排促进农民就业创业资金',
      'Last year: city and county budget for rural employment and start-ups',
    ),
    // 农民就业创业.2
    yes(
      'fourLevelWindows',
      '按规定设立从市到村四级服务窗口',
      'Service windows at all four levels, city to village',
    ),
    count(
      'countiesWithoutFourSystems',
      '未全面执行四项制度的县（市、区）个数',
      'Counties (districts) not fully applying the four systems',
      PLACES,
    ),
    count(
      'ruralServiceIndicatorsUnmet',
      '未达省厅要求的项数（职业介绍成功率、就业率、创业成功率、困难家庭就业援助）',
      'Indicators below the province’s requirement (placement, employment, start-up success, help to families in difficulty)',
      KINDS,
      { max: 4 },
    ),
    // 农民就业创业.3
    yes(
      'subsidyWindowsSet',
      '市、县（市）设立受理窗口',
      'City and counties have set up application windows',
    ),
    yes(
      'subsidyWindowsPublished',
      '受理窗口已向社会公布',
      'The windows are announced to the public',
    ),
    yes(
      'certifiedRealNameManaged',
      '获证奖补人员实行实名制管理',
      'Certified subsidy recipients managed by real name',
    ),
    count(
      'certifiedLateReports',
      '未按时上报省厅的次数',
      'Reports to the province submitted late (times)',
      TIMES,
    ),
    yes('subsidiesPaidInTime', '及时兑付奖补资金', 'Subsidies paid in time'),
    count(
      'subsidyComplaintsVerified',
      '查实的投诉举报起数',
      'Verified complaints about the subsidies',
      CASES,
    ),
    // 农民就业创业.4
    yes(
      'labourCooperationDone',
      '按时完成省厅下达的劳务协作任务',
      'Labour-cooperation tasks set by the province completed on time',
    ),
    // 农民就业创业.5
    count(
      'surveysRequired',
      '国家和省厅要求的调查数量',
      'Surveys required by the state and the province',
      t('份', ' surveys'),
    ),
    count('surveysCompleted', '完成的调查数量', 'Surveys completed', t('份', ' surveys')),
    count('surveysValid', '有效调查数量', 'Valid surveys', t('份', ' surveys')),
    // 公共人力资源市场建设.1
    count('marketsApplied', '申报星级评估的市场个数', 'Markets applying for star rating', PLACES),
    count(
      'marketsRatedThreeStars',
      '当年被省厅评估认定在三星级以上的市场个数',
      'Of which rated three stars or more this year',
      PLACES,
    ),
    // 公共人力资源市场建设.2
    yes(
      'campaignPlansReported',
      '按时上报专项就业服务活动计划和总结',
      'Campaign plans and summaries reported on time',
    ),
    count(
      'campaignsNotHeld',
      '少开展的专项就业服务活动项数',
      'Required employment-service campaigns not held',
      KINDS,
    ),
    // 公共人力资源市场建设.3
    yes(
      'supplyDemandReportsFiled',
      '按规定上报职业供求状况分析报告',
      'Labour supply-and-demand analyses filed as required',
    ),
    yes(
      'supplyDemandDataCommended',
      '数据上报及时，并得到部、省通报肯定',
      'Data reported in time and commended by the ministry or province',
    ),
    yes(
      'supplyDemandReportAdopted',
      '提供有价值的职业供求状况分析报告且被上级采用',
      'A valuable analysis was provided and adopted by a higher authority',
    ),
    yes(
      'supplyDemandAnalystStable',
      '明确职业供求分析责任人，并保持稳定',
      'A named, stable person is responsible for the analyses',
    ),
    // 公共人力资源市场建设.4
    yes(
      'jobInformationPublished',
      '通过各种媒体和网络等渠道定时定期向社会发布职业供求信息',
      'Supply-and-demand information published regularly through media and online',
    ),
    yes(
      'jobs12580Published',
      '通过“12580”求职通移动平台发布招聘信息',
      'Vacancies published on the "12580" mobile job platform',
    ),
    // 公共人力资源市场建设.5
    yes(
      'jobPlatformMechanism',
      '建立工作机制，明确责任单位和责任人，有稳定专职人员',
      'A working mechanism, a responsible unit and person, and stable full-time staff',
    ),
    count(
      'jobUploadLapses',
      '未按部要求按时保质保量上传招聘信息的次数',
      'Vacancy uploads that missed the ministry’s timing, quality or volume',
      TIMES,
    ),
    // 就业创业培训.1
    yes(
      'trainingPlanDistributed',
      '有计划并分解任务（以文件为准）',
      'A plan with tasks distributed (in a document)',
    ),
    yes(
      'trainingAssessmentRecords',
      '制定相应考核办法，有平时检查和年度考核记录',
      'Assessment rules with records of routine checks and yearly assessment',
    ),
    yes(
      'trainingGuidanceDocumented',
      '日常指导工作开展有序并有相关文件',
      'Routine guidance is orderly and documented',
    ),
    // 就业创业培训.2
    yes(
      'provincialDemoBase',
      '建立省级以上就业创业培训（孵化）示范基地',
      'A provincial-level or higher training (incubation) demonstration base',
    ),
    // 就业创业培训.3
    yes('trainerPlan', '制定师资培养计划', 'A trainer development plan'),
    yes(
      'trainerTrainingRegular',
      '定期组织开展就业创业培训师资培训工作',
      'Regular training of employment and start-up trainers',
    ),
    // 就业创业培训.4
    yes(
      'startupProjectLibrary',
      '按规定开展创业项目征集发布和项目库建设工作',
      'Start-up projects collected, published and kept in a library as required',
    ),
    yes(
      'startupConsulting',
      '按规定开展创业咨询服务工作',
      'Start-up consulting provided as required',
    ),
    yes(
      'guaranteedLoanSupport',
      '按规定开展小额担保贷款等扶持工作',
      'Guaranteed micro-loans and other support provided as required',
    ),
    yes(
      'startupServiceAgencyBuilt',
      '按序时进度和相关要求完成公共创业指导服务机构功能建设',
      'Public start-up guidance agency built on schedule and to requirements',
    ),
    // 就业创业培训.5
    yes('trainingNeedsSurveyed', '开展培训需求调查并有台帐', 'Training-needs survey with a ledger'),
    yes(
      'trainingNeedsPublished',
      '开展市场培训需求分析并定期向社会发布',
      'Market training-needs analysis published regularly',
    ),
    yes(
      'trainingInfoPlatform',
      '建立统一的职业培训信息管理平台',
      'A unified vocational-training information platform',
    ),
    yes(
      'trainingProvidersManaged',
      '对培训机构进行动态管理',
      'Training providers managed dynamically',
    ),
    yes('traineesRealName', '对参训人员实名制管理', 'Trainees managed by real name'),
    // 就业创业培训.6
    yes(
      'trainingFundsAsRequired',
      '经费安排使用达到省定要求',
      'Training funds budgeted and used as the province requires',
    ),
    yes('trainingFundRules', '建立使用管理制度', 'Rules for the use of the funds'),
    yes(
      'trainingSubsidyCatalogue',
      '制定培训补贴标准目录并向社会公布',
      'A subsidy catalogue drawn up and published',
    ),
    yes('trainingFundsMisused', '培训资金违规使用', 'Training funds were misused'),
    yes(
      'trainingFundComplaint',
      '省厅接到有效投诉举报',
      'The provincial department received a valid complaint',
    ),
    // 城乡基层平台建设.1
    yes(
      'platformPlan',
      '制定城乡平台建设工作规划和年度工作方案',
      'A grassroots-platform plan and yearly work programme',
    ),
    yes(
      'platformSupervision',
      '定期指导督查平台建设工作',
      'Regular guidance and inspection of platform building',
    ),
    // 城乡基层平台建设.2
    yes(
      'platformPerformanceAssessment',
      '建立绩效考核制度，出台平台考核办法并定期组织督查',
      'Performance assessment, platform assessment rules and regular inspections',
    ),
    yes(
      'platformServiceNorms',
      '制定出台符合要求的服务规范及流程并认真组织实施',
      'Service norms and procedures issued and applied',
    ),
    // 城乡基层平台建设.3
    yes(
      'transferTownsTargetMet',
      '完成省充分转移就业乡镇年度目标任务',
      'Yearly target for provincial full-transfer-employment towns met',
    ),
    // 城乡基层平台建设.4
    count(
      'assistantsExamined',
      '参加国家职业资格鉴定的协理员人数',
      'Assistants sitting the national vocational qualification',
      PEOPLE,
    ),
    count('assistantsPassed', '其中鉴定通过人数', 'Of whom passed', PEOPLE),
    count(
      'assistantCentralTrainings',
      '协理员集中培训次数（不含国家职业资格鉴定的考前辅导）',
      'Centralised trainings of assistants (exam preparation excluded)',
      TIMES,
    ),
    // 城乡基层平台建设.5
    yes(
      'themeActivityDistinction',
      '主题活动中成绩突出或取得名次',
      'Outstanding results or a placing in the theme activity',
    ),
    // 就业管理信息化建设.1
    yes(
      'itLeadershipAssigned',
      '明确此项工作的领导或分管领导并明确专门的技术管理人员',
      'A leader in charge and dedicated technical staff named',
    ),
    yes(
      'itOperationsRules',
      '建立信息发布、网络、安全等运维管理制度',
      'Operations rules for publishing, network and security',
    ),
    // 就业管理信息化建设.2
    count(
      'networkLapses',
      '未与市中心联网或未保持联通的县（市）、街道（乡镇）、社区个（次）数',
      'Counties, streets (towns) or communities not networked with the city centre, or outages (each counted)',
      t('个（次）', ' (units or outages)'),
    ),
    yes(
      'villagePlatformsConnected',
      '已建村级平台全部与市中心实现联网',
      'Every village platform built is networked with the city centre',
    ),
    // 就业管理信息化建设.3
    count(
      'nonconformingSoftwareUnits',
      '未使用省统一开发软件或部平台软件的市、县（市、区）就业机构个数',
      'City or county employment agencies not using the provincial or ministry software',
      PLACES,
    ),
    // 就业管理信息化建设.4
    count(
      'countiesOutsideDatabase',
      '市级数据库未覆盖或未实行动态同步的县（市、区）个数',
      'Counties (districts) missing from, or not synchronised with, the city database',
      PLACES,
    ),
    yes(
      'databaseCoversBusiness',
      '数据覆盖就业各项主要业务和主要指标项',
      'The data cover the main employment services and indicators',
    ),
    // 就业管理信息化建设.5
    count(
      'businessesOffSystem',
      '未全部使用信息系统并实行实名制管理的业务项数',
      'Services not run fully in the system with real-name management',
      KINDS,
    ),
    // 就业管理信息化建设.6
    yes(
      'monitoringUploadedOnTime',
      '按时向省中心上传就业监测数据',
      'Employment monitoring data uploaded to the provincial centre on time',
    ),
    ...(
      [
        ['deviationUrbanNewJobs', '城镇新增就业人数', 'Urban new jobs'],
        ['deviationReemployed', '失业人员再就业人数', 'Re-employed unemployed'],
        ['deviationDifficultEmployed', '就业困难人员就业人数', 'People in difficulty employed'],
        ['deviationRegisteredUnemployed', '城镇登记失业人数', 'Registered urban unemployed'],
      ] as const
    ).map(([id, zh, en]) => ({
      id,
      kind: 'percent' as const,
      label: t(
        `主要指标上传量偏离实际数量的比例：${zh}`,
        `Deviation of the uploaded figure from the actual: ${en}`,
      ),
      help: t(
        '|上传量 − 实际数量| ÷ 实际数量；偏离超过100%的填100。',
        '|uploaded − actual| ÷ actual; enter 100 for a deviation above 100 %.',
      ),
    })),
    yes(
      'monitoringAnalysisApplied',
      '市级开展数据监测分析应用',
      'The city analyses and uses the monitoring data',
    ),
    // 就业专项资金管理.1
    amount(
      'employmentFundThisYear',
      '本年度财政安排的就业专项资金',
      'This year: special employment funds in the budget',
    ),
    amount(
      'employmentFundLastYear',
      '上年度财政安排的就业专项资金',
      'Last year: special employment funds in the budget',
    ),
    // 就业专项资金管理.2
    yes(
      'fundPoliciesFunded',
      '各项政策均按规定落实资金，使用规范合理',
      'Every policy funded as required, and the money used properly',
    ),
    yes(
      'realNameFundSystem',
      '使用实名制资金管理系统',
      'A real-name fund management system is used',
    ),
    yes(
      'realNameFundSystemNetworked',
      '实名制资金管理系统联网到位',
      'The real-name fund system is fully networked',
    ),
    count(
      'fundMisuseIncidents',
      '因资金使用不当而引起的举报、上访等事件数',
      'Complaints, petitions and similar incidents over improper use of funds',
      CASES,
    ),
    yes(
      'fundComplaintVerified',
      '有因资金使用问题引起投诉、举报并查实',
      'A complaint about the use of funds was verified',
    ),
    // 就业专项资金管理.4
    yes(
      'fundAccountedAsRequired',
      '各项促进就业资金按规定核算',
      'Every employment fund accounted as required',
    ),
    yes(
      'fundStatementsFiled',
      '严格按规定编制报送季度和年度决算报表',
      'Quarterly and yearly final statements prepared and filed as required',
    ),
    yes(
      'fundAccountedByProject',
      '按资金项目核算并能够分项目填报相关报表，管理工作到位',
      'Accounted and reported by fund project, properly managed',
    ),
    // 就业专项资金管理.5
    yes('performanceRules', '建立绩效管理制度', 'Performance management rules'),
    yes('performanceEvaluatedYearly', '按年度进行绩效评价', 'Yearly performance evaluation'),
    yes('performanceReportFiled', '绩效评价报告及时上报备案', 'Evaluation report filed in time'),
  ],
  metrics: [
    {
      id: 'contributorsGrowth',
      label: t('实际缴费人数比上年末增长', 'Growth in contributors over last year end'),
      expression: ratio(
        sub(input('contributorsThisYearEnd'), input('contributorsLastYearEnd')),
        input('contributorsLastYearEnd'),
        'full-points',
        t('上年末实际缴费人数为0，本年有增加', 'No contributors last year end, some now'),
      ),
      digits: 2,
    },
    {
      id: 'migrantInsuredGrowth',
      label: t('农民工参保人数比上年增长', 'Growth in insured migrant workers over last year'),
      expression: ratio(
        sub(input('migrantInsuredThisYearEnd'), input('migrantInsuredLastYearEnd')),
        input('migrantInsuredLastYearEnd'),
        'full-points',
        t('上年末农民工参保人数为0，本年有增加', 'No insured migrant workers last year, some now'),
      ),
      digits: 2,
    },
    {
      id: 'surveyCompletionRate',
      label: t('调查数量完成率', 'Survey completion rate'),
      expression: ratio(
        input('surveysCompleted'),
        input('surveysRequired'),
        'full-points',
        t('国家和省厅未下达调查数量', 'No survey quota was set'),
      ),
      digits: 2,
    },
    {
      id: 'surveyValidRate',
      label: t('调查数据有效率', 'Valid share of survey data'),
      expression: ratio(
        input('surveysValid'),
        input('surveysCompleted'),
        'zero',
        t('未完成调查，有效率按0计', 'No surveys completed: the valid share is 0'),
      ),
      digits: 2,
    },
    {
      id: 'assistantPassRate',
      label: t('协理员鉴定通过率', 'Pass rate of assistants'),
      expression: ratio(
        input('assistantsPassed'),
        input('assistantsExamined'),
        'zero',
        t('无协理员参加鉴定，通过率按0计', 'No assistant sat the qualification: the rate is 0'),
      ),
      digits: 2,
    },
    {
      id: 'employmentFundChange',
      label: t('就业专项资金比上年增减', 'Change in special employment funds over last year'),
      expression: sub(input('employmentFundThisYear'), input('employmentFundLastYear')),
      format: 'number',
    },
  ],
  categories: [
    { id: '失业保险', title: t('失业保险', 'Unemployment insurance'), max: 50 },
    { id: '农民就业创业', title: t('农民就业创业', 'Rural employment and start-ups'), max: 50 },
    {
      id: '公共人力资源市场建设',
      title: t('公共人力资源市场建设', 'Public human-resources market'),
      max: 50,
    },
    { id: '就业创业培训', title: t('就业创业培训', 'Employment and start-up training'), max: 50 },
    {
      id: '城乡基层平台建设',
      title: t('城乡基层平台建设', 'Urban and rural grassroots platforms'),
      max: 50,
    },
    {
      id: '就业管理信息化建设',
      title: t('就业管理信息化建设', 'Employment-management informatisation'),
      max: 100,
    },
    {
      id: '就业专项资金管理',
      title: t('就业专项资金管理', 'Special employment funds'),
      max: 50,
    },
  ],
  items: [
    // ─── 失业保险（50分） ───────────────────────────────────────────────────────────────
    {
      id: '失业保险.1',
      category: '失业保险',
      title: t('扩面征缴工作', 'Coverage and contribution collection'),
      max: 8,
      target: t(
        '强化扩面征缴，除完成省厅下达的年度目标外，每年实际缴费人数、农民工参保人数均有增加。',
        'Strengthen coverage and collection: besides meeting the yearly target set by the province, contributors and insured migrant workers both grow every year.',
      ),
      method: t(
        '实际缴费人数比上年末增加的得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分；农民工参保人数比上年增加得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分。',
        'Contributors up on last year end: 2; up 1–2 %: 1 more; up 2 % or more: 2 more. Insured migrant workers up on last year: 2; up 1–2 %: 1 more; up 2 % or more: 2 more.',
      ),
      source: cite(
        '失业保险',
        '扩面征缴工作',
        '实际缴费人数比上年末增加的得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分；农民工参保人数比上年增加得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分。',
      ),
      notes: [
        t(
          '增长率 =（本年末 − 上年末）÷ 上年末。增加即得2分；1% ≤ 增长率 < 2% 再得1分（共3分）；增长率 ≥ 2% 再得2分（共4分）；增长为0或减少不得分。',
          'Growth = (this year end − last year end) ÷ last year end. Any increase: 2; 1 % ≤ growth < 2 %: 1 more (3); growth ≥ 2 %: 2 more (4); no increase: 0.',
        ),
        t(
          '“比上年增加”（农民工参保人数）与“比上年末增加”同样按上年末数比较。上年末为0而本年有增加的，按增长超过2%计。',
          '"比上年增加" (migrant workers) is compared with last year end, like "比上年末增加". From 0 at last year end to any number counts as growth of 2 % or more.',
        ),
        t(
          '目标要求中的“完成省厅下达的年度目标”评分办法未赋分，本项不另行计分。',
          'The target\'s "完成省厅下达的年度目标" carries no points in the scoring rule, so it is not scored here.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          growthParts(
            'contributorsThisYearEnd',
            'contributorsLastYearEnd',
            'contributorsGrowth',
            t('实际缴费人数比上年末增加', 'Contributors up on last year end'),
          ),
          growthParts(
            'migrantInsuredThisYearEnd',
            'migrantInsuredLastYearEnd',
            'migrantInsuredGrowth',
            t('农民工参保人数比上年增加', 'Insured migrant workers up on last year'),
          ),
        ],
      },
    },
    {
      id: '失业保险.2',
      category: '失业保险',
      title: t(
        '贯彻实施国家和省失业保险法律法规',
        'Implementing national and provincial unemployment-insurance law',
      ),
      max: 5,
      target: t(
        '认真贯彻实施国家和省出台的政策，及时按省要求出台本地的实施办法并组织实施。',
        'Implement national and provincial policy; issue and apply local implementing measures in time as the province requires.',
      ),
      method: t(
        '达到要求得5分，每有一次未按要求落实的扣2.5分，扣完为止；每查实一起违反国家和省法律、法规规定的行为扣2.5分。',
        'Meeting the requirements: 5; −2.5 for each time a requirement was not implemented, down to 0; −2.5 for each verified breach of national or provincial law.',
      ),
      source: cite(
        '失业保险',
        '贯彻实施国家和省失业保险法律法规',
        '达到要求得5分，每有一次未按要求落实的扣2.5分，扣完为止；每查实一起违反国家和省法律、法规规定的行为扣2.5分。',
      ),
      notes: [
        t(
          '未及时出台本地实施办法（目标要求）计为一次“未按要求落实”。两类扣分合计扣完5分为止，最低0分。',
          'Local measures not issued in time (the target) count as one "未按要求落实". Both deductions together stop at 0.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: 5,
        deductions: [
          {
            label: t('未按要求落实', 'Not implemented as required'),
            amount: input('insuranceLawLapses'),
            points: 2.5,
          },
          {
            label: t('查实违反法律、法规的行为', 'Verified breaches of law'),
            amount: input('insuranceLawViolations'),
            points: 2.5,
          },
        ],
      },
    },
    {
      id: '失业保险.3',
      category: '失业保险',
      title: t('落实失业保险待遇', 'Delivering unemployment-insurance benefits'),
      max: 8,
      target: t(
        '严格按规定落实各项失业保险待遇。建立失业保险金调整机制。',
        'Deliver every benefit strictly as required. Set up an adjustment mechanism for unemployment benefits.',
      ),
      method: t(
        '按规定落实各项失业保险待遇得7分，每查实一起未落实待遇的扣3.5分（含所属统筹地区）；建立失业保险金调整机制并及时调整得1分，未按规定调整不得分。',
        'Benefits delivered as required: 7, −3.5 per verified case of a benefit not delivered (pooling areas included); an adjustment mechanism applied in time: 1, none if not adjusted as required.',
      ),
      source: cite(
        '失业保险',
        '落实失业保险待遇',
        '按规定落实各项失业保险待遇得7分，每查实一起未落实待遇的扣3.5分（含所属统筹地区）；建立失业保险金调整机制并及时调整得1分，未按规定调整不得分。',
      ),
      notes: [
        t(
          '7分与1分分别计算：待遇部分每起扣3.5分，扣至0分为止（两起即0分），不扣调整机制的1分。',
          'The 7 and the 1 are scored apart: −3.5 per case stops at 0 for the 7-point part (two cases use it up) and never reaches the adjustment point.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            ...deductEach(
              7,
              t('查实未落实待遇', 'Verified benefits not delivered'),
              input('benefitLapses'),
              3.5,
            ),
            label: t('落实待遇(7分)', 'Benefits delivered (7)'),
          },
          check(
            input('benefitAdjustmentInPlace'),
            1,
            t('建立调整机制并及时调整(1分)', 'Adjustment mechanism applied in time (1)'),
          ),
        ],
      },
    },
    {
      id: '失业保险.4',
      category: '失业保险',
      title: t('提高失业保险统筹层次', 'Raising the pooling level'),
      max: 2,
      target: t(
        '实现失业保险设区的市市区统筹。',
        'Pool unemployment insurance across the city districts.',
      ),
      method: t(
        '按省规定实现设区的市市区统筹的得2分，未实现的不得分，财政独立区未纳入市区统筹的扣1分。',
        'City-district pooling achieved as the province requires: 2; not achieved: 0; −1 if a fiscally independent district is left out.',
      ),
      source: cite(
        '失业保险',
        '提高失业保险统筹层次',
        '按省规定实现设区的市市区统筹的得2分，未实现的不得分，财政独立区未纳入市区统筹的扣1分。',
      ),
      notes: [
        t(
          '“财政独立区未纳入市区统筹的扣1分”按一次扣1分（原文无“每有一个”），从2分中扣；未实现统筹的已为0分，不再倒扣，本项最低0分（源文件只在培训补贴政策写明倒扣）。',
          '"财政独立区未纳入市区统筹的扣1分" deducts 1 once (the source does not say "each"), from the 2; a city without pooling already has 0 and goes no lower: the item never drops below 0 (only 培训补贴政策 states a deduction below zero).',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: check(input('cityPoolingAchieved'), 2),
        deductions: [
          {
            label: t('财政独立区未纳入市区统筹', 'Fiscally independent district left out'),
            amount: input('independentDistrictOutsidePooling'),
            points: 1,
          },
        ],
      },
    },
    {
      id: '失业保险.5',
      category: '失业保险',
      title: t('失业动态重点监测', 'Unemployment monitoring'),
      max: 5,
      target: t(
        '按规定做好失业动态重点监测工作，并逐步完善失业动态监测制度。',
        'Carry out unemployment monitoring as required and keep improving the monitoring system.',
      ),
      method: t(
        '按规定上报监测数据得2分，每有一次超过规定时间上报的扣1分，扣完为止。按月上报监测分析得2分，少报一次扣1分，扣完为止；监测数据出现重大变化及时上报分析报告的得1分，有一次未上报分析的扣1分，扣完5分为止。',
        'Monitoring data reported as required: 2, −1 per late report, down to 0. Monthly analyses: 2, −1 per missing one, down to 0; an analysis of every major change: 1, −1 per change not analysed, until all 5 points are gone.',
      ),
      source: cite(
        '失业保险',
        '失业动态重点监测',
        '按规定上报监测数据得2分，每有一次超过规定时间上报的扣1分，扣完为止。按月上报监测分析得2分，少报一次扣1分，扣完为止；监测数据出现重大变化及时上报分析报告的得1分，有一次未上报分析的扣1分，扣完5分为止。',
      ),
      notes: [
        t(
          '前两部分各自“扣完为止”（各最低0分）；第三部分写“扣完5分为止”：重大变化未上报分析的扣分可超出该部分的1分，继续扣减前两部分的得分，直至全项5分扣完，本项最低0分。',
          'The first two parts each stop at 0 ("扣完为止"); the third says "扣完5分为止": deductions for unanalysed major changes may go beyond its own 1 point into the other parts\' points, until the item\'s 5 are gone; the item never drops below 0.',
        ),
        t(
          '年内监测数据未出现重大变化的，第三部分得1分。',
          'With no major change in the year, the third part earns its 1 point.',
        ),
      ],
      rule: {
        kind: 'sum',
        floor: 0,
        parts: [
          {
            ...deductEach(
              2,
              t('超过规定时间上报', 'Reported late'),
              input('monitoringLateReports'),
              1,
            ),
            label: t('按规定上报监测数据(2分)', 'Monitoring data reported (2)'),
          },
          {
            ...deductEach(
              2,
              t('少报月度监测分析', 'Monthly analyses missing'),
              input('monitoringMissedMonthlyAnalyses'),
              1,
            ),
            label: t('按月上报监测分析(2分)', 'Monthly analyses (2)'),
          },
          {
            ...deductEach(
              1,
              t('重大变化未上报分析', 'Major changes not analysed'),
              input('monitoringMissedMajorChangeReports'),
              1,
            ),
            floor: -4,
            label: t(
              '重大变化及时上报分析(1分，扣完5分为止)',
              'Major changes analysed (1; up to 5 deducted)',
            ),
          },
        ],
      },
    },
    {
      id: '失业保险.6',
      category: '失业保险',
      title: t('失业保险档案管理', 'Unemployment-insurance archives'),
      max: 5,
      target: t(
        '按省规定和要求做好失业保险业务档案达标验收工作。',
        'Bring the unemployment-insurance case archives up to the provincial standard and pass acceptance.',
      ),
      method: t(
        '达到省要求的得5分，市本级未达要求不得分。所属统筹地区每有一个未达到要求扣2.5分，扣完为止。',
        "Meeting the province's requirements: 5; 0 if the city's own archives fall short; −2.5 for each pooling area that falls short, down to 0.",
      ),
      source: cite(
        '失业保险',
        '失业保险档案管理',
        '达到省要求的得5分，市本级未达要求不得分。所属统筹地区每有一个未达到要求扣2.5分，扣完为止。',
      ),
      rule: {
        kind: 'gate',
        when: input('cityArchivesMeetRequirements'),
        failNote: t('市本级未达要求不得分', "the city's own archives fall short"),
        rule: deductEach(
          5,
          t('所属统筹地区未达到要求', 'Pooling areas falling short'),
          input('poolingAreasArchivesUnmet'),
          2.5,
        ),
      },
    },
    {
      id: '失业保险.7',
      category: '失业保险',
      title: t('失业保险经办管理', 'Unemployment-insurance case handling'),
      max: 8,
      target: t(
        '完善失业保险经办管理制度，规范各项经办流程，经办服务高效、便捷。',
        'Improve case-handling rules, standardise procedures, and serve efficiently and conveniently.',
      ),
      method: t(
        '各统筹地区按规定建立经办管理制度，统一经办流程，并在经办服务窗口上墙公示，得2分，每有一个未公示的扣1分，扣完为止；经办窗口免费发放失业保险业务经办流程宣传单，失业保险政策宣传到位的得2分，每有一个未达要求的扣1分，扣完为止；经办服务工作规范、高效，按规定时限办理的得2分，每查实一起违反规定的行为扣1分，扣完为止；失业保险业务经办全程实现信息化，领取失业保险金人员实行实名制登记管理，得2分，每有一个未达要求扣1分，扣完为止。',
        'Rules and unified procedures posted at every window: 2, −1 per area not posted; free procedure leaflets and policy publicity: 2, −1 per shortfall; standard, efficient handling within time limits: 2, −1 per verified breach; fully computerised handling and real-name registration of recipients: 2, −1 per shortfall; each part down to 0.',
      ),
      source: cite(
        '失业保险',
        '失业保险经办管理',
        '各统筹地区按规定建立经办管理制度，统一经办流程，并在经办服务窗口上墙公示，得2分，每有一个未公示的扣1分，扣完为止；经办窗口免费发放失业保险业务经办流程宣传单，失业保险政策宣传到位的得2分，每有一个未达要求的扣1分，扣完为止；经办服务工作规范、高效，按规定时限办理的得2分，每查实一起违反规定的行为扣1分，扣完为止；失业保险业务经办全程实现信息化，领取失业保险金人员实行实名制登记管理，得2分，每有一个未达要求扣1分，扣完为止。',
      ),
      notes: [
        t(
          '四部分各2分，各自扣完为止，一部分的扣分不影响其他部分。',
          "Four parts of 2 points, each stopping at 0 on its own; one part's deductions do not touch another's.",
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            ...deductEach(
              2,
              t('未上墙公示', 'Not posted'),
              input('poolingAreasProceduresNotPosted'),
              1,
            ),
            label: t('制度流程上墙公示(2分)', 'Procedures posted (2)'),
          },
          {
            ...deductEach(
              2,
              t('宣传未达要求', 'Publicity falling short'),
              input('windowsPublicityUnmet'),
              1,
            ),
            label: t('宣传单和政策宣传(2分)', 'Leaflets and publicity (2)'),
          },
          {
            ...deductEach(
              2,
              t('查实违反规定的行为', 'Verified breaches'),
              input('handlingViolations'),
              1,
            ),
            label: t('经办规范、高效(2分)', 'Standard, efficient handling (2)'),
          },
          {
            ...deductEach(
              2,
              t('信息化和实名制未达要求', 'Informatisation falling short'),
              input('informatisationUnmet'),
              1,
            ),
            label: t('全程信息化和实名制(2分)', 'Computerised, real-name handling (2)'),
          },
        ],
      },
    },
    {
      id: '失业保险.8',
      category: '失业保险',
      title: t('失业保险统计', 'Unemployment-insurance statistics'),
      max: 4,
      target: t(
        '按省规定和要求做好失业保险统计工作。',
        'Keep unemployment-insurance statistics as the province requires.',
      ),
      method: t(
        '达到省要求的得5分，每有一项未达要求的扣1分，扣完为止。',
        "Meeting the province's requirements: 5; −1 for each requirement not met, down to 0.",
      ),
      source: cite(
        '失业保险',
        '失业保险统计',
        '达到省要求的得5分，每有一项未达要求的扣1分，扣完为止。',
      ),
      notes: [
        t(
          '源文件自相矛盾：分值为4分，评分办法却写“达到省要求的得5分”。以分值为准（失业保险各子项合计50分须本项为4分）：基础分按4分计，每有一项未达要求扣1分，扣完为止，因此第一项未达要求即扣分。照录“得5分”会超出本项分值（linter 拒绝）。',
          'The source contradicts itself: the item is worth 4, yet its rule says "达到省要求的得5分". The item\'s 4 prevails (the project\'s sub-items add up to 50 only with 4): the base is 4, −1 per requirement not met, down to 0 — so the very first shortfall costs a point. Transcribing "得5分" literally would over-award the item (the linter rejects it).',
        ),
      ],
      rule: deductEach(
        4,
        t('未达省要求的项', 'Requirements not met'),
        input('statisticsRequirementsUnmet'),
        1,
      ),
    },
    {
      id: '失业保险.9',
      category: '失业保险',
      title: t('失业保险基金管理', 'Unemployment-insurance fund management'),
      max: 5,
      target: t(
        '严格按规定使用失业保险基金。严格按规定拨付、使用、核算扩大支出范围试点资金。',
        'Use the fund strictly as required. Allocate, use and account the funds of the wider-spending pilot strictly as required.',
      ),
      method: t(
        '及时合理编报基金预(决)算报表的得1分；及时编制试点资金季度报表的得1分；严格按规定使用失业保险基金的得1.5分；严格按规定使用试点资金，单独建帐，核算清晰的得1.5分。有违纪违规事件举报、投诉并查实的，此项不得分。',
        'Budget and final statements in time: 1; quarterly pilot statements in time: 1; fund used strictly as required: 1.5; pilot funds used as required, in separate accounts, clearly accounted: 1.5. A verified report of a breach: 0 for the item.',
      ),
      source: cite(
        '失业保险',
        '失业保险基金管理',
        '及时合理编报基金预(决)算报表的得1分；及时编制试点资金季度报表的得1分；严格按规定使用失业保险基金的得1.5分；严格按规定使用试点资金，单独建帐，核算清晰的得1.5分。有违纪违规事件举报、投诉并查实的，此项不得分。',
      ),
      rule: {
        kind: 'gate',
        label: t('无查实的违纪违规事件', 'No verified breach'),
        when: not(input('insuranceFundViolationVerified')),
        failNote: t('此项不得分', 'no points for the item'),
        rule: {
          kind: 'sum',
          parts: [
            check(input('fundBudgetReportsTimely'), 1),
            check(input('pilotQuarterlyReportsTimely'), 1),
            check(input('insuranceFundUsedAsRequired'), 1.5),
            check(input('pilotFundsUsedAsRequired'), 1.5),
          ],
        },
      },
    },
    // ─── 农民就业创业（50分） ───────────────────────────────────────────────────────────
    {
      id: '农民就业创业.1',
      category: '农民就业创业',
      title: t('政策落实', 'Policy implementation'),
      max: 10,
      target: t(
        '全面贯彻落实省促进农民就业创业文件，建立促进农民就业创业资金稳定投入机制。',
        "Fully implement the province's rural employment and start-up documents; fund them steadily.",
      ),
      method: t(
        '市和所辖县（市）按规定时间全部出台文件得5分，市级未出台文件扣2分，县级未出台文件每个扣0.5分，扣完为止；市、县两级财政安排促进农民就业创业资金并不低于上年度得5分，未安排不得分，低于上年度扣2分。',
        "City and all its counties issue their documents on time: 5; −2 if the city has not, −0.5 per county that has not, down to 0. City and county budgets for rural employment at least last year's: 5; none budgeted: 0; below last year: −2.",
      ),
      source: cite(
        '农民就业创业',
        '政策落实',
        '市和所辖县（市）按规定时间全部出台文件得5分，市级未出台文件扣2分，县级未出台文件每个扣0.5分，扣完为止；市、县两级财政安排促进农民就业创业资金并不低于上年度得5分，未安排不得分，低于上年度扣2分。',
      ),
      notes: [
        t(
          '未按规定时间出台的文件按“未出台”计。',
          'A document not issued by the set time counts as not issued.',
        ),
        t(
          '资金按市、县两级合计比较；本年度合计为0即“未安排”（0分），低于上年度得3分，不低于上年度得5分。',
          'Funds are the city and county total; a total of 0 is "未安排" (0), below last year 3, at least last year 5.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            kind: 'deduct',
            label: t('出台文件(5分)', 'Documents issued (5)'),
            base: 5,
            deductions: [
              {
                label: t('市级未出台文件', 'City document not issued'),
                amount: not(input('cityRuralPolicyIssued')),
                points: 2,
              },
              {
                label: t('县级未出台文件', 'County documents not issued'),
                amount: input('countiesWithoutRuralPolicy'),
                points: 0.5,
              },
            ],
          },
          {
            kind: 'gate',
            label: t('市、县两级财政安排资金', 'City and county funds budgeted'),
            when: gt(input('ruralFundsThisYear'), 0),
            failNote: t('未安排不得分', 'none budgeted'),
            rule: {
              kind: 'deduct',
              base: 5,
              deductions: [
                {
                  label: t('低于上年度', 'Below last year'),
                  amount: lt(input('ruralFundsThisYear'), input('ruralFundsLastYear')),
                  points: 2,
                },
              ],
            },
          },
        ],
      },
    },
    {
      id: '农民就业创业.2',
      category: '农民就业创业',
      title: t('就业服务', 'Employment services'),
      max: 10,
      target: t(
        '全面落实农民求职登记、就业失业登记、创业服务和农村困难家庭就业援助制度，推进公共就业服务均等化。',
        'Apply job-seeker registration, employment/unemployment registration, start-up services and help to rural families in difficulty; equalise public employment services.',
      ),
      method: t(
        '按规定设立从市到村四级服务窗口得2分，未设立不得分；市、县（市、区）全面执行四项制度得4分，每有一个县（市、区）未全面执行四项制度扣1分，扣完为止；登记农民职业介绍成功率、就业率、创业成功率和困难家庭就业援助达到省厅要求得4分，每有一项未达省厅要求扣1分。',
        "Windows at four levels, city to village: 2, else 0; the four systems applied everywhere: 4, −1 per county (district) not applying them, down to 0; placement, employment, start-up success and help to families in difficulty at the province's level: 4, −1 per indicator below it.",
      ),
      source: cite(
        '农民就业创业',
        '就业服务',
        '按规定设立从市到村四级服务窗口得2分，未设立不得分；市、县（市、区）全面执行四项制度得4分，每有一个县（市、区）未全面执行四项制度扣1分，扣完为止；登记农民职业介绍成功率、就业率、创业成功率和困难家庭就业援助达到省厅要求得4分，每有一项未达省厅要求扣1分。',
      ),
      notes: [
        t(
          '“四项制度”即目标要求所列农民求职登记、就业失业登记、创业服务和农村困难家庭就业援助制度；市本级未全面执行的，也按一个计入。',
          '"四项制度" are the four systems the target lists; the city itself not applying them counts as one too.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('fourLevelWindows'), 2),
          {
            ...deductEach(
              4,
              t('未全面执行四项制度的县（市、区）', 'Counties not applying the four systems'),
              input('countiesWithoutFourSystems'),
              1,
            ),
            label: t('四项制度(4分)', 'Four systems (4)'),
          },
          {
            ...deductEach(
              4,
              t('未达省厅要求的项', 'Indicators below requirement'),
              input('ruralServiceIndicatorsUnmet'),
              1,
            ),
            label: t('四项指标达到省厅要求(4分)', 'Four indicators at the required level (4)'),
          },
        ],
      },
    },
    {
      id: '农民就业创业.3',
      category: '农民就业创业',
      title: t('技能培训', 'Skills training'),
      max: 10,
      target: t(
        '全面落实农村劳动力职业技能培训鉴定获证奖补政策，扩大政策覆盖面，提高培训质量。',
        'Apply the subsidies for rural workers who train and certify; widen coverage and raise quality.',
      ),
      method: t(
        '市、县（市）设立受理窗口并向社会公布得2分，未设立窗口不得分，未向社会公布扣1分；获证奖补人员实行实名制管理并按时上报省厅的得4分，未实行实名制管理不得分，未按时上报省厅每次扣1分，扣完为止。及时兑付奖补资金，未发生有效投诉举报得4分，发生投诉举报，每查实一起扣2分。',
        'Application windows set up and announced: 2; no window: 0; not announced: −1. Recipients managed by real name and reported on time: 4; no real-name management: 0; −1 per late report, down to 0. Subsidies paid in time with no valid complaint: 4; −2 per verified complaint.',
      ),
      source: cite(
        '农民就业创业',
        '技能培训',
        '市、县（市）设立受理窗口并向社会公布得2分，未设立窗口不得分，未向社会公布扣1分；获证奖补人员实行实名制管理并按时上报省厅的得4分，未实行实名制管理不得分，未按时上报省厅每次扣1分，扣完为止。及时兑付奖补资金，未发生有效投诉举报得4分，发生投诉举报，每查实一起扣2分。',
      ),
      notes: [
        t(
          '第三部分以“及时兑付奖补资金”为前提：未及时兑付的该部分不得分；每查实一起投诉举报扣2分，最低0分。',
          'The third part requires subsidies paid in time (else 0); −2 per verified complaint, never below 0.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            kind: 'gate',
            when: input('subsidyWindowsSet'),
            failNote: t('未设立窗口不得分', 'no window'),
            rule: {
              kind: 'deduct',
              base: 2,
              deductions: [
                {
                  label: t('未向社会公布', 'Not announced'),
                  amount: not(input('subsidyWindowsPublished')),
                  points: 1,
                },
              ],
            },
          },
          {
            kind: 'gate',
            when: input('certifiedRealNameManaged'),
            failNote: t('未实行实名制管理不得分', 'no real-name management'),
            rule: deductEach(
              4,
              t('未按时上报省厅', 'Late reports'),
              input('certifiedLateReports'),
              1,
            ),
          },
          {
            kind: 'gate',
            when: input('subsidiesPaidInTime'),
            rule: deductEach(
              4,
              t('查实投诉举报', 'Verified complaints'),
              input('subsidyComplaintsVerified'),
              2,
            ),
          },
        ],
      },
    },
    {
      id: '农民就业创业.4',
      category: '农民就业创业',
      title: t('劳务协作', 'Labour cooperation'),
      max: 5,
      target: t(
        '积极开展多层次、多形式劳务交流协作活动，完成省厅下达的劳务协作工作任务。',
        'Run labour exchange and cooperation in many forms; complete the tasks set by the province.',
      ),
      method: t(
        '按时完成省厅下达的任务得5分，未完成任务不得分。',
        'Tasks set by the province completed on time: 5; not completed: 0.',
      ),
      source: cite('农民就业创业', '劳务协作', '按时完成省厅下达的任务得5分，未完成任务不得分。'),
      notes: [t('逾期完成按未完成计。', 'Completing late counts as not completed.')],
      rule: check(input('labourCooperationDone'), 5),
    },
    {
      id: '农民就业创业.5',
      category: '农民就业创业',
      title: t('基础工作', 'Groundwork'),
      max: 15,
      target: t(
        '认真开展企业用工需求和农民就业创业等调查，做到台帐健全、数据准确、动态管理。',
        "Survey employers' needs and rural employment; keep complete ledgers, accurate data, up to date.",
      ),
      method: t(
        '调查数量达到国家和省厅要求得10分，未达到要求，每低1%扣1分，扣完为止；调查数据有效率达95%以上得5分，有效率每低1个百分点扣0.5分，扣完为止。',
        'Survey count at the required level: 10, else −1 per 1 % short, down to 0; valid share 95 % or more: 5, −0.5 per percentage point below, down to 0.',
      ),
      source: cite(
        '农民就业创业',
        '基础工作',
        '调查数量达到国家和省厅要求得10分，未达到要求，每低1%扣1分，扣完为止；调查数据有效率达95%以上得5分，有效率每低1个百分点扣0.5分，扣完为止。',
      ),
      notes: [
        t(
          '完成率 = 完成调查数量 ÷ 要求数量，“每低1%”为完成率低于100%的百分点；有效率 = 有效调查数量 ÷ 完成调查数量，“达95%以上”含95%。',
          'Completion = surveys completed ÷ required; "每低1%" is each percentage point of completion below 100 %. Valid share = valid ÷ completed; "达95%以上" includes 95 %.',
        ),
        STARTED_STEP_NOTE,
        t(
          '未下达调查数量的，数量部分得10分；未完成任何调查的，有效率按0计。',
          'No quota set: the count part earns 10; no survey completed: the valid share is 0.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            kind: 'deduct',
            label: t('调查数量(10分)', 'Survey count (10)'),
            base: 10,
            deductions: [
              shortfallDeduction(
                t('调查数量未达到要求', 'Survey count short'),
                pct(100),
                metric('surveyCompletionRate'),
                1,
              ),
            ],
          },
          {
            kind: 'deduct',
            label: t('调查数据有效率(5分)', 'Valid share (5)'),
            base: 5,
            deductions: [
              shortfallDeduction(
                t('有效率低于95%', 'Valid share below 95 %'),
                pct(95),
                metric('surveyValidRate'),
                0.5,
              ),
            ],
          },
        ],
      },
    },
    // ─── 公共人力资源市场建设（50分） ───────────────────────────────────────────────────
    {
      id: '公共人力资源市场建设.1',
      category: '公共人力资源市场建设',
      title: t('市场功能建设', 'Market functions'),
      max: 15,
      target: t(
        '开展公共人力资源市场（场所）功能建设星级评估活动。',
        'Take part in the star rating of public human-resources markets (venues).',
      ),
      method: t(
        '本地区申报星级评估的市场，当年被省厅评估认定在三星级以上的，得15分；未达星级标准每一个市场扣5分，扣完为止。',
        'Markets applying for a rating are all rated three stars or more this year: 15; −5 per market below the standard, down to 0.',
      ),
      source: cite(
        '公共人力资源市场建设',
        '市场功能建设',
        '本地区申报星级评估的市场，当年被',
        '省厅评估认定在三星级以上的，得15分；未达星级标准每一个市场扣5分，扣完为止。',
      ),
      notes: [
        t(
          '未达星级标准的市场数 = 申报数 − 认定三星级以上数。本地区无市场申报星级评估的，未开展目标要求的评估活动，不得分。',
          'Markets below the standard = applied − rated three stars or more. With no market applying, the rating the target asks for did not happen: 0.',
        ),
      ],
      rule: {
        kind: 'gate',
        label: t('有市场申报星级评估', 'Some market applied for a rating'),
        when: gt(input('marketsApplied'), 0),
        failNote: t('未开展星级评估活动', 'no star rating took place'),
        rule: deductEach(
          15,
          t('未达星级标准的市场', 'Markets below the standard'),
          sub(input('marketsApplied'), input('marketsRatedThreeStars')),
          5,
        ),
      },
    },
    {
      id: '公共人力资源市场建设.2',
      category: '公共人力资源市场建设',
      title: t('专项就业服务活动', 'Employment-service campaigns'),
      max: 9,
      target: t('开展就业服务专项活动。', 'Run special employment-service campaigns.'),
      method: t(
        '根据部、省要求，每年开展就业援助、春风行动、民营企业招聘周等专项就业服务活动，按时上报活动计划和总结的得9分，否则不得分，少开展一项专项活动扣3分，扣完为止。',
        'Campaigns required by the ministry and province (employment assistance, Spring Breeze, private-enterprise recruitment week…) with plans and summaries reported on time: 9, else 0; −3 per campaign not held, down to 0.',
      ),
      source: cite(
        '公共人力资源市场建设',
        '专项就业服务活动',
        '根据部、省要求，每年开展就业援助、春风行动、民营企业招聘周等专项就业服务活动，按时上报活动计划和总结的得9分，否则不得分，少开展一项专项活动扣3分，扣完为止。',
      ),
      rule: {
        kind: 'gate',
        when: input('campaignPlansReported'),
        failNote: t('否则不得分', 'otherwise 0'),
        rule: deductEach(
          9,
          t('少开展的专项活动', 'Campaigns not held'),
          input('campaignsNotHeld'),
          3,
        ),
      },
    },
    {
      id: '公共人力资源市场建设.3',
      category: '公共人力资源市场建设',
      title: t('市场职业供求状况分析', 'Labour supply-and-demand analysis'),
      max: 9,
      target: t(
        '做好各种职业供求状况分析报告。',
        'Produce sound labour supply-and-demand analyses.',
      ),
      method: t(
        '按规定上报职业供求状况分析报告的得2分，否则不得分；数据上报及时，并得到部、省通报肯定的得2分，否则不得分；提供有价值的职业供求状况分析报告且被上级采用的得2分，否则不得分；明确职业供求分析责任人，并保持稳定的得3分，否则不得分。',
        'Analyses filed as required: 2; data in time and commended by the ministry or province: 2; a valuable analysis adopted by a higher authority: 2; a named, stable person responsible: 3; each else 0.',
      ),
      source: cite(
        '公共人力资源市场建设',
        '市场职业供求状况分析',
        '按规定上报职业供求状况分析报告的得2分，否则不得分；数据上报及时，并得到部、省通报肯定的得2分，否则不得分；提供有价值的职业供求状况分析报告且被上级采用的得2分，否则不得分；明确职业供求分析责任人，并保持稳定的得3分，否则不得分。',
      ),
      notes: [
        t(
          '“有价值”以“被上级采用”为凭，作为事实填报，不另作酌情评分。',
          '"有价值" is evidenced by adoption by a higher authority: a fact to report, not a separate judgement.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('supplyDemandReportsFiled'), 2),
          check(input('supplyDemandDataCommended'), 2),
          check(input('supplyDemandReportAdopted'), 2),
          check(input('supplyDemandAnalystStable'), 3),
        ],
      },
    },
    {
      id: '公共人力资源市场建设.4',
      category: '公共人力资源市场建设',
      title: t('信息发布', 'Publishing information'),
      max: 8,
      target: t(
        '为用人单位和劳动者提供职业供求信息服务。',
        'Provide supply-and-demand information to employers and workers.',
      ),
      method: t(
        '通过各种媒体和网络等渠道定时定期向社会发布职业供求信息，开展此项工作的得6分，未开展的不得分；通过“12580”求职通移动平台发布招聘信息的得2分，否则不得分。',
        'Regular publication of supply-and-demand information through media and online: 6, else 0; vacancies on the "12580" mobile platform: 2, else 0.',
      ),
      source: cite(
        '公共人力资源市场建设',
        '信息发布',
        '通过各种媒体和网络等渠道定时定期向社会发布职业供求信息，开展此项工作的得6分，未开展的不得分；通过“12580”求职通移动平台发布招聘信息的得2分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [check(input('jobInformationPublished'), 6), check(input('jobs12580Published'), 2)],
      },
    },
    {
      id: '公共人力资源市场建设.5',
      category: '公共人力资源市场建设',
      title: t('就业信息公共服务平台建设', 'Public employment-information platform'),
      max: 9,
      target: t(
        '按部建设全国就业信息公共服务平台的要求，完成有关工作任务。',
        'Complete the tasks the ministry sets for the national employment-information platform.',
      ),
      method: t(
        '建立工作机制，明确责任单位和责任人，有稳定专职人员的得6分，未达要求不得分；按部要求按时保质保量上传招聘信息的得3分，每有一次未达要求扣1分，扣完为止。',
        'A working mechanism, a responsible unit and person and stable full-time staff: 6, else 0; vacancies uploaded on time, to quality and volume: 3, −1 per lapse, down to 0.',
      ),
      source: cite(
        '公共人力资源市场建设',
        '就业信息公共服务平台建设',
        '建立工作机制，明确责任单位和责任人，有稳定专职人员的得6分，未达要求不得分；按部要求按时保质保量上传招聘信息的得3分，每有一次未达要求扣1分，扣完为止。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          check(input('jobPlatformMechanism'), 6),
          {
            ...deductEach(3, t('上传未达要求', 'Upload lapses'), input('jobUploadLapses'), 1),
            label: t('上传招聘信息(3分)', 'Vacancy uploads (3)'),
          },
        ],
      },
    },
    // ─── 就业创业培训（50分） ───────────────────────────────────────────────────────────
    {
      id: '就业创业培训.1',
      category: '就业创业培训',
      title: t('培训规划和任务分解', 'Training plans and task allocation'),
      max: 5,
      target: t(
        '以政府或部门文件制定就业创业培训中长期规划和年度实施计划，明确具体目标和主要措施,并分解落实到县(市、区)和培训机构。\n对面上就业创业培训工作有指导评估、观摩教学、经验交流制度，定期研究部署、督查城乡劳动者就业创业培训各项工作。',
        'Issue, by government or department document, medium-term and yearly training plans with targets and measures, allocated to counties (districts) and providers.\nHave guidance, evaluation, demonstration-teaching and experience-sharing arrangements; plan and inspect the training regularly.',
      ),
      method: t(
        '有计划并分解任务的(以文件为准)得1分,否则不得分；制定相应考核办法，有平时检查和年度考核记录的得2分,否则不得分；日常指导工作开展有序并有相关文件的得2分，否则不得分。',
        'A plan with tasks allocated (by document): 1; assessment rules with records of routine checks and yearly assessment: 2; orderly, documented routine guidance: 2; each else 0.',
      ),
      source: cite(
        '就业创业培训',
        '培训规划和任务分解',
        '有计划并分解任务的(以文件为准)得1分,否则不得分；制定相应考核办法，有平时检查和年度考核记录的得2分,否则不得分；日常指导工作开展有序并有相关文件的得2分，否则不得分。',
      ),
      notes: [
        t(
          '目标要求中的观摩教学、经验交流等制度评分办法未单独赋分，按“日常指导工作开展有序并有相关文件”一并评判。',
          'The target\'s demonstration-teaching and experience-sharing arrangements carry no points of their own; they are judged under "日常指导工作开展有序并有相关文件".',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('trainingPlanDistributed'), 1),
          check(input('trainingAssessmentRecords'), 2),
          check(input('trainingGuidanceDocumented'), 2),
        ],
      },
    },
    {
      id: '就业创业培训.2',
      category: '就业创业培训',
      title: t('培训机构管理', 'Training providers'),
      max: 5,
      target: t(
        '有效创建就业创业培训品牌和就业创业培训（孵化）示范基地。',
        'Build training brands and training (incubation) demonstration bases.',
      ),
      method: t(
        '建立省级以上就业创业培训（孵化）示范基地的得3分，否则不得分；在省内外有知名培训品牌的得2分，否则不得分。',
        'A provincial-level or higher training (incubation) demonstration base: 3; a training brand known in or beyond the province: 2; each else 0.',
      ),
      source: cite(
        '就业创业培训',
        '培训机构管理',
        '建立省级以上就业创业培训（孵化）示范基地的得3分，否则不得分；在省内外有知名培训品牌的得2分，否则不得分。',
      ),
      notes: [
        t(
          '子项目名为“培训机构管理”，目标要求和评分办法只涉及示范基地和培训品牌：按评分办法计分。',
          'The sub-item is called "培训机构管理" but its target and rule concern only demonstration bases and brands: scored by the rule.',
        ),
        t(
          '“知名培训品牌”须评估人判断：酌情评分，0分或2分。',
          '"知名培训品牌" needs an assessor\'s judgement: assessed, 0 or 2.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('provincialDemoBase'), 3),
          judged(
            'trainingBrand',
            2,
            t(
              '在省内外有知名培训品牌的得2分，否则不得分',
              'A training brand known in or beyond the province: 2, else 0',
            ),
            t('知名培训品牌(2分)', 'Known training brand (2)'),
          ),
        ],
      },
    },
    {
      id: '就业创业培训.3',
      category: '就业创业培训',
      title: t('师资队伍建设', 'Trainers'),
      max: 5,
      target: t(
        '制定师资培养计划，并定期组织开展就业创业培训师资培训工作。',
        'Draw up a trainer development plan and train the trainers regularly.',
      ),
      method: t('达到要求得5分，否则不得分。', 'Meeting the requirements: 5, else 0.'),
      source: cite('就业创业培训', '师资队伍建设', '达到要求得5分，否则不得分。'),
      notes: [
        t(
          '“达到要求”即目标要求的两点：制定师资培养计划，并定期组织师资培训；两者都做到得5分。',
          '"达到要求" means the target\'s two points — a trainer plan, and regular trainer training; both earn 5.',
        ),
      ],
      rule: check(and(input('trainerPlan'), input('trainerTrainingRegular')), 5),
    },
    {
      id: '就业创业培训.4',
      category: '就业创业培训',
      title: t('公共创业服务机构功能建设', 'Public start-up service agencies'),
      max: 10,
      target: t(
        '完善公共创业服务机构（场所）功能建设，完成省下达的创业服务目标要求。',
        "Complete the functions of public start-up service agencies (venues) and meet the province's start-up service targets.",
      ),
      method: t(
        '按规定开展创业项目征集发布和项目库建设工作的得2分，否则不得分；按规定开展创业咨询服务工作的得2分，否则不得分；按规定开展小额担保贷款等扶持工作的得2分，否则不得分；按序时进度和相关要求完成公共创业指导服务机构功能建设的得4分，否则不得分。',
        'Project collection, publication and library: 2; consulting: 2; guaranteed micro-loans and other support: 2; the guidance agency built on schedule and to requirements: 4; each else 0.',
      ),
      source: cite(
        '就业创业培训',
        '公共创业服务机构功能建设',
        '按规定开展创业项目征集发布和项目库建设工作的得2分，否则不得分；按规定开展创业咨询服务工作的得2分，否则不得分；按规定开展小额担保贷款等扶持工作的得2分，否则不得分；按序时进度和相关要求完成公共创业指导服务机构功能建设的得4分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          check(input('startupProjectLibrary'), 2),
          check(input('startupConsulting'), 2),
          check(input('guaranteedLoanSupport'), 2),
          check(input('startupServiceAgencyBuilt'), 4),
        ],
      },
    },
    {
      id: '就业创业培训.5',
      category: '就业创业培训',
      title: t('培训基础管理工作', 'Training groundwork'),
      max: 15,
      target: t(
        '开展城乡劳动者职业培训需求调查、市场培训需求分析工作，并建立相应的工作台帐。\n省辖市范围内建立统一的职业培训信息管理平台，对承担政府补贴培训任务和培训机构进行动态管理，对参训人员实行实名制管理。',
        "Survey workers' training needs and analyse market training needs, with ledgers.\nRun one vocational-training information platform across the city, manage subsidised providers dynamically, and manage trainees by real name.",
      ),
      method: t(
        '开展培训需求调查并有台帐的得2分，否则不得分；开展市场培训需求分析并定期向社会发布的得2分，否则不得分；建立统一的职业培训信息管理平台的得4分，否则不得分；对培训机构进行动态管理的得3分，否则不得分；对参训人员实名制管理的得4分，否则不得分。',
        'Needs survey with a ledger: 2; market needs analysis published regularly: 2; a unified training information platform: 4; providers managed dynamically: 3; trainees managed by real name: 4; each else 0.',
      ),
      source: cite(
        '就业创业培训',
        '培训基础管理工作',
        '开展培训需求调查并有台帐的得2分，否则不得分；开展市场培训需求分析并定期向社会发布的得2分，否则不得分；建立统一的职业培训信息管理平台的得4分，否则不得分；对培训机构进行动态管理的得3分，否则不得分；对参训人员实名制管理的得4分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          check(input('trainingNeedsSurveyed'), 2),
          check(input('trainingNeedsPublished'), 2),
          check(input('trainingInfoPlatform'), 4),
          check(input('trainingProvidersManaged'), 3),
          check(input('traineesRealName'), 4),
        ],
      },
    },
    {
      id: '就业创业培训.6',
      category: '就业创业培训',
      title: t('培训补贴政策', 'Training subsidies'),
      max: 10,
      min: -5,
      target: t(
        '财政足额安排城乡劳动者职业技能培训和创业培训经费,并建立就业创业培训相关经费的使用管理制度。制定培训补贴标准目录并向社会公布。按规定使用就业创业培训补助资金并向社会公布，资金拨付及时到位，确保资金补贴到劳动者。',
        'Budget vocational and start-up training in full and set rules for the funds. Publish a subsidy catalogue. Use and publish the subsidies as required, pay them in time, and make sure they reach the workers.',
      ),
      method: t(
        '经费安排使用达到省定要求的得2分，否则不得分;建立使用管理制度的得3分，否则不得分；制定培训补贴标准目录并向社会公布的得5分，否则不得分。培训资金违规使用或省厅接到有效投诉举报的，不得分并倒扣5分。',
        'Funds budgeted and used as the province requires: 2; rules for their use: 3; a subsidy catalogue drawn up and published: 5; each else 0. Funds misused, or a valid complaint to the provincial department: no points and −5.',
      ),
      source: cite(
        '就业创业培训',
        '培训补贴政策',
        '经费安排使用达到省定要求的得2分，否则不得分;建立使用管理制度的得3分，否则不得分；制定培训补贴标准目录并向社会公布的得5分，否则不得分。培训资金违规使用或省厅接到有效投诉举报的，不得分并倒扣5分。',
      ),
      notes: [
        t(
          '“不得分并倒扣5分”：本项得−5分（本项最低分−5，计入项目和总分）；违规使用或有效投诉举报任一发生即适用，不累计。',
          '"不得分并倒扣5分": the item scores −5 (its minimum, counted in the project and the total); either misuse or a valid complaint triggers it, once.',
        ),
      ],
      rule: {
        kind: 'gate',
        label: t('无违规使用和有效投诉举报', 'No misuse and no valid complaint'),
        when: not(or(input('trainingFundsMisused'), input('trainingFundComplaint'))),
        otherwise: -5,
        failNote: t('不得分并倒扣5分', 'no points and −5'),
        rule: {
          kind: 'sum',
          parts: [
            check(input('trainingFundsAsRequired'), 2),
            check(input('trainingFundRules'), 3),
            check(input('trainingSubsidyCatalogue'), 5),
          ],
        },
      },
    },
    // ─── 城乡基层平台建设（50分） ───────────────────────────────────────────────────────
    {
      id: '城乡基层平台建设.1',
      category: '城乡基层平台建设',
      title: t('规划和业务指导', 'Planning and guidance'),
      max: 10,
      target: t(
        '以政府或者部门文件制定平台建设规划和年度工作方案，明确具体目标和主要措施，并分解落实到县（市、区）。对面上工作有指导评估制度，定期指导督查城乡基层平台建设工作。',
        'Issue, by government or department document, a platform plan and yearly programme with targets and measures, allocated to counties (districts). Have guidance and evaluation arrangements; guide and inspect the platforms regularly.',
      ),
      method: t(
        '制定城乡平台建设工作规划和年度工作方案的得5分，否则不得分；定期指导督查平台建设工作的得5分，否则不得分。',
        'A platform plan and yearly programme: 5; regular guidance and inspection: 5; each else 0.',
      ),
      source: cite(
        '城乡基层平台建设',
        '规划和业务指导',
        '制定城乡平台建设工作规划和年度工作方案的得5分，否则不得分；定期指导督查平台建设工作的得5分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [check(input('platformPlan'), 5), check(input('platformSupervision'), 5)],
      },
    },
    {
      id: '城乡基层平台建设.2',
      category: '城乡基层平台建设',
      title: t('规范基层平台服务', 'Standard grassroots services'),
      max: 10,
      target: t(
        '建立绩效考核制度，制订出台各级基层平台的考核办法，进一步细化街道（乡镇）、社区（村）服务平台就业服务工作内容及工作人员岗位标准和要求。制定出台全市统一的符合本地实际的基层平台服务流程及规范，并认真组织实施。',
        'Set up performance assessment and assessment rules for every level of platform; detail the services and staff standards of street (town) and community (village) platforms. Issue one city-wide service procedure and norms fitting local conditions, and apply them.',
      ),
      method: t(
        '建立绩效考核制度，出台平台考核办法并定期组织督查的得5分，否则不得分；制定出台符合要求的服务规范及流程并认真组织实施得5分，否则不得分。',
        'Performance assessment, platform assessment rules and regular inspections: 5; compliant service norms and procedures issued and applied: 5; each else 0.',
      ),
      source: cite(
        '城乡基层平台建设',
        '规范基层平台服务',
        '建立绩效考核制度，出台平台考核办法并定期组织督查的得5分，否则不得分；制定出台符合要求的服务规范及流程并认真组织实施得5分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          check(input('platformPerformanceAssessment'), 5),
          check(input('platformServiceNorms'), 5),
        ],
      },
    },
    {
      id: '城乡基层平台建设.3',
      category: '城乡基层平台建设',
      title: t('省级创建活动', 'Provincial designation campaigns'),
      max: 10,
      target: t(
        '创建省级充分转移就业乡镇完成年度目标任务，继续保持巩固充分就业社区创建成果，做好后续工作。',
        'Meet the yearly target for provincial full-transfer-employment towns; keep and consolidate the full-employment communities already designated.',
      ),
      method: t(
        '完成省充分转移就业乡镇年度目标任务得5分，未完成目标任务不得分；充分就业社区创建成果保持良好的得5分，否则不得分。',
        'Yearly target for full-transfer-employment towns met: 5, else 0; full-employment communities well sustained: 5, else 0.',
      ),
      source: cite(
        '城乡基层平台建设',
        '省级创建活动',
        '完成省充分转移就业乡镇年度目标任务得5分，未完成目标任务不得分；充分就业社区创建成果保持良好的得5分，否则不得分。',
      ),
      notes: [
        t(
          '“创建成果保持良好”须评估人判断：酌情评分，0分或5分。',
          '"创建成果保持良好" needs an assessor\'s judgement: assessed, 0 or 5.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('transferTownsTargetMet'), 5),
          judged(
            'fullEmploymentCommunitiesSustained',
            5,
            t(
              '充分就业社区创建成果保持良好的得5分，否则不得分',
              'Full-employment communities well sustained: 5, else 0',
            ),
            t('充分就业社区创建成果保持良好(5分)', 'Full-employment communities sustained (5)'),
          ),
        ],
      },
    },
    {
      id: '城乡基层平台建设.4',
      category: '城乡基层平台建设',
      title: t('协理员业务培训', 'Training of labour-security assistants'),
      max: 10,
      target: t(
        '积极组织协理员参加国家职业资格鉴定，并鼓励符合条件的协理员提升鉴定等级。\n定期组织协理员开展政策法规、信息系统操作等方面的集中培训，每年不少于两次。',
        'Have assistants sit the national vocational qualification and encourage those eligible to go up a level.\nTrain assistants centrally in policy, law and systems at least twice a year.',
      ),
      method: t(
        '鉴定通过率达到省当年平均通过率得5分，通过率每低一个百分点扣0.5分，扣完为止。\n每年协理员集中培训达到两次的得5分，否则不得分（集中培训不包含国家职业资格鉴定的考前辅导）。',
        "Pass rate at the province's average this year: 5, −0.5 per percentage point below, down to 0.\nTwo centralised trainings in the year: 5, else 0 (exam preparation for the qualification does not count).",
      ),
      source: cite(
        '城乡基层平台建设',
        '协理员业务培训',
        '鉴定通过率达到省当年平均通过率得5分，通过率每低一个百分点扣0.5分，扣完为止。',
        '每年协理员集中培训达到两次的得5分，否则不得分（集中培训不包含国家职业资格鉴定的考前辅导）。',
      ),
      notes: [
        t(
          '通过率 = 鉴定通过人数 ÷ 参加鉴定人数；“省当年平均通过率”由省厅在考核周期中提供（参照值），未提供前本项待定。无人参加鉴定的通过率按0计。',
          "Pass rate = passed ÷ examined; the province's average is a reference value the province supplies for the cycle (until then the item waits). With nobody examined the rate is 0.",
        ),
        STARTED_STEP_NOTE,
        t('“达到两次”含两次以上。', '"达到两次" means two or more.'),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            kind: 'deduct',
            label: t('鉴定通过率(5分)', 'Pass rate (5)'),
            base: 5,
            deductions: [
              shortfallDeduction(
                t('低于省当年平均通过率', 'Below the province average'),
                reference('provinceAveragePassRate'),
                metric('assistantPassRate'),
                0.5,
              ),
            ],
          },
          check(
            ge(input('assistantCentralTrainings'), 2),
            5,
            t('集中培训达到两次(5分)', 'Two centralised trainings (5)'),
          ),
        ],
      },
    },
    {
      id: '城乡基层平台建设.5',
      category: '城乡基层平台建设',
      title: t('协理员主题活动', 'Assistants’ theme activities'),
      max: 10,
      target: t(
        '积极参加省厅组织的全省协理员主题活动。',
        "Take an active part in the province's theme activities for assistants.",
      ),
      method: t(
        '认真准备积极参与活动的得5分，主题活动中成绩突出或取得名次的得5分。',
        'Careful preparation and active participation: 5; outstanding results or a placing: 5.',
      ),
      source: cite(
        '城乡基层平台建设',
        '协理员主题活动',
        '认真准备积极参与活动的得5分，主题活动中成绩突出或取得名次的得5分。',
      ),
      notes: [
        t(
          '“认真准备积极参与”须评估人判断：酌情评分，0分或5分；“成绩突出或取得名次”以省厅公布的活动结果为准，作为事实填报。',
          '"认真准备积极参与" needs an assessor\'s judgement: assessed, 0 or 5. "成绩突出或取得名次" follows the results the province publishes: a fact to report.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          judged(
            'themeActivityParticipation',
            5,
            t('认真准备积极参与活动的得5分', 'Careful preparation and active participation: 5'),
            t('认真准备积极参与(5分)', 'Active participation (5)'),
          ),
          check(input('themeActivityDistinction'), 5),
        ],
      },
    },
    // ─── 就业管理信息化建设（100分） ────────────────────────────────────────────────────
    {
      id: '就业管理信息化建设.1',
      category: '就业管理信息化建设',
      title: t('工作机制', 'Working arrangements'),
      max: 10,
      target: t(
        '明确负责此项工作的领导或分管领导，明确专门的技术管理人员；实行信息发布、网络、安全等运维管理制度。',
        'Name the leader in charge and dedicated technical staff; run operations rules for publishing, network and security.',
      ),
      method: t(
        '明确此项工作的领导或分管领导并明确专门的技术管理人员得5分，否则不得分。建立信息发布、网络、安全等运维管理制度得5分，否则不得分。',
        'A leader in charge and dedicated technical staff: 5; operations rules: 5; each else 0.',
      ),
      source: cite(
        '就业管理信息化建设',
        '工作机制',
        '明确此项工作的领导或分管领导并明确专门的技术管理人员得5分，否则不得分。建立信息发布、网络、安全等运维管理制度得5分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [check(input('itLeadershipAssigned'), 5), check(input('itOperationsRules'), 5)],
      },
    },
    {
      id: '就业管理信息化建设.2',
      category: '就业管理信息化建设',
      title: t('网络系统', 'Network'),
      max: 15,
      target: t(
        '实现就业服务网络“四级”联网，并保持网络联通。',
        'Network employment services at all four levels and keep them connected.',
      ),
      method: t(
        '县（市）、街道（乡镇）和社区与市中心联网并保持网络联通得10分，有一个（次）未联网或未联通扣5分，扣完为止；已建村级平台全部与市中心实现联网的得5分，否则不得分。',
        'Counties, streets (towns) and communities networked with the city centre and connected: 10, −5 per unit not networked or per outage, down to 0; every village platform built networked: 5, else 0.',
      ),
      source: cite(
        '就业管理信息化建设',
        '网络系统',
        '县（市）、街道（乡镇）和社区与市中心联网并保持网络联通得10分，有一个（次）未联网或未联通扣5分，扣完为止；已建村级平台全部与市中心实现联网的得5分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          {
            ...deductEach(
              10,
              t('未联网或未联通', 'Not networked or disconnected'),
              input('networkLapses'),
              5,
            ),
            label: t('县、街、社区联网(10分)', 'County, street and community network (10)'),
          },
          check(input('villagePlatformsConnected'), 5),
        ],
      },
    },
    {
      id: '就业管理信息化建设.3',
      category: '就业管理信息化建设',
      title: t('应用系统', 'Applications'),
      max: 5,
      target: t(
        '各级就业机构使用省统一开发软件，或使用部平台软件。',
        "Employment agencies at every level use the province's software or the ministry's platform.",
      ),
      method: t(
        '达到要求的得5分，市、县（市、区）有不符合要求的不得分。',
        'Meeting the requirement: 5; 0 if any city or county agency does not.',
      ),
      source: cite(
        '就业管理信息化建设',
        '应用系统',
        '达到要求的得5分，市、县（市、区）有不符合要求的不得分。',
      ),
      notes: [
        t(
          '“达到要求”即目标要求：各级就业机构使用省统一开发软件或部平台软件。',
          '"达到要求" is the target: every agency uses the provincial or the ministry software.',
        ),
      ],
      rule: check(
        eq(input('nonconformingSoftwareUnits'), 0),
        5,
        t('市、县（市、区）均符合要求', 'Every city and county agency conforms'),
      ),
    },
    {
      id: '就业管理信息化建设.4',
      category: '就业管理信息化建设',
      title: t('数据库系统', 'Database'),
      max: 20,
      target: t(
        '市级就业信息基础数据库覆盖所辖所有县（市、区）；数据覆盖就业各项主要业务。',
        "The city's employment database covers every county (district); its data cover the main services.",
      ),
      method: t(
        '市级数据库覆盖辖区内所有县（市、区）就业信息并实行动态同步的得15分，缺少一个县（市、区）扣5分，扣完为止；数据覆盖就业各项主要业务和主要指标项的得5分，否则不得分。',
        'City database covering every county (district), synchronised: 15, −5 per county missing, down to 0; data covering the main services and indicators: 5, else 0.',
      ),
      source: cite(
        '就业管理信息化建设',
        '数据库系统',
        '市级数据库覆盖辖区内所有县（市、区）就业信息并实行动态同步的得15分，缺少一个县（市、区）扣5分，扣完为止；数据覆盖就业各项主要业务和主要指标项的得5分，否则不得分。',
      ),
      notes: [
        t(
          '未实行动态同步的县（市、区）按“缺少”计，每个扣5分。',
          'A county (district) not synchronised counts as missing: −5 each.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            ...deductEach(
              15,
              t('缺少的县（市、区）', 'Counties missing'),
              input('countiesOutsideDatabase'),
              5,
            ),
            label: t('覆盖所有县（市、区）(15分)', 'Every county covered (15)'),
          },
          check(input('databaseCoversBusiness'), 5),
        ],
      },
    },
    {
      id: '就业管理信息化建设.5',
      category: '就业管理信息化建设',
      title: t('系统使用', 'System use'),
      max: 25,
      target: t(
        '就业服务和管理主要业务使用信息系统经办，并实行实名制管理。',
        'Run the main employment services through the information system, with real-name management.',
      ),
      method: t(
        '就业和失业登记证发放管理、失业保险待遇享受、以及涉及劳动者享受政府补贴的各项业务全部使用信息系统并实行实名制管理的得25分，每一项业务未达要求的扣5分，扣完为止。',
        'Employment/unemployment cards, unemployment benefits and every subsidy to workers run in the system by real name: 25, −5 per service falling short, down to 0.',
      ),
      source: cite(
        '就业管理信息化建设',
        '系统使用',
        '就业和失业登记证发放管理、失业保险待遇享受、以及涉及劳动者享受政府补贴的各项业务全部使用信息系统并实行实名制管理的得25分，每一项业务未达要求的扣5分，扣完为止。',
      ),
      rule: deductEach(
        25,
        t('未达要求的业务', 'Services falling short'),
        input('businessesOffSystem'),
        5,
      ),
    },
    {
      id: '就业管理信息化建设.6',
      category: '就业管理信息化建设',
      title: t('数据利用', 'Use of data'),
      max: 25,
      target: t(
        '按时按质上传就业监测数据；市级开展数据监测分析应用。',
        'Upload monitoring data on time and to quality; the city analyses and uses them.',
      ),
      method: t(
        '按时向省中心上传就业监测数据的得20分，不能按时上传数据不得分。按时上传，但主要指标数据上传量偏离实际数量每10%扣5分，单个指标扣完10分为止，总计扣完20分为止。市级开展数据监测分析应用的得5分，未开展的不得分。（以上依据部、省就业信息监测制度和有关指标标准）',
        'Monitoring data uploaded to the provincial centre on time: 20, else 0. On time but a main indicator deviating from the actual: −5 per 10 %, at most 10 per indicator and 20 in all. The city analyses and uses the data: 5, else 0. (Per the ministry and provincial monitoring rules.)',
      ),
      source: cite(
        '就业管理信息化建设',
        '数据利用',
        '按时向省中心上传就业监测数据的得20分，不能按时上传数据不得分。按时上传，但主要指标数据上传量偏离实际数量每10%扣5分，单个指标扣完10分为止，总计扣完20分为止。市级开展数据监测分析应用的得5分，未开展的不得分。（以上依据部、省就业信息监测制度和有关指标标准）',
      ),
      notes: [
        t(
          '源文件未列明“主要指标”：取就业统计的四项主要指标——城镇新增就业人数、失业人员再就业人数、就业困难人员就业人数、城镇登记失业人数（定制版本可调整）。',
          'The source does not list the "主要指标": the four headline employment statistics are used — urban new jobs, re-employed unemployed, people in difficulty employed, registered urban unemployed (a tailored version may change them).',
        ),
        t(
          '偏离比例 = |上传量 − 实际数量| ÷ 实际数量，按满10%计：偏离9.9%不扣分，10%扣5分，20%及以上扣10分（单个指标上限）；四项合计扣完20分为止。此处无“达到…得分”的门槛，故与“每低1%”不同，按满10%计。',
          'Deviation = |uploaded − actual| ÷ actual, per full 10 %: 9.9 % costs nothing, 10 % costs 5, 20 % or more costs 10 (the per-indicator cap); the four together stop at 20. There is no "reach X to earn" threshold here, so unlike "每低1%" only full steps count.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          {
            kind: 'gate',
            when: input('monitoringUploadedOnTime'),
            failNote: t('不能按时上传数据不得分', 'not uploaded on time'),
            rule: {
              kind: 'deduct',
              label: t('按时上传监测数据(20分)', 'Data uploaded on time (20)'),
              base: 20,
              deductions: (
                [
                  ['deviationUrbanNewJobs', '城镇新增就业人数', 'Urban new jobs'],
                  ['deviationReemployed', '失业人员再就业人数', 'Re-employed unemployed'],
                  [
                    'deviationDifficultEmployed',
                    '就业困难人员就业人数',
                    'People in difficulty employed',
                  ],
                  ['deviationRegisteredUnemployed', '城镇登记失业人数', 'Registered unemployed'],
                ] as const
              ).map(([id, zh, en]) => ({
                label: t(`${zh}上传量偏离`, `${en} deviating`),
                amount: input(id),
                step: pct(10),
                rounding: 'whole-steps' as const,
                points: 5,
                max: 10,
              })),
              maxTotal: 20,
            },
          },
          check(input('monitoringAnalysisApplied'), 5),
        ],
      },
    },
    // ─── 就业专项资金管理（50分） ───────────────────────────────────────────────────────
    {
      id: '就业专项资金管理.1',
      category: '就业专项资金管理',
      title: t('就业专项资金筹集', 'Raising special employment funds'),
      max: 10,
      target: t(
        '多渠道筹集就业资金，确保财政投入的就业专项资金逐年增长。',
        'Raise employment funds from many sources; budget more special employment funds every year.',
      ),
      method: t(
        '年度财政安排的就业专项资金比上年增长的得10分，持平的得5分，降低的不得分。',
        "Special employment funds in this year's budget up on last year: 10; level: 5; down: 0.",
      ),
      source: cite(
        '就业专项资金管理',
        '就业专项资金筹集',
        '年度财政安排的就业专项资金比上年增长的得10分，持平的得5分，降低的不得分。',
      ),
      notes: [
        t(
          '按本年度与上年度财政安排金额（万元）比较：多于上年得10分，相等为持平得5分，少于上年不得分；不设容差。',
          "This year's budgeted amount (10k yuan) against last year's: more 10, equal (持平) 5, less 0; no tolerance.",
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('employmentFundChange'),
        bands: [
          { operator: '>', threshold: { op: 'number', value: 0 }, points: 10 },
          { operator: '>=', threshold: { op: 'number', value: 0 }, points: 5 },
        ],
      },
    },
    {
      id: '就业专项资金管理.2',
      category: '就业专项资金管理',
      title: t('就业专项资金使用', 'Using special employment funds'),
      max: 10,
      target: t(
        '严格按规定使用就业专项资金，满足就业创业政策落实对就业资金的要求，保证就业工作正常开展。补贴劳动者的各项资金实行计算机软件管理，并按照实名制要求将补贴资金落实到劳动者个人。',
        'Use the funds strictly as required, enough for every policy; manage subsidies to workers in software and pay them to each worker by real name.',
      ),
      method: t(
        '各项政策均按规定落实资金，使用规范合理的得3分；使用实名制资金管理系统的得3分；实名制资金管理系统联网到位的得2分；未有因资金使用不当而引起的举报、上访等事件的得2分。有因资金使用问题引起投诉、举报并查实的，此项不得分。',
        'Every policy funded and the money used properly: 3; a real-name fund system: 3; the system fully networked: 2; no complaint or petition over improper use: 2. A verified complaint about the use of funds: 0 for the item.',
      ),
      source: cite(
        '就业专项资金管理',
        '就业专项资金使用',
        '各项政策均按规定落实资金，使用规范合理的得3分；使用实名制资金管理系统的得3分；实名制资金管理系统联网到位的得2分；未有因资金使用不当而引起的举报、上访等事件的得2分。有因资金使用问题引起投诉、举报并查实的，此项不得分。',
      ),
      notes: [
        t(
          '发生举报、上访等事件（无论是否查实）即失去“未有…事件”的2分；查实的投诉、举报使本项不得分。',
          'Any complaint or petition (verified or not) loses the 2 points for "未有…事件"; a verified one zeroes the item.',
        ),
      ],
      rule: {
        kind: 'gate',
        label: t('无查实的资金使用投诉、举报', 'No verified complaint about the funds'),
        when: not(input('fundComplaintVerified')),
        failNote: t('此项不得分', 'no points for the item'),
        rule: {
          kind: 'sum',
          parts: [
            check(input('fundPoliciesFunded'), 3),
            check(input('realNameFundSystem'), 3),
            check(input('realNameFundSystemNetworked'), 2),
            check(
              eq(input('fundMisuseIncidents'), 0),
              2,
              t(
                '未有因资金使用不当引起的举报、上访等事件',
                'No complaint or petition over the funds',
              ),
            ),
          ],
        },
      },
    },
    {
      id: '就业专项资金管理.3',
      category: '就业专项资金管理',
      title: t('就业专项资金结余', 'Balance of special employment funds'),
      max: 10,
      target: t(
        '就业专项资金当年收支相对平衡，累计结余总量适中，分布合理。',
        'Income and spending roughly balanced in the year; a moderate, well-spread accumulated balance.',
      ),
      method: t(
        '年度资金收支保持基本平衡，当年结余量较为合理的得3分，否则不得分；累计结余量占全省比重较小的得4分，否则不得分；市本级及所辖县累计结余量均较为适中的得3分，否则不得分。',
        "Balanced in the year with a reasonable balance: 3; accumulated balance a small share of the province's: 4; moderate balances at the city and in every county: 3; each else 0.",
      ),
      source: cite(
        '就业专项资金管理',
        '就业专项资金结余',
        '年度资金收支保持基本平衡，当年结余量较为合理的得3分，否则不得分；累计结余量占全省比重较小的得4分，否则不得分；市本级及所辖县累计结余量均较为适中的得3分，否则不得分。',
      ),
      notes: [
        t(
          '源文件未给出“较为合理”“比重较小”“较为适中”的标准（“占全省比重”只有省厅掌握）：三部分均为酌情评分，各得0分或满分，城市自评、省厅初评和审定时均可录入。',
          'The source gives no measure of "较为合理", "比重较小" or "较为适中" (only the province knows the provincial share): all three parts are assessed, each 0 or full, enterable by the city at self-assessment and by the province at review.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          judged(
            'fundBalanceYear',
            3,
            t('年度资金收支保持基本平衡，当年结余量较为合理', 'Balanced year, reasonable balance'),
            t('当年收支平衡、结余合理(3分)', 'Balanced year (3)'),
          ),
          judged(
            'fundBalanceShare',
            4,
            t('累计结余量占全省比重较小', "Accumulated balance a small share of the province's"),
            t('累计结余占全省比重较小(4分)', 'Small share of the province (4)'),
          ),
          judged(
            'fundBalanceSpread',
            3,
            t(
              '市本级及所辖县累计结余量均较为适中',
              'Moderate balances at the city and in every county',
            ),
            t('市县累计结余均适中(3分)', 'Moderate everywhere (3)'),
          ),
        ],
      },
    },
    {
      id: '就业专项资金管理.4',
      category: '就业专项资金管理',
      title: t('就业专项资金核算', 'Accounting for special employment funds'),
      max: 10,
      target: t(
        '严格按规定核算就业专项资金，有完善的报表制度，及时报送规范完整的季度和年度决算报表',
        'Account the funds strictly as required, with complete reporting, filing sound quarterly and yearly final statements in time.',
      ),
      method: t(
        '各项促进就业资金按规定核算的得4分，否则不得分；严格按规定编制报送季度和年度决算报表的得4分，否则不得分；按资金项目核算并能够分项目填报相关报表，管理工作到位的得2分，否则不得分。',
        'Every fund accounted as required: 4; quarterly and yearly final statements prepared and filed as required: 4; accounted and reported by project, properly managed: 2; each else 0.',
      ),
      source: cite(
        '就业专项资金管理',
        '就业专项资金核算',
        '各项促进就业资金按规定核算的得4分，否则不得分；严格按规定编制报送季度和年度决算报表的得4分，否则不得分；按资金项目核算并能够分项目填报相关报表，管理工作到位的得2分，否则不得分。',
      ),
      rule: {
        kind: 'sum',
        parts: [
          check(input('fundAccountedAsRequired'), 4),
          check(input('fundStatementsFiled'), 4),
          check(input('fundAccountedByProject'), 2),
        ],
      },
    },
    {
      id: '就业专项资金管理.5',
      category: '就业专项资金管理',
      title: t('绩效管理', 'Performance management'),
      max: 10,
      target: t(
        '建立并实施补贴资金绩效管理制度，分补贴项目设立绩效目标和考核指标，对年度补贴资金进行绩效评价。',
        'Manage subsidy performance: targets and indicators per subsidy, a yearly evaluation.',
      ),
      method: t(
        '建立绩效管理制度的得3分，否则不得分；按年度进行绩效评价的得2分，否则不得分；绩效目标和考核指标设置科学，指标间逻辑关系清楚，绩效评价效果显著的得4分，否则不得分；绩效评价报告及时上报备案的得1分，否则不得分。',
        'Performance rules: 3; a yearly evaluation: 2; sound targets and indicators, clearly related, with marked results: 4; evaluation report filed in time: 1; each else 0.',
      ),
      source: cite(
        '就业专项资金管理',
        '绩效管理',
        '建立绩效管理制度的得3分，否则不得分；按年度进行绩效评价的得2分，否则不得分；绩效目标和考核指标设置科学，指标间逻辑关系清楚，绩效评价效果显著的得4分，否则不得分；绩效评价报告及时上报备案的得1分，否则不得分。',
      ),
      notes: [
        t(
          '“设置科学…效果显著”须评估人判断：酌情评分，0分或4分。',
          '"设置科学…效果显著" needs an assessor\'s judgement: assessed, 0 or 4.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('performanceRules'), 3),
          check(input('performanceEvaluatedYearly'), 2),
          judged(
            'performanceQuality',
            4,
            t(
              '绩效目标和考核指标设置科学，指标间逻辑关系清楚，绩效评价效果显著',
              'Sound targets and indicators, clearly related, with marked results',
            ),
            t('绩效目标和指标科学、效果显著(4分)', 'Sound indicators, marked results (4)'),
          ),
          check(input('performanceReportFiled'), 1),
        ],
      },
    },
  ],
  constraints: [
    {
      id: 'validWithinCompleted',
      when: ge(input('surveysCompleted'), input('surveysValid')),
      message: t(
        '有效调查数量不能超过完成的调查数量',
        'Valid surveys cannot exceed those completed',
      ),
    },
    {
      id: 'ratedWithinApplied',
      when: ge(input('marketsApplied'), input('marketsRatedThreeStars')),
      message: t(
        '认定三星级以上的市场数不能超过申报数',
        'Markets rated three stars or more cannot exceed those applying',
      ),
    },
    {
      id: 'passedWithinExamined',
      when: ge(input('assistantsExamined'), input('assistantsPassed')),
      message: t(
        '鉴定通过人数不能超过参加鉴定人数',
        'Assistants passed cannot exceed those examined',
      ),
    },
  ],
};

/** 全省就业工作单项考核表, validated. */
export const provinceEmploymentWork = definePack(pack);
