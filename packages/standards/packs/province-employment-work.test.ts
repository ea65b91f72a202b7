import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../src/engine.ts';
import { input } from '../src/expression-builders.ts';
import { definePack } from '../src/pack-integrity.ts';
import { toNumber } from '../src/rational.ts';
import { type RuleOf, ruleBounds, walkRules } from '../src/rules/rule.ts';
import type { Assessment } from '../src/rules/rule-context.ts';
import { validateInputs } from '../src/validate-inputs.ts';
import { arbitraryInputs } from '../test/arbitrary-inputs.ts';
import { provinceEmploymentWork as province } from './province-employment-work.ts';

// Every test names the sentence of 001_0c8b13447a812187.txt (附件2) it checks.

const SEED = new URL('../seeds/001_0c8b13447a812187.txt', import.meta.url);

/** A city that meets every requirement in full. */
const perfect: Record<string, unknown> = {
  contributorsLastYearEnd: 100000,
  contributorsThisYearEnd: 102000,
  migrantInsuredLastYearEnd: 50000,
  migrantInsuredThisYearEnd: 51000,
  insuranceLawLapses: 0,
  insuranceLawViolations: 0,
  benefitLapses: 0,
  benefitAdjustmentInPlace: true,
  cityPoolingAchieved: true,
  independentDistrictOutsidePooling: false,
  monitoringLateReports: 0,
  monitoringMissedMonthlyAnalyses: 0,
  monitoringMissedMajorChangeReports: 0,
  cityArchivesMeetRequirements: true,
  poolingAreasArchivesUnmet: 0,
  poolingAreasProceduresNotPosted: 0,
  windowsPublicityUnmet: 0,
  handlingViolations: 0,
  informatisationUnmet: 0,
  statisticsRequirementsUnmet: 0,
  fundBudgetReportsTimely: true,
  pilotQuarterlyReportsTimely: true,
  insuranceFundUsedAsRequired: true,
  pilotFundsUsedAsRequired: true,
  insuranceFundViolationVerified: false,
  cityRuralPolicyIssued: true,
  countiesWithoutRuralPolicy: 0,
  ruralFundsThisYear: 3000,
  ruralFundsLastYear: 3000,
  fourLevelWindows: true,
  countiesWithoutFourSystems: 0,
  ruralServiceIndicatorsUnmet: 0,
  subsidyWindowsSet: true,
  subsidyWindowsPublished: true,
  certifiedRealNameManaged: true,
  certifiedLateReports: 0,
  subsidiesPaidInTime: true,
  subsidyComplaintsVerified: 0,
  labourCooperationDone: true,
  surveysRequired: 1000,
  surveysCompleted: 1000,
  surveysValid: 1000,
  marketsApplied: 3,
  marketsRatedThreeStars: 3,
  campaignPlansReported: true,
  campaignsNotHeld: 0,
  supplyDemandReportsFiled: true,
  supplyDemandDataCommended: true,
  supplyDemandReportAdopted: true,
  supplyDemandAnalystStable: true,
  jobInformationPublished: true,
  jobs12580Published: true,
  jobPlatformMechanism: true,
  jobUploadLapses: 0,
  trainingPlanDistributed: true,
  trainingAssessmentRecords: true,
  trainingGuidanceDocumented: true,
  provincialDemoBase: true,
  trainerPlan: true,
  trainerTrainingRegular: true,
  startupProjectLibrary: true,
  startupConsulting: true,
  guaranteedLoanSupport: true,
  startupServiceAgencyBuilt: true,
  trainingNeedsSurveyed: true,
  trainingNeedsPublished: true,
  trainingInfoPlatform: true,
  trainingProvidersManaged: true,
  traineesRealName: true,
  trainingFundsAsRequired: true,
  trainingFundRules: true,
  trainingSubsidyCatalogue: true,
  trainingFundsMisused: false,
  trainingFundComplaint: false,
  platformPlan: true,
  platformSupervision: true,
  platformPerformanceAssessment: true,
  platformServiceNorms: true,
  transferTownsTargetMet: true,
  assistantsExamined: 100,
  assistantsPassed: 80,
  assistantCentralTrainings: 2,
  themeActivityDistinction: true,
  itLeadershipAssigned: true,
  itOperationsRules: true,
  networkLapses: 0,
  villagePlatformsConnected: true,
  nonconformingSoftwareUnits: 0,
  countiesOutsideDatabase: 0,
  databaseCoversBusiness: true,
  businessesOffSystem: 0,
  monitoringUploadedOnTime: true,
  deviationUrbanNewJobs: 0,
  deviationReemployed: 0,
  deviationDifficultEmployed: 0,
  deviationRegisteredUnemployed: 0,
  monitoringAnalysisApplied: true,
  employmentFundThisYear: 52000,
  employmentFundLastYear: 50000,
  fundPoliciesFunded: true,
  realNameFundSystem: true,
  realNameFundSystemNetworked: true,
  fundMisuseIncidents: 0,
  fundComplaintVerified: false,
  fundAccountedAsRequired: true,
  fundStatementsFiled: true,
  fundAccountedByProject: true,
  performanceRules: true,
  performanceEvaluatedYearly: true,
  performanceReportFiled: true,
};

const JUDGEMENTS = {
  trainingBrand: 2,
  fullEmploymentCommunitiesSustained: 5,
  themeActivityParticipation: 5,
  fundBalanceYear: 3,
  fundBalanceShare: 4,
  fundBalanceSpread: 3,
  performanceQuality: 4,
} as const;

type JudgementKey = keyof typeof JUDGEMENTS;

function judgements(
  stage: string,
  points: Partial<Record<JudgementKey, number>> = {},
): Record<string, Assessment> {
  return Object.fromEntries(
    Object.entries(JUDGEMENTS).map(([key, full]) => [
      key,
      { points: points[key as JudgementKey] ?? full, reason: `${stage}: 见佐证材料`, stage },
    ]),
  );
}

const REFERENCES = { provinceAveragePassRate: 80 };

function card(
  patch: Record<string, unknown> = {},
  assessments: Record<string, Assessment> = judgements('self'),
  references: Record<string, number> = REFERENCES,
) {
  const inputs: Record<string, unknown> = { ...perfect, ...patch };
  for (const [key, value] of Object.entries(inputs)) if (value === undefined) delete inputs[key];
  return score(province, {}, inputs, { unitKind: 'city', assessments, references });
}

