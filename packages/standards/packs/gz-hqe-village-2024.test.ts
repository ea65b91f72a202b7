import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score } from '../src/engine.ts';
import { toNumber } from '../src/rational.ts';
import { ruleBounds } from '../src/rules/rule.ts';
import { validateInputs } from '../src/validate-inputs.ts';
import { gzHqeVillage2024 as hqe } from './gz-hqe-village-2024.ts';

// Every test names the source sentence it checks (000_802a087d396963ff.txt, 附件3).

const SEED = new URL('../seeds/000_802a087d396963ff.txt', import.meta.url);

/**
 * A village that earns every "得N分" part and claims none of the "加N分" extras nor any
 * bonus: exactly 100.
 */
const perfect: Record<string, unknown> = {
  difficultTotal: 20,
  difficultCancelledNonEmployment: 0,
  difficultEmployed: 19,
  zeroEmploymentFamilies: 1,
  zeroEmploymentFamiliesCleared: 1,
  longTermUnemployed: 0,
  industryDrivenEmployment: 60,
  grassrootsServicePosts: 6,
  startupTrainingReferrals: 3,
  startupTraineesAllEmployed: false,
  startupTrainingViaPlatforms: true,
  skillsTrainingReferrals: 3,
  skillsTraineesAllEmployed: false,
  brandTrainingOrganised: true,
  otherAgriTrainingOrganised: false,
  peopleNeedingTraining: 20,
  employedAfterTraining: 4,
  hasFixedDesk: true,
  officeEquipped: true,
  windowSigned: true,
  informatisedServices: true,
  stableFunding: true,
  staffCount: 1,
  staffTrained: true,
  rulesEstablished: true,
  rulesPublic: true,
  publicityMaterials: true,
  publicityInCampaigns: true,
  serviceZone: false,
  supportingPlatformBuilt: true,
  coordinatedWithVillageProjects: false,
  staffTenureFiveYears: false,
  serviceTeamsCoordinated: false,
  publicityCorner: true,
  serviceInfoDisplay: true,
  selfServiceKiosk: false,
  onlinePlatformOrAI: false,
  laborSurvey: true,
  surveyDataComplete: true,
  surveyUpdatedRegularly: true,
  graduateSurvey: true,
  gridVisits: false,
  partyBuildingLed: true,
  caseDataOrLedgers: true,
  jobSeekerRecords: true,
  referralRecords: true,
  jobSeekerInfoPublished: true,
  jobsCollectedRecords: true,
  jobsPublishedRecords: true,
  jobElementsComplete: true,
  matchingRecords: true,
  monthlyFollowUpSurvey: true,
  tieredServiceInPlace: true,
  regularContactInPlace: true,
  flexibleWorkerSupport: true,
  linkedWithPlatforms: false,
  flexibleJobBoard: false,
  flexibleStalls: false,
  townVillageOutlet: false,
  gridFollowUpVisits: false,
  validComplaintsThreeYears: 0,
  complaintChannelPublished: true,
  wageArrearsIncidents: 0,
};

/** The "加N分" extras of 3.1 (8 points), all claimed. */
const platformExtras = {
  serviceZone: true,
  coordinatedWithVillageProjects: true,
  staffTenureFiveYears: true,
  serviceTeamsCoordinated: true,
  selfServiceKiosk: true,
  onlinePlatformOrAI: true,
};

function card(patch: Record<string, unknown> = {}) {
  const inputs: Record<string, unknown> = { ...perfect, ...patch };
  for (const [key, value] of Object.entries(inputs)) if (value === undefined) delete inputs[key];
  return score(hqe, { passMark: 85 }, inputs);
}

