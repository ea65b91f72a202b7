import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score } from '../src/engine.ts';
import { toNumber } from '../src/rational.ts';
import { ruleBounds } from '../src/rules/rule.ts';
import type { UnitKind } from '../src/unit-kind.ts';
import { validateInputs } from '../src/validate-inputs.ts';
import { gzFullEmployment2024 as gz } from './gz-full-employment-2024.ts';

// Every test names the source sentence it checks (000_802a087d396963ff.txt, 附件4).

const SEED = new URL('../seeds/000_802a087d396963ff.txt', import.meta.url);

/** A community that meets every criterion fully and claims no bonus. */
const perfect: Record<string, unknown> = {
  registeredUnemployed: 100,
  unemployedDeregisteredNonEmployment: 0,
  unemployedReemployed: 95,
  unemployedBaseUnclear: false,
  unemployedSampled: 20,
  unemployedSampleMismatched: 0,
  graduatesTotal: 10,
  graduatesNotPlaced: 0,
  poorGraduatesWilling: 2,
  poorGraduatesEmployed: 2,
  difficultTotal: 20,
  difficultCancelledNonEmployment: 0,
  difficultEmployed: 19,
  zeroEmploymentFamilies: 1,
  zeroEmploymentFamiliesCleared: 1,
  longTermUnemployed: 0,
  hasFixedDesk: true,
  windowHasSign: true,
  officeEquipped: true,
  staffCount: 2,
  staffTrained: true,
  staffProficient: true,
  fundsInBudget: true,
  fundsPaidInFull: true,
  subsidiesUsedAsRequired: true,
  rulesEstablished: true,
  rulesPublic: true,
  unifiedSoftwareNetworked: true,
  databaseEstablished: true,
  databaseUpdatedTimely: true,
  ledgerSampled: 10,
  ledgerSampleMismatched: 0,
  publicityMaterials: true,
  publicityInCampaigns: true,
  surveyRecords: true,
  baseClearOrUpdated: true,
  unemployedIntentionsUpdated: true,
  surveyMismatchedPersons: 0,
  jobsCollectedRecords: true,
  jobsPublishedRecords: true,
  jobElementsComplete: true,
  matchingRecords: true,
  jobSeekerAndReferralRecords: true,
  jobSeekerInfoPublished: true,
  systemDataTypesMissing: 0,
  tieredServiceLapsedPersons: 0,
  followUpLapsedPersons: 0,
  trainingAssistedAsRequired: true,
  trainingReferrals: 3,
  traineesAllEmployed: false,
  graduateServiceItemsMissing: 0,
  graduateServiceMismatchedPersons: 0,
  flexibleRecordsAbsent: false,
  flexibleFalseEntries: 0,
  validComplaints: 0,
  complaintChannelPublished: true,
  majorEmploymentRiskEvents: 0,
  peopleNeedingTraining: 40,
  employedAfterTraining: 8,
};

function card(patch: Record<string, unknown> = {}, unitKind: UnitKind = 'community') {
  const inputs: Record<string, unknown> = { ...perfect, ...patch };
  if (unitKind === 'village' && !('fundsInBudget' in patch)) delete inputs.fundsInBudget;
  for (const [key, value] of Object.entries(inputs)) if (value === undefined) delete inputs[key];
  return score(gz, { passMark: 80 }, inputs, { unitKind });
}

