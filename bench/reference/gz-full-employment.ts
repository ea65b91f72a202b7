// 广州市充分就业社区(村)建设标准(2024年修订版) (000_…txt 附件4) as a hand-written function:
// the floor of interpretation cost for the engine benchmark (issue 9 §1). The same rubric as
// packs/gz-full-employment-2024.ts, read the same way (see the pack's notes), producing what a
// product needs of a scorecard: per item points, max, the inputs read and a zh/en explanation;
// category points with the bonus cap; the total; the designation. Exact: rates are compared by
// integer cross-multiplication, points are multiples of 0.5. It trusts its inputs to be
// complete and valid (the benchmark fixture is) — no missing-input handling, no validation.

export interface HandText {
  readonly zh: string;
  readonly en: string;
}

export interface HandItem {
  readonly id: string;
  readonly points: number;
  readonly max: number;
  readonly inputs: Record<string, number | boolean>;
  readonly explanation: HandText;
}

export interface HandScorecard {
  readonly items: HandItem[];
  readonly categories: { readonly id: string; readonly points: number; readonly max: number }[];
  readonly total: number;
  readonly max: number;
  readonly bonusMax: number;
  readonly designation: { readonly met: boolean; readonly reason: HandText };
}

type Inputs = Readonly<Record<string, unknown>>;

const n = (inputs: Inputs, id: string): number => (inputs[id] as number | undefined) ?? 0;
const b = (inputs: Inputs, id: string): boolean => inputs[id] === true;

/** "84.8%": one decimal, for explanations. */
function percent(num: number, den: number): string {
  const tenths = Math.round((num * 1000) / den);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

function pointsText(points: number): HandText {
  if (points === 0) return { zh: '不得分', en: '0 points' };
  return { zh: `得${points}分`, en: `${points} point${points === 1 ? '' : 's'}` };
}

/** ≥ bands on num/den: [[percent, points], …] highest first. */
function band(num: number, den: number, bands: readonly (readonly [number, number])[]): number {
  for (const [threshold, points] of bands) if (num * 100 >= threshold * den) return points;
  return 0;
}

function bandName(
  num: number,
  den: number,
  bands: readonly (readonly [number, number])[],
): HandText {
  for (const [threshold] of bands) {
    if (num * 100 >= threshold * den) return { zh: `达${threshold}%档`, en: `band ≥${threshold}%` };
  }
  const lowest = bands[bands.length - 1]?.[0] ?? 0;
  return { zh: `低于${lowest}%`, en: `below ${lowest}%` };
}

function yesNo(value: boolean): HandText {
  return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
}

function checks(inputs: Inputs, parts: readonly (readonly [string, string, number])[]) {
  let points = 0;
  const zh: string[] = [];
  const en: string[] = [];
  for (const [id, label, worth] of parts) {
    const got = b(inputs, id) ? worth : 0;
    points += got;
    const said = yesNo(b(inputs, id));
    const awarded = pointsText(got);
    zh.push(`${label} = ${said.zh}，${awarded.zh}`);
    en.push(`${id} = ${said.en}, ${awarded.en}`);
  }
  return { points, zh, en };
}

function read(inputs: Inputs, ids: readonly string[]): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const id of ids) {
    const value = inputs[id];
    if (value !== undefined) out[id] = value as number | boolean;
  }
  return out;
}

function item(
  id: string,
  max: number,
  points: number,
  inputs: Record<string, number | boolean>,
  zh: string,
  en: string,
): HandItem {
  return { id, points: Math.min(max, Math.max(0, points)), max, inputs, explanation: { zh, en } };
}

const REEMPLOYMENT = [
  [90, 8],
  [85, 7],
  [80, 6],
  [75, 5],
  [70, 4],
  [65, 3],
] as const;
const DIFFICULT = [
  [90, 6],
  [85, 5],
  [80, 4],
  [75, 3],
  [70, 2],
] as const;