function item(id: string, patch: Record<string, unknown> = {}) {
  const found = card(patch).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const points = (id: string, patch: Record<string, unknown> = {}) => item(id, patch).points;

describe('gz.hqe-village@2024.1: the pack itself', () => {
  it('has categories 25 + 15 + 55 + 5 = 100 and a bonus of 10, as 附件3 states', () => {
    expect(hqe.total).toBe(100);
    expect(hqe.unitKinds).toEqual(['village']);
    expect(hqe.categories.map((c) => [c.id, c.title.zh, c.max, c.bonus])).toEqual([
      ['1', '就业机会充分', 25, false],
      ['2', '就业能力增强', 15, false],
      ['3', '就业保障完善', 55, false],
      ['4', '就业环境和谐', 5, false],
      ['5', '加分项', 10, true],
    ]);
    for (const category of hqe.categories) {
      const own = hqe.items.filter((i) => i.category === category.id);
      expect(
        own.reduce((s, i) => s + i.max, 0),
        category.id,
      ).toBe(category.max);
    }
  });

  it('numbers items <category>.<n> in source order; the lone 4.1 and the bonus 5.1', () => {
    expect(hqe.items.map((i) => `${i.id} ${i.title.zh}`)).toEqual([
      '1.1 就业困难人员就业率',
      '1.2 零就业家庭动态清零',
      '1.3 无失业半年以上人员',
      '1.4 产业、创业带动就业',
      '1.5 开发基层服务岗位',
      '2.1 创业培训',
      '2.2 职业技能培训',
      '2.3 培训成效',
      '3.1 平台建设',
      '3.2 劳动力调查',
      '3.3 分类分级服务',
      '3.4 连续三年就业服务工作无群众有效投诉',
      '4.1 重大欠薪舆情治理成效',
      '5.1 典型带动',
    ]);
  });

  it('never lets a rule award more than its item or less than 0', () => {
    for (const i of hqe.items) {
      const b = ruleBounds(i.rule);
      expect(toNumber(b.min), i.id).toBeGreaterThanOrEqual(i.min);
      expect(toNumber(b.max), i.id).toBeLessThanOrEqual(i.max);
    }
  });

  it('marks the ★ items and names every item’s 评估方法 and 评估分工', () => {
    expect(hqe.items.filter((i) => i.starred).map((i) => i.id)).toEqual([
      '1.4',
      '1.5',
      '3.1',
      '3.3',
      '5.1',
    ]);
    for (const i of hqe.items) {
      expect(i.departments.length, i.id).toBeGreaterThan(0);
      expect(i.method, i.id).toBeDefined();
    }
    expect(hqe.items.find((i) => i.id === '4.1')?.departments).toEqual(['劳监处', '区人社局']);
    expect(hqe.items.find((i) => i.id === '5.1')?.departments).toHaveLength(7);
  });

  it('gives every item whose reading needed a choice a note in zh and en', () => {
    const noted = hqe.items.filter((i) => i.notes.length > 0).map((i) => i.id);
    expect(noted).toEqual([
      '1.1',
      '1.2',
      '1.4',
      '1.5',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '5.1',
    ]);
    for (const i of hqe.items) {
      for (const note of i.notes) {
        expect(note.zh.length, i.id).toBeGreaterThan(0);
        expect(note.en.length, i.id).toBeGreaterThan(0);
      }
    }
  });

  it('cites the source verbatim: every quote, metric source, content, method and help line', () => {
    const seed = readFileSync(SEED, 'utf8');
    const annex = seed.slice(seed.indexOf('  附件3:'), seed.indexOf('  附件4:'));
    const texts: [string, string][] = [];
    for (const i of hqe.items) {
      expect(i.source.file).toBe('000_802a087d396963ff.txt');
      texts.push([i.id, i.source.quote]);
      if (i.content) texts.push([`${i.id} content`, i.content.zh]);
      if (i.method) texts.push([`${i.id} method`, i.method.zh]);
    }
    for (const m of hqe.metrics) if (m.source) texts.push([m.id, m.source.quote]);
    for (const input of hqe.inputs) if (input.help) texts.push([input.id, input.help.zh]);
    for (const [id, text] of texts) {
      // Within 附件3 itself, so a sentence of 附件4 cannot stand in for one of 附件3.
      for (const line of text.split('\n')) expect(annex, `${id}: ${line}`).toContain(line);
    }
    expect(texts.length).toBeGreaterThan(40);
  });

  it('scores a village earning every "得N分" part at exactly 100, and accepts it as a submission', () => {
    const perfectCard = card();
    expect(perfectCard.items.every((i) => i.status === 'scored')).toBe(true);
    expect(perfectCard.categories.map((c) => c.points)).toEqual([25, 15, 55, 5, 0]);
    expect(perfectCard.total).toBe(100);
    expect(perfectCard.issues).toEqual([]);
    expect(validateInputs(hqe, 'village', perfect, { mode: 'submit' }).ok).toBe(true);
  });

  it('refuses inconsistent data ("实现就业人数÷(总人数-非就业情形取消人数)" cannot exceed 100 %)', () => {
    const result = validateInputs(
      hqe,
      'village',
      { ...perfect, difficultCancelledNonEmployment: 2 },
      { mode: 'submit' },
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.field, i.code])).toEqual([
      ['difficultTotal', 'constraint'],
    ]);
  });
});

