import type { Expression } from '../src/expression.ts';
import {
  and,
  eq,
  ge,
  input,
  metric,
  not,
  param,
  pct,
  ratio,
  sub,
} from '../src/expression-builders.ts';
import { definePack } from '../src/pack-integrity.ts';
import type { PackInput } from '../src/pack-schema.ts';
import type { RuleInput } from '../src/rules/rule.ts';
import type { Text } from '../src/text.ts';

// 广州市高质量就业村建设标准(试行): 000_802a087d396963ff.txt, 附件3.
// Every item cites the sentences it encodes; every reading of an unclear sentence is a note
// on the item (zh and en) and has a test in gz-hqe-village-2024.test.ts.

const FILE = '000_802a087d396963ff.txt';

function cite(section: string, ...lines: string[]) {
  return { file: FILE, section: `附件3 ${section}`, quote: lines.join('\n') };
}

function t(zh: string, en: string): Text {
  return { zh, en };
}

/** Several lines of the source, each verbatim (the test checks them one by one). */
function lines(zh: readonly string[], en: string): Text {
  return { zh: zh.join('\n'), en };
}

const PEOPLE = t('人', ' people');
const HOUSEHOLDS = t('户', ' households');
const ON_SITE = '现场查看或查阅资料。';
const SYSTEM_DATA = '系统取数或查验台帐资料。';

interface CountOptions {
  unit?: Text;
  help?: Text;
}

function count(id: string, zh: string, en: string, options: CountOptions = {}) {
  return { id, kind: 'count' as const, label: t(zh, en), unit: PEOPLE, ...options };
}

function yes(id: string, zh: string, en: string) {
  return { id, kind: 'boolean' as const, label: t(zh, en) };
}

/** A bonus claim: optional, and absent means not claimed. */
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

const check = (when: Expression, points: number, label?: Text): RuleInput => ({
  kind: 'check',
  when,
  points,
  otherwise: 0,
  ...(label ? { label } : {}),
});

/** "推荐1次…得1分,推荐2次…得2分,推荐3次…得4分。…次数不足3次,但均已实现就业创业的,得4分。" */
function referrals(countId: string, allEmployedId: string, label: Text): RuleInput {
  return {
    kind: 'best',
    label,
    parts: [
      {
        kind: 'ladder',
        value: input(countId),
        steps: [
          { atLeast: { op: 'number', value: 1 }, points: 1 },
          { atLeast: { op: 'number', value: 2 }, points: 2 },
          { atLeast: { op: 'number', value: 3 }, points: 4 },
        ],
        otherwise: 0,
        unit: t('次', ' referrals'),
      },
      check(input(allEmployedId), 4),
    ],
  };
}

const NO_NEED_COUNTS_AS_EMPLOYED = t(
  '无有培训需求人员时，“均已实现就业创业”填“是”，与“报告期内未出现…的，得满分”的通例一致。',
  'With nobody needing training, "均已实现就业创业" is answered yes, as in the standard\'s "none in the period → full points" pattern.',
);

const REFERRALS_COUNTED_FOR_UNIT = t(
  '推荐次数按本村报告期内推荐的总次数计（与充分就业标准三.6同样理解）；不足1次得0分；推荐3次及以上得4分；不足3次但均已实现就业创业的亦得4分（取较高者）。',
  "Referrals are the village's total in the period (as in the full-employment standard's 三.6); none scores 0; 3 or more score 4; fewer, but everyone found work, also 4 (the better applies).",
);