function item(id: string, patch: Record<string, unknown> = {}, assessments = judgements('self')) {
  const found = card(patch, assessments).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const points = (
  id: string,
  patch: Record<string, unknown> = {},
  assessments = judgements('self'),
) => item(id, patch, assessments).points;

const collapse = (text: string) => text.replace(/\s+/g, '');

describe('province.employment-work@1.0: the pack itself', () => {
  it('has the seven projects of 附件2 with their points, 400 in all', () => {
    expect(province.total).toBe(400);
    expect(province.categories.map((c) => [c.id, c.max])).toEqual([
      ['失业保险', 50],
      ['农民就业创业', 50],
      ['公共人力资源市场建设', 50],
      ['就业创业培训', 50],
      ['城乡基层平台建设', 50],
      ['就业管理信息化建设', 100],
      ['就业专项资金管理', 50],
    ]);
    for (const category of province.categories) {
      const own = province.items.filter((i) => i.category === category.id);
      expect(
        own.reduce((sum, i) => sum + i.max, 0),
        category.id,
      ).toBe(category.max);
    }
    expect(province.unitKinds).toEqual(['city']);
  });

  it('numbers its 41 sub-items <project>.<n>, 1-based in source order', () => {
    const counts = [9, 5, 5, 6, 5, 6, 5];
    expect(province.items.map((i) => i.id)).toEqual(
      province.categories.flatMap((c, index) =>
        Array.from({ length: counts[index] ?? 0 }, (_, n) => `${c.id}.${n + 1}`),
      ),
    );
    expect(province.items).toHaveLength(41);
    expect(
      province.items.filter((i) => i.category === '失业保险').map((i) => [i.title.zh, i.max]),
    ).toEqual([
      ['扩面征缴工作', 8],
      ['贯彻实施国家和省失业保险法律法规', 5],
      ['落实失业保险待遇', 8],
      ['提高失业保险统筹层次', 2],
      ['失业动态重点监测', 5],
      ['失业保险档案管理', 5],
      ['失业保险经办管理', 8],
      ['失业保险统计', 4],
      ['失业保险基金管理', 5],
    ]);
  });

  it('never lets a rule award more than its 分值, nor less than 0 except the −5 of 培训补贴政策', () => {
    for (const i of province.items) {
      const b = ruleBounds(i.rule);
      expect(toNumber(b.max), i.id).toBe(i.max);
      expect(toNumber(b.min), i.id).toBe(i.min);
    }
    expect(province.items.filter((i) => i.min !== 0).map((i) => [i.id, i.min])).toEqual([
      ['就业创业培训.6', -5],
    ]);
  });

  it('cites every sentence verbatim, and keeps 目标要求 and 评分办法 as the source words them', () => {
    const seed = readFileSync(SEED, 'utf8');
    for (const i of province.items) {
      expect(i.source.file).toBe('001_0c8b13447a812187.txt');
      for (const line of i.source.quote.split('\n'))
        expect(seed, `${i.id}: ${line}`).toContain(line);
      // Cells the layout breaks mid-sentence are joined: compare without whitespace.
      for (const text of [i.target, i.method]) {
        expect(text, i.id).toBeDefined();
        for (const line of text?.zh.split('\n') ?? []) {
          expect(collapse(seed), `${i.id}: ${line}`).toContain(collapse(line));
        }
      }
      expect(collapse(seed), i.id).toContain(collapse(i.title.zh));
      expect(collapse(i.method?.zh ?? ''), i.id).toContain(collapse(i.source.quote));
    }
  });

  it('declares the review chain 自评分 → 省厅初评分 → 省厅审定考核分, and every judgement may be entered at each stage', () => {
    expect(province.reviewChain?.map((s) => [s.key, s.title.zh, s.actor])).toEqual([
      ['self', '自评分', 'reporter'],
      ['initial', '省厅初评分', 'reviewer'],
      ['final', '省厅审定考核分', 'reviewer'],
    ]);
    const assessed = province.items.flatMap((i) =>
      [...walkRules(i.rule)].filter((r): r is RuleOf<'assessed'> => r.kind === 'assessed'),
    );
    expect(assessed.map((r) => r.key).sort()).toEqual(Object.keys(JUDGEMENTS).sort());
    for (const rule of assessed) {
      expect(rule.stages).toEqual(['self', 'initial', 'final']);
      expect(rule.step).toBe(rule.points); // all or nothing: "得N分，否则不得分"
    }
  });

  it('scores a city meeting every requirement at 400, and accepts it as a submission', () => {
    const full = card();
    expect(full.issues).toEqual([]);
    expect(full.items.every((i) => i.status === 'scored' && i.points === i.max)).toBe(true);
    expect(full.categories.map((c) => c.points)).toEqual([50, 50, 50, 50, 50, 100, 50]);
    expect(full.total).toBe(400);
    expect(full.complete).toBe(true);
    expect(validateInputs(province, 'city', perfect, { mode: 'submit' }).ok).toBe(true);
  });

  it('refuses inconsistent figures (valid surveys above those completed) and reports them when scoring', () => {
    const bad = { ...perfect, surveysValid: 1001 };
    const result = validateInputs(province, 'city', bad, { mode: 'submit' });
    expect(result.ok ? [] : result.issues.map((i) => [i.field, i.code])).toEqual([
      ['surveysCompleted', 'constraint'],
    ]);
    expect(card({ surveysValid: 1001 }).issues.map((i) => i.message.zh)).toEqual([
      '有效调查数量不能超过完成的调查数量',
    ]);
  });

  it('an empty draft is missing data, not 0, and awaits the judgements', () => {
    const empty = score(province, {}, {}, { unitKind: 'city' });
    expect(empty.complete).toBe(false);
    expect(empty.items.find((i) => i.id === '失业保险.1')?.missing).toEqual([
      'contributorsThisYearEnd',
      'contributorsLastYearEnd',
      'migrantInsuredThisYearEnd',
      'migrantInsuredLastYearEnd',
    ]);
    expect(empty.items.find((i) => i.id === '就业专项资金管理.3')).toMatchObject({
      status: 'awaiting-assessment',
      awaiting: ['fundBalanceYear', 'fundBalanceShare', 'fundBalanceSpread'],
    });
    expect(empty.range).toEqual({ min: -5, max: 400 });
  });
});

describe('any city, any judgements (fast-check)', () => {
  // The package's property tests give no judgements and no reference; these do.
  const judged = fc.record(
    Object.fromEntries(
      Object.entries(JUDGEMENTS).map(([key, full]) => [
        key,
        fc.record({
          points: fc.constantFrom(0, full),
          reason: fc.constant('依据'),
          stage: fc.constantFrom('self', 'initial', 'final'),
        }),
      ]),
    ),
  );

  it('keeps every sub-item within its min..max and the total within −5..400', () => {
    fc.assert(
      fc.property(
        arbitraryInputs(province, 'city'),
        judged,
        fc.integer({ min: 0, max: 100 }),
        (inputs, assessments, average) => {
          const scored = score(province, {}, inputs, {
            unitKind: 'city',
            assessments,
            references: { provinceAveragePassRate: average },
          });
          for (const i of scored.items) {
            if (i.points === null) continue;
            expect(i.points).toBeGreaterThanOrEqual(i.min);
            expect(i.points).toBeLessThanOrEqual(i.max);
          }
          expect(scored.total).toBeGreaterThanOrEqual(-5);
          expect(scored.total).toBeLessThanOrEqual(400);
          if (scored.issues.length === 0) expect(scored.complete).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('失业保险', () => {
  describe('.1 扩面征缴工作 (8)', () => {
    const contributors = (thisYear: number, lastYear = 10000) =>
      points('失业保险.1', {
        contributorsThisYearEnd: thisYear,
        contributorsLastYearEnd: lastYear,
      });

    it('"实际缴费人数比上年末增加的得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分" (农民工 at +2 %: 4)', () => {
      expect(contributors(9999)).toBe(4); // fewer: 0
      expect(contributors(10000)).toBe(4); // level: 0
      expect(contributors(10001)).toBe(6); // up 0.01 %: 2
      expect(contributors(10099)).toBe(6); // 0.99 %: 2
      expect(contributors(10100)).toBe(7); // exactly 1 %: 2 + 1
      expect(contributors(10199)).toBe(7); // 1.99 %: 2 + 1
      expect(contributors(10200)).toBe(8); // exactly 2 % (含2%): 2 + 2
      expect(contributors(15000)).toBe(8);
    });

    it('"农民工参保人数比上年增加得2分，增加1%到2%之间的再得1分，超过2%（含2%）的再得2分"', () => {
      const migrants = (thisYear: number) =>
        points('失业保险.1', {
          migrantInsuredThisYearEnd: thisYear,
          migrantInsuredLastYearEnd: 50000,
        });
      expect(migrants(49000)).toBe(4);
      expect(migrants(50000)).toBe(4);
      expect(migrants(50400)).toBe(6);
      expect(migrants(50500)).toBe(7);
      expect(migrants(51000)).toBe(8);
    });

    it('from 0 at last year end: any increase counts as 2 % or more; 0 to 0 is no increase', () => {
      expect(contributors(5, 0)).toBe(8);
      expect(contributors(0, 0)).toBe(4);
      expect(
        item('失业保险.1', { contributorsThisYearEnd: 10150, contributorsLastYearEnd: 10000 })
          .explanation.zh,
      ).toContain('实际缴费人数比上年末增加：是');
    });
  });

  it('.2 "达到要求得5分，每有一次未按要求落实的扣2.5分，扣完为止；每查实一起违反国家和省法律、法规规定的行为扣2.5分"', () => {
    const at = (lapses: number, violations: number) =>
      points('失业保险.2', { insuranceLawLapses: lapses, insuranceLawViolations: violations });
    expect(at(0, 0)).toBe(5);
    expect(at(1, 0)).toBe(2.5);
    expect(at(2, 0)).toBe(0);
    expect(at(3, 0)).toBe(0); // 扣完为止
    expect(at(0, 1)).toBe(2.5);
    expect(at(1, 1)).toBe(0);
    expect(at(0, 4)).toBe(0); // never below 0
  });

  it('.3 "按规定落实各项失业保险待遇得7分，每查实一起未落实待遇的扣3.5分…建立失业保险金调整机制并及时调整得1分" — the 7 and the 1 apart', () => {
    const at = (lapses: number, adjusted = true) =>
      points('失业保险.3', { benefitLapses: lapses, benefitAdjustmentInPlace: adjusted });
    expect(at(0)).toBe(8);
    expect(at(1)).toBe(4.5);
    expect(at(2)).toBe(1);
    expect(at(3)).toBe(1); // the 7-point part stops at 0; the adjustment point stays
    expect(at(0, false)).toBe(7); // 未按规定调整不得分
    expect(at(2, false)).toBe(0);
  });

  it('.4 "按省规定实现设区的市市区统筹的得2分，未实现的不得分，财政独立区未纳入市区统筹的扣1分" — never below 0', () => {
    const at = (pooled: boolean, independentOutside: boolean) =>
      points('失业保险.4', {
        cityPoolingAchieved: pooled,
        independentDistrictOutsidePooling: independentOutside,
      });
    expect(at(true, false)).toBe(2);
    expect(at(true, true)).toBe(1);
    expect(at(false, false)).toBe(0);
    expect(at(false, true)).toBe(0);
  });

  describe('.5 失业动态重点监测 (5)', () => {
    const at = (late: number, monthly: number, major: number) =>
      points('失业保险.5', {
        monitoringLateReports: late,
        monitoringMissedMonthlyAnalyses: monthly,
        monitoringMissedMajorChangeReports: major,
      });

    it('"按规定上报监测数据得2分，每有一次超过规定时间上报的扣1分，扣完为止"', () => {
      expect(at(0, 0, 0)).toBe(5);
      expect(at(1, 0, 0)).toBe(4);
      expect(at(2, 0, 0)).toBe(3);
      expect(at(5, 0, 0)).toBe(3); // this part stops at 0
    });

    it('"按月上报监测分析得2分，少报一次扣1分，扣完为止"', () => {
      expect(at(0, 1, 0)).toBe(4);
      expect(at(0, 2, 0)).toBe(3);
      expect(at(0, 12, 0)).toBe(3);
    });

    it('"有一次未上报分析的扣1分，扣完5分为止" — reaches into the other parts, down to 0 for the item', () => {
      expect(at(0, 0, 1)).toBe(4);
      expect(at(0, 0, 2)).toBe(3);
      expect(at(0, 0, 3)).toBe(2);
      expect(at(0, 0, 5)).toBe(0);
      expect(at(0, 0, 9)).toBe(0);
      expect(at(2, 0, 1)).toBe(2);
      expect(at(1, 1, 2)).toBe(1);
      expect(at(2, 2, 1)).toBe(0);
      const floored = item('失业保险.5', {
        monitoringLateReports: 2,
        monitoringMissedMajorChangeReports: 9,
      });
      expect(floored.points).toBe(0); // 0 + 2 − 4 would be −2
      expect(floored.explanation.zh).toContain('合计−2分，扣至0分为止');
    });
  });

  it('.6 "达到省要求的得5分，市本级未达要求不得分。所属统筹地区每有一个未达到要求扣2.5分，扣完为止"', () => {
    const at = (city: boolean, areas: number) =>
      points('失业保险.6', {
        cityArchivesMeetRequirements: city,
        poolingAreasArchivesUnmet: areas,
      });
    expect(at(true, 0)).toBe(5);
    expect(at(true, 1)).toBe(2.5);
    expect(at(true, 2)).toBe(0);
    expect(at(true, 3)).toBe(0);
    expect(at(false, 0)).toBe(0);
    expect(item('失业保险.6', { cityArchivesMeetRequirements: false }).explanation.zh).toContain(
      '市本级未达要求不得分',
    );
  });

  it('.7 four parts of "得2分，每有一个…扣1分，扣完为止", each stopping at 0 on its own', () => {
    expect(points('失业保险.7')).toBe(8);
    expect(points('失业保险.7', { poolingAreasProceduresNotPosted: 1 })).toBe(7); // 每有一个未公示的扣1分
    expect(points('失业保险.7', { poolingAreasProceduresNotPosted: 5 })).toBe(6);
    expect(points('失业保险.7', { windowsPublicityUnmet: 2 })).toBe(6); // 每有一个未达要求的扣1分
    expect(points('失业保险.7', { handlingViolations: 1 })).toBe(7); // 每查实一起违反规定的行为扣1分
    expect(points('失业保险.7', { informatisationUnmet: 3 })).toBe(6); // 每有一个未达要求扣1分
    expect(
      points('失业保险.7', {
        poolingAreasProceduresNotPosted: 3,
        windowsPublicityUnmet: 3,
        handlingViolations: 3,
        informatisationUnmet: 3,
      }),
    ).toBe(0);
  });

  describe('.8 失业保险统计: 分值 4, yet "达到省要求的得5分"', () => {
    it('resolved: the base is the 4 of the 分值, "每有一项未达要求的扣1分，扣完为止"', () => {
      const at = (unmet: number) => points('失业保险.8', { statisticsRequirementsUnmet: unmet });
      expect(at(0)).toBe(4);
      expect(at(1)).toBe(3); // the very first shortfall costs a point
      expect(at(3)).toBe(1);
      expect(at(4)).toBe(0);
      expect(at(6)).toBe(0);
      const own = province.items.find((i) => i.id === '失业保险.8');
      expect(own?.notes.map((n) => n.zh).join()).toContain('以分值为准');
      expect(own?.notes.map((n) => n.en).join()).toContain("The item's 4 prevails");
    });

    it('a literal transcription (base 5) over-awards: ruleBounds reports max 5 > the item max 4', () => {
      const literal = {
        kind: 'deduct' as const,
        base: 5,
        deductions: [
          {
            label: { zh: '未达省要求的项', en: 'Requirements not met' },
            amount: input('statisticsRequirementsUnmet'),
            points: 1,
            rounding: 'whole-steps' as const,
          },
        ],
        floor: 0,
      };
      const own = province.items.find((i) => i.id === '失业保险.8');
      expect(own?.max).toBe(4);
      expect(toNumber(ruleBounds(literal).max)).toBe(5);
      expect(toNumber(ruleBounds(own?.rule ?? literal).max)).toBe(4);

      // Scored, the engine clips the literal rule to 4 — and then one shortfall costs nothing.
      const transcribed = definePack({
        ...province,
        items: province.items.map((i) => (i.id === '失业保险.8' ? { ...i, rule: literal } : i)),
      });
      const scoreWith = (unmet: number) =>
        score(
          transcribed,
          {},
          { ...perfect, statisticsRequirementsUnmet: unmet },
          {
            unitKind: 'city',
            assessments: judgements('self'),
            references: REFERENCES,
          },
        ).items.find((i) => i.id === '失业保险.8');
      expect(scoreWith(0)?.points).toBe(4);
      expect(scoreWith(0)?.explanation.zh).toContain('按本项分值范围计4分');
      expect(scoreWith(1)?.points).toBe(4);
      expect(points('失业保险.8', { statisticsRequirementsUnmet: 1 })).toBe(3);
    });
  });

  it('.9 "及时合理编报…得1分；…季度报表的得1分；…基金的得1.5分；…核算清晰的得1.5分。有违纪违规事件举报、投诉并查实的，此项不得分"', () => {
    expect(points('失业保险.9')).toBe(5);
    expect(points('失业保险.9', { fundBudgetReportsTimely: false })).toBe(4);
    expect(points('失业保险.9', { pilotQuarterlyReportsTimely: false })).toBe(4);
    expect(points('失业保险.9', { insuranceFundUsedAsRequired: false })).toBe(3.5);
    expect(points('失业保险.9', { pilotFundsUsedAsRequired: false })).toBe(3.5);
    expect(points('失业保险.9', { insuranceFundViolationVerified: true })).toBe(0);
  });
});

describe('农民就业创业', () => {
  describe('.1 政策落实 (10)', () => {
    it('"市和所辖县（市）按规定时间全部出台文件得5分，市级未出台文件扣2分，县级未出台文件每个扣0.5分，扣完为止"', () => {
      const at = (cityIssued: boolean, counties: number) =>
        points('农民就业创业.1', {
          cityRuralPolicyIssued: cityIssued,
          countiesWithoutRuralPolicy: counties,
        });
      expect(at(true, 0)).toBe(10);
      expect(at(false, 0)).toBe(8);
      expect(at(true, 1)).toBe(9.5);
      expect(at(true, 3)).toBe(8.5);
      expect(at(false, 6)).toBe(5); // 5 − 2 − 3 = 0 for the documents
      expect(at(false, 12)).toBe(5); // 扣完为止
      expect(at(true, 10)).toBe(5);
    });

    it('"市、县两级财政安排…资金并不低于上年度得5分，未安排不得分，低于上年度扣2分"', () => {
      const at = (thisYear: number, lastYear: number) =>
        points('农民就业创业.1', { ruralFundsThisYear: thisYear, ruralFundsLastYear: lastYear });
      expect(at(3200, 3000)).toBe(10);
      expect(at(3000, 3000)).toBe(10); // 不低于上年度
      expect(at(2999.99, 3000)).toBe(8); // 低于上年度扣2分
      expect(at(0, 3000)).toBe(5); // 未安排不得分
      expect(at(0, 0)).toBe(5);
    });
  });

  it('.2 "四级服务窗口得2分…每有一个县（市、区）未全面执行四项制度扣1分，扣完为止…每有一项未达省厅要求扣1分"', () => {
    expect(points('农民就业创业.2')).toBe(10);
    expect(points('农民就业创业.2', { fourLevelWindows: false })).toBe(8); // 未设立不得分
    expect(points('农民就业创业.2', { countiesWithoutFourSystems: 1 })).toBe(9);
    expect(points('农民就业创业.2', { countiesWithoutFourSystems: 4 })).toBe(6);
    expect(points('农民就业创业.2', { countiesWithoutFourSystems: 9 })).toBe(6);
    expect(points('农民就业创业.2', { ruralServiceIndicatorsUnmet: 1 })).toBe(9);
    expect(points('农民就业创业.2', { ruralServiceIndicatorsUnmet: 4 })).toBe(6);
    expect(item('农民就业创业.2', { ruralServiceIndicatorsUnmet: 5 }).status).toBe(
      'missing-inputs', // only four indicators exist: 5 is refused and set aside
    );
  });

  describe('.3 技能培训 (10)', () => {
    it('"设立受理窗口并向社会公布得2分，未设立窗口不得分，未向社会公布扣1分"', () => {
      expect(points('农民就业创业.3', { subsidyWindowsPublished: false })).toBe(9);
      expect(points('农民就业创业.3', { subsidyWindowsSet: false })).toBe(8);
      expect(
        points('农民就业创业.3', { subsidyWindowsSet: false, subsidyWindowsPublished: false }),
      ).toBe(8);
    });

    it('"实行实名制管理并按时上报省厅的得4分，未实行实名制管理不得分，未按时上报省厅每次扣1分，扣完为止"', () => {
      expect(points('农民就业创业.3', { certifiedLateReports: 1 })).toBe(9);
      expect(points('农民就业创业.3', { certifiedLateReports: 4 })).toBe(6);
      expect(points('农民就业创业.3', { certifiedLateReports: 7 })).toBe(6);
      expect(points('农民就业创业.3', { certifiedRealNameManaged: false })).toBe(6);
    });

    it('"及时兑付奖补资金，未发生有效投诉举报得4分，发生投诉举报，每查实一起扣2分"', () => {
      expect(points('农民就业创业.3')).toBe(10);
      expect(points('农民就业创业.3', { subsidyComplaintsVerified: 1 })).toBe(8);
      expect(points('农民就业创业.3', { subsidyComplaintsVerified: 2 })).toBe(6);
      expect(points('农民就业创业.3', { subsidyComplaintsVerified: 3 })).toBe(6); // never below 0
      expect(points('农民就业创业.3', { subsidiesPaidInTime: false })).toBe(6);
    });
  });

  it('.4 "按时完成省厅下达的任务得5分，未完成任务不得分"', () => {
    expect(points('农民就业创业.4')).toBe(5);
    expect(points('农民就业创业.4', { labourCooperationDone: false })).toBe(0);
  });

  describe('.5 基础工作 (15)', () => {
    it('"调查数量达到国家和省厅要求得10分，未达到要求，每低1%扣1分，扣完为止" (every started 1 %)', () => {
      const at = (completed: number) =>
        points('农民就业创业.5', { surveysCompleted: completed, surveysValid: completed });
      expect(at(1200)).toBe(15);
      expect(at(1000)).toBe(15);
      expect(at(999)).toBe(14); // 0.1 % short: one started step
      expect(at(990)).toBe(14); // exactly 1 % short
      expect(at(989)).toBe(13);
      expect(at(901)).toBe(5);
      expect(at(900)).toBe(5); // 10 % short: 0 for the count
      expect(at(500)).toBe(5);
    });

    it('"调查数据有效率达95%以上得5分，有效率每低1个百分点扣0.5分，扣完为止"', () => {
      const at = (valid: number) => points('农民就业创业.5', { surveysValid: valid });
      expect(at(950)).toBe(15); // exactly 95 %
      expect(at(949)).toBe(14.5); // 94.9 %: one started point
      expect(at(940)).toBe(14.5); // exactly 1 point below
      expect(at(939)).toBe(14);
      expect(at(860)).toBe(10.5); // 9 points below
      expect(at(859)).toBe(10); // 9.1 below: ten started points
      expect(at(850)).toBe(10); // 10 points below: 0 for the share
      expect(at(0)).toBe(10);
    });

    it('no quota set: the count part earns 10; nothing completed: the share is 0', () => {
      expect(points('农民就业创业.5', { surveysRequired: 0 })).toBe(15);
      expect(points('农民就业创业.5', { surveysCompleted: 0, surveysValid: 0 })).toBe(0);
    });
  });
});

describe('公共人力资源市场建设', () => {
  it('.1 "当年被省厅评估认定在三星级以上的，得15分；未达星级标准每一个市场扣5分，扣完为止"', () => {
    const at = (applied: number, rated: number) =>
      points('公共人力资源市场建设.1', { marketsApplied: applied, marketsRatedThreeStars: rated });
    expect(at(3, 3)).toBe(15);
    expect(at(3, 2)).toBe(10);
    expect(at(3, 0)).toBe(0);
    expect(at(5, 0)).toBe(0); // 扣完为止
    expect(at(0, 0)).toBe(0); // no market applied: no rating took place
  });

  it('.2 "按时上报活动计划和总结的得9分，否则不得分，少开展一项专项活动扣3分，扣完为止"', () => {
    const at = (reported: boolean, notHeld: number) =>
      points('公共人力资源市场建设.2', {
        campaignPlansReported: reported,
        campaignsNotHeld: notHeld,
      });
    expect(at(true, 0)).toBe(9);
    expect(at(true, 1)).toBe(6);
    expect(at(true, 3)).toBe(0);
    expect(at(true, 4)).toBe(0);
    expect(at(false, 0)).toBe(0);
  });

  it('.3 "上报…分析报告的得2分…通报肯定的得2分…被上级采用的得2分…保持稳定的得3分", each "否则不得分"', () => {
    expect(points('公共人力资源市场建设.3')).toBe(9);
    expect(points('公共人力资源市场建设.3', { supplyDemandReportsFiled: false })).toBe(7);
    expect(points('公共人力资源市场建设.3', { supplyDemandDataCommended: false })).toBe(7);
    expect(points('公共人力资源市场建设.3', { supplyDemandReportAdopted: false })).toBe(7);
    expect(points('公共人力资源市场建设.3', { supplyDemandAnalystStable: false })).toBe(6);
  });

  it('.4 "开展此项工作的得6分，未开展的不得分；通过“12580”求职通移动平台发布招聘信息的得2分"', () => {
    expect(points('公共人力资源市场建设.4')).toBe(8);
    expect(points('公共人力资源市场建设.4', { jobInformationPublished: false })).toBe(2);
    expect(points('公共人力资源市场建设.4', { jobs12580Published: false })).toBe(6);
  });

  it('.5 "有稳定专职人员的得6分，未达要求不得分；…上传招聘信息的得3分，每有一次未达要求扣1分，扣完为止"', () => {
    expect(points('公共人力资源市场建设.5')).toBe(9);
    expect(points('公共人力资源市场建设.5', { jobPlatformMechanism: false })).toBe(3);
    expect(points('公共人力资源市场建设.5', { jobUploadLapses: 1 })).toBe(8);
    expect(points('公共人力资源市场建设.5', { jobUploadLapses: 3 })).toBe(6);
    expect(points('公共人力资源市场建设.5', { jobUploadLapses: 8 })).toBe(6);
  });
});

describe('就业创业培训', () => {
  it('.1 "有计划并分解任务的(以文件为准)得1分…考核记录的得2分…有相关文件的得2分"', () => {
    expect(points('就业创业培训.1')).toBe(5);
    expect(points('就业创业培训.1', { trainingPlanDistributed: false })).toBe(4);
    expect(points('就业创业培训.1', { trainingAssessmentRecords: false })).toBe(3);
    expect(points('就业创业培训.1', { trainingGuidanceDocumented: false })).toBe(3);
  });

  it('.2 "示范基地的得3分…在省内外有知名培训品牌的得2分" — the brand is a judgement of 0 or 2', () => {
    expect(points('就业创业培训.2')).toBe(5);
    expect(points('就业创业培训.2', { provincialDemoBase: false })).toBe(2);
    expect(points('就业创业培训.2', {}, judgements('self', { trainingBrand: 0 }))).toBe(3);
    const { trainingBrand: _, ...withoutBrand } = judgements('self');
    expect(item('就业创业培训.2', {}, withoutBrand)).toMatchObject({
      status: 'awaiting-assessment',
      awaiting: ['trainingBrand'],
    });
    // A half-mark is not allowed: "得2分，否则不得分".
    const half = card({}, judgements('self', { trainingBrand: 1 }));
    expect(half.items.find((i) => i.id === '就业创业培训.2')?.status).toBe('awaiting-assessment');
    expect(half.issues.map((i) => i.message.zh)).toEqual([
      '评估 trainingBrand：评估分值须以2分为单位',
    ]);
  });

  it('.3 "达到要求得5分，否则不得分" — the target\'s plan and regular trainer training', () => {
    expect(points('就业创业培训.3')).toBe(5);
    expect(points('就业创业培训.3', { trainerPlan: false })).toBe(0);
    expect(points('就业创业培训.3', { trainerTrainingRegular: false })).toBe(0);
  });

  it('.4 "…项目库建设工作的得2分…咨询服务工作的得2分…扶持工作的得2分…功能建设的得4分"', () => {
    expect(points('就业创业培训.4')).toBe(10);
    expect(points('就业创业培训.4', { startupProjectLibrary: false })).toBe(8);
    expect(points('就业创业培训.4', { startupConsulting: false })).toBe(8);
    expect(points('就业创业培训.4', { guaranteedLoanSupport: false })).toBe(8);
    expect(points('就业创业培训.4', { startupServiceAgencyBuilt: false })).toBe(6);
  });

  it('.5 "…有台帐的得2分…定期向社会发布的得2分…信息管理平台的得4分…动态管理的得3分…实名制管理的得4分"', () => {
    expect(points('就业创业培训.5')).toBe(15);
    expect(points('就业创业培训.5', { trainingNeedsSurveyed: false })).toBe(13);
    expect(points('就业创业培训.5', { trainingNeedsPublished: false })).toBe(13);
    expect(points('就业创业培训.5', { trainingInfoPlatform: false })).toBe(11);
    expect(points('就业创业培训.5', { trainingProvidersManaged: false })).toBe(12);
    expect(points('就业创业培训.5', { traineesRealName: false })).toBe(11);
  });

  describe('.6 培训补贴政策 (10, down to −5)', () => {
    it('"经费安排使用达到省定要求的得2分…建立使用管理制度的得3分…向社会公布的得5分"', () => {
      expect(points('就业创业培训.6')).toBe(10);
      expect(points('就业创业培训.6', { trainingFundsAsRequired: false })).toBe(8);
      expect(points('就业创业培训.6', { trainingFundRules: false })).toBe(7);
      expect(points('就业创业培训.6', { trainingSubsidyCatalogue: false })).toBe(5);
    });

    it('"培训资金违规使用或省厅接到有效投诉举报的，不得分并倒扣5分": −5, once, counted in the project', () => {
      expect(points('就业创业培训.6', { trainingFundsMisused: true })).toBe(-5);
      expect(points('就业创业培训.6', { trainingFundComplaint: true })).toBe(-5);
      expect(
        points('就业创业培训.6', { trainingFundsMisused: true, trainingFundComplaint: true }),
      ).toBe(-5);
      const scored = card({ trainingFundComplaint: true });
      expect(scored.items.find((i) => i.id === '就业创业培训.6')?.explanation.zh).toContain(
        '不得分并倒扣5分，倒扣5分',
      );
      expect(scored.categories.find((c) => c.id === '就业创业培训')?.points).toBe(35);
      expect(scored.total).toBe(385);
    });
  });
});

describe('城乡基层平台建设', () => {
  it('.1 "制定…工作规划和年度工作方案的得5分…定期指导督查平台建设工作的得5分"', () => {
    expect(points('城乡基层平台建设.1')).toBe(10);
    expect(points('城乡基层平台建设.1', { platformPlan: false })).toBe(5);
    expect(points('城乡基层平台建设.1', { platformSupervision: false })).toBe(5);
  });

  it('.2 "…定期组织督查的得5分…认真组织实施得5分"', () => {
    expect(points('城乡基层平台建设.2')).toBe(10);
    expect(points('城乡基层平台建设.2', { platformPerformanceAssessment: false })).toBe(5);
    expect(points('城乡基层平台建设.2', { platformServiceNorms: false })).toBe(5);
  });

  it('.3 "完成省充分转移就业乡镇年度目标任务得5分…充分就业社区创建成果保持良好的得5分" (judged)', () => {
    expect(points('城乡基层平台建设.3')).toBe(10);
    expect(points('城乡基层平台建设.3', { transferTownsTargetMet: false })).toBe(5);
    expect(
      points(
        '城乡基层平台建设.3',
        {},
        judgements('self', { fullEmploymentCommunitiesSustained: 0 }),
      ),
    ).toBe(5);
  });

  describe('.4 协理员业务培训 (10)', () => {
    const at = (examined: number, passed: number, trainings = 2) =>
      points('城乡基层平台建设.4', {
        assistantsExamined: examined,
        assistantsPassed: passed,
        assistantCentralTrainings: trainings,
      });

    it('"鉴定通过率达到省当年平均通过率得5分，通过率每低一个百分点扣0.5分，扣完为止" (province 80 %)', () => {
      expect(at(100, 90)).toBe(10);
      expect(at(100, 80)).toBe(10); // exactly the average
      expect(at(200, 159)).toBe(9.5); // 79.5 %: one started point
      expect(at(100, 79)).toBe(9.5);
      expect(at(100, 78)).toBe(9);
      expect(at(100, 71)).toBe(5.5);
      expect(at(100, 70)).toBe(5); // 10 points below: 0
      expect(at(100, 40)).toBe(5);
      expect(at(0, 0)).toBe(5); // nobody examined: rate 0
    });

    it('"每年协理员集中培训达到两次的得5分，否则不得分"', () => {
      expect(at(100, 80, 1)).toBe(5);
      expect(at(100, 80, 2)).toBe(10);
      expect(at(100, 80, 5)).toBe(10);
    });

    it('waits for the province to supply its average pass rate', () => {
      const waiting = card({}, judgements('self'), {}).items.find(
        (i) => i.id === '城乡基层平台建设.4',
      );
      expect(waiting).toMatchObject({
        status: 'missing-inputs',
        missing: ['reference:provinceAveragePassRate'],
      });
    });
  });

  it('.5 "认真准备积极参与活动的得5分，主题活动中成绩突出或取得名次的得5分"', () => {
    expect(points('城乡基层平台建设.5')).toBe(10);
    expect(points('城乡基层平台建设.5', { themeActivityDistinction: false })).toBe(5);
    expect(
      points('城乡基层平台建设.5', {}, judgements('self', { themeActivityParticipation: 0 })),
    ).toBe(5);
  });
});

describe('就业管理信息化建设', () => {
  it('.1 "…专门的技术管理人员得5分…运维管理制度得5分"', () => {
    expect(points('就业管理信息化建设.1')).toBe(10);
    expect(points('就业管理信息化建设.1', { itLeadershipAssigned: false })).toBe(5);
    expect(points('就业管理信息化建设.1', { itOperationsRules: false })).toBe(5);
  });

  it('.2 "…保持网络联通得10分，有一个（次）未联网或未联通扣5分，扣完为止；已建村级平台全部…联网的得5分"', () => {
    expect(points('就业管理信息化建设.2')).toBe(15);
    expect(points('就业管理信息化建设.2', { networkLapses: 1 })).toBe(10);
    expect(points('就业管理信息化建设.2', { networkLapses: 2 })).toBe(5);
    expect(points('就业管理信息化建设.2', { networkLapses: 3 })).toBe(5);
    expect(points('就业管理信息化建设.2', { villagePlatformsConnected: false })).toBe(10);
  });

  it('.3 "达到要求的得5分，市、县（市、区）有不符合要求的不得分"', () => {
    expect(points('就业管理信息化建设.3')).toBe(5);
    expect(points('就业管理信息化建设.3', { nonconformingSoftwareUnits: 1 })).toBe(0);
  });

  it('.4 "…实行动态同步的得15分，缺少一个县（市、区）扣5分，扣完为止；…主要指标项的得5分"', () => {
    expect(points('就业管理信息化建设.4')).toBe(20);
    expect(points('就业管理信息化建设.4', { countiesOutsideDatabase: 1 })).toBe(15);
    expect(points('就业管理信息化建设.4', { countiesOutsideDatabase: 3 })).toBe(5);
    expect(points('就业管理信息化建设.4', { countiesOutsideDatabase: 4 })).toBe(5);
    expect(points('就业管理信息化建设.4', { databaseCoversBusiness: false })).toBe(15);
  });

  it('.5 "…全部使用信息系统并实行实名制管理的得25分，每一项业务未达要求的扣5分，扣完为止"', () => {
    const at = (off: number) => points('就业管理信息化建设.5', { businessesOffSystem: off });
    expect(at(0)).toBe(25);
    expect(at(1)).toBe(20);
    expect(at(5)).toBe(0);
    expect(at(6)).toBe(0);
  });

  describe('.6 数据利用 (25)', () => {
    it('"偏离实际数量每10%扣5分，单个指标扣完10分为止" (per full 10 %)', () => {
      const at = (deviation: number) =>
        points('就业管理信息化建设.6', { deviationReemployed: deviation });
      expect(at(0)).toBe(25);
      expect(at(9.9)).toBe(25);
      expect(at(10)).toBe(20);
      expect(at(19.9)).toBe(20);
      expect(at(20)).toBe(15);
      expect(at(35)).toBe(15); // 单个指标扣完10分为止
      expect(at(100)).toBe(15);
    });

    it('"总计扣完20分为止"', () => {
      const all = (deviation: number) =>
        points('就业管理信息化建设.6', {
          deviationUrbanNewJobs: deviation,
          deviationReemployed: deviation,
          deviationDifficultEmployed: deviation,
          deviationRegisteredUnemployed: deviation,
        });
      expect(all(10)).toBe(5); // 4 × 5 = 20
      expect(all(20)).toBe(5); // 4 × 10 = 40, capped at 20
      expect(
        points('就业管理信息化建设.6', { deviationUrbanNewJobs: 10, deviationReemployed: 20 }),
      ).toBe(10);
      expect(
        item('就业管理信息化建设.6', {
          deviationUrbanNewJobs: 50,
          deviationReemployed: 50,
          deviationDifficultEmployed: 10,
        }).explanation.zh,
      ).toContain('总计扣完20分为止');
    });

    it('"按时向省中心上传就业监测数据的得20分，不能按时上传数据不得分…市级开展数据监测分析应用的得5分"', () => {
      expect(points('就业管理信息化建设.6', { monitoringUploadedOnTime: false })).toBe(5);
      expect(points('就业管理信息化建设.6', { monitoringAnalysisApplied: false })).toBe(20);
      expect(
        points('就业管理信息化建设.6', {
          monitoringUploadedOnTime: false,
          monitoringAnalysisApplied: false,
        }),
      ).toBe(0);
    });
  });
});

describe('就业专项资金管理', () => {
  it('.1 "比上年增长的得10分，持平的得5分，降低的不得分"', () => {
    const at = (thisYear: number, lastYear: number) =>
      points('就业专项资金管理.1', {
        employmentFundThisYear: thisYear,
        employmentFundLastYear: lastYear,
      });
    expect(at(52000, 50000)).toBe(10);
    expect(at(50000.01, 50000)).toBe(10);
    expect(at(50000, 50000)).toBe(5);
    expect(at(49999.99, 50000)).toBe(0);
  });

  it('.2 "…得3分；…得3分；…联网到位的得2分；未有…举报、上访等事件的得2分。…投诉、举报并查实的，此项不得分"', () => {
    expect(points('就业专项资金管理.2')).toBe(10);
    expect(points('就业专项资金管理.2', { fundPoliciesFunded: false })).toBe(7);
    expect(points('就业专项资金管理.2', { realNameFundSystem: false })).toBe(7);
    expect(points('就业专项资金管理.2', { realNameFundSystemNetworked: false })).toBe(8);
    expect(points('就业专项资金管理.2', { fundMisuseIncidents: 1 })).toBe(8);
    expect(points('就业专项资金管理.2', { fundComplaintVerified: true })).toBe(0);
  });

  it('.3 "…较为合理的得3分…占全省比重较小的得4分…均较为适中的得3分" — three judgements', () => {
    expect(points('就业专项资金管理.3')).toBe(10);
    expect(points('就业专项资金管理.3', {}, judgements('self', { fundBalanceShare: 0 }))).toBe(6);
    expect(
      points(
        '就业专项资金管理.3',
        {},
        judgements('initial', { fundBalanceYear: 0, fundBalanceShare: 0, fundBalanceSpread: 0 }),
      ),
    ).toBe(0);
    const wrongStage = card(
      {},
      {
        ...judgements('self'),
        fundBalanceYear: { points: 3, reason: '区里评的', stage: 'district' },
      },
    );
    expect(wrongStage.items.find((i) => i.id === '就业专项资金管理.3')?.status).toBe(
      'awaiting-assessment',
    );
    expect(wrongStage.issues.map((i) => i.message.zh)).toEqual([
      '评估 fundBalanceYear：评估阶段须为self、initial、final之一',
    ]);
  });

  it('.4 "…按规定核算的得4分…决算报表的得4分…管理工作到位的得2分"', () => {
    expect(points('就业专项资金管理.4')).toBe(10);
    expect(points('就业专项资金管理.4', { fundAccountedAsRequired: false })).toBe(6);
    expect(points('就业专项资金管理.4', { fundStatementsFiled: false })).toBe(6);
    expect(points('就业专项资金管理.4', { fundAccountedByProject: false })).toBe(8);
  });

  it('.5 "建立绩效管理制度的得3分…按年度进行绩效评价的得2分…效果显著的得4分…及时上报备案的得1分"', () => {
    expect(points('就业专项资金管理.5')).toBe(10);
    expect(points('就业专项资金管理.5', { performanceRules: false })).toBe(7);
    expect(points('就业专项资金管理.5', { performanceEvaluatedYearly: false })).toBe(8);
    expect(points('就业专项资金管理.5', { performanceReportFiled: false })).toBe(9);
    expect(points('就业专项资金管理.5', {}, judgements('self', { performanceQuality: 0 }))).toBe(6);
  });
});

describe('a whole table: 广州市 at each stage of the review chain', () => {
  /** What 广州市 reports at self-assessment: a realistic mix of strengths and lapses. */
  const guangzhouSelf: Record<string, unknown> = {
    ...perfect,
    contributorsLastYearEnd: 3200000,
    contributorsThisYearEnd: 3260000, // +1.875 %: 3
    migrantInsuredLastYearEnd: 800000,
    migrantInsuredThisYearEnd: 824000, // +3 %: 4
    independentDistrictOutsidePooling: true,
    monitoringLateReports: 1,
    poolingAreasArchivesUnmet: 1,
    windowsPublicityUnmet: 1,
    statisticsRequirementsUnmet: 1,
    pilotQuarterlyReportsTimely: false,
    countiesWithoutRuralPolicy: 1,
    ruralFundsThisYear: 5200,
    ruralFundsLastYear: 5000,
    countiesWithoutFourSystems: 1,
    ruralServiceIndicatorsUnmet: 1,
    certifiedLateReports: 1,
    surveysRequired: 12000,
    surveysCompleted: 11940, // 99.5 %: one started point short
    surveysValid: 11300, // 94.6 %: one started point short
    marketsApplied: 4,
    marketsRatedThreeStars: 3,
    supplyDemandDataCommended: false,
    jobUploadLapses: 2,
    startupServiceAgencyBuilt: false,
    platformServiceNorms: false,
    assistantsExamined: 320,
    assistantsPassed: 248, // 77.5 % against 80 %: three started points
    themeActivityDistinction: false,
    networkLapses: 1,
    businessesOffSystem: 1,
    deviationUrbanNewJobs: 4,
    deviationReemployed: 12,
    deviationDifficultEmployed: 25,
    employmentFundThisYear: 86000,
    employmentFundLastYear: 82000,
    fundMisuseIncidents: 1,
    performanceReportFiled: false,
  };

  const selfJudgements = judgements('self', { fundBalanceShare: 0 });

  it('self-assessment: 330 of 400, every item explained', () => {
    const self = score(province, {}, guangzhouSelf, {
      unitId: 'guangzhou',
      unitKind: 'city',
      assessments: selfJudgements,
      references: REFERENCES,
    });
    expect(self.issues).toEqual([]);
    expect(self.complete).toBe(true);
    expect(Object.fromEntries(self.items.map((i) => [i.id, i.points]))).toEqual({
      '失业保险.1': 7,
      '失业保险.2': 5,
      '失业保险.3': 8,
      '失业保险.4': 1,
      '失业保险.5': 4,
      '失业保险.6': 2.5,
      '失业保险.7': 7,
      '失业保险.8': 3,
      '失业保险.9': 4,
      '农民就业创业.1': 9.5,
      '农民就业创业.2': 8,
      '农民就业创业.3': 9,
      '农民就业创业.4': 5,
      '农民就业创业.5': 13.5,
      '公共人力资源市场建设.1': 10,
      '公共人力资源市场建设.2': 9,
      '公共人力资源市场建设.3': 7,
      '公共人力资源市场建设.4': 8,
      '公共人力资源市场建设.5': 7,
      '就业创业培训.1': 5,
      '就业创业培训.2': 5,
      '就业创业培训.3': 5,
      '就业创业培训.4': 6,
      '就业创业培训.5': 15,
      '就业创业培训.6': 10,
      '城乡基层平台建设.1': 10,
      '城乡基层平台建设.2': 5,
      '城乡基层平台建设.3': 10,
      '城乡基层平台建设.4': 8.5,
      '城乡基层平台建设.5': 5,
      '就业管理信息化建设.1': 10,
      '就业管理信息化建设.2': 10,
      '就业管理信息化建设.3': 5,
      '就业管理信息化建设.4': 20,
      '就业管理信息化建设.5': 20,
      '就业管理信息化建设.6': 10,
      '就业专项资金管理.1': 10,
      '就业专项资金管理.2': 8,
      '就业专项资金管理.3': 6,
      '就业专项资金管理.4': 10,
      '就业专项资金管理.5': 9,
    });
    expect(self.categories.map((c) => c.points)).toEqual([41.5, 45, 41, 46, 38.5, 75, 43]);
    expect(self.total).toBe(330);
    expect(self.total).toBeLessThanOrEqual(400);
    expect(self.items.find((i) => i.id === '失业保险.1')?.explanation.zh).toBe(
      '实际缴费人数比上年末增加：是（本年末实际缴费人数 = 3260000，上年末实际缴费人数 = 3200000）；实际缴费人数比上年末增长 = (3260000 − 3200000) ÷ 3200000 = 1.88%，达1%档，得3分；农民工参保人数比上年增加：是（本年末农民工参保人数 = 824000，上年末农民工参保人数 = 800000）；农民工参保人数比上年增长 = (824000 − 800000) ÷ 800000 = 3%，达2%档，得4分；合计7分',
    );
    expect(self.items.find((i) => i.id === '城乡基层平台建设.4')?.explanation.zh).toContain(
      '扣1.5分',
    );
  });

  it('the province corrects figures and judgements at 初评 and 审定: the same city scores 330 → 305 → 307', () => {
    // 初评: the province verifies a valid complaint about training funds and a second
    // statistics shortfall, and does not accept three of the city's judgements.
    const initialInputs = {
      ...guangzhouSelf,
      trainingFundComplaint: true,
      statisticsRequirementsUnmet: 2,
    };
    const initialJudgements = judgements('initial', {
      trainingBrand: 0,
      performanceQuality: 0,
      fundBalanceShare: 0,
      fundBalanceSpread: 0,
    });
    // 审定: on the city's appeal the brand is accepted; the rest stands.
    const finalJudgements = judgements('final', {
      performanceQuality: 0,
      fundBalanceShare: 0,
      fundBalanceSpread: 0,
    });
    const at = (inputs: Record<string, unknown>, assessments: Record<string, Assessment>) =>
      score(province, {}, inputs, {
        unitId: 'guangzhou',
        unitKind: 'city',
        assessments,
        references: REFERENCES,
      });
    const self = at(guangzhouSelf, selfJudgements);
    const initial = at(initialInputs, initialJudgements);
    const final = at(initialInputs, finalJudgements);
    expect([self.total, initial.total, final.total]).toEqual([330, 305, 307]);
    const changed = (a: typeof self, b: typeof self) =>
      a.items.flatMap((i, index) => {
        const other = b.items[index];
        return other && other.points !== i.points ? [[i.id, i.points, other.points]] : [];
      });
    expect(changed(self, initial)).toEqual([
      ['失业保险.8', 3, 2],
      ['就业创业培训.2', 5, 3],
      ['就业创业培训.6', 10, -5],
      ['就业专项资金管理.3', 6, 3],
      ['就业专项资金管理.5', 9, 5],
    ]);
    expect(changed(initial, final)).toEqual([['就业创业培训.2', 3, 5]]);
    expect(initial.categories.find((c) => c.id === '就业创业培训')?.points).toBe(29);
    // Each stage's judgements are entered under that stage and explained with its reason.
    expect(final.items.find((i) => i.id === '就业创业培训.2')?.explanation.zh).toContain(
      '理由：final: 见佐证材料',
    );
  });
});