describe('1.1 就业困难人员就业率 (5分)', () => {
  const at = (employed: number, total = 1000, cancelled = 0) =>
    points('1.1', {
      difficultEmployed: employed,
      difficultTotal: total,
      difficultCancelledNonEmployment: cancelled,
    });

  it('"达90%得5分": 90 % → 5, 89.9 % → 4', () => {
    expect(at(900)).toBe(5);
    expect(at(899)).toBe(4);
  });
  it('"达85%得4分": 17 of 20 is exactly 85 % → 4; 84.9 % → 3', () => {
    expect(at(17, 20)).toBe(4);
    expect(at(849)).toBe(3);
  });
  it('"80%-85%得3分": 80 % → 3, 79.9 % → 2', () => {
    expect(at(800)).toBe(3);
    expect(at(799)).toBe(2);
  });
  it('"75%-80%得2分": 75 % → 2, 74.9 % → 1', () => {
    expect(at(750)).toBe(2);
    expect(at(749)).toBe(1);
  });
  it('"70%-75%得1分,低于70%不得分": 70 % → 1, 69.9 % → 0, none → 0', () => {
    expect(at(700)).toBe(1);
    expect(at(699)).toBe(0);
    expect(at(0)).toBe(0);
  });
  it('"就业困难人员就业率=报告期内实现就业的…人数÷(…总人数-非就业情形取消…人数)×100%": 43 ÷ (50 − 2)', () => {
    const result = item('1.1', {
      difficultEmployed: 43,
      difficultTotal: 50,
      difficultCancelledNonEmployment: 2,
    });
    expect(result.points).toBe(4);
    expect(result.explanation).toEqual({
      zh: '就业困难人员就业率 = 43 ÷ (50 − 2) = 89.6%，达85%档，得4分',
      en: 'Employment rate of people with employment difficulties = 43 ÷ (50 − 2) = 89.6%, band ≥85%, 4 points',
    });
  });
  it('no people with difficulties (empty denominator) → full 5, as noted', () => {
    expect(at(0, 0, 0)).toBe(5);
    expect(at(0, 2, 2)).toBe(5);
  });
  it('names what is missing, never reading it as 0', () => {
    expect(item('1.1', { difficultTotal: undefined }).missing).toEqual(['difficultTotal']);
  });
});

describe('1.2 零就业家庭动态清零 (5分)', () => {
  it('"达标得5分": all cleared → 5', () => {
    expect(points('1.2', { zeroEmploymentFamilies: 3, zeroEmploymentFamiliesCleared: 3 })).toBe(5);
  });
  it('"未实现动态清零不得分": 2 of 3 → 0', () => {
    expect(points('1.2', { zeroEmploymentFamilies: 3, zeroEmploymentFamiliesCleared: 2 })).toBe(0);
  });
  it('"报告期内未出现零就业家庭的,得5分"', () => {
    const result = item('1.2', { zeroEmploymentFamilies: 0, zeroEmploymentFamiliesCleared: 0 });
    expect(result.points).toBe(5);
    expect(result.explanation.zh).toBe('报告期内未出现零就业家庭，得5分');
  });
});

describe('1.3 无失业半年以上人员 (5分)', () => {
  it('"达标得5分;不达标不得分": none → 5, one → 0', () => {
    expect(points('1.3', { longTermUnemployed: 0 })).toBe(5);
    expect(points('1.3', { longTermUnemployed: 1 })).toBe(0);
  });
});

describe('1.4 产业、创业带动就业 (5分)', () => {
  const at = (n: number) => points('1.4', { industryDrivenEmployment: n });

  it('"带动10人次以上的,得1分": 9 → 0, 10 → 1', () => {
    expect(at(0)).toBe(0);
    expect(at(9)).toBe(0);
    expect(at(10)).toBe(1);
  });
  it('"20人次以上的,得2分": 19 → 1, 20 → 2', () => {
    expect(at(19)).toBe(1);
    expect(at(20)).toBe(2);
  });
  it('"30人次以上的,得3分": 29 → 2, 30 → 3', () => {
    expect(at(29)).toBe(2);
    expect(at(30)).toBe(3);
  });
  it('"40人次以上的,得4分": 39 → 3, 40 → 4', () => {
    expect(at(39)).toBe(3);
    expect(at(40)).toBe(4);
  });
  it('"50人次以上的,得5分": 49 → 4, 50 → 5, 200 → 5', () => {
    expect(at(49)).toBe(4);
    expect(at(50)).toBe(5);
    expect(at(200)).toBe(5);
  });
  it('explains the step reached', () => {
    expect(item('1.4', { industryDrivenEmployment: 36 }).explanation.zh).toBe(
      '报告期内乡村产业、创业带动就地就近就业人次 = 36，达30人次档，得3分',
    );
  });
});

