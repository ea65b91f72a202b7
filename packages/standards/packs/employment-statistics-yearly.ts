import type { Expression } from '../src/expression.ts';
import { div, eq, gt, input, le, or, ratio } from '../src/expression-builders.ts';
import { definePack } from '../src/pack-integrity.ts';
import type { PackInput } from '../src/pack-schema.ts';
import type { Text } from '../src/text.ts';

// The yearly employment statistics of 002_b07f60abaad8dab2.txt (关于我县就业再就业工作情况调研报告):
// every figure the report names, as typed inputs a county or district reports once a year, with
// "其中" (of which) checks and a few derived shares. A statistics-only pack: no categories, no
// items, no points. Each input and metric declares how it rolls up an org tree (see
// aggregateSchema): counts and amounts add up, shares are recomputed from the added-up parts,
// a rate whose parts the report does not give is not rolled up.

const FILE = '002_b07f60abaad8dab2.txt';

function t(zh: string, en: string): Text {
  return { zh, en };
}

function cite(section: string, ...quotes: string[]) {
  return { file: FILE, section, quote: quotes.join('\n') };
}

const PEOPLE = t('人', ' people');
const PERSON_TIMES = t('人次', ' person-times');
const UNITS = t('个', ' units');
const FIRMS = t('家', ' organisations');
const TEN_THOUSAND_YUAN = t('万元', ' × 10k yuan');

const BASICS = '一、基本情况';

interface FigureOptions {
  /** Headline figures (一、基本情况) must be reported; the others may be left out. */
  readonly required?: boolean;
  readonly unit?: Text;
  readonly help?: Text;
}

/** A count the report names: people, events, places; summed up the org tree. */
function figure(
  id: string,
  zh: string,
  en: string,
  source: ReturnType<typeof cite>,
  options: FigureOptions = {},
) {
  return {
    id,
    kind: 'count' as const,
    label: t(zh, en),
    unit: options.unit ?? PEOPLE,
    required: options.required ?? false,
    ...(options.help ? { help: options.help } : {}),
    source,
    aggregate: 'sum' as const,
  };
}

/** An amount of money (non-negative), summed up the org tree. */
function money(
  id: string,
  zh: string,
  en: string,
  source: ReturnType<typeof cite>,
  options: FigureOptions = {},
) {
  return {
    id,
    kind: 'number' as const,
    label: t(zh, en),
    unit: options.unit ?? TEN_THOUSAND_YUAN,
    min: 0,
    required: options.required ?? false,
    source,
    aggregate: 'sum' as const,
  };
}

/** "其中 ≤ 合计": a part of a figure cannot exceed the figure. */
function ofWhich(part: string, whole: string, zh: string, en: string) {
  const id = `${part}Within${whole[0]?.toUpperCase()}${whole.slice(1)}`;
  return { id, when: le(input(part), input(whole)), message: t(zh, en) };
}

/** A share or an average of two summed inputs: recomputed from the rolled-up figures. */
function derived(
  id: string,
  zh: string,
  en: string,
  expression: Expression,
  extra: { format?: 'number'; digits?: number } = {},
) {
  return { id, label: t(zh, en), expression, aggregate: 'recompute' as const, ...extra };
}