export function scoreGzByHand(
  inputs: Inputs,
  unitKind: 'community' | 'village',
  passMark: number,
): HandScorecard {
  const items: HandItem[] = [];

  // 一.1 登记失业人员就业率 (8): bands, 底数不清 −4, per full 10 % of the sample inconsistent −4.
  {
    const reg = n(inputs, 'registeredUnemployed');
    const dereg = n(inputs, 'unemployedDeregisteredNonEmployment');
    const reemployed = n(inputs, 'unemployedReemployed');
    const den = reg - dereg;
    const base = den === 0 ? 8 : band(reemployed, den, REEMPLOYMENT);
    const sampled = n(inputs, 'unemployedSampled');
    const mismatched = n(inputs, 'unemployedSampleMismatched');
    const steps = sampled === 0 ? 0 : Math.floor((10 * mismatched) / sampled);
    const unclear = b(inputs, 'unemployedBaseUnclear') ? 4 : 0;
    const points = Math.max(0, base - unclear - 4 * steps);
    const rate = den === 0 ? '—' : percent(reemployed, den);
    const name =
      den === 0
        ? { zh: '无登记失业人员', en: 'none registered' }
        : bandName(reemployed, den, REEMPLOYMENT);
    items.push(
      item(
        '一.1',
        8,
        points,
        read(inputs, [
          'registeredUnemployed',
          'unemployedDeregisteredNonEmployment',
          'unemployedReemployed',
          'unemployedBaseUnclear',
          'unemployedSampled',
          'unemployedSampleMismatched',
        ]),
        `失业人员再就业率 = ${reemployed} ÷ (${reg} − ${dereg}) = ${rate}，${name.zh}，得${base}分；扣${unclear + 4 * steps}分；得${points}分`,
        `Re-employment rate = ${reemployed} ÷ (${reg} − ${dereg}) = ${rate}, ${name.en}, ${base} points; −${unclear + 4 * steps}; ${points} points`,
      ),
    );
  }

  // 一.2 毕业生去向 (6): no graduates → 6; else placement ≥ 90 % → 4, poor-family graduates all employed → 2.
  {
    const total = n(inputs, 'graduatesTotal');
    if (total === 0) {
      items.push(
        item(
          '一.2',
          6,
          6,
          read(inputs, ['graduatesTotal']),
          '报告期内未出现辖区生源离校未就业高校毕业生，得6分',
          'No such graduates in the period, 6 points',
        ),
      );
    } else {
      const placed = total - n(inputs, 'graduatesNotPlaced');
      const placement = placed * 100 >= 90 * total ? 4 : 0;
      const willing = n(inputs, 'poorGraduatesWilling');
      const employed = n(inputs, 'poorGraduatesEmployed');
      const poor = willing === 0 || employed >= willing ? 2 : 0;
      items.push(
        item(
          '一.2',
          6,
          placement + poor,
          read(inputs, [
            'graduatesTotal',
            'graduatesNotPlaced',
            'poorGraduatesWilling',
            'poorGraduatesEmployed',
          ]),
          `去向落实率 = ${placed} ÷ ${total} = ${percent(placed, total)}，${pointsText(placement).zh}；贫困家庭高校毕业生就业 ${employed}/${willing}，${pointsText(poor).zh}；合计${placement + poor}分`,
          `placement ${placed} ÷ ${total} = ${percent(placed, total)}, ${pointsText(placement).en}; poor-family graduates ${employed}/${willing}, ${pointsText(poor).en}; total ${placement + poor}`,
        ),
      );
    }
  }

  // 一.3 就业困难人员就业率 (6).
  {
    const total = n(inputs, 'difficultTotal');
    const cancelled = n(inputs, 'difficultCancelledNonEmployment');
    const employed = n(inputs, 'difficultEmployed');
    const den = total - cancelled;
    const points = den === 0 ? 6 : band(employed, den, DIFFICULT);
    const rate = den === 0 ? '—' : percent(employed, den);
    const name =
      den === 0 ? { zh: '无就业困难人员', en: 'nobody' } : bandName(employed, den, DIFFICULT);
    items.push(
      item(
        '一.3',
        6,
        points,
        read(inputs, ['difficultTotal', 'difficultCancelledNonEmployment', 'difficultEmployed']),
        `就业困难人员就业率 = ${employed} ÷ (${total} − ${cancelled}) = ${rate}，${name.zh}，${pointsText(points).zh}`,
        `Employment rate of people with difficulties = ${employed} ÷ (${total} − ${cancelled}) = ${rate}, ${name.en}, ${pointsText(points).en}`,
      ),
    );
  }

  // 一.4 零就业家庭动态清零 (5); 一.5 无失业一年以上人员 (5).
  {
    const families = n(inputs, 'zeroEmploymentFamilies');
    const cleared = n(inputs, 'zeroEmploymentFamiliesCleared');
    const points = families === 0 || cleared >= families ? 5 : 0;
    items.push(
      item(
        '一.4',
        5,
        points,
        read(inputs, ['zeroEmploymentFamilies', 'zeroEmploymentFamiliesCleared']),
        `实现动态清零：${cleared}/${families}，${pointsText(points).zh}`,
        `all cleared: ${cleared}/${families}, ${pointsText(points).en}`,
      ),
    );
    const longTerm = n(inputs, 'longTermUnemployed');
    const none = longTerm === 0 ? 5 : 0;
    items.push(
      item(
        '一.5',
        5,
        none,
        read(inputs, ['longTermUnemployed']),
        `失业一年以上人员数 = ${longTerm}，${pointsText(none).zh}`,
        `unemployed over a year = ${longTerm}, ${pointsText(none).en}`,
      ),
    );
  }

  // 二.1 (4), 二.2 (6, gated on staff), 二.3 (8), 二.4 (4), 二.5 (4), 二.6 (4 − per full 10 % × 2).
  {
    const desk = checks(inputs, [
      ['hasFixedDesk', '有固定办公台位或服务窗口', 2],
      ['windowHasSign', '服务窗口有明显标识', 1],
      ['officeEquipped', '有配备办公电话、电脑、打印机、资料柜', 1],
    ]);
    items.push(
      item(
        '二.1',
        4,
        desk.points,
        read(inputs, ['hasFixedDesk', 'windowHasSign', 'officeEquipped']),
        `${desk.zh.join('；')}；合计${desk.points}分`,
        `${desk.en.join('; ')}; total ${desk.points}`,
      ),
    );
    const staff = n(inputs, 'staffCount');
    const trained = checks(inputs, [
      ['staffTrained', '工作人员有参加培训', 3],
      ['staffProficient', '工作人员对政策和业务经办系统熟悉熟练', 3],
    ]);
    const staffed = staff >= 1 ? trained.points : 0;
    items.push(
      item(
        '二.2',
        6,
        staffed,
        read(inputs, ['staffCount', 'staffTrained', 'staffProficient']),
        staff >= 1
          ? `有1名以上负责就业服务的工作人员：是；${trained.zh.join('；')}；合计${staffed}分`
          : '不达标不得分',
        staff >= 1 ? `staff: yes; ${trained.en.join('; ')}; total ${staffed}` : 'not met, 0 points',
      ),
    );
    const funded =
      (unitKind === 'village' || b(inputs, 'fundsInBudget')) &&
      b(inputs, 'fundsPaidInFull') &&
      b(inputs, 'subsidiesUsedAsRequired');
    items.push(
      item(
        '二.3',
        8,
        funded ? 8 : 0,
        read(inputs, ['fundsInBudget', 'fundsPaidInFull', 'subsidiesUsedAsRequired']),
        `经费保障达标：${yesNo(funded).zh}，${pointsText(funded ? 8 : 0).zh}`,
        `funding standard met: ${yesNo(funded).en}, ${pointsText(funded ? 8 : 0).en}`,
      ),
    );
    const rules = checks(inputs, [
      ['rulesEstablished', '按规定建立相关规章制度', 2],
      ['rulesPublic', '规章制度公开', 2],
    ]);
    items.push(
      item(
        '二.4',
        4,
        rules.points,
        read(inputs, ['rulesEstablished', 'rulesPublic']),
        `${rules.zh.join('；')}；合计${rules.points}分`,
        `${rules.en.join('; ')}; total ${rules.points}`,
      ),
    );
    const software = b(inputs, 'unifiedSoftwareNetworked') ? 4 : 0;
    items.push(
      item(
        '二.5',
        4,
        software,
        read(inputs, ['unifiedSoftwareNetworked']),
        `使用统一业务软件并联网 = ${yesNo(software > 0).zh}，${pointsText(software).zh}`,
        `unified software, networked = ${yesNo(software > 0).en}, ${pointsText(software).en}`,
      ),
    );
    const ledger = checks(inputs, [
      ['databaseEstablished', '按规定建立系统数据和资料台帐', 2],
      ['databaseUpdatedTimely', '系统数据和资料台帐更新及时', 2],
    ]);
    const sampled = n(inputs, 'ledgerSampled');
    const steps =
      sampled === 0 ? 0 : Math.floor((10 * n(inputs, 'ledgerSampleMismatched')) / sampled);
    const after = Math.max(0, ledger.points - 2 * steps);
    items.push(
      item(
        '二.6',
        4,
        after,
        read(inputs, [
          'databaseEstablished',
          'databaseUpdatedTimely',
          'ledgerSampled',
          'ledgerSampleMismatched',
        ]),
        `${ledger.zh.join('；')}；合计${ledger.points}分；不一致扣${2 * steps}分；得${after}分`,
        `${ledger.en.join('; ')}; total ${ledger.points}; −${2 * steps}; ${after} points`,
      ),
    );
  }

  // 三.1–三.10.
  {
    const publicity = checks(inputs, [
      ['publicityMaterials', '宣传资料齐全', 1],
      ['publicityInCampaigns', '各种专项活动中开展政策宣传', 1],
    ]);
    items.push(
      item(
        '三.1',
        2,
        publicity.points,
        read(inputs, ['publicityMaterials', 'publicityInCampaigns']),
        `${publicity.zh.join('；')}；合计${publicity.points}分`,
        `${publicity.en.join('; ')}; total ${publicity.points}`,
      ),
    );
    const survey = checks(inputs, [
      ['surveyRecords', '有劳动力调查记录', 2],
      ['baseClearOrUpdated', '底数清或更新及时', 2],
      ['unemployedIntentionsUpdated', '登记失业人员求职培训意愿信息更新及时', 1],
    ]);
    const surveyLapses = n(inputs, 'surveyMismatchedPersons');
    const surveyPoints = Math.max(0, survey.points - 0.5 * surveyLapses);
    items.push(
      item(
        '三.2',
        5,
        surveyPoints,
        read(inputs, [
          'surveyRecords',
          'baseClearOrUpdated',
          'unemployedIntentionsUpdated',
          'surveyMismatchedPersons',
        ]),
        `${survey.zh.join('；')}；不一致${surveyLapses}人，每人扣0.5分；得${surveyPoints}分`,
        `${survey.en.join('; ')}; ${surveyLapses} inconsistent, −0.5 each; ${surveyPoints} points`,
      ),
    );
    const jobs = checks(inputs, [
      ['jobsCollectedRecords', '有岗位收集记录', 2],
      ['jobsPublishedRecords', '有岗位发布记录', 1],
      ['jobElementsComplete', '岗位要素齐全', 1],
      ['matchingRecords', '有供需匹配记录', 1],
    ]);
    items.push(
      item(
        '三.3',
        5,
        jobs.points,
        read(inputs, [
          'jobsCollectedRecords',
          'jobsPublishedRecords',
          'jobElementsComplete',
          'matchingRecords',
        ]),
        `${jobs.zh.join('；')}；合计${jobs.points}分`,
        `${jobs.en.join('; ')}; total ${jobs.points}`,
      ),
    );
    const registration = checks(inputs, [
      ['jobSeekerAndReferralRecords', '有求职登记记录和岗位推荐记录', 3],
      ['jobSeekerInfoPublished', '有发布求职信息', 2],
    ]);
    const missingKinds = n(inputs, 'systemDataTypesMissing');
    const registrationPoints = Math.max(0, registration.points - missingKinds);
    items.push(
      item(
        '三.4',
        5,
        registrationPoints,
        read(inputs, [
          'jobSeekerAndReferralRecords',
          'jobSeekerInfoPublished',
          'systemDataTypesMissing',
        ]),
        `${registration.zh.join('；')}；缺${missingKinds}种，每种扣1分；得${registrationPoints}分`,
        `${registration.en.join('; ')}; ${missingKinds} kinds missing, −1 each; ${registrationPoints} points`,
      ),
    );
    const tiered = n(inputs, 'tieredServiceLapsedPersons');
    const followUp = n(inputs, 'followUpLapsedPersons');
    const service = Math.max(0, 5 - 0.5 * tiered - 0.5 * followUp);
    items.push(
      item(
        '三.5',
        5,
        service,
        read(inputs, ['tieredServiceLapsedPersons', 'followUpLapsedPersons']),
        `基础分5分；未落实分级服务${tiered}人、未跟踪服务${followUp}人，每人扣0.5分；得${service}分`,
        `base 5; ${tiered} tiered-service and ${followUp} follow-up lapses, −0.5 each; ${service} points`,
      ),
    );
    const referrals = n(inputs, 'trainingReferrals');
    const ladder = referrals >= 3 ? 5 : referrals >= 2 ? 3 : referrals >= 1 ? 2 : 0;
    const allEmployed = b(inputs, 'traineesAllEmployed') ? 5 : 0;
    const training = b(inputs, 'trainingAssistedAsRequired') ? Math.max(ladder, allEmployed) : 0;
    items.push(
      item(
        '三.6',
        5,
        training,
        read(inputs, ['trainingAssistedAsRequired', 'trainingReferrals', 'traineesAllEmployed']),
        `按规定协助组织培训 = ${yesNo(b(inputs, 'trainingAssistedAsRequired')).zh}；推荐培训${referrals}次，得${ladder}分；均已实现就业创业，得${allEmployed}分；取较高者${training}分`,
        `training assisted = ${yesNo(b(inputs, 'trainingAssistedAsRequired')).en}; ${referrals} referrals, ${ladder}; all employed, ${allEmployed}; the best applies: ${training}`,
      ),
    );
    const itemsMissing = n(inputs, 'graduateServiceItemsMissing');
    const gradMismatch = n(inputs, 'graduateServiceMismatchedPersons');
    const graduates = Math.max(0, 5 - itemsMissing - 0.5 * gradMismatch);
    items.push(
      item(
        '三.7',
        5,
        graduates,
        read(inputs, ['graduateServiceItemsMissing', 'graduateServiceMismatchedPersons']),
        `基础分5分；缺${itemsMissing}项扣${itemsMissing}分；核查不一致${gradMismatch}人扣${0.5 * gradMismatch}分；得${graduates}分`,
        `base 5; ${itemsMissing} services missing, −${itemsMissing}; ${gradMismatch} inconsistent, −${0.5 * gradMismatch}; ${graduates} points`,
      ),
    );
    const absent = b(inputs, 'flexibleRecordsAbsent') ? 2 : 0;
    const falseEntries = n(inputs, 'flexibleFalseEntries');
    const flexible = Math.max(0, 4 - absent - 0.5 * falseEntries);
    items.push(
      item(
        '三.8',
        4,
        flexible,
        read(inputs, ['flexibleRecordsAbsent', 'flexibleFalseEntries']),
        `基础分4分；无相关记录扣${absent}分；信息不实${falseEntries}条扣${0.5 * falseEntries}分；得${flexible}分`,
        `base 4; no records −${absent}; ${falseEntries} untrue entries −${0.5 * falseEntries}; ${flexible} points`,
      ),
    );
    const complaints = n(inputs, 'validComplaints');
    const channel = b(inputs, 'complaintChannelPublished') ? 0 : 1;
    const satisfaction = Math.max(0, (complaints === 0 ? 2 : 0) - channel);
    items.push(
      item(
        '三.9',
        2,
        satisfaction,
        read(inputs, ['validComplaints', 'complaintChannelPublished']),
        `有效投诉${complaints}件；未公布投诉渠道扣${channel}分；得${satisfaction}分`,
        `${complaints} valid complaints; channel unpublished −${channel}; ${satisfaction} points`,
      ),
    );
    const events = n(inputs, 'majorEmploymentRiskEvents');
    const risk = events === 0 ? 2 : 0;
    items.push(
      item(
        '三.10',
        2,
        risk,
        read(inputs, ['majorEmploymentRiskEvents']),
        `重大就业风险事件数 = ${events}，${pointsText(risk).zh}`,
        `major risk events = ${events}, ${pointsText(risk).en}`,
      ),
    );
  }

  // 四 加分项 (10 in all).
  {
    const reg = n(inputs, 'registeredUnemployed');
    const dereg = n(inputs, 'unemployedDeregisteredNonEmployment');
    // 剔除人员占比: ≤ 0 % → 2, < 3 % → 1.5, < 5 % → 1.
    const exclusion =
      reg === 0 || dereg === 0 ? 2 : dereg * 100 < 3 * reg ? 1.5 : dereg * 100 < 5 * reg ? 1 : 0;
    items.push(
      item(
        '四.1',
        2,
        exclusion,
        read(inputs, ['registeredUnemployed', 'unemployedDeregisteredNonEmployment']),
        `剔除人员占比 = ${dereg} ÷ ${reg}，${pointsText(exclusion).zh}`,
        `share excluded = ${dereg} ÷ ${reg}, ${pointsText(exclusion).en}`,
      ),
    );
    const needing = n(inputs, 'peopleNeedingTraining');
    const employed = n(inputs, 'employedAfterTraining');
    const trained =
      needing === 0
        ? 0
        : band(employed, needing, [
            [15, 2],
            [10, 1.5],
            [5, 1],
          ]);
    items.push(
      item(
        '四.2',
        2,
        trained,
        read(inputs, ['peopleNeedingTraining', 'employedAfterTraining']),
        `培训后就业比例 = ${employed} ÷ ${needing}，${pointsText(trained).zh}`,
        `employed after training = ${employed} ÷ ${needing}, ${pointsText(trained).en}`,
      ),
    );
    const services = checks(inputs, [
      ['selfServiceKiosk', '配备自助服务一体机', 1],
      ['serviceInfoDisplay', '实现服务信息化展示', 2],
      ['gridVisits', '统筹开展上门走访', 1],
      ['flexibleJobBoard', '设置灵活就业信息发布栏', 1],
      ['gigStation', '配套建设零工服务驿站', 2],
      ['employmentStation', '配套建设就业驿站', 2],
      ['ecommerceStation', '配套建设农村电商基层示范站', 2],
      ['townVillageOutlet', '配套建设“镇村通”社保服务网点', 2],
      ['flexibleStalls', '设置灵活创业摊点', 2],
    ]);
    const capped = Math.min(10, services.points);
    items.push(
      item(
        '四.3',
        10,
        capped,
        read(inputs, [
          'selfServiceKiosk',
          'serviceInfoDisplay',
          'gridVisits',
          'flexibleJobBoard',
          'gigStation',
          'employmentStation',
          'ecommerceStation',
          'townVillageOutlet',
          'flexibleStalls',
        ]),
        `${services.zh.join('；')}；合计${capped}分`,
        `${services.en.join('; ')}; total ${capped}`,
      ),
    );
    const tenure = b(inputs, 'staffTenureFiveYears') ? 1 : 0;
    items.push(
      item(
        '四.4',
        1,
        tenure,
        read(inputs, ['staffTenureFiveYears']),
        `工作人员岗位工作年限5年以上 = ${yesNo(tenure > 0).zh}，${pointsText(tenure).zh}`,
        `staff 5+ years = ${yesNo(tenure > 0).en}, ${pointsText(tenure).en}`,
      ),
    );
    const years = n(inputs, 'consecutiveYearsDesignated');
    const sustained = years >= 15 ? 2 : years >= 10 ? 1 : 0;
    items.push(
      item(
        '四.5',
        2,
        sustained,
        read(inputs, ['consecutiveYearsDesignated']),
        `连续评定${years}年，${pointsText(sustained).zh}`,
        `${years} consecutive years, ${pointsText(sustained).en}`,
      ),
    );
    const honours = Math.min(10, 3 * n(inputs, 'cityHonours'));
    const endorsements = Math.min(10, 2 * n(inputs, 'leaderEndorsements'));
    const hosted = Math.min(10, 2 * n(inputs, 'hostedEvents'));
    const media = b(inputs, 'mediaReported') ? 1 : 0;
    const party = Math.min(10, honours + endorsements + hosted + media);
    items.push(
      item(
        '四.6',
        10,
        party,
        read(inputs, ['cityHonours', 'leaderEndorsements', 'hostedEvents', 'mediaReported']),
        `荣誉${honours}分；批示${endorsements}分；承办活动${hosted}分；媒体报道${media}分；合计${party}分`,
        `honours ${honours}; endorsements ${endorsements}; events ${hosted}; media ${media}; total ${party}`,
      ),
    );
  }

  const categories = [
    { id: '一', max: 30 },
    { id: '二', max: 30 },
    { id: '三', max: 40 },
    { id: '四', max: 10 },
  ].map((c) => {
    let sum = 0;
    for (const i of items) if (i.id.startsWith(`${c.id}.`)) sum += i.points;
    return { id: c.id, points: Math.min(c.max, sum), max: c.max };
  });
  const total = categories.reduce((s, c) => s + c.points, 0);
  const met = total >= passMark;
  return {
    items,
    categories,
    total,
    max: 100,
    bonusMax: 10,
    designation: {
      met,
      reason: met
        ? {
            zh: `总分${total}分，达到达标分数线${passMark}分`,
            en: `total ${total} reaches the pass mark ${passMark}`,
          }
        : {
            zh: `总分${total}分，低于达标分数线${passMark}分`,
            en: `total ${total} is below the pass mark ${passMark}`,
          },
    },
  };
}