describe('1.5 开发基层服务岗位 (5分)', () => {
  const at = (n: number) => points('1.5', { grassrootsServicePosts: n });

  it('"数量2个以上的,得2分": 1 → 0, 2 → 2', () => {
    expect(at(0)).toBe(0);
    expect(at(1)).toBe(0);
    expect(at(2)).toBe(2);
  });
  it('"3个以上的,得3分;4个以上的,得4分"', () => {
    expect(at(3)).toBe(3);
    expect(at(4)).toBe(4);
  });
  it('"5个以上的,得5分": 5 → 5, 12 → 5', () => {
    expect(at(5)).toBe(5);
    expect(at(12)).toBe(5);
  });
});

describe('2.1 创业培训 (5分)', () => {
  const at = (referrals: number, allEmployed = false, platforms = false) =>
    points('2.1', {
      startupTrainingReferrals: referrals,
      startupTraineesAllEmployed: allEmployed,
      startupTrainingViaPlatforms: platforms,
    });

  it('"推荐1次服务得1分,推荐2次服务得2分,推荐3次服务得4分": 0 → 0, 1 → 1, 2 → 2, 3 → 4, 5 → 4', () => {
    expect(at(0)).toBe(0);
    expect(at(1)).toBe(1);
    expect(at(2)).toBe(2);
    expect(at(3)).toBe(4);
    expect(at(5)).toBe(4);
  });
  it('"推荐服务次数不足3次,但均已实现就业创业的,得4分"', () => {
    expect(at(0, true)).toBe(4);
    expect(at(2, true)).toBe(4);
  });
  it('"…基层服务平台开展创业培训相关的咨询、指导、课程等服务的,得1分": up to 5', () => {
    expect(at(0, false, true)).toBe(1);
    expect(at(2, false, true)).toBe(3);
    expect(at(3, false, true)).toBe(5);
    expect(at(1, true, true)).toBe(5);
  });
  it('a best-of explanation names the better way to the 4 points', () => {
    expect(
      item('2.1', { startupTrainingReferrals: 1, startupTraineesAllEmployed: true }).explanation.zh,
    ).toContain('取较高者4分');
  });
});

describe('2.2 职业技能培训 (5分)', () => {
  const at = (referrals: number, extra: Record<string, unknown> = {}) =>
    points('2.2', {
      skillsTrainingReferrals: referrals,
      skillsTraineesAllEmployed: false,
      brandTrainingOrganised: false,
      otherAgriTrainingOrganised: false,
      ...extra,
    });

  it('"推荐1次培训得1分,推荐2次培训得2分,推荐3次培训得4分"', () => {
    expect(at(0)).toBe(0);
    expect(at(1)).toBe(1);
    expect(at(2)).toBe(2);
    expect(at(3)).toBe(4);
  });
  it('"推荐培训次数不足3次,但均已实现就业创业的,得4分"', () => {
    expect(at(1, { skillsTraineesAllEmployed: true })).toBe(4);
  });
  it('"有组织参加“粤菜师傅”…培训的,得1分,组织参加…其他涉农培训的,加1分"', () => {
    expect(at(0, { brandTrainingOrganised: true })).toBe(1);
    expect(at(0, { otherAgriTrainingOrganised: true })).toBe(1);
    expect(at(2, { brandTrainingOrganised: true, otherAgriTrainingOrganised: true })).toBe(4);
  });
  it('"加至该项指标满分为止": 4 + 1 + 1 = 6 is capped at 5', () => {
    const result = item('2.2', {
      skillsTrainingReferrals: 3,
      brandTrainingOrganised: true,
      otherAgriTrainingOrganised: true,
    });
    expect(result.points).toBe(5);
    expect(result.explanation.zh).toContain('合计6分，加至5分为止');
  });
});