const pack: PackInput = {
  key: 'stats.employment-yearly',
  version: '2019.1',
  title: t('就业再就业工作年度统计', 'Yearly employment and re-employment statistics'),
  issuer: t('县（区）人力资源和社会保障部门', 'County (district) human-resources bureau'),
  source: { file: FILE, title: '关于我县就业再就业工作情况调研报告' },
  effectiveFrom: '2019-01-01',
  total: 0,
  unitKinds: ['county', 'district'],
  notes: [
    t(
      '仅统计、不计分：没有类别和评分项，得分恒为0；填报的是调研报告所列各项数字（源文件中数字均为X）。',
      'Statistics only, no points: no categories or items, the total is always 0; a unit reports the figures the survey report names (the source gives them as X).',
    ),
    t(
      '统计期为一个自然年（报告写“2019年”）；“累计”“目前”类数字填年末数。报告中两处提到的同一数字只设一个输入项：创业培训（基本情况与（三））、创业担保贷款（基本情况的“创业担保贷款”与（三）的“小额担保贷款”）。',
      'One calendar year per report (the report says "2019年"); "累计" and "目前" figures are as at year end. A figure named twice has one input: 创业培训 (basics and (三)), 创业担保贷款 (basics, and "小额担保贷款" in (三)).',
    ),
    t(
      '“一、基本情况”的数字为必填；其余（经验做法中的数字）为选填，未填即缺数，不按0计。',
      'The figures of "一、基本情况" are required; the rest (from the practices section) are optional, and an empty one is missing, never 0.',
    ),
    t(
      '未设输入项的：政策标准（“每个乡镇建立X以上个扶贫车间”“吸纳贫困劳动力X人以上的扶贫车间按X元/人·月进行奖励”）、个例（“车间X名工人中，就有X名贫困劳动力”“有的长达XX个小时/天”“有的工种XX多元”）和名称（“X红海公司”“X省”）。',
      'Not inputs: policy standards ("每个乡镇建立X以上个扶贫车间", the workshop reward rate), anecdotes (one workshop\'s workers, "XX个小时/天", "XX多元") and names ("X红海公司", "X省").',
    ),
    t(
      '“其中”数不能超过合计数：提交时拒绝，计分卡的 issues 中列出。',
      'A "其中" (of which) figure cannot exceed its total: refused on submission, listed in the scorecard\'s issues.',
    ),
    t(
      '汇总：人数、次数、金额逐级相加；比例类指标用汇总后的分子分母重新计算；城镇登记失业率和贷款回收率源文件未给分子分母，不汇总；公益性岗位补贴标准按安置人数加权平均；零就业家庭动态清零须各单位均清零。',
      'Rollups: counts and amounts add up; shares are recomputed from the rolled-up parts; the registered unemployment rate and loan recovery rate, whose parts the report does not give, are not rolled up; the public-welfare job subsidy is averaged weighted by the people placed; zero-employment households are cleared only if every unit cleared them.',
    ),
  ],
  inputs: [
    // 一、基本情况
    figure('urbanNewJobs', '城镇新增就业', 'Urban new jobs', cite(BASICS, '实现城镇新增就业X人'), {
      required: true,
    }),
    figure(
      'unemployedReemployed',
      '其中：失业人员再就业',
      'Of which: unemployed people re-employed',
      cite(BASICS, '其中失业人员再就业X人'),
      { required: true },
    ),
    figure(
      'difficultEmployed',
      '其中：就业困难人员就业',
      'Of which: people with employment difficulties employed',
      cite(BASICS, '困难人员就业X人'),
      { required: true },
    ),
    {
      id: 'registeredUnemploymentRate',
      kind: 'percent',
      label: t('城镇登记失业率', 'Registered urban unemployment rate'),
      unit: t('%', '%'),
      source: cite(BASICS, '城镇登记失业率为X%'),
      aggregate: 'none',
    },
    {
      id: 'zeroEmploymentHouseholdsCleared',
      kind: 'boolean',
      label: t('零就业家庭动态清零', 'Zero-employment households cleared'),
      help: t(
        '年末零就业家庭均已至少一人就业',
        'At year end every zero-employment household has someone in work',
      ),
      source: cite(BASICS, '零就业家庭动态清零'),
      aggregate: 'all',
    },
    figure(
      'ruralLabourTransferred',
      '新增农村劳动力转移就业',
      'Rural workers newly moved into work',
      cite(BASICS, '新增农村劳动力转移就业X人'),
      { required: true },
    ),
    figure(
      'poorLabourTransferred',
      '其中：新增贫困劳动力转移就业',
      'Of which: poor workers newly moved into work',
      cite(BASICS, '其中新增贫困劳动力转移就业X人'),
      { required: true },
    ),
    figure('vocationalTrainees', '职业培训', 'Vocational training', cite(BASICS, '职业培训X人'), {
      required: true,
    }),
    figure(
      'entrepreneurshipTrainees',
      '其中：创业培训',
      'Of which: entrepreneurship training',
      cite(BASICS, '其中创业培训X人', '2019年开展创业培训X人'),
      { required: true },
    ),
    figure(
      'poorLabourSkillsTrainees',
      '其中：贫困劳动力技能就业培训',
      'Of which: skills training of poor workers',
      cite(BASICS, '贫困劳动力技能就业培训X人'),
      { required: true },
    ),
    figure(
      'twoAfterTrainees',
      '其中：贫困家庭两后生素质提升培训',
      'Of which: training of school leavers from poor families ("两后生")',
      cite(BASICS, '贫困家庭两后生素质提升培训X人'),
      { required: true },
    ),
    figure(
      'twoAfterAtCountyVocationalSchool',
      '两后生培训其中：县职业中专',
      'Of the "两后生" trained: at the county vocational school',
      cite(BASICS, '（其中县职业中专X人）'),
      { required: true },
    ),
    figure(
      'startupLoans',
      '新增发放创业担保贷款笔数',
      'New guaranteed start-up loans',
      cite(BASICS, '新增发放创业担保贷款X笔X万元', '共发放小额担保贷款X笔X万元'),
      { required: true, unit: t('笔', ' loans') },
    ),
    money(
      'startupLoanAmount',
      '新增发放创业担保贷款金额',
      'Amount of new guaranteed start-up loans',
      cite(BASICS, '新增发放创业担保贷款X笔X万元', '共发放小额担保贷款X笔X万元'),
      { required: true },
    ),
    figure(
      'agriPovertyStartupLoans',
      '其中：涉农涉扶贫贷款笔数',
      'Of which: loans for agriculture and poverty relief',
      cite(BASICS, '其中涉农涉扶贫X笔X万元'),
      { required: true, unit: t('笔', ' loans') },
    ),
    money(
      'agriPovertyStartupLoanAmount',
      '其中：涉农涉扶贫贷款金额',
      'Of which: amount for agriculture and poverty relief',
      cite(BASICS, '其中涉农涉扶贫X笔X万元'),
      { required: true },
    ),
    figure(
      'newBusinesses',
      '新增创业主体',
      'New businesses started',
      cite(BASICS, '新增创业主体X个'),
      { required: true, unit: UNITS },
    ),
    figure(
      'jobsFromNewBusinesses',
      '新增创业主体带动城乡就业',
      'Jobs created by the new businesses',
      cite(BASICS, '带动城乡就业X人'),
      { required: true },
    ),
    figure(
      'urbanJobsFromNewBusinesses',
      '其中：带动城镇就业',
      'Of which: urban jobs',
      cite(BASICS, '其中带动城镇就业X人'),
      { required: true },
    ),
    // 二、经验做法 (一)
    money(
      'policySpending',
      '落实培训补贴、鉴定补贴、贷款贴息等政策性支出',
      'Policy spending: training and certification subsidies, loan interest',
      cite(
        '二（一）',
        '落实职业技能培训补贴、职业技能鉴定补贴、创业担保贷款贴息等政策性支出X余万元',
      ),
    ),
    figure(
      'recruitmentEvents',
      '招聘会等就业供需对接活动',
      'Recruitment fairs and other matching events',
      cite('二（一）', '就业供需对接活动X场次'),
      { unit: t('场次', ' events') },
    ),
    figure(
      'jobsOffered',
      '提供就业岗位',
      'Vacancies offered',
      cite('二（一）', '提供就业岗位X个'),
      { unit: t('个', ' vacancies') },
    ),
    figure(
      'jobSeekerRegistrations',
      '求职登记',
      'Job-seeker registrations',
      cite('二（一）', '求职登记X人次'),
      { unit: PERSON_TIMES },
    ),
    figure(
      'careerGuidance',
      '职业指导',
      'Career guidance given',
      cite('二（一）', '职业指导X人次'),
      { unit: PERSON_TIMES },
    ),
    figure(
      'employmentIntentions',
      '供需双方达成就业意向',
      'Hiring intentions agreed',
      cite('二（一）', '供需双方达成就业意向X余人'),
    ),
    figure(
      'townsWithServiceAgencies',
      '成立人力资源社会保障服务机构的乡镇',
      'Towns with a human-resources and social-security service office',
      cite('二（一）', '全县X个乡镇和X个社区成立了人力资源社会保障服务机构'),
      { unit: UNITS },
    ),
    figure(
      'communitiesWithServiceAgencies',
      '成立人力资源社会保障服务机构的社区',
      'Communities with a human-resources and social-security service office',
      cite('二（一）', '全县X个乡镇和X个社区成立了人力资源社会保障服务机构'),
      { unit: UNITS },
    ),
    figure(
      'provincialFullEmploymentCommunities',
      '被授予省级“充分就业社区”的社区',
      'Communities designated provincial full-employment communities',
      cite('二（一）', '韩山社区、武江社区被授予“X省充分就业社区”'),
      { unit: UNITS },
    ),
    figure(
      'cityFullEmploymentCommunities',
      '被授予市级“充分就业社区”的社区',
      'Communities designated city full-employment communities',
      cite('二（一）', '南塔社区、成仙观社区、东云社区被授予“X市充分就业社区”'),
      { unit: UNITS },
    ),
    // 二 (二)
    figure(
      'internshipParticipants',
      '高校毕业生参加就业见习',
      'Graduates in work-experience placements',
      cite('二（二）', '组织X人次高校毕业生到县人民医院等X家就业见习示范基地参加就业见习'),
      { unit: PERSON_TIMES },
    ),
    figure(
      'internshipBases',
      '就业见习示范基地',
      'Work-experience demonstration sites',
      cite('二（二）', '组织X人次高校毕业生到县人民医院等X家就业见习示范基地参加就业见习'),
      { unit: FIRMS },
    ),
    money(
      'internshipSubsidy',
      '发放就业见习补贴',
      'Work-experience subsidies paid',
      cite('二（二）', '发放就业见习补贴X元'),
      { unit: t('元', ' yuan') },
    ),
    figure(
      'privateAgenciesManaged',
      '纳入县人力资源市场集中管理的社会职业中介机构',
      'Private employment agencies under the public market’s management',
      cite('二（二）', '我县将X家社会职业中介机构纳入县人力资源市场集中管理'),
      { unit: FIRMS },
    ),
    // 二 (三)
    figure(
      'incubatorFirms',
      '创业孵化基地累计进驻企业',
      'Firms admitted to the incubator (cumulative)',
      cite('二（三）', '目前创业孵化基地累计进驻企业X家，其中在孵企业X家'),
      { unit: FIRMS },
    ),
    figure(
      'incubatingFirms',
      '其中：在孵企业',
      'Of which: still incubating',
      cite('二（三）', '目前创业孵化基地累计进驻企业X家，其中在孵企业X家'),
      { unit: FIRMS },
    ),
    figure(
      'startupGuidanceStaff',
      '创业指导服务中心专职工作人员',
      'Full-time staff of the start-up guidance centre',
      cite('二（三）', '配备X名专职工作人员'),
    ),
    figure(
      'startupMentors',
      '创业指导专家志愿团成员',
      'Volunteer start-up mentors',
      cite('二（三）', '组建由X名专家、教授和企业家组成的创业指导专家志愿团'),
    ),
    figure(
      'startupsAfterTraining',
      '创业培训后实现成功创业',
      'Trainees who started a business',
      cite('二（三）', '培训后实现成功创业X人'),
    ),
    figure(
      'jobsFromTrainedStartups',
      '创业培训学员创业带动就业',
      'Jobs created by trainees’ businesses',
      cite('二（三）', '创业带动就业X余人'),
    ),
    figure(
      'graduateIncubatorProspects',
      '大学生创业孵化基地有意向进驻企业',
      'Firms intending to join the graduate incubator',
      cite('二（三）', '目前有意向进驻企业X家'),
      { unit: FIRMS },
    ),
    figure(
      'jobsFromStartupLoans',
      '创业担保贷款带动就业',
      'Jobs created through the start-up loans',
      cite('二（三）', '共发放小额担保贷款X笔X万元，带动就业X余人'),
    ),
    {
      id: 'loanRecoveryRate',
      kind: 'percent',
      label: t('历年贷款回收率', 'Loan recovery rate, all years'),
      unit: t('%', '%'),
      required: false,
      source: cite('二（三）', '历年贷款回收率达X%以上'),
      aggregate: 'none',
    },
    // 二 (四)
    figure(
      'poorMigrantsTransportSubsidised',
      '获发交通补贴的外出务工贫困劳动力',
      'Poor migrant workers given a travel subsidy',
      cite('二（四）', '为X名外出务工的贫困劳动力发放交通补贴X万元'),
    ),
    money(
      'transportSubsidy',
      '发放交通补贴',
      'Travel subsidies paid',
      cite('二（四）', '为X名外出务工的贫困劳动力发放交通补贴X万元'),
    ),
    figure(
      'poorLabourTransferredCumulative',
      '累计转移就业贫困劳动力',
      'Poor workers moved into work (cumulative)',
      cite('二（四）', '目前我县累计转移就业贫困劳动力达X人'),
    ),
    figure(
      'povertyPublicWelfareJobs',
      '开发就业扶贫公益性岗位',
      'Public-welfare jobs created for poverty relief',
      cite('二（四）', '等338个就业扶贫公益性岗位'),
      { unit: t('个', ' posts') },
    ),
    figure(
      'publicWelfareJobsPlaced',
      '公益性岗位安置就业',
      'People placed in the public-welfare jobs',
      cite('二（四）', '安置了X名贫困户、易地扶贫搬迁集中安置户中没有转移就业且有劳动能力人员就业'),
    ),
    {
      id: 'publicWelfareJobSubsidy',
      kind: 'number',
      label: t('公益性岗位补贴标准', 'Public-welfare job subsidy'),
      unit: t('元/人·月', ' yuan per person-month'),
      min: 0,
      required: false,
      source: cite('二（四）', '发放X元/人·月的岗位补贴'),
      aggregate: { weightedMeanBy: 'publicWelfareJobsPlaced' },
    },
    figure(
      'povertyWorkshops',
      '认定创建扶贫车间',
      'Poverty-relief workshops recognised',
      cite('二（四）', '目前认定创建扶贫车间X家'),
      { unit: FIRMS },
    ),
    figure(
      'workshopPoorEmployed',
      '扶贫车间吸纳贫困劳动力就地就近就业',
      'Poor workers employed locally in the workshops',
      cite('二（四）', '吸纳贫困劳动力就地就近就业X人'),
    ),
    // 二 (五)
    figure(
      'disabledEmploymentBases',
      '被评为残疾人就业、创业示范基地的企业',
      'Firms named disability employment or start-up demonstration sites',
      cite('二（五）', '我县先后X个企业被评为全市、县残疾人就业、创业示范基地'),
      { unit: UNITS },
    ),
    figure(
      'disabledEmployedAfterTraining',
      '通过培训实现残疾人就业',
      'Disabled people employed after training',
      cite('二（五）', '通过培训实现残疾人就业达X多人次'),
      {
        unit: PERSON_TIMES,
        help: t(
          '报告写“近三年来”；本表按当年数填报',
          'The report gives a three-year figure; report the year’s own',
        ),
      },
    ),
    figure(
      'disabledQuotaEmployed',
      '按比例安排残疾人就业',
      'Disabled people employed under the quota',
      cite('二（五）', '全县各单位已落实X名残疾人就业'),
    ),
  ],
  metrics: [
    derived(
      'reemploymentShareOfNewJobs',
      '失业人员再就业占城镇新增就业比例',
      'Re-employed unemployed as a share of urban new jobs',
      ratio(
        input('unemployedReemployed'),
        input('urbanNewJobs'),
        'not-applicable',
        t('无城镇新增就业', 'No urban new jobs'),
      ),
    ),
    derived(
      'poorShareOfTransfers',
      '贫困劳动力占新增转移就业比例',
      'Poor workers as a share of new rural transfers',
      ratio(
        input('poorLabourTransferred'),
        input('ruralLabourTransferred'),
        'not-applicable',
        t('无新增农村劳动力转移就业', 'No new rural transfers'),
      ),
    ),
    derived(
      'entrepreneurshipShareOfTraining',
      '创业培训占职业培训比例',
      'Entrepreneurship training as a share of vocational training',
      ratio(
        input('entrepreneurshipTrainees'),
        input('vocationalTrainees'),
        'not-applicable',
        t('无职业培训', 'No vocational training'),
      ),
    ),
    derived(
      'averageStartupLoan',
      '创业担保贷款笔均金额（万元）',
      'Average start-up loan (10k yuan)',
      div(
        input('startupLoanAmount'),
        input('startupLoans'),
        'not-applicable',
        t('未发放创业担保贷款', 'No start-up loans'),
      ),
      { format: 'number', digits: 2 },
    ),
    derived(
      'agriPovertyLoanShare',
      '涉农涉扶贫贷款金额占比',
      'Agriculture and poverty-relief share of the loan amount',
      ratio(
        input('agriPovertyStartupLoanAmount'),
        input('startupLoanAmount'),
        'not-applicable',
        t('未发放创业担保贷款', 'No start-up loans'),
      ),
    ),
    derived(
      'jobsPerNewBusiness',
      '每个新增创业主体带动就业人数',
      'Jobs per new business',
      div(
        input('jobsFromNewBusinesses'),
        input('newBusinesses'),
        'not-applicable',
        t('无新增创业主体', 'No new businesses'),
      ),
      { format: 'number', digits: 1 },
    ),
    derived(
      'urbanShareOfBusinessJobs',
      '带动城镇就业占带动就业比例',
      'Urban share of the jobs created by new businesses',
      ratio(
        input('urbanJobsFromNewBusinesses'),
        input('jobsFromNewBusinesses'),
        'not-applicable',
        t('新增创业主体未带动就业', 'The new businesses created no jobs'),
      ),
    ),
    derived(
      'vacanciesPerJobSeeker',
      '岗位与求职人次之比（求人倍率）',
      'Vacancies per job-seeker registration',
      div(
        input('jobsOffered'),
        input('jobSeekerRegistrations'),
        'not-applicable',
        t('无求职登记', 'No job-seeker registrations'),
      ),
      { format: 'number', digits: 2 },
    ),
    derived(
      'startupSuccessRate',
      '创业培训后成功创业比例',
      'Share of entrepreneurship trainees who started a business',
      ratio(
        input('startupsAfterTraining'),
        input('entrepreneurshipTrainees'),
        'not-applicable',
        t('无创业培训', 'No entrepreneurship training'),
      ),
    ),
    derived(
      'publicWelfareJobsFilled',
      '公益性岗位安置率',
      'Share of public-welfare jobs filled',
      ratio(
        input('publicWelfareJobsPlaced'),
        input('povertyPublicWelfareJobs'),
        'not-applicable',
        t('未开发公益性岗位', 'No public-welfare jobs'),
      ),
    ),
  ],
  constraints: [
    ofWhich(
      'unemployedReemployed',
      'urbanNewJobs',
      '其中失业人员再就业不能超过城镇新增就业',
      'Re-employed unemployed cannot exceed urban new jobs',
    ),
    ofWhich(
      'difficultEmployed',
      'urbanNewJobs',
      '其中困难人员就业不能超过城镇新增就业',
      'People in difficulty employed cannot exceed urban new jobs',
    ),
    ofWhich(
      'poorLabourTransferred',
      'ruralLabourTransferred',
      '其中新增贫困劳动力转移就业不能超过新增农村劳动力转移就业',
      'Poor workers moved cannot exceed all rural workers moved',
    ),
    ofWhich(
      'poorLabourTransferred',
      'poorLabourTransferredCumulative',
      '当年新增贫困劳动力转移就业不能超过累计数',
      "The year's poor workers moved cannot exceed the cumulative figure",
    ),
    ofWhich(
      'entrepreneurshipTrainees',
      'vocationalTrainees',
      '其中创业培训不能超过职业培训',
      'Entrepreneurship training cannot exceed vocational training',
    ),
    ofWhich(
      'poorLabourSkillsTrainees',
      'vocationalTrainees',
      '其中贫困劳动力技能就业培训不能超过职业培训',
      'Skills training of poor workers cannot exceed vocational training',
    ),
    ofWhich(
      'twoAfterTrainees',
      'vocationalTrainees',
      '其中两后生素质提升培训不能超过职业培训',
      '"两后生" training cannot exceed vocational training',
    ),
    ofWhich(
      'twoAfterAtCountyVocationalSchool',
      'twoAfterTrainees',
      '其中县职业中专不能超过两后生培训人数',
      'The county vocational school cannot exceed all "两后生" trained',
    ),
    ofWhich(
      'agriPovertyStartupLoans',
      'startupLoans',
      '其中涉农涉扶贫贷款笔数不能超过贷款总笔数',
      'Agriculture and poverty loans cannot exceed all loans',
    ),
    ofWhich(
      'agriPovertyStartupLoanAmount',
      'startupLoanAmount',
      '其中涉农涉扶贫贷款金额不能超过贷款总金额',
      'The agriculture and poverty amount cannot exceed the total amount',
    ),
    {
      id: 'loanAmountNeedsLoans',
      when: or(gt(input('startupLoans'), 0), eq(input('startupLoanAmount'), 0)),
      message: t('未发放贷款（0笔）时贷款金额应为0', 'With no loans (0) the loan amount must be 0'),
    },
    ofWhich(
      'urbanJobsFromNewBusinesses',
      'jobsFromNewBusinesses',
      '其中带动城镇就业不能超过带动城乡就业',
      'Urban jobs cannot exceed all jobs created',
    ),
    ofWhich(
      'incubatingFirms',
      'incubatorFirms',
      '其中在孵企业不能超过累计进驻企业',
      'Firms incubating cannot exceed all firms admitted',
    ),
    ofWhich(
      'startupsAfterTraining',
      'entrepreneurshipTrainees',
      '培训后成功创业人数不能超过创业培训人数',
      'Trainees who started a business cannot exceed those trained',
    ),
    ofWhich(
      'publicWelfareJobsPlaced',
      'povertyPublicWelfareJobs',
      '公益性岗位安置人数不能超过岗位数',
      'People placed cannot exceed the public-welfare jobs',
    ),
  ],
};

/** The yearly employment statistics of the county survey report: inputs and metrics, no points. */
export const employmentStatisticsYearly = definePack(pack);