function item(id: string, patch: Record<string, unknown> = {}, unitKind: UnitKind = 'community') {
  const found = card(patch, unitKind).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const points = (
  id: string,
  patch: Record<string, unknown> = {},
  unitKind: UnitKind = 'community',
) => item(id, patch, unitKind).points;

describe('gz.full-employment@2024.1: the pack itself', () => {
  it('has categories 30 + 30 + 40 = 100 and a bonus of 10, as 附件4 states', () => {
    expect(gz.total).toBe(100);
    expect(gz.categories.map((c) => [c.id, c.max, c.bonus])).toEqual([
      ['一', 30, false],
      ['二', 30, false],
      ['三', 40, false],
      ['四', 10, true],
    ]);
    for (const category of gz.categories.filter((c) => !c.bonus)) {
      const sum = gz.items.filter((i) => i.category === category.id).reduce((s, i) => s + i.max, 0);
      expect(sum, category.id).toBe(category.max);
    }
  });

  it('numbers items as the source does: <category>.<n>, 1-based, in source order', () => {
    expect(gz.items.map((i) => i.id)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `一.${n}`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `二.${n}`),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `三.${n}`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `四.${n}`),
    ]);
  });

  it('never lets a rule award more than its item or less than 0', () => {
    for (const i of gz.items) {
      const b = ruleBounds(i.rule);
      expect(toNumber(b.min), i.id).toBeGreaterThanOrEqual(i.min);
      expect(toNumber(b.max), i.id).toBeLessThanOrEqual(i.max);
    }
  });

  it("marks the ★ (引导性) items and names every item's departments (评估分工)", () => {
    expect(gz.items.filter((i) => i.starred).map((i) => i.id)).toEqual([
      '二.1',
      '二.2',
      '三.1',
      '三.2',
      '三.8',
    ]);
    for (const i of gz.items) expect(i.departments.length, i.id).toBeGreaterThan(0);
  });

  it('cites the source verbatim for every item and metric', () => {
    const seed = readFileSync(SEED, 'utf8');
    const citations = [
      ...gz.items.map((i) => [i.id, i.source] as const),
      ...gz.metrics.flatMap((m) => (m.source ? [[m.id, m.source] as const] : [])),
    ];
    for (const [id, source] of citations) {
      expect(source.file).toBe('000_802a087d396963ff.txt');
      for (const line of source.quote.split('\n')) expect(seed, `${id}: ${line}`).toContain(line);
    }
    for (const i of gz.items) {
      if (i.content) expect(seed, i.id).toContain(i.content.zh);
      if (i.method) expect(seed, i.id).toContain(i.method.zh);
    }
  });

  it('scores a perfect community at 100 plus its earned bonus', () => {
    const perfectCard = card();
    expect(perfectCard.items.every((i) => i.status === 'scored')).toBe(true);
    expect(perfectCard.categories.map((c) => c.points)).toEqual([30, 30, 40, 4]);
    expect(perfectCard.total).toBe(104);
    expect(perfectCard.issues).toEqual([]);
  });

  it('accepts the perfect community as a submission', () => {
    expect(validateInputs(gz, 'community', perfect, { mode: 'submit' }).ok).toBe(true);
  });

  it('refuses inconsistent data ("再就业人数÷(登记失业人数-非就业情形注销失业登记人数)" cannot exceed 100 %)', () => {
    const inconsistent = {
      ...perfect,
      unemployedReemployed: 99,
      unemployedDeregisteredNonEmployment: 2,
    };
    const result = validateInputs(gz, 'community', inconsistent, { mode: 'submit' });
    expect(result.ok ? [] : result.issues.map((i) => [i.field, i.code, i.message.zh])).toEqual([
      ['registeredUnemployed', 'constraint', '再就业人数不能超过登记失业人数减非就业情形注销人数'],
    ]);
    // Scoring still scores what was given, and reports the inconsistency.
    const scored = card({ unemployedReemployed: 99, unemployedDeregisteredNonEmployment: 2 });
    expect(scored.items[0]?.points).toBe(8);
    expect(scored.issues.map((i) => i.message.en)).toEqual([
      'Re-employed cannot exceed registered unemployed minus non-employment cancellations',
    ]);
  });
});