describe('2.3 培训成效 (5分)', () => {
  const at = (employed: number, needing = 1000) =>
    points('2.3', { peopleNeedingTraining: needing, employedAfterTraining: employed });

  it('"5%以内得1分": 0 % → 1 (no zero band), 4.9 % → 1', () => {
    expect(at(0)).toBe(1);
    expect(at(49)).toBe(1);
    expect(
      item('2.3', { peopleNeedingTraining: 40, employedAfterTraining: 1 }).explanation.zh,
    ).toBe('有培训需求人员培训后实现就业人数比例 = 1 ÷ 40 = 2.5%，低于5%档，得1分');
  });
  it('"5%-10%得2分": exactly 5 % → 2 (the shared edge goes up), 9.9 % → 2', () => {
    expect(at(50)).toBe(2);
    expect(at(1, 20)).toBe(2);
    expect(at(99)).toBe(2);
  });
  it('"10%-15%得3分": 10 % → 3, 14.9 % → 3', () => {
    expect(at(100)).toBe(3);
    expect(at(149)).toBe(3);
  });
  it('"15%以上得5分": 15 % → 5 (included), 100 % → 5', () => {
    expect(at(150)).toBe(5);
    expect(at(3, 20)).toBe(5);
    expect(at(1000)).toBe(5);
  });
  it('the source has no 4-point band: 1, 2, 3 or 5 only', () => {
    const seen = new Set<number | null>();
    for (let employed = 0; employed <= 200; employed++) seen.add(at(employed, 200));
    expect([...seen].sort()).toEqual([1, 2, 3, 5]);
  });
  it('nobody needing training (empty denominator) → full 5, as noted', () => {
    const result = item('2.3', { peopleNeedingTraining: 0, employedAfterTraining: 0 });
    expect(result.points).toBe(5);
    expect(result.explanation.zh).toBe('报告期内无有培训需求人员，得5分');
  });
});

describe('3.1 平台建设 (15分)', () => {
  it('the "得N分" parts give the full 15', () => {
    expect(points('3.1')).toBe(15);
  });
  it('"有固定的办公台位或服务窗口,办公设施配备齐全,服务窗口有固定的明显标识,得3分" needs all three', () => {
    expect(points('3.1', { windowSigned: false })).toBe(12);
    expect(points('3.1', { officeEquipped: false })).toBe(12);
    expect(points('3.1', { hasFixedDesk: false, officeEquipped: false })).toBe(12);
  });
  it('"有完整的信息化服务项目…,得2分;有稳定的工作经费…,得2分"', () => {
    expect(points('3.1', { informatisedServices: false })).toBe(13);
    expect(points('3.1', { stableFunding: false })).toBe(13);
  });
  it('"有1名以上专职或主要负责就业服务的工作人员,并定期或不定期参加能力提升培训,得2分"', () => {
    expect(points('3.1', { staffCount: 0 })).toBe(13);
    expect(points('3.1', { staffTrained: false })).toBe(13);
    expect(points('3.1', { staffCount: 3 })).toBe(15);
  });
  it('"规章制度健全并公开,得1分;宣传资料齐全、在各种专项活动中开展政策宣传,得1分" need both halves', () => {
    expect(points('3.1', { rulesPublic: false })).toBe(14);
    expect(points('3.1', { publicityInCampaigns: false })).toBe(14);
    expect(points('3.1', { rulesPublic: false, publicityMaterials: false })).toBe(13);
  });
  it('"统筹配套:配套建设就业驿站…之一的,得2分"; "宣传展示:设置有就业宣传角,得1分"; "信息化:实现服务信息化展示,得1分"', () => {
    expect(points('3.1', { supportingPlatformBuilt: false })).toBe(13);
    expect(points('3.1', { publicityCorner: false })).toBe(14);
    expect(points('3.1', { serviceInfoDisplay: false })).toBe(14);
  });
  it('"设置有就业服务专区,加2分" (★) makes up for lost parts', () => {
    expect(points('3.1', { windowSigned: false, serviceZone: true })).toBe(14);
  });
  it('"…形成合力的,加1分"; "岗位工作年限5年以上的,加1分;统筹安排…服务队伍…的,加1分"', () => {
    const lost = { informatisedServices: false, stableFunding: false };
    expect(points('3.1', lost)).toBe(11);
    expect(points('3.1', { ...lost, coordinatedWithVillageProjects: true })).toBe(12);
    expect(points('3.1', { ...lost, staffTenureFiveYears: true })).toBe(12);
    expect(points('3.1', { ...lost, serviceTeamsCoordinated: true })).toBe(12);
  });
  it('"配备自助服务一体机并联网使用的,加1分;建有就业地图等线上服务平台或引入AI…的,加2分"', () => {
    const lost = { informatisedServices: false, stableFunding: false };
    expect(points('3.1', { ...lost, selfServiceKiosk: true })).toBe(12);
    expect(points('3.1', { ...lost, onlinePlatformOrAI: true })).toBe(13);
  });
  it('"加至该项指标满分为止": everything reaches 23 and is capped at 15', () => {
    const result = item('3.1', platformExtras);
    expect(result.points).toBe(15);
    expect(result.explanation.zh).toContain('合计23分，加至15分为止');
  });
});