const pack: PackInput = {
  key: 'gz.hqe-village',
  version: '2024.1',
  title: t(
    '广州市高质量就业村建设标准(试行)',
    'Guangzhou high-quality employment village standard (trial)',
  ),
  issuer: t(
    '广州市人力资源和社会保障局',
    'Guangzhou Municipal Human Resources and Social Security Bureau',
  ),
  source: {
    file: FILE,
    title: '广州市高质量就业村建设标准(试行)',
    section: '附件3',
    document: '良口镇2024年高质量就业村和充分就业社区(村)一体建设实施方案',
    issued: '2024-06-24',
  },
  effectiveFrom: '2023-10-01',
  total: 100,
  unitKinds: ['village'],
  notes: [
    t(
      '生效日期取自实施方案的评估取数期“评估取数自2023年10月至2024年9月”；源文件未写明本标准的施行日期。',
      'effectiveFrom is the start of the plan\'s data period ("评估取数自2023年10月至2024年9月"); the source gives no commencement date.',
    ),
    t(
      '“注:1.系统取数、系统信息能够体现工作情况的,不要求纸质台账”：各输入项可来自系统数据或台账。',
      '"注:1": any input may come from system data instead of paper ledgers.',
    ),
    t(
      '“注:2.工作创新、服务创优、典型带动类指标内容”理解为★的含义；含★内容的二级指标标为★（1.4、1.5、3.1、3.3、5.1）。',
      '"注:2" is read as the meaning of ★; items with ★ content are starred (1.4, 1.5, 3.1, 3.3, 5.1).',
    ),
    t(
      '“以上”“以内”含本数（《民法典》第一千二百五十九条）；两档共用一个端点时（如“5%以内”与“5%-10%”），端点归较高一档，与充分就业标准“区间下限含、上限不含”的理解一致。',
      '"以上" and "以内" include the number itself (Civil Code art. 1259); where two bands share an edge (e.g. "5%以内" and "5%-10%") the edge goes to the higher band, as in the full-employment pack ("lower bound included").',
    ),
    t(
      '一级指标无编号，按源文件顺序编为1至5（加分项为5）；二级指标按“一级.二级”编号，单列的“重大欠薪舆情治理成效”为4.1，“典型带动”为5.1。',
      'Categories are unnumbered in the source and numbered 1–5 in order (the bonus is 5); items are "<category>.<n>"; the lone 重大欠薪舆情治理成效 is 4.1 and 典型带动 is 5.1.',
    ),
    t(
      '各项中的“加N分”部分（如3.1的就业服务专区）属本项评估内容，须如实填写“是/否”；只有加分项（5.1）的申报未填时按0次或“否”计。',
      'The "加N分" parts inside items (e.g. 3.1\'s 就业服务专区) are part of the item and must be answered yes or no; only the bonus category\'s claims (5.1) count as 0 or "no" when left empty.',
    ),
  ],
  parameters: [
    {
      id: 'passMark',
      kind: 'number',
      label: t('达标分数线', 'Pass mark'),
      description: t(
        '源文件未规定高质量就业村的达标分数线，由创建周期设定。',
        'The source states no pass mark; each cycle sets one.',
      ),
      min: 0,
      max: 110,
    },
  ],
  inputs: [
    // 1.1
    count(
      'difficultTotal',
      '报告期内就业困难人员总人数',
      'People with employment difficulties in the period',
    ),
    count(
      'difficultCancelledNonEmployment',
      '非就业情形取消就业困难人员认定人数',
      'Difficulty status cancelled for reasons other than employment',
      {
        help: t(
          '非就业情形取消就业困难人员认定人数指业务系统中取消就业困难人员身份原因为《广东省就业困难人员认定管理办法》第八条第(一)至(四)项,第(七)至(十)项以及系统中取消就业困难人员身份为“其他”的人数。',
          'Cancellations in the case system for reasons (1)–(4) and (7)–(10) of art. 8 of the Guangdong rules, or "other".',
        ),
      },
    ),
    count(
      'difficultEmployed',
      '报告期内实现就业的就业困难人员人数',
      'People with employment difficulties who found work',
      {
        help: t(
          '实现就业的就业困难人员人数取业务系统中取消就业困难人员身份原因为《广东省就业困难人员认定管理办法》第八条第(六)项及已实现就业创业或就业情形注销失业登记的人数。',
          'Cancellations in the case system for reason (6) of art. 8 of the Guangdong rules, plus those employed or self-employed, or deregistered as unemployed on finding work.',
        ),
      },
    ),
    // 1.2
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
    // 1.3
    count(
      'longTermUnemployed',
      '持续失业半年以上的登记失业人员数(属于个人原因未就业者除外)',
      'Registered unemployed for more than six months (excluding personal reasons)',
    ),
    // 1.4
    count(
      'industryDrivenEmployment',
      '报告期内乡村产业、创业带动就地就近就业人次',
      'Person-times of local jobs created by village industries and start-ups in the period',
      { unit: t('人次', ' person-times') },
    ),
    // 1.5
    count(
      'grassrootsServicePosts',
      '报告期内开发的各类基层服务岗位数量',
      'Grassroots service posts developed in the period',
      { unit: t('个', ' posts') },
    ),
    // 2.1
    count(
      'startupTrainingReferrals',
      '为有创业培训需求人员推荐服务次数',
      'Start-up training referrals for people needing it',
      { unit: t('次', ' times') },
    ),
    yes(
      'startupTraineesAllEmployed',
      '有创业培训需求人员均已实现就业创业(无有需求人员的填“是”)',
      'Everyone needing start-up training has found work or started a business ("yes" if nobody needed it)',
    ),
    yes(
      'startupTrainingViaPlatforms',
      '运用辖内就业驿站、南粤家政、零工市场、农村电商基层示范站等基层服务平台开展创业培训相关的咨询、指导、课程等服务',
      'Start-up advice, guidance or courses delivered through local employment stations, Nanyue housekeeping, gig markets or rural e-commerce stations',
    ),
    // 2.2
    count(
      'skillsTrainingReferrals',
      '为有培训需求的失业人员、就业困难人员推荐培训次数',
      'Skills-training referrals for unemployed people and people with difficulties',
      { unit: t('次', ' times') },
    ),
    yes(
      'skillsTraineesAllEmployed',
      '有培训需求的失业人员、就业困难人员均已实现就业创业(无有需求人员的填“是”)',
      'Everyone needing skills training has found work or started a business ("yes" if nobody needed it)',
    ),
    yes(
      'brandTrainingOrganised',
      '组织参加“粤菜师傅”“南粤家政”“乡村工匠”培训',
      'Villagers sent to "粤菜师傅", "南粤家政" or "乡村工匠" training',
    ),
    yes(
      'otherAgriTrainingOrganised',
      '组织参加各政府部门开展的其他涉农培训',
      "Villagers sent to other government departments' rural training",
    ),
    // 2.3
    count('peopleNeedingTraining', '辖区内有培训需求人员数', 'People needing training'),
    count('employedAfterTraining', '培训后实现就业人数', 'Of whom employed after training'),
    // 3.1
    yes('hasFixedDesk', '有固定的办公台位或服务窗口', 'Has a fixed service desk or window'),
    yes('officeEquipped', '办公设施配备齐全', 'Office facilities complete'),
    yes('windowSigned', '服务窗口有固定的明显标识', 'The service window has a fixed, clear sign'),
    yes(
      'informatisedServices',
      '有完整的信息化服务项目、窗口、平台等',
      'Complete digital services, windows and platforms',
    ),
    yes(
      'stableFunding',
      '有稳定的工作经费和人员经费并明确支出渠道',
      'Stable operating and staff funds with a defined spending channel',
    ),
    count(
      'staffCount',
      '专职或主要负责就业服务的工作人员人数',
      'Staff dedicated to or mainly responsible for employment services',
    ),
    yes(
      'staffTrained',
      '工作人员定期或不定期参加能力提升培训',
      'Staff attend capacity training, regularly or from time to time',
    ),
    yes('rulesEstablished', '规章制度健全', 'Rules and procedures complete'),
    yes('rulesPublic', '规章制度公开', 'Rules and procedures made public'),
    yes('publicityMaterials', '宣传资料齐全', 'Publicity materials complete'),
    yes(
      'publicityInCampaigns',
      '在各种专项活动中开展政策宣传',
      'Policies publicised in special campaigns',
    ),
    yes('serviceZone', '设置有就业服务专区', 'A dedicated employment-service zone'),
    yes(
      'supportingPlatformBuilt',
      '配套建设就业驿站,零工市场、南粤家政、农村电商基层示范站等基层服务平台之一',
      'At least one of: employment station, gig market, Nanyue housekeeping or rural e-commerce station built alongside',
    ),
    yes(
      'coordinatedWithVillageProjects',
      '与“百千万工程”典型村建设、新乡村示范带建设“示范带+”工程等其他村建设工作统筹开展,形成合力',
      'Coordinated with the "百千万工程" model-village and "示范带+" programmes',
    ),
    yes(
      'staffTenureFiveYears',
      '工作人员队伍稳定,岗位工作年限5年以上',
      'Stable staff with 5 or more years in post',
    ),
    yes(
      'serviceTeamsCoordinated',
      '统筹安排有网格员、就业服务专员、志愿者等服务队伍配合开展公共就业服务',
      'Grid workers, employment officers and volunteers deployed together',
    ),
    yes('publicityCorner', '设置有就业宣传角', 'An employment publicity corner'),
    yes('serviceInfoDisplay', '实现服务信息化展示', 'Services displayed electronically'),
    yes('selfServiceKiosk', '配备自助服务一体机并联网使用', 'Networked self-service kiosk in use'),
    yes(
      'onlinePlatformOrAI',
      '建有就业地图等线上服务平台或引入AI等智能辅助服务',
      'An online platform such as a jobs map, or AI-assisted services',
    ),
    // 3.2
    yes(
      'laborSurvey',
      '开展劳动力就业及人力资源调查',
      'Labour-force and human-resources survey carried out',
    ),
    yes('surveyDataComplete', '调查数据完整', 'Survey data complete'),
    yes('surveyUpdatedRegularly', '调查数据定期更新', 'Survey data updated regularly'),
    yes(
      'graduateSurvey',
      '开展离校未就业高校毕业生摸底调查',
      'Survey of graduates who left school without work',
    ),
    yes(
      'gridVisits',
      '与网格服务、志愿服务统筹开展上门走访',
      'Home visits together with grid and volunteer services',
    ),
    // 3.3
    yes(
      'partyBuildingLed',
      '开展党建指导、党组织联动、党员志愿服务等活动,充分发挥党组织战斗堡垒作用和党员先锋模范作用',
      'Party guidance, Party-branch cooperation and member volunteering in employment services',
    ),
    yes(
      'caseDataOrLedgers',
      '有对应业务办理数据或台帐齐全',
      'Case data in the system, or complete ledgers',
    ),
    yes('jobSeekerRecords', '有求职登记记录', 'Job-seeker registration records'),
    yes('referralRecords', '有岗位推荐记录', 'Job-referral records'),
    yes('jobSeekerInfoPublished', '有发布求职信息', 'Job-seeker information published'),
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
    yes(
      'monthlyFollowUpSurvey',
      '每月开展失业人员跟踪调查',
      'Monthly follow-up survey of the unemployed',
    ),
    yes('tieredServiceInPlace', '落实分级服务措施', 'Tiered-service measures in place'),
    yes(
      'regularContactInPlace',
      '定期联系和跟踪服务制度落实',
      'Regular contact and follow-up in place',
    ),
    yes('flexibleWorkerSupport', '灵活就业人员帮扶落实', 'Help for people in flexible work'),
    yes(
      'linkedWithPlatforms',
      '与辖区就业驿站、南粤家政、零工市场等基层服务平台形成工作衔接',
      'Linked with local employment stations, Nanyue housekeeping and gig markets',
    ),
    yes('flexibleJobBoard', '设置灵活就业信息发布栏', 'Flexible-work notice board'),
    yes(
      'flexibleStalls',
      '划定区域和时间段,设置灵活创业摊点',
      'Stalls for flexible start-ups in set places and hours',
    ),
    yes(
      'townVillageOutlet',
      '实现“镇村通”社保服务网点覆盖',
      '"镇村通" social-security outlet coverage',
    ),
    yes(
      'gridFollowUpVisits',
      '与网格服务、志愿服务统筹开展失业人员、就业困难人员跟踪服务上门走访',
      'Follow-up home visits to the unemployed and people with difficulties, with grid and volunteer services',
    ),
    // 3.4
    count(
      'validComplaintsThreeYears',
      '连续三年(含报告期)就业服务工作群众有效投诉数',
      'Valid public complaints about employment services over the last three years',
      { unit: t('件', ' complaints') },
    ),
    yes(
      'complaintChannelPublished',
      '已公布群众投诉渠道',
      'A public complaints channel is published',
    ),
    // 4.1
    count(
      'wageArrearsIncidents',
      '因欠薪引发的重大舆情起数',
      'Major public-opinion incidents caused by unpaid wages',
      { unit: t('起', ' incidents') },
    ),
    // 5.1
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
    {
      id: 'mediaReported',
      kind: 'boolean',
      label: t(
        '经验做法被市级以上主流媒体、刊物宣传报道',
        'Practice reported by city-level or higher media',
      ),
      required: false,
      default: false,
    },
  ],
  metrics: [
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
        '就业机会充分 1',
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
      id: 'trainingEmploymentRate',
      label: t('有培训需求人员培训后实现就业人数比例', 'Share employed after training'),
      expression: ratio(
        input('employedAfterTraining'),
        input('peopleNeedingTraining'),
        'full-points',
        t('报告期内无有培训需求人员', 'Nobody needed training in the period'),
      ),
      source: cite('就业能力增强 3', '报告期内,辖区内有培训需求人员培训后实现就业人数比例。'),
    },
  ],
  categories: [
    { id: '1', title: t('就业机会充分', 'Ample employment opportunities'), max: 25 },
    { id: '2', title: t('就业能力增强', 'Stronger employability'), max: 15 },
    { id: '3', title: t('就业保障完善', 'Complete employment support'), max: 55 },
    { id: '4', title: t('就业环境和谐', 'Harmonious employment environment'), max: 5 },
    { id: '5', title: t('加分项', 'Bonus'), max: 10, bonus: true },
  ],
  items: [
    {
      id: '1.1',
      category: '1',
      title: t('就业困难人员就业率', 'Employment rate of people with employment difficulties'),
      content: t(
        '报告期内,辖区实现就业的就业困难人员占全部就业困难人员的比例。',
        'The share of people with employment difficulties who found work in the period.',
      ),
      max: 5,
      method: t('系统取数或查验台帐资料,核算就业率。', 'System data or ledgers; compute the rate.'),
      departments: ['就业处/就业中心', '区人社局'],
      source: cite(
        '就业机会充分 1',
        '达90%得5分,达85%得4分,80%-85%得3分,75%-80%得2分,70%-75%得1分,低于70%不得分。',
      ),
      notes: [
        t(
          '区间下限含、上限不含：“达85%得4分”，故85%（如17/20）属4分档，“80%-85%”为80%≤就业率<85%，“75%-80%”“70%-75%”同理。',
          'Ranges include their lower bound only: "达85%得4分" puts 85 % (e.g. 17 of 20) in the 4-point band, so "80%-85%" is 80 % ≤ rate < 85 %; likewise "75%-80%" and "70%-75%".',
        ),
        t(
          '源文件未规定分母为0（报告期内无就业困难人员）的情形，按本附件“报告期内未出现零就业家庭的,得5分”的通例给满分。',
          'The source is silent on an empty denominator (no people with difficulties); following this annex\'s own "报告期内未出现零就业家庭的,得5分", full points.',
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('difficultEmploymentRate'),
        bands: [
          { operator: '>=', threshold: pct(90), points: 5 },
          { operator: '>=', threshold: pct(85), points: 4 },
          { operator: '>=', threshold: pct(80), points: 3 },
          { operator: '>=', threshold: pct(75), points: 2 },
          { operator: '>=', threshold: pct(70), points: 1 },
        ],
        otherwise: 0,
      },
    },
    {
      id: '1.2',
      category: '1',
      title: t('零就业家庭动态清零', 'Zero-employment households cleared promptly'),
      content: t(
        '动态清零指零就业家庭自认定之日1个月内至少帮助1人实现就业。',
        'Cleared means at least one member helped into work within a month of identification.',
      ),
      max: 5,
      method: t(SYSTEM_DATA, 'System data or ledgers.'),
      departments: ['就业中心', '区人社局'],
      source: cite(
        '就业机会充分 2',
        '达标得5分;未实现动态清零不得分。',
        '报告期内未出现零就业家庭的,得5分。',
      ),
      notes: [
        t(
          '达标＝报告期内认定的零就业家庭全部在1个月内清零；有一户未清零即不得分。',
          'Met = every zero-employment household identified in the period cleared within a month; one not cleared scores 0.',
        ),
      ],
      rule: check(
        ge(metric('zeroFamilyClearanceRate'), pct(100)),
        5,
        t('实现动态清零', 'All cleared within a month'),
      ),
    },
    {
      id: '1.3',
      category: '1',
      title: t('无失业半年以上人员', 'Nobody unemployed for more than six months'),
      content: t(
        '辖区登记失业人员中无持续失业半年以上人员(属于个人原因未就业者除外)。',
        'No registered unemployed person has been out of work continuously for over six months (personal reasons excepted).',
      ),
      max: 5,
      method: t(SYSTEM_DATA, 'System data or ledgers.'),
      departments: ['就业中心', '区人社局'],
      source: cite('就业机会充分 3', '达标得5分;不达标不得分。'),
      rule: check(
        eq(input('longTermUnemployed'), 0),
        5,
        t('无失业半年以上人员', 'Nobody unemployed over six months'),
      ),
    },
    {
      id: '1.4',
      category: '1',
      title: t('产业、创业带动就业', 'Jobs from local industries and start-ups'),
      content: t(
        '★通过发展“一村一品”,种植、文旅、康养、农家乐、农村电商等各类家门口乡村产业、创业带动村民中有劳动能力和就业愿望的劳动者实现就地就近就业增收(不限定就业登记)。',
        '★ "One village, one product", farming, tourism, wellness, farm stays, rural e-commerce and start-ups bring local jobs to villagers able and willing to work (registration not required).',
      ),
      max: 5,
      starred: true,
      method: t(ON_SITE, 'On-site inspection or records.'),
      departments: ['就业处/就业中心', '区人社局'],
      source: cite(
        '就业机会充分 4',
        '报告期内,带动10人次以上的,得1分;20人次以上的,得2分;30人次以上的,得3分;40人次以上的,得4分;50人次以上的,得5分。',
      ),
      notes: [
        t(
          '“N人次以上”含N：10人次得1分，50人次及以上得5分；不足10人次源文件未规定，按0分。',
          '"N人次以上" includes N: 10 scores 1, 50 or more score 5; below 10 the source says nothing, so 0.',
        ),
      ],
      rule: {
        kind: 'ladder',
        value: input('industryDrivenEmployment'),
        steps: [10, 20, 30, 40, 50].map((n, i) => ({
          atLeast: { op: 'number' as const, value: n },
          points: i + 1,
        })),
        otherwise: 0,
        unit: t('人次', ' person-times'),
      },
    },
    {
      id: '1.5',
      category: '1',
      title: t('开发基层服务岗位', 'Grassroots service posts developed'),
      content: t(
        '★组织开发非营利性服务类岗位、公共管理类岗位、应急管理服务岗位、便民服务类岗位、乡村公益性岗位(含各政府部门乡村公益性岗位)等各类基层服务岗位,促进村民就近就业。',
        '★ Non-profit service, public-administration, emergency-management, community-service and rural public-welfare posts (including those of government departments) developed for villagers.',
      ),
      max: 5,
      starred: true,
      method: t(ON_SITE, 'On-site inspection or records.'),
      departments: ['就业处/就业中心', '市场中心', '区人社局'],
      source: cite(
        '就业机会充分 5',
        '报告期内,各类基层服务岗位数量2个以上的,得2分;3个以上的,得3分;4个以上的,得4分;5个以上的,得5分。',
      ),
      notes: [
        t(
          '“N个以上”含N：2个得2分，5个及以上得5分；仅1个或没有的源文件未规定，按0分。',
          '"N个以上" includes N: 2 posts score 2, 5 or more score 5; 1 or none the source does not mention, so 0.',
        ),
      ],
      rule: {
        kind: 'ladder',
        value: input('grassrootsServicePosts'),
        steps: [2, 3, 4, 5].map((n) => ({
          atLeast: { op: 'number' as const, value: n },
          points: n,
        })),
        otherwise: 0,
        unit: t('个', ' posts'),
      },
    },
    {
      id: '2.1',
      category: '2',
      title: t('创业培训', 'Start-up training'),
      content: lines(
        [
          '积极开展创业培训和创业孵化等指导服务。',
          '充分运用辖内就业驿站、南粤家政、零工市场、农村电商基层示范站等基层服务平台开展创业培训。',
        ],
        'Start-up training and incubation guidance, delivered also through local service platforms.',
      ),
      max: 5,
      method: lines(
        [
          '查验创业培训信息发布情况,协助组织有创业培训需求的失业人员、就业困难人员参加培训情况,人员培训需求及培训推荐服务情况。',
          ON_SITE,
        ],
        'Check training notices, help given to those needing start-up training, needs and referrals; on-site inspection or records.',
      ),
      departments: ['职建中心', '区人社局'],
      source: cite(
        '就业能力增强 1',
        '为有创业培训需求人员推荐1次服务得1分,推荐2次服务得2分,推荐3次服务得4分。',
        '推荐服务次数不足3次,但均已实现就业创业的,得4分。',
        '充分运用辖内就业驿站、南粤家政、零工市场、农村电商基层示范站等基层服务平台开展创业培训相关的咨询、指导、课程等服务的,得1分。',
      ),
      notes: [REFERRALS_COUNTED_FOR_UNIT, NO_NEED_COUNTS_AS_EMPLOYED],
      rule: {
        kind: 'sum',
        parts: [
          referrals(
            'startupTrainingReferrals',
            'startupTraineesAllEmployed',
            t('推荐创业培训服务(4分)', 'Start-up training referrals (4)'),
          ),
          check(
            input('startupTrainingViaPlatforms'),
            1,
            t('运用基层服务平台开展创业培训服务(1分)', 'Through local service platforms (1)'),
          ),
        ],
      },
    },
    {
      id: '2.2',
      category: '2',
      title: t('职业技能培训', 'Vocational skills training'),
      content: lines(
        [
          '组织辖区内有就业愿望和培训需求的失业人员、就业困难人员参加各类技能培训。',
          '组织辖内村民参加“粤菜师傅”“南粤家政”“乡村工匠”培训,以及各政府部门开展的其他涉农培训。',
        ],
        'Skills training for unemployed people and people with difficulties; villagers sent to "粤菜师傅", "南粤家政", "乡村工匠" and other rural training.',
      ),
      max: 5,
      method: lines(
        [
          '查验培训信息发布情况,协助组织有培训需求的村民、失业人员、就业困难人员参加培训情况,人员培训需求及培训推荐服务情况。',
          ON_SITE,
        ],
        'Check training notices, help given to those needing training, needs and referrals; on-site inspection or records.',
      ),
      departments: ['职建处/职建中心', '区人社局'],
      source: cite(
        '就业能力增强 2',
        '为有培训需求的失业人员、就业困难人员推荐1次培训得1分,推荐2次培训得2分,推荐3次培训得4分。',
        '推荐培训次数不足3次,但均已实现就业创业的,得4分。',
        '有组织参加“粤菜师傅”“南粤家政”“乡村工匠”培训的,得1分,组织参加各政府部门开展的其他涉农培训的,加1分。加至该项指标满分为止。',
      ),
      notes: [
        REFERRALS_COUNTED_FOR_UNIT,
        NO_NEED_COUNTS_AS_EMPLOYED,
        t(
          '各部分合计可达6分，“加至该项指标满分为止”：按5分封顶。',
          'The parts can reach 6; "加至该项指标满分为止": capped at 5.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          referrals(
            'skillsTrainingReferrals',
            'skillsTraineesAllEmployed',
            t('推荐技能培训(4分)', 'Skills-training referrals (4)'),
          ),
          check(
            input('brandTrainingOrganised'),
            1,
            t('组织参加“粤菜师傅”“南粤家政”“乡村工匠”培训(1分)', 'Brand training (1)'),
          ),
          check(
            input('otherAgriTrainingOrganised'),
            1,
            t('组织参加其他涉农培训(加1分)', 'Other rural training (+1)'),
          ),
        ],
        cap: 5,
      },
    },
    {
      id: '2.3',
      category: '2',
      title: t('培训成效', 'Training outcomes'),
      content: t(
        '报告期内,辖区内有培训需求人员培训后实现就业人数比例。',
        'The share of people needing training who found work after training, in the period.',
      ),
      max: 5,
      method: t(SYSTEM_DATA, 'System data or ledgers.'),
      departments: ['职建处/职建中心', '区人社局'],
      source: cite('就业能力增强 3', '5%以内得1分,5%-10%得2分,10%-15%得3分,15%以上得5分。'),
      notes: [
        t(
          '“5%以内”按字面含0%：有培训需求人员但无人培训后就业，仍得1分（源文件无“不得分”档）；编码为“低于5%得1分”一档，故任何比例都落在某一档内。',
          '"5%以内" read literally includes 0 %: people needed training but none found work after it still score 1 (the source has no zero band); it is encoded as a "below 5 %: 1" band, so every rate falls in some band.',
        ),
        t(
          '端点归较高一档：5%得2分，10%得3分；“15%以上”含15%，得5分。',
          'Shared edges go to the higher band: 5 % scores 2, 10 % scores 3; "15%以上" includes 15 %, which scores 5.',
        ),
        t(
          '源文件各档为1、2、3、5分，没有4分档；照原文计分，不作补插。',
          'The bands award 1, 2, 3 and 5 — there is no 4; scored as written, nothing interpolated.',
        ),
        t(
          '源文件未规定报告期内无有培训需求人员（分母为0）的情形，按本附件“报告期内未出现…的,得5分”的通例给满分。',
          'The source is silent on nobody needing training (denominator 0); following this annex\'s "报告期内未出现…的,得5分" pattern, full points.',
        ),
      ],
      rule: {
        kind: 'band',
        value: metric('trainingEmploymentRate'),
        bands: [
          { operator: '>=', threshold: pct(15), points: 5 },
          { operator: '>=', threshold: pct(10), points: 3 },
          { operator: '>=', threshold: pct(5), points: 2 },
          { operator: '<', threshold: pct(5), points: 1 },
        ],
        otherwise: 0,
      },
    },
    {
      id: '3.1',
      category: '3',
      title: t('平台建设', 'Service platform'),
      content: lines(
        [
          '场所、设施、人员、经费保障到位,制度、政策宣传落实。',
          '★设置就业服务专区。',
          '统筹配套:与辖区就业驿站、南粤家政基层服务平台、零工市场、农村电商基层示范站等公共服务项目整合资源,统筹建设。与“百千万工程”典型村建设、新乡村示范带建设“示范带+”工程等村建设工作统筹开展,形成合力。',
          '人员队伍:与网格员、就业服务专员、志愿者等服务队伍统筹安排,保障公共就业服务有效开展。',
          '宣传展示:公共就业服务充分、多元宣传展示。',
          '信息化:配备信息化服务设备,运用信息化开展服务,建设就业地图等线上服务平台。',
        ],
        'Premises, facilities, staff and funds in place, rules and publicity; ★ a dedicated service zone; integration with other platforms and village programmes; coordinated teams; publicity; digital services.',
      ),
      max: 15,
      starred: true,
      method: lines(
        [
          '查验人员分工有关文件资料、工作人员岗位工作年限、参加培训情况。',
          '提问工作人员对政策和业务经办系统的熟悉和掌握程度。',
          '查验相关财政文件、政府购买服务文件资料及经费拨付证明。',
          '查验工作职责、业务流程、服务规范、管理制度的建立及公开情况。',
          '查验办公电脑业务软件使用及联网情况,自助服务一体机联网使用情况。',
          '查验政策宣传形式及开展情况,政策清单、服务清单,办事指南,政策文件等各类政策宣传资料。',
          ON_SITE,
        ],
        'Check staffing documents, years in post and training; question staff; check budget and payment documents, rules and their publication, software and kiosks, publicity materials; on-site inspection.',
      ),
      departments: ['就业处/就业中心', '区人社局'],
      source: cite(
        '就业保障完善 1',
        '有固定的办公台位或服务窗口,办公设施配备齐全,服务窗口有固定的明显标识,得3分;',
        '有完整的信息化服务项目、窗口、平台等,得2分;',
        '有稳定的工作经费和人员经费并明确支出渠道,得2分;',
        '有1名以上专职或主要负责就业服务的工作人员,并定期或不定期参加能力提升培训,得2分;',
        '规章制度健全并公开,得1分;',
        '宣传资料齐全、在各种专项活动中开展政策宣传,得1分。',
        '设置有就业服务专区,加2分。加至该项指标满分为止。',
        '统筹配套:配套建设就业驿站,零工市场、南粤家政、农村电商基层示范站等基层服务平台之一的,得2分;将高质量就业村建设与“百千万工程”典型村建设、新乡村示范带建设“示范带+”工程等其他村建设工作统筹开展,形成合力的,加1分。',
        '人员队伍:工作人员队伍稳定,岗位工作年限5年以上的,加1分;统筹安排有网格员、就业服务专员、志愿者等服务队伍配合开展公共就业服务的,加1分。',
        '宣传展示:设置有就业宣传角,得1分。',
        '信息化:实现服务信息化展示,得1分;配备自助服务一体机并联网使用的,加1分;建有就业地图等线上服务平台或引入AI等智能辅助服务的,加2分。',
        '加至该项指标满分为止。',
      ),
      notes: [
        t(
          '以逗号、顿号并列的条件须同时满足才得该分：3分须有台位或窗口、设施齐全且有固定明显标识；“规章制度健全并公开”“宣传资料齐全、在各种专项活动中开展政策宣传”各须两者兼备。',
          'Conditions listed together must all hold for their points: the 3 need a desk or window, complete facilities and a fixed clear sign; "健全并公开" and "宣传资料齐全、…开展政策宣传" each need both.',
        ),
        t(
          '“得N分”各部分（含统筹配套2分、宣传角1分、信息化展示1分）合计15分；★就业服务专区及各“加N分”部分另可加8分，合计可达23分，“加至该项指标满分为止”：按15分封顶。',
          'The "得N分" parts (with 统筹配套 2, the publicity corner 1 and the electronic display 1) total 15; ★ the service zone and the "加N分" parts add up to 8 more, 23 in all; "加至该项指标满分为止": capped at 15.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(
            and(input('hasFixedDesk'), input('officeEquipped'), input('windowSigned')),
            3,
            t('台位窗口、设施、标识(3分)', 'Desk, facilities and sign (3)'),
          ),
          check(input('informatisedServices'), 2),
          check(input('stableFunding'), 2),
          check(
            and(ge(input('staffCount'), 1), input('staffTrained')),
            2,
            t(
              '有1名以上工作人员并参加能力提升培训(2分)',
              'At least one trained member of staff (2)',
            ),
          ),
          check(
            and(input('rulesEstablished'), input('rulesPublic')),
            1,
            t('规章制度健全并公开(1分)', 'Rules complete and public (1)'),
          ),
          check(
            and(input('publicityMaterials'), input('publicityInCampaigns')),
            1,
            t('宣传资料齐全、开展政策宣传(1分)', 'Publicity materials and campaigns (1)'),
          ),
          check(input('serviceZone'), 2, t('★就业服务专区(加2分)', '★ Service zone (+2)')),
          check(input('supportingPlatformBuilt'), 2),
          check(input('coordinatedWithVillageProjects'), 1),
          check(input('staffTenureFiveYears'), 1),
          check(input('serviceTeamsCoordinated'), 1),
          check(input('publicityCorner'), 1),
          check(input('serviceInfoDisplay'), 1),
          check(input('selfServiceKiosk'), 1),
          check(input('onlinePlatformOrAI'), 2),
        ],
        cap: 15,
      },
    },
    {
      id: '3.2',
      category: '3',
      title: t('劳动力调查', 'Labour-force survey'),
      content: lines(
        [
          '开展劳动力就业和人力资源调查、离校未就业高校毕业生摸底调查。',
          '与网格服务、志愿服务统筹开展上门走访。',
        ],
        'Labour-force and human-resources surveys and a survey of graduates who left school without work; home visits with grid and volunteer services.',
      ),
      max: 10,
      method: lines(
        ['查验调查记录、人员基础台账和基础数据库动态更新情况。', ON_SITE],
        'Check survey records, ledgers and database updates; on-site inspection.',
      ),
      departments: ['市场中心', '就业中心', '区人社局'],
      source: cite(
        '就业保障完善 2',
        '开展劳动力就业及人力资源调查,得5分,数据完整得1分,定期更新得1分;开展离校未就业高校毕业生摸底调查,得3分。',
        '与网格服务、志愿服务统筹开展上门走访,加1分。',
        '加至该项指标满分为止。',
      ),
      notes: [
        t(
          '“数据完整”“定期更新”指劳动力调查的数据：未开展调查的，这两分也不得。',
          '"数据完整" and "定期更新" refer to the labour-force survey\'s data: without the survey they score nothing either.',
        ),
        t(
          '各部分合计可达11分，“加至该项指标满分为止”：按10分封顶。',
          'The parts can reach 11; "加至该项指标满分为止": capped at 10.',
        ),
        t(
          '本项的上门走访（劳动力调查）与3.3★的失业人员、就业困难人员跟踪服务上门走访分别计分。',
          "This item's home visits (for the survey) and 3.3's ★ follow-up visits to the unemployed are scored separately.",
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('laborSurvey'), 5),
          check(
            and(input('laborSurvey'), input('surveyDataComplete')),
            1,
            t('调查数据完整(1分)', 'Survey data complete (1)'),
          ),
          check(
            and(input('laborSurvey'), input('surveyUpdatedRegularly')),
            1,
            t('调查数据定期更新(1分)', 'Survey data updated regularly (1)'),
          ),
          check(input('graduateSurvey'), 3),
          check(input('gridVisits'), 1, t('统筹开展上门走访(加1分)', 'Home visits (+1)')),
        ],
        cap: 10,
      },
    },
    {
      id: '3.3',
      category: '3',
      title: t('分类分级服务', 'Tiered and categorised services'),
      content: lines(
        [
          '★在开展各项就业创业服务工作中,充分发挥党建引领作用。',
          '开展就业登记、失业登记,职业指导、职业介绍,协助申领就业创业政策性补贴。',
          '开发、收集、发布就业岗位,并提供供需匹配服务。',
          '办理就业困难人员认定,开展就业困难人员就业帮扶和跟踪服务。',
          '对灵活就业人员、新就业形态劳动者协助提供就业援助服务和指导。',
          '与辖区就业驿站、南粤家政、零工市场等基层服务平台形成工作衔接,设置灵活就业信息发布栏。划定区域和时间段,设置灵活创业摊点。实现“镇村通”社保服务网点覆盖。',
          '★与网格服务、志愿服务统筹开展上门走访。',
        ],
        '★ Party leadership in employment services; registrations, guidance, placement and subsidies; jobs collected, published and matched; help for people with difficulties; help for flexible workers; links with local platforms, notice board, stalls, "镇村通" outlets; ★ home visits.',
      ),
      max: 25,
      starred: true,
      method: lines(
        [
          '查验系统办理数据或台帐,查验求职登记、岗位推荐情况,求职信息发布情况,就业登记、失业登记注销情况。',
          '查验岗位招聘信息线上线下发布渠道、发布记录,与求职登记、岗位推荐工作的供需匹配情况。',
          '查验失业人员每月跟踪调查情况。',
          '查验三级帮扶台账,看政策清单、服务清单提供情况,岗位推荐、专人对接联系情况,“一人一策”个性化援助档案、公益性岗位安置情况,暂停服务备注和恢复跟踪服务情况,取消就业困难人员身份情况。',
          ON_SITE,
        ],
        'Check case data and ledgers, registrations, referrals and publications; vacancy channels and matching; monthly follow-up; the three-level assistance ledger; on-site inspection.',
      ),
      departments: ['就业处/就业中心', '市场中心', '区人社局'],
      source: cite(
        '就业保障完善 3',
        '在各项就业创业服务工作中,开展党建指导、党组织联动、党员志愿服务等活动,充分发挥党组织战斗堡垒作用和党员先锋模范作用的,得5分。',
        '有对应业务办理数据或台帐齐全得2分;有求职登记记录、岗位推荐记录,得2分;有发布求职信息,得2分。',
        '有岗位收集记录、有发布记录,得1分;工作时间、招聘要求、薪酬待遇、单位联系人等岗位要素齐全,得2分;有供需匹配(求职结果回访)记录,得2分。',
        '每月开展失业人员跟踪调查,得2分;',
        '落实分级服务措施得3分,定期联系和跟踪服务制度落实得3分。',
        '灵活就业人员帮扶落实得1分。',
        '与辖区就业驿站、南粤家政、零工市场等基层服务平台形成工作衔接的,得1分;',
        '设置灵活就业信息发布栏的,得1分;',
        '划定区域和时间段,设置灵活创业摊点,加2分;',
        '实现“镇村通”社保服务网点覆盖,加1分。',
        '加至该项指标满分为止。',
        '与网格服务、志愿服务统筹开展失业人员、就业困难人员跟踪服务上门走访,加1分。',
      ),
      notes: [
        t(
          '“有求职登记记录、岗位推荐记录,得2分”“有岗位收集记录、有发布记录,得1分”各须两种记录都有；只有其一不得该分。',
          '"有求职登记记录、岗位推荐记录,得2分" and "有岗位收集记录、有发布记录,得1分" each need both kinds of records; one alone earns nothing.',
        ),
        t(
          '各部分合计可达31分，“加至该项指标满分为止”：按25分封顶。',
          'The parts can reach 31; "加至该项指标满分为止": capped at 25.',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          check(input('partyBuildingLed'), 5, t('★党建引领(5分)', '★ Party leadership (5)')),
          check(input('caseDataOrLedgers'), 2),
          check(
            and(input('jobSeekerRecords'), input('referralRecords')),
            2,
            t('有求职登记记录、岗位推荐记录(2分)', 'Registration and referral records (2)'),
          ),
          check(input('jobSeekerInfoPublished'), 2),
          check(
            and(input('jobsCollectedRecords'), input('jobsPublishedRecords')),
            1,
            t('有岗位收集记录、有发布记录(1分)', 'Collection and publication records (1)'),
          ),
          check(input('jobElementsComplete'), 2),
          check(input('matchingRecords'), 2),
          check(input('monthlyFollowUpSurvey'), 2),
          check(input('tieredServiceInPlace'), 3),
          check(input('regularContactInPlace'), 3),
          check(input('flexibleWorkerSupport'), 1),
          check(input('linkedWithPlatforms'), 1),
          check(input('flexibleJobBoard'), 1),
          check(input('flexibleStalls'), 2, t('灵活创业摊点(加2分)', 'Start-up stalls (+2)')),
          check(input('townVillageOutlet'), 1, t('“镇村通”网点(加1分)', '"镇村通" outlet (+1)')),
          check(
            input('gridFollowUpVisits'),
            1,
            t('★跟踪服务上门走访(加1分)', '★ Follow-up home visits (+1)'),
          ),
        ],
        cap: 25,
      },
    },
    {
      id: '3.4',
      category: '3',
      title: t(
        '连续三年就业服务工作无群众有效投诉',
        'No valid public complaints for three consecutive years',
      ),
      content: t(
        '连续三年就业服务工作无群众有效投诉。',
        'No valid public complaints about employment services for three consecutive years.',
      ),
      max: 5,
      method: t(ON_SITE, 'On-site inspection or records.'),
      departments: ['就业中心', '区人社局'],
      source: cite('就业保障完善 4', '达标得5分。', '未公布群众投诉渠道的,扣2分。'),
      notes: [
        t(
          '达标＝连续三年（含报告期所在年度）无群众有效投诉；未公布群众投诉渠道的再扣2分，最低0分（未达标又未公布渠道的为0分）。',
          'Met = no valid complaints over three consecutive years (including the reporting year); an unpublished complaints channel deducts 2 more, never below 0 (not met and unpublished: 0).',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: check(
          eq(input('validComplaintsThreeYears'), 0),
          5,
          t('连续三年无群众有效投诉', 'No valid complaints in three years'),
        ),
        deductions: [
          {
            label: t('未公布群众投诉渠道', 'Complaints channel not published'),
            amount: not(input('complaintChannelPublished')),
            points: 2,
          },
        ],
      },
    },
    {
      id: '4.1',
      category: '4',
      title: t('重大欠薪舆情治理成效', 'Handling of major unpaid-wage incidents'),
      content: t(
        '无欠薪引发的重大舆情。',
        'No major public-opinion incidents caused by unpaid wages.',
      ),
      max: 5,
      method: t(ON_SITE, 'On-site inspection or records.'),
      departments: ['劳监处', '区人社局'],
      source: cite(
        '就业环境和谐',
        '因欠薪引发重大舆情情况,每发生1起扣1分,扣完为止。',
        '没有发生得5分。',
      ),
      notes: [
        t(
          '以满分5分为基数，每起扣1分，5起及以上为0分。',
          'From the full 5, 1 per incident; 5 or more incidents score 0.',
        ),
      ],
      rule: {
        kind: 'deduct',
        base: 5,
        deductions: [
          {
            label: t('因欠薪引发重大舆情', 'Major unpaid-wage incidents'),
            amount: input('wageArrearsIncidents'),
            points: 1,
          },
        ],
      },
    },
    {
      id: '5.1',
      category: '5',
      title: t('典型带动', 'Leading by example'),
      content: t(
        '★创新工作方法和工作措施,宣传工作到位,形成“先进性、典型性、特色性”工作经验。',
        '★ Innovative methods and measures, well publicised, forming exemplary practice.',
      ),
      max: 10,
      starred: true,
      method: t(ON_SITE, 'On-site inspection or records.'),
      departments: ['区人社局', '就业处', '职建处', '劳监处', '就业中心', '职建中心', '市场中心'],
      source: cite(
        '加分项',
        '就业创业工作创新举措取得实效,获得市级以上荣誉,每次加5分;获得市级以上领导批示肯定,每次加3分;承办市级以上现场交流会、现场观摩、经验介绍等活动的,每次加2分;经验做法被市级以上主流媒体、刊物宣传报道的,加2分。',
        '加至该项指标满分为止。',
      ),
      notes: [
        t(
          '“每次加”按次累计；媒体报道未写“每次”，按一次计2分；合计“加至该项指标满分为止”，按10分封顶（即加分项的10分）。',
          '"每次加" counts each occurrence; media coverage has no "每次", so it adds 2 once; the sum is capped at 10 ("加至该项指标满分为止"), the bonus category\'s 10.',
        ),
        t(
          '加分须由村申报：未填写的按0次或“否”计。',
          'Bonuses must be claimed by the village: empty claims count as 0 or "no".',
        ),
      ],
      rule: {
        kind: 'sum',
        parts: [
          { kind: 'each', count: input('cityHonours'), points: 5, max: 10 },
          { kind: 'each', count: input('leaderEndorsements'), points: 3, max: 10 },
          { kind: 'each', count: input('hostedEvents'), points: 2, max: 10 },
          check(input('mediaReported'), 2),
        ],
        cap: 10,
      },
    },
  ],
  designation: {
    title: t('高质量就业村', 'High-quality employment village'),
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
      id: 'trainedWithinNeeding',
      when: ge(input('peopleNeedingTraining'), input('employedAfterTraining')),
      message: t(
        '培训后就业人数不能超过有培训需求人数',
        'Employed after training cannot exceed those needing it',
      ),
    },
  ],
};

/** 广州市高质量就业村建设标准(试行), validated. */
export const gzHqeVillage2024 = definePack(pack);