describe('一.1 登记失业人员就业率 (8分)', () => {
  const at = (
    reemployed: number,
    registered = 100,
    deregistered = 0,
    extra: Record<string, unknown> = {},
  ) =>
    points('一.1', {
      unemployedReemployed: reemployed,
      registeredUnemployed: registered,
      unemployedDeregisteredNonEmployment: deregistered,
      ...extra,
    });

  it('"达90%得8分": 90 % → 8, 89 % → 7', () => {
    expect(at(90)).toBe(8);
    expect(at(89)).toBe(7);
  });
  it('"达85%得7分": 17 of 20 → 7, 84 % → 6', () => {
    expect(at(17, 20)).toBe(7);
    expect(at(84)).toBe(6);
  });
  it('"达80%得6分": 80 % belongs to the 6-point band, 79.9 % does not', () => {
    expect(at(80)).toBe(6);
    expect(at(799, 1000)).toBe(5);
  });
  it('"75%-80%得5分": 75 % → 5, 74 % → 4', () => {
    expect(at(75)).toBe(5);
    expect(at(74)).toBe(4);
  });
  it('"70-75%得4分": 70 % → 4, 69 % → 3', () => {
    expect(at(70)).toBe(4);
    expect(at(69)).toBe(3);
  });
  it('"65%-70%得3分，低于65%不得分": 65 % → 3, 64 % → 0', () => {
    expect(at(65)).toBe(3);
    expect(at(64)).toBe(0);
  });
  it('"再就业人数÷(登记失业人数-非就业情形注销失业登记人数)": 43 ÷ (50 − 2) = 89.6 % → 7', () => {
    const result = item('一.1', {
      unemployedReemployed: 43,
      registeredUnemployed: 50,
      unemployedDeregisteredNonEmployment: 2,
    });
    expect(result.points).toBe(7);
    expect(result.explanation.zh).toBe(
      '失业人员再就业率 = 43 ÷ (50 − 2) = 89.6%，达85%档，得7分；无扣分；得7分',
    );
    expect(result.explanation.en).toBe(
      'Re-employment rate of registered unemployed = 43 ÷ (50 − 2) = 89.6%, band ≥85%, 7 points; no deductions; 7 points',
    );
  });
  it('"底数不清扣4分"', () => {
    expect(at(95, 100, 0, { unemployedBaseUnclear: true })).toBe(4);
  });
  it('"每占抽查比例10%扣4分": per full 10 % of the sample — 5 % none, 10 % and 15 % one step, 20 % two', () => {
    expect(at(95, 100, 0, { unemployedSampled: 20, unemployedSampleMismatched: 1 })).toBe(8);
    expect(at(95, 100, 0, { unemployedSampled: 20, unemployedSampleMismatched: 2 })).toBe(4);
    expect(at(95, 100, 0, { unemployedSampled: 20, unemployedSampleMismatched: 3 })).toBe(4);
    expect(at(95, 100, 0, { unemployedSampled: 20, unemployedSampleMismatched: 4 })).toBe(0);
    expect(at(95, 100, 0, { unemployedSampled: 0, unemployedSampleMismatched: 0 })).toBe(8);
  });
  it('deductions stop at 0 (扣完为止)', () => {
    const result = item('一.1', {
      unemployedReemployed: 66,
      unemployedBaseUnclear: true,
      unemployedSampleMismatched: 2,
    });
    expect(result.points).toBe(0);
    expect(result.explanation.zh).toContain('扣完为止，不得分');
  });
  it("no registered unemployed (empty denominator) gives the band's full points, as noted", () => {
    expect(at(0, 0, 0)).toBe(8);
    expect(at(0, 3, 3, { unemployedBaseUnclear: true })).toBe(4);
    expect(gz.items[0]?.notes.length).toBeGreaterThanOrEqual(3);
  });
  it('names what is missing', () => {
    expect(item('一.1', { registeredUnemployed: undefined }).missing).toEqual([
      'registeredUnemployed',
    ]);
  });
});

describe('一.2 高校毕业生 (4 + 2分)', () => {
  it('"报告期内未出现辖区生源离校未就业高校毕业生的，得6分" — without asking for the rest', () => {
    const result = item('一.2', {
      graduatesTotal: 0,
      graduatesNotPlaced: undefined,
      poorGraduatesWilling: undefined,
      poorGraduatesEmployed: undefined,
    });
    expect(result.points).toBe(6);
    expect(result.explanation.zh).toBe(
      '报告期内出现辖区生源离校未就业高校毕业生：否（辖区生源离校未就业高校毕业生总人数 = 0），报告期内未出现辖区生源离校未就业高校毕业生的，得6分',
    );
  });
  it('"去向落实率达90%以上得4分": 9 of 10 → 4 (+2)', () => {
    expect(points('一.2', { graduatesTotal: 10, graduatesNotPlaced: 1 })).toBe(6);
  });
  it('"未达到90%不得分": 89 of 100 → 0 (+2)', () => {
    expect(points('一.2', { graduatesTotal: 100, graduatesNotPlaced: 11 })).toBe(2);
  });
  it('"有就业意愿的贫困家庭高校毕业生100%就业得2分,未完成不得分"', () => {
    expect(points('一.2', { poorGraduatesWilling: 2, poorGraduatesEmployed: 1 })).toBe(4);
    expect(points('一.2', { poorGraduatesWilling: 0, poorGraduatesEmployed: 0 })).toBe(6);
  });
});