describe('3.2 劳动力调查 (10分)', () => {
  it('"开展劳动力就业及人力资源调查,得5分,数据完整得1分,定期更新得1分;开展离校未就业高校毕业生摸底调查,得3分"', () => {
    expect(points('3.2')).toBe(10);
    expect(points('3.2', { surveyUpdatedRegularly: false })).toBe(9);
    expect(points('3.2', { graduateSurvey: false })).toBe(7);
  });
  it('without the survey, "数据完整" and "定期更新" earn nothing either (as noted)', () => {
    expect(points('3.2', { laborSurvey: false })).toBe(3);
  });
  it('"与网格服务、志愿服务统筹开展上门走访,加1分。加至该项指标满分为止。": 11 capped at 10', () => {
    expect(points('3.2', { gridVisits: true })).toBe(10);
    expect(points('3.2', { gridVisits: true, graduateSurvey: false })).toBe(8);
  });
});

describe('3.3 分类分级服务 (25分)', () => {
  it('the "得N分" parts reach 27 and are capped at 25', () => {
    const result = item('3.3', { linkedWithPlatforms: true, flexibleJobBoard: true });
    expect(result.points).toBe(25);
    expect(result.explanation.zh).toContain('合计27分，加至25分为止');
  });
  it('"…充分发挥党组织战斗堡垒作用和党员先锋模范作用的,得5分" (★)', () => {
    expect(points('3.3', { partyBuildingLed: false })).toBe(20);
  });
  it('"有对应业务办理数据或台帐齐全得2分;有求职登记记录、岗位推荐记录,得2分;有发布求职信息,得2分"', () => {
    expect(points('3.3', { caseDataOrLedgers: false })).toBe(23);
    expect(points('3.3', { referralRecords: false })).toBe(23);
    expect(points('3.3', { jobSeekerRecords: false, referralRecords: false })).toBe(23);
    expect(points('3.3', { jobSeekerInfoPublished: false })).toBe(23);
  });
  it('"有岗位收集记录、有发布记录,得1分" needs both; "岗位要素齐全,得2分;有供需匹配…记录,得2分"', () => {
    expect(points('3.3', { jobsPublishedRecords: false })).toBe(24);
    expect(points('3.3', { jobElementsComplete: false })).toBe(23);
    expect(points('3.3', { matchingRecords: false })).toBe(23);
  });
  it('"每月开展失业人员跟踪调查,得2分"; "落实分级服务措施得3分,定期联系和跟踪服务制度落实得3分"; "灵活就业人员帮扶落实得1分"', () => {
    expect(points('3.3', { monthlyFollowUpSurvey: false })).toBe(23);
    expect(points('3.3', { tieredServiceInPlace: false })).toBe(22);
    expect(points('3.3', { regularContactInPlace: false })).toBe(22);
    expect(points('3.3', { flexibleWorkerSupport: false })).toBe(24);
  });
  it('"…形成工作衔接的,得1分;设置灵活就业信息发布栏的,得1分"', () => {
    const lost = { tieredServiceInPlace: false, regularContactInPlace: false }; // 19
    expect(points('3.3', lost)).toBe(19);
    expect(points('3.3', { ...lost, linkedWithPlatforms: true })).toBe(20);
    expect(points('3.3', { ...lost, flexibleJobBoard: true })).toBe(20);
  });
  it('"设置灵活创业摊点,加2分;…“镇村通”社保服务网点覆盖,加1分"; ★"…跟踪服务上门走访,加1分"', () => {
    const lost = { tieredServiceInPlace: false, regularContactInPlace: false };
    expect(points('3.3', { ...lost, flexibleStalls: true })).toBe(21);
    expect(points('3.3', { ...lost, townVillageOutlet: true })).toBe(20);
    expect(points('3.3', { ...lost, gridFollowUpVisits: true })).toBe(20);
  });
  it('"加至该项指标满分为止": every part gives 31, capped at 25', () => {
    const all = item('3.3', {
      linkedWithPlatforms: true,
      flexibleJobBoard: true,
      flexibleStalls: true,
      townVillageOutlet: true,
      gridFollowUpVisits: true,
    });
    expect(all.points).toBe(25);
    expect(all.explanation.zh).toContain('合计31分，加至25分为止');
  });
});