describe('一.3 就业困难人员就业率 (6分)', () => {
  const at = (employed: number, total = 100, cancelled = 0) =>
    points('一.3', {
      difficultEmployed: employed,
      difficultTotal: total,
      difficultCancelledNonEmployment: cancelled,
    });

  it('"达85%得5分": 17 of 20 → 5', () => {
    expect(at(17, 20)).toBe(5);
  });
  it('"达90%得6分": 90 % → 6, 89.9 % → 5', () => {
    expect(at(90)).toBe(6);
    expect(at(899, 1000)).toBe(5);
  });
  it('"达80%得4分": 80 % → 4, 84.9 % → 4', () => {
    expect(at(80)).toBe(4);
    expect(at(849, 1000)).toBe(4);
  });
  it('"75%-80%得3分": 75 % → 3, 79.9 % → 3', () => {
    expect(at(75)).toBe(3);
    expect(at(799, 1000)).toBe(3);
  });
  it('"70%-75%得2分,低于70%不得分": 70 % → 2, 69.9 % → 0', () => {
    expect(at(70)).toBe(2);
    expect(at(699, 1000)).toBe(0);
  });
  it('"实现就业人数÷(总人数-非就业情形取消人数)": 43 ÷ (50 − 2) = 89.6 % → 5', () => {
    const result = item('一.3', {
      difficultEmployed: 43,
      difficultTotal: 50,
      difficultCancelledNonEmployment: 2,
    });
    expect(result.points).toBe(5);
    expect(result.explanation).toEqual({
      zh: '就业困难人员就业率 = 43 ÷ (50 − 2) = 89.6%，达85%档，得5分',
      en: 'Employment rate of people with employment difficulties = 43 ÷ (50 − 2) = 89.6%, band ≥85%, 5 points',
    });
  });
});

describe('一.4 零就业家庭动态清零 (5分)', () => {
  it('"达标得5分": all cleared → 5', () => {
    expect(points('一.4', { zeroEmploymentFamilies: 3, zeroEmploymentFamiliesCleared: 3 })).toBe(5);
  });
  it('"未实现动态清零不得分": 2 of 3 → 0', () => {
    expect(points('一.4', { zeroEmploymentFamilies: 3, zeroEmploymentFamiliesCleared: 2 })).toBe(0);
  });
  it('"报告期内未出现零就业家庭的,得5分"', () => {
    const result = item('一.4', { zeroEmploymentFamilies: 0, zeroEmploymentFamiliesCleared: 0 });
    expect(result.points).toBe(5);
    expect(result.explanation.zh).toBe('报告期内未出现零就业家庭，得5分');
  });
});

describe('一.5 无失业一年以上人员 (5分)', () => {
  it('"达标得5分,不达标不得分"', () => {
    expect(points('一.5', { longTermUnemployed: 0 })).toBe(5);
    expect(points('一.5', { longTermUnemployed: 1 })).toBe(0);
  });
});

describe('二 平台建设', () => {
  it('二.1 "有固定办公台位或服务窗口,得2分;服务窗口有明显标识,得1分;有配备…,得1分"', () => {
    expect(points('二.1')).toBe(4);
    expect(points('二.1', { windowHasSign: false, officeEquipped: false })).toBe(2);
    expect(points('二.1', { hasFixedDesk: false })).toBe(2);
    expect(
      points('二.1', { hasFixedDesk: false, windowHasSign: false, officeEquipped: false }),
    ).toBe(0);
  });

  it('二.2 "不达标不得分" without staff, whatever else', () => {
    expect(
      points('二.2', { staffCount: 0, staffTrained: undefined, staffProficient: undefined }),
    ).toBe(0);
  });
  it('二.2 "工作人员有参加培训,得3分;…熟悉熟练,得3分"', () => {
    expect(points('二.2', { staffCount: 1 })).toBe(6);
    expect(points('二.2', { staffCount: 1, staffProficient: false })).toBe(3);
  });

  it('二.3 "不达标不得分": a community needs its funds in the budget', () => {
    expect(points('二.3')).toBe(8);
    expect(points('二.3', { fundsInBudget: false })).toBe(0);
    expect(points('二.3', { fundsPaidInFull: false })).toBe(0);
    expect(points('二.3', { subsidiesUsedAsRequired: false })).toBe(0);
  });
  it('二.3 "(行政村不要求纳入财政预算)": a village scores without it', () => {
    expect(points('二.3', {}, 'village')).toBe(8);
    expect(points('二.3', { fundsPaidInFull: false }, 'village')).toBe(0);
    expect(validateInputs(gz, 'village', { fundsInBudget: true }, { mode: 'draft' }).ok).toBe(
      false,
    );
  });

  it('二.4 "按规定建立相关规章制度,得2分;规章制度公开,得2分"', () => {
    expect(points('二.4')).toBe(4);
    expect(points('二.4', { rulesPublic: false })).toBe(2);
  });

  it('二.5 "不达标不得分"', () => {
    expect(points('二.5')).toBe(4);
    expect(points('二.5', { unifiedSoftwareNetworked: false })).toBe(0);
  });

  it('二.6 "得2分;更新及时,得2分" and "每占抽查比例10%扣2分" per full step', () => {
    expect(points('二.6')).toBe(4);
    expect(points('二.6', { databaseUpdatedTimely: false })).toBe(2);
    expect(points('二.6', { ledgerSampleMismatched: 1 })).toBe(2); // 10 %
    expect(points('二.6', { ledgerSampled: 20, ledgerSampleMismatched: 3 })).toBe(2); // 15 %
    expect(points('二.6', { ledgerSampleMismatched: 2 })).toBe(0); // 20 %
    expect(points('二.6', { ledgerSampled: 100, ledgerSampleMismatched: 9 })).toBe(4); // 9 %
    expect(points('二.6', { databaseUpdatedTimely: false, ledgerSampleMismatched: 2 })).toBe(0);
  });
});

describe('三 就业服务', () => {
  it('三.1 "宣传资料齐全得1分,各种专项活动中开展政策宣传得1分"', () => {
    expect(points('三.1')).toBe(2);
    expect(points('三.1', { publicityInCampaigns: false })).toBe(1);
  });

  it('三.2 "得2分…得2分…得1分" and "每一人扣0.5分"', () => {
    expect(points('三.2')).toBe(5);
    expect(points('三.2', { surveyMismatchedPersons: 1 })).toBe(4.5);
    expect(points('三.2', { unemployedIntentionsUpdated: false, surveyMismatchedPersons: 3 })).toBe(
      2.5,
    );
    expect(points('三.2', { surveyMismatchedPersons: 11 })).toBe(0);
  });

  it('三.3 "有岗位收集记录,得2分;有发布记录,得1分;…齐全,得1分;…匹配…记录,得1分"', () => {
    expect(points('三.3')).toBe(5);
    expect(points('三.3', { jobsCollectedRecords: false })).toBe(3);
    expect(points('三.3', { matchingRecords: false, jobElementsComplete: false })).toBe(3);
  });

  it('三.4 "有求职登记记录、岗位推荐记录,得3分;有发布求职信息,得2分" and "每缺1种扣1分"', () => {
    expect(points('三.4')).toBe(5);
    expect(points('三.4', { jobSeekerAndReferralRecords: false })).toBe(2);
    expect(points('三.4', { systemDataTypesMissing: 1 })).toBe(4);
    expect(points('三.4', { systemDataTypesMissing: 6 })).toBe(0);
  });

  it('三.5 "每一人扣0.5分" for each lapse, from 5', () => {
    expect(points('三.5')).toBe(5);
    expect(points('三.5', { tieredServiceLapsedPersons: 1 })).toBe(4.5);
    expect(points('三.5', { tieredServiceLapsedPersons: 1, followUpLapsedPersons: 1 })).toBe(4);
    expect(points('三.5', { followUpLapsedPersons: 12 })).toBe(0);
  });

  it('三.6 "推荐1次培训得2分,推荐2次培训得3分,推荐3次培训得5分"', () => {
    expect(points('三.6', { trainingReferrals: 0 })).toBe(0);
    expect(points('三.6', { trainingReferrals: 1 })).toBe(2);
    expect(points('三.6', { trainingReferrals: 2 })).toBe(3);
    expect(points('三.6', { trainingReferrals: 3 })).toBe(5);
  });
  it('三.6 "推荐培训次数不足3次,但均已实现就业创业的,得5分"', () => {
    expect(points('三.6', { trainingReferrals: 1, traineesAllEmployed: true })).toBe(5);
  });
  it('三.6 "未按规定协助组织培训的,此项不得分"', () => {
    expect(points('三.6', { trainingAssistedAsRequired: false })).toBe(0);
  });

  it('三.7 "每缺一项扣1分…每一人不一致,扣0.5分"', () => {
    expect(points('三.7')).toBe(5);
    expect(points('三.7', { graduateServiceItemsMissing: 2 })).toBe(3);
    expect(points('三.7', { graduateServiceMismatchedPersons: 3 })).toBe(3.5);
    expect(points('三.7', { graduateServiceItemsMissing: 6 })).toBe(0);
  });

  it('三.8 "资料台帐无相关记录的,即扣2分;信息不实,每核实一条扣0.5分"', () => {
    expect(points('三.8')).toBe(4);
    expect(points('三.8', { flexibleRecordsAbsent: true })).toBe(2);
    expect(points('三.8', { flexibleFalseEntries: 3 })).toBe(2.5);
    expect(points('三.8', { flexibleRecordsAbsent: true, flexibleFalseEntries: 5 })).toBe(0);
  });

  it('三.9 "达标得2分。未公布群众投诉渠道的,扣1分"', () => {
    expect(points('三.9')).toBe(2);
    expect(points('三.9', { complaintChannelPublished: false })).toBe(1);
    expect(points('三.9', { validComplaints: 1 })).toBe(0);
    expect(points('三.9', { validComplaints: 1, complaintChannelPublished: false })).toBe(0);
  });

  it('三.10 "发生重大就业风险事件不得分"', () => {
    expect(points('三.10')).toBe(2);
    expect(points('三.10', { majorEmploymentRiskEvents: 1 })).toBe(0);
  });
});