describe('3.4 连续三年就业服务工作无群众有效投诉 (5分)', () => {
  it('"达标得5分。未公布群众投诉渠道的,扣2分。"', () => {
    expect(points('3.4')).toBe(5);
    expect(points('3.4', { complaintChannelPublished: false })).toBe(3);
  });
  it('one valid complaint in three years is not 达标: 0, and deductions stop at 0', () => {
    expect(points('3.4', { validComplaintsThreeYears: 1 })).toBe(0);
    expect(points('3.4', { validComplaintsThreeYears: 2, complaintChannelPublished: false })).toBe(
      0,
    );
  });
});

describe('4.1 重大欠薪舆情治理成效 (5分)', () => {
  const at = (n: number) => points('4.1', { wageArrearsIncidents: n });

  it('"没有发生得5分"', () => {
    expect(at(0)).toBe(5);
  });
  it('"每发生1起扣1分,扣完为止": 1 → 4, 4 → 1, 5 → 0, 8 → 0', () => {
    expect(at(1)).toBe(4);
    expect(at(4)).toBe(1);
    expect(at(5)).toBe(0);
    expect(at(8)).toBe(0);
  });
});

describe('5.1 典型带动 (加分项 10分)', () => {
  it('"获得市级以上荣誉,每次加5分": 1 → 5, 2 → 10, 3 → 10', () => {
    expect(points('5.1', { cityHonours: 1 })).toBe(5);
    expect(points('5.1', { cityHonours: 2 })).toBe(10);
    expect(points('5.1', { cityHonours: 3 })).toBe(10);
  });
  it('"获得市级以上领导批示肯定,每次加3分": 1 → 3, 3 → 9, 4 → 10', () => {
    expect(points('5.1', { leaderEndorsements: 1 })).toBe(3);
    expect(points('5.1', { leaderEndorsements: 3 })).toBe(9);
    expect(points('5.1', { leaderEndorsements: 4 })).toBe(10);
  });
  it('"承办市级以上现场交流会…的,每次加2分"; "…宣传报道的,加2分" (once)', () => {
    expect(points('5.1', { hostedEvents: 1 })).toBe(2);
    expect(points('5.1', { hostedEvents: 4 })).toBe(8);
    expect(points('5.1', { mediaReported: true })).toBe(2);
  });
  it('"加至该项指标满分为止": 5 + 3 + 2 + 2 = 12 is capped at 10', () => {
    const result = item('5.1', {
      cityHonours: 1,
      leaderEndorsements: 1,
      hostedEvents: 1,
      mediaReported: true,
    });
    expect(result.points).toBe(10);
    expect(result.explanation.zh).toContain('合计12分，加至10分为止');
  });
  it('unclaimed bonuses count as none: 0, and the total reaches 110 at most', () => {
    expect(points('5.1')).toBe(0);
    const best = card({ ...platformExtras, cityHonours: 2 });
    expect(best.total).toBe(110);
    expect(best.range).toEqual({ min: 110, max: 110 });
  });
});

describe('designation (the source gives no pass mark)', () => {
  it('is undecided until a cycle sets passMark', () => {
    const result = score(hqe, {}, perfect);
    expect(result.designation).toMatchObject({
      met: null,
      reason: { zh: '未设定达标分数线', en: 'no pass mark has been set' },
    });
  });
});