describe('四 加分项 (10分)', () => {
  it('四.1 "无剔除人员加2分"', () => {
    expect(points('四.1', { unemployedDeregisteredNonEmployment: 0 })).toBe(2);
  });
  it('四.1 "低于3%加1.5分": 2 % → 1.5, exactly 3 % is not below 3 % → 1', () => {
    expect(points('四.1', { unemployedDeregisteredNonEmployment: 2 })).toBe(1.5);
    expect(points('四.1', { unemployedDeregisteredNonEmployment: 3 })).toBe(1);
  });
  it('四.1 "低于5%加1分": 4.9 % → 1, 5 % → 0', () => {
    expect(
      points('四.1', {
        registeredUnemployed: 1000,
        unemployedReemployed: 900,
        unemployedDeregisteredNonEmployment: 49,
      }),
    ).toBe(1);
    expect(points('四.1', { unemployedDeregisteredNonEmployment: 5 })).toBe(0);
  });

  it('四.2 "达到5%的加1分,达到10%的加1.5分,达到15%的加2分"', () => {
    const at = (employed: number) =>
      points('四.2', { peopleNeedingTraining: 100, employedAfterTraining: employed });
    expect(at(4)).toBe(0);
    expect(at(5)).toBe(1);
    expect(at(9)).toBe(1);
    expect(at(10)).toBe(1.5);
    expect(at(14)).toBe(1.5);
    expect(at(15)).toBe(2);
    expect(points('四.2', { peopleNeedingTraining: 0, employedAfterTraining: 0 })).toBe(0);
  });

  it('四.3 "加1分…加2分…加1分…加1分…各加2分", the item capped at 10', () => {
    expect(points('四.3')).toBe(0);
    expect(points('四.3', { selfServiceKiosk: true, serviceInfoDisplay: true })).toBe(3);
    const all = item('四.3', {
      selfServiceKiosk: true,
      serviceInfoDisplay: true,
      gridVisits: true,
      flexibleJobBoard: true,
      gigStation: true,
      employmentStation: true,
      ecommerceStation: true,
      townVillageOutlet: true,
      flexibleStalls: true,
    });
    expect(all.points).toBe(10);
    expect(all.explanation.zh).toContain('合计15分，加至10分为止');
  });

  it('四.4 "工作人员岗位工作年限5年以上的,加1分"', () => {
    expect(points('四.4', { staffTenureFiveYears: true })).toBe(1);
    expect(points('四.4')).toBe(0);
  });

  it('四.5 "连续十年…加1分,连续十五年的加2分"', () => {
    const at = (years: number) => points('四.5', { consecutiveYearsDesignated: years });
    expect(at(9)).toBe(0);
    expect(at(10)).toBe(1);
    expect(at(14)).toBe(1);
    expect(at(15)).toBe(2);
  });

  it('四.6 "荣誉,每次加3分;…批示肯定,每次加2分;…活动的,每次加2分;…宣传报道,加1分"', () => {
    expect(points('四.6', { cityHonours: 2 })).toBe(6);
    expect(points('四.6', { cityHonours: 2, leaderEndorsements: 1 })).toBe(8);
    expect(points('四.6', { hostedEvents: 1, mediaReported: true })).toBe(3);
    expect(points('四.6', { cityHonours: 4 })).toBe(10);
    expect(points('四.6', { cityHonours: 3, leaderEndorsements: 1, mediaReported: true })).toBe(10);
  });

  it('"加分项 (10分)": the category is capped at 10 in all', () => {
    const rich = card({
      serviceInfoDisplay: true,
      gigStation: true,
      employmentStation: true,
      ecommerceStation: true,
      cityHonours: 3,
    });
    const bonus = rich.categories.find((c) => c.id === '四');
    expect(bonus).toMatchObject({ itemPoints: 2 + 2 + 8 + 9, points: 10, capped: true });
    expect(rich.total).toBe(110);
  });
});

describe('whole scorecards', () => {
  it('a realistic community (黄竹塱社区): 91 points, designated at a pass mark of 80', () => {
    const result = score(
      gz,
      { passMark: 80 },
      {
        ...perfect,
        registeredUnemployed: 48,
        unemployedDeregisteredNonEmployment: 2,
        unemployedReemployed: 39,
        unemployedSampled: 20,
        unemployedSampleMismatched: 1,
        graduatesTotal: 12,
        graduatesNotPlaced: 1,
        poorGraduatesWilling: 1,
        poorGraduatesEmployed: 1,
        difficultTotal: 25,
        difficultCancelledNonEmployment: 1,
        difficultEmployed: 21,
        zeroEmploymentFamilies: 2,
        zeroEmploymentFamiliesCleared: 2,
        officeEquipped: false,
        staffProficient: false,
        ledgerSampleMismatched: 1,
        unemployedIntentionsUpdated: false,
        surveyMismatchedPersons: 1,
        matchingRecords: false,
        systemDataTypesMissing: 1,
        tieredServiceLapsedPersons: 1,
        trainingReferrals: 2,
        graduateServiceItemsMissing: 1,
        flexibleFalseEntries: 1,
        peopleNeedingTraining: 30,
        employedAfterTraining: 4,
        selfServiceKiosk: true,
        serviceInfoDisplay: true,
        staffTenureFiveYears: true,
        consecutiveYearsDesignated: 6,
        mediaReported: true,
      },
      { unitId: 'huangzhulang', unitKind: 'community' },
    );
    expect(Object.fromEntries(result.items.map((i) => [i.id, i.points]))).toEqual({
      '一.1': 6,
      '一.2': 6,
      '一.3': 5,
      '一.4': 5,
      '一.5': 5,
      '二.1': 3,
      '二.2': 3,
      '二.3': 8,
      '二.4': 4,
      '二.5': 4,
      '二.6': 2,
      '三.1': 2,
      '三.2': 3.5,
      '三.3': 4,
      '三.4': 4,
      '三.5': 4.5,
      '三.6': 3,
      '三.7': 4,
      '三.8': 3.5,
      '三.9': 2,
      '三.10': 2,
      '四.1': 1,
      '四.2': 1.5,
      '四.3': 3,
      '四.4': 1,
      '四.5': 0,
      '四.6': 1,
    });
    expect(result.categories.map((c) => c.points)).toEqual([27, 24, 32.5, 7.5]);
    expect(result.total).toBe(91);
    expect(result.complete).toBe(true);
    expect(result.unit).toEqual({ id: 'huangzhulang', kind: 'community' });
    expect(result.designation).toMatchObject({
      met: true,
      passMark: 80,
      reason: { zh: '总分91分，达到达标分数线80分', en: 'total 91 reaches the pass mark 80' },
    });
    expect(result.items[0]?.explanation.zh).toBe(
      '失业人员再就业率 = 39 ÷ (48 − 2) = 84.8%，达80%档，得6分；无扣分；得6分',
    );
    expect(result.items.find((i) => i.id === '二.6')?.explanation.zh).toBe(
      '按规定建立系统数据和资料台帐 = 是，得2分；系统数据和资料台帐更新及时 = 是，得2分；合计4分；情况核实与台账不一致：情况核实与台账不一致比例 = 1 ÷ 10 = 10%，每10%扣2分，扣2分；得2分',
    );
  });

  it('a realistic village (良新村): 78 points, not designated at 80', () => {
    const result = score(
      gz,
      { passMark: 80 },
      {
        registeredUnemployed: 10,
        unemployedDeregisteredNonEmployment: 0,
        unemployedReemployed: 7,
        unemployedBaseUnclear: false,
        unemployedSampled: 0,
        unemployedSampleMismatched: 0,
        graduatesTotal: 0,
        difficultTotal: 3,
        difficultCancelledNonEmployment: 0,
        difficultEmployed: 2,
        zeroEmploymentFamilies: 0,
        zeroEmploymentFamiliesCleared: 0,
        longTermUnemployed: 1,
        hasFixedDesk: true,
        windowHasSign: false,
        officeEquipped: true,
        staffCount: 1,
        staffTrained: true,
        staffProficient: true,
        fundsPaidInFull: true,
        subsidiesUsedAsRequired: true,
        rulesEstablished: true,
        rulesPublic: false,
        unifiedSoftwareNetworked: true,
        databaseEstablished: true,
        databaseUpdatedTimely: false,
        ledgerSampled: 0,
        ledgerSampleMismatched: 0,
        publicityMaterials: true,
        publicityInCampaigns: false,
        surveyRecords: true,
        baseClearOrUpdated: false,
        unemployedIntentionsUpdated: true,
        surveyMismatchedPersons: 0,
        jobsCollectedRecords: true,
        jobsPublishedRecords: true,
        jobElementsComplete: false,
        matchingRecords: false,
        jobSeekerAndReferralRecords: true,
        jobSeekerInfoPublished: false,
        systemDataTypesMissing: 0,
        tieredServiceLapsedPersons: 0,
        followUpLapsedPersons: 0,
        trainingAssistedAsRequired: true,
        trainingReferrals: 0,
        traineesAllEmployed: true,
        graduateServiceItemsMissing: 0,
        graduateServiceMismatchedPersons: 0,
        flexibleRecordsAbsent: true,
        flexibleFalseEntries: 0,
        validComplaints: 0,
        complaintChannelPublished: false,
        majorEmploymentRiskEvents: 0,
        peopleNeedingTraining: 0,
        employedAfterTraining: 0,
        gridVisits: true,
        ecommerceStation: true,
        townVillageOutlet: true,
        consecutiveYearsDesignated: 11,
      },
      { unitId: 'liangxin', unitKind: 'village' },
    );
    expect(result.issues).toEqual([]);
    expect(Object.fromEntries(result.items.map((i) => [i.id, i.points]))).toEqual({
      '一.1': 4,
      '一.2': 6,
      '一.3': 0,
      '一.4': 5,
      '一.5': 0,
      '二.1': 3,
      '二.2': 6,
      '二.3': 8,
      '二.4': 2,
      '二.5': 4,
      '二.6': 2,
      '三.1': 1,
      '三.2': 3,
      '三.3': 3,
      '三.4': 3,
      '三.5': 5,
      '三.6': 5,
      '三.7': 5,
      '三.8': 2,
      '三.9': 1,
      '三.10': 2,
      '四.1': 2,
      '四.2': 0,
      '四.3': 5,
      '四.4': 0,
      '四.5': 1,
      '四.6': 0,
    });
    expect(result.categories.map((c) => c.points)).toEqual([15, 25, 30, 8]);
    expect(result.total).toBe(78);
    expect(result.designation).toMatchObject({
      met: false,
      reason: { zh: '总分78分，低于达标分数线80分' },
    });
    expect(result.items.find((i) => i.id === '二.3')?.explanation.zh).toBe(
      '经费保障达标：是（单位类型 = 行政村，工作经费、人员经费按时足额到位 = 是，示范性奖补等补贴和服务补助资金按规定使用并发挥效益(未获此类资金的填“是”) = 是），得8分',
    );
  });

  it('an empty draft names what is missing and cannot be designated yet', () => {
    const result = score(gz, { passMark: 80 }, {}, { unitKind: 'village' });
    expect(result.complete).toBe(false);
    expect(result.designation?.met).toBeNull();
    expect(result.items.find((i) => i.id === '四.4')).toMatchObject({
      status: 'scored',
      points: 0,
    });
    expect(result.items.find((i) => i.id === '一.1')?.missing).toEqual([
      'unemployedReemployed',
      'registeredUnemployed',
      'unemployedDeregisteredNonEmployment',
      'unemployedBaseUnclear',
      'unemployedSampleMismatched',
      'unemployedSampled',
    ]);
    expect(result.range).toEqual({ min: 0, max: 104 }); // no bonus claims made: 四.3–四.6 are 0
  });
});