describe('whole scorecards', () => {
  // 溪头村 is one of Liangkou's four planned HQE villages (附件 plan, 2024); every count and
  // answer below is invented for the test.
  const xitou: Record<string, unknown> = {
    difficultTotal: 12,
    difficultCancelledNonEmployment: 1,
    difficultEmployed: 9,
    zeroEmploymentFamilies: 1,
    zeroEmploymentFamiliesCleared: 1,
    longTermUnemployed: 0,
    industryDrivenEmployment: 36,
    grassrootsServicePosts: 4,
    startupTrainingReferrals: 2,
    startupTraineesAllEmployed: false,
    startupTrainingViaPlatforms: true,
    skillsTrainingReferrals: 3,
    skillsTraineesAllEmployed: false,
    brandTrainingOrganised: true,
    otherAgriTrainingOrganised: true,
    peopleNeedingTraining: 40,
    employedAfterTraining: 5,
    hasFixedDesk: true,
    officeEquipped: true,
    windowSigned: false,
    informatisedServices: true,
    stableFunding: true,
    staffCount: 2,
    staffTrained: true,
    rulesEstablished: true,
    rulesPublic: true,
    publicityMaterials: true,
    publicityInCampaigns: false,
    serviceZone: true,
    supportingPlatformBuilt: true,
    coordinatedWithVillageProjects: true,
    staffTenureFiveYears: false,
    serviceTeamsCoordinated: true,
    publicityCorner: true,
    serviceInfoDisplay: true,
    selfServiceKiosk: true,
    onlinePlatformOrAI: false,
    laborSurvey: true,
    surveyDataComplete: true,
    surveyUpdatedRegularly: false,
    graduateSurvey: true,
    gridVisits: true,
    partyBuildingLed: true,
    caseDataOrLedgers: true,
    jobSeekerRecords: true,
    referralRecords: true,
    jobSeekerInfoPublished: false,
    jobsCollectedRecords: true,
    jobsPublishedRecords: false,
    jobElementsComplete: true,
    matchingRecords: false,
    monthlyFollowUpSurvey: true,
    tieredServiceInPlace: true,
    regularContactInPlace: false,
    flexibleWorkerSupport: true,
    linkedWithPlatforms: true,
    flexibleJobBoard: true,
    flexibleStalls: false,
    townVillageOutlet: true,
    gridFollowUpVisits: false,
    validComplaintsThreeYears: 0,
    complaintChannelPublished: true,
    wageArrearsIncidents: 1,
    hostedEvents: 1,
    mediaReported: true,
  };

  it('溪头村 (invented data): 89 points, designated at an (invented) pass mark of 85', () => {
    const result = score(hqe, { passMark: 85 }, xitou, { unitId: 'xitou' });
    expect(result.issues).toEqual([]);
    expect(result.unit).toEqual({ id: 'xitou', kind: 'village' });
    expect(Object.fromEntries(result.items.map((i) => [i.id, i.points]))).toEqual({
      '1.1': 3, // 9 ÷ (12 − 1) = 81.8 %: "80%-85%得3分"
      '1.2': 5,
      '1.3': 5,
      '1.4': 3, // 36 人次: "30人次以上的,得3分"
      '1.5': 4,
      '2.1': 3, // 2 referrals (2) + platforms (1)
      '2.2': 5, // 4 + 1 + 1, capped
      '2.3': 3, // 5 ÷ 40 = 12.5 %
      '3.1': 15, // 0 + 2 + 2 + 2 + 1 + 0 + 2 + 2 + 1 + 0 + 1 + 1 + 1 + 1 + 0 = 16, capped
      '3.2': 10, // 5 + 1 + 0 + 3 + 1
      '3.3': 20, // 5 + 2 + 2 + 0 + 0 + 2 + 0 + 2 + 3 + 0 + 1 + 1 + 1 + 0 + 1 + 0
      '3.4': 5,
      '4.1': 4,
      '5.1': 4, // hosted 1 (2) + media (2)
    });
    expect(result.categories.map((c) => c.points)).toEqual([20, 11, 50, 4, 4]);
    expect(result.total).toBe(89);
    expect(result.complete).toBe(true);
    expect(result.designation).toMatchObject({
      met: true,
      passMark: 85,
      reason: { zh: '总分89分，达到达标分数线85分', en: 'total 89 reaches the pass mark 85' },
    });
    expect(result.items[0]?.explanation.zh).toBe(
      '就业困难人员就业率 = 9 ÷ (12 − 1) = 81.8%，达80%档，得3分',
    );
    expect(result.items.find((i) => i.id === '2.3')?.explanation.zh).toBe(
      '有培训需求人员培训后实现就业人数比例 = 5 ÷ 40 = 12.5%，达10%档，得3分',
    );
    expect(result.items.find((i) => i.id === '4.1')?.explanation.zh).toBe(
      '基础分5分；因欠薪引发重大舆情：因欠薪引发的重大舆情起数 = 1，每次扣1分，扣1分；得4分',
    );
  });

  it('the same village with an unpublished complaints channel and four incidents: 84, not designated', () => {
    const result = score(
      hqe,
      { passMark: 85 },
      { ...xitou, complaintChannelPublished: false, wageArrearsIncidents: 4 },
    );
    // "未公布群众投诉渠道的,扣2分" and "每发生1起扣1分": 89 − 2 − 3
    expect(result.total).toBe(84);
    expect(result.designation).toMatchObject({
      met: false,
      reason: { zh: '总分84分，低于达标分数线85分' },
    });
  });

  it('an empty draft names what is missing; only the bonus claims score', () => {
    const result = score(hqe, { passMark: 85 }, {});
    expect(result.complete).toBe(false);
    expect(result.designation?.met).toBeNull();
    expect(result.items.filter((i) => i.status === 'scored').map((i) => i.id)).toEqual(['5.1']);
    expect(result.items.find((i) => i.id === '3.4')?.missing).toEqual([
      'validComplaintsThreeYears',
      'complaintChannelPublished',
    ]);
    expect(result.range).toEqual({ min: 0, max: 100 });
  });
});
