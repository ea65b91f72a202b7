import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score } from '../src/engine.ts';
import { rollUp } from '../src/rollup.ts';
import { validateInputs } from '../src/validate-inputs.ts';
import { employmentStatisticsYearly as stats } from './employment-statistics-yearly.ts';

// Every input names the words of 002_b07f60abaad8dab2.txt (the county survey report) it
// stands for; the report's figures are X, so the values here are a plausible county's.

const SEED = new URL('../seeds/002_b07f60abaad8dab2.txt', import.meta.url);

/** A county's year, every figure the report names filled in. */
const county: Record<string, unknown> = {
  urbanNewJobs: 3200,
  unemployedReemployed: 1100,
  difficultEmployed: 420,
  registeredUnemploymentRate: 2.8,
  zeroEmploymentHouseholdsCleared: true,
  ruralLabourTransferred: 5000,
  poorLabourTransferred: 600,
  vocationalTrainees: 4000,
  entrepreneurshipTrainees: 800,
  poorLabourSkillsTrainees: 700,
  twoAfterTrainees: 150,
  twoAfterAtCountyVocationalSchool: 120,
  startupLoans: 240,
  startupLoanAmount: 3600,
  agriPovertyStartupLoans: 90,
  agriPovertyStartupLoanAmount: 1170,
  newBusinesses: 500,
  jobsFromNewBusinesses: 2100,
  urbanJobsFromNewBusinesses: 1300,
  policySpending: 1850,
  recruitmentEvents: 36,
  jobsOffered: 12000,
  jobSeekerRegistrations: 8000,
  careerGuidance: 5200,
  employmentIntentions: 3100,
  townsWithServiceAgencies: 14,
  communitiesWithServiceAgencies: 9,
  provincialFullEmploymentCommunities: 2,
  cityFullEmploymentCommunities: 3,
  internshipParticipants: 85,
  internshipBases: 12,
  internshipSubsidy: 510000,
  privateAgenciesManaged: 11,
  incubatorFirms: 96,
  incubatingFirms: 41,
  startupGuidanceStaff: 6,
  startupMentors: 25,
  startupsAfterTraining: 240,
  jobsFromTrainedStartups: 900,
  graduateIncubatorProspects: 18,
  jobsFromStartupLoans: 1000,
  loanRecoveryRate: 98,
  poorMigrantsTransportSubsidised: 1500,
  transportSubsidy: 30,
  poorLabourTransferredCumulative: 9800,
  povertyPublicWelfareJobs: 338,
  publicWelfareJobsPlaced: 330,
  publicWelfareJobSubsidy: 500,
  povertyWorkshops: 28,
  workshopPoorEmployed: 460,
  disabledEmploymentBases: 4,
  disabledEmployedAfterTraining: 60,
  disabledQuotaEmployed: 210,
};

const issuesOf = (inputs: Record<string, unknown>) => {
  const result = validateInputs(stats, 'county', inputs, { mode: 'submit' });
  return result.ok ? [] : result.issues.map((i) => [i.field, i.code]);
};

describe('stats.employment-yearly@2019.1: the pack itself', () => {
  it('is statistics only: no categories, no items, nothing that awards points', () => {
    expect(stats.key).toBe('stats.employment-yearly');
    expect(stats.version).toBe('2019.1');
    expect(stats.total).toBe(0);
    expect(stats.categories).toEqual([]);
    expect(stats.items).toEqual([]);
    expect(stats.designation).toBeUndefined();
    expect(stats.unitKinds).toEqual(['county', 'district']);
  });

  it('cites the words of the report for every input, verbatim', () => {
    const seed = readFileSync(SEED, 'utf8');
    for (const input of stats.inputs) {
      expect(input.source?.file, input.id).toBe('002_b07f60abaad8dab2.txt');
      for (const line of input.source?.quote.split('\n') ?? []) {
        expect(seed, `${input.id}: ${line}`).toContain(line);
      }
    }
    for (const note of stats.notes) {
      for (const quoted of note.zh.match(/“[^”]*X[^”]*”/g) ?? []) {
        expect(seed, quoted).toContain(quoted.slice(1, -1));
      }
    }
  });

  it('takes every headline figure of "一、基本情况" as a required input', () => {
    const required = stats.inputs.filter((i) => i.required).map((i) => i.id);
    expect(required).toEqual([
      'urbanNewJobs',
      'unemployedReemployed',
      'difficultEmployed',
      'registeredUnemploymentRate',
      'zeroEmploymentHouseholdsCleared',
      'ruralLabourTransferred',
      'poorLabourTransferred',
      'vocationalTrainees',
      'entrepreneurshipTrainees',
      'poorLabourSkillsTrainees',
      'twoAfterTrainees',
      'twoAfterAtCountyVocationalSchool',
      'startupLoans',
      'startupLoanAmount',
      'agriPovertyStartupLoans',
      'agriPovertyStartupLoanAmount',
      'newBusinesses',
      'jobsFromNewBusinesses',
      'urbanJobsFromNewBusinesses',
    ]);
    for (const id of required) {
      expect(stats.inputs.find((i) => i.id === id)?.source?.section, id).toBe('一、基本情况');
    }
    expect(stats.inputs).toHaveLength(53);
  });

  it('declares how every input and metric rolls up: counts and amounts add, shares recompute, rates do not', () => {
    for (const input of stats.inputs) expect(input.aggregate, input.id).toBeDefined();
    for (const metric of stats.metrics) expect(metric.aggregate, metric.id).toBe('recompute');
    const by = (id: string) => stats.inputs.find((i) => i.id === id)?.aggregate;
    expect(by('urbanNewJobs')).toBe('sum');
    expect(by('startupLoanAmount')).toBe('sum');
    expect(by('registeredUnemploymentRate')).toBe('none');
    expect(by('loanRecoveryRate')).toBe('none');
    expect(by('zeroEmploymentHouseholdsCleared')).toBe('all');
    expect(by('publicWelfareJobSubsidy')).toEqual({ weightedMeanBy: 'publicWelfareJobsPlaced' });
  });
});

describe('reporting a year', () => {
  it('accepts a complete county report and produces no points', () => {
    expect(validateInputs(stats, 'county', county, { mode: 'submit' }).ok).toBe(true);
    const card = score(stats, {}, county, { unitId: 'xian', unitKind: 'county' });
    expect(card.items).toEqual([]);
    expect(card.categories).toEqual([]);
    expect(card.total).toBe(0);
    expect(card.max).toBe(0);
    expect(card.bonusMax).toBe(0);
    expect(card.range).toEqual({ min: 0, max: 0 });
    expect(card.designation).toBeNull();
    expect(card.issues).toEqual([]);
  });

  it('derives the shares and averages ("其中新增贫困劳动力转移就业X人" of "新增农村劳动力转移就业X人", …)', () => {
    const { metrics } = score(stats, {}, county, { unitKind: 'county' });
    expect(metrics).toEqual({
      agriPovertyLoanShare: { value: 32.5, display: { zh: '32.5%', en: '32.5%' } },
      averageStartupLoan: { value: 15, display: { zh: '15', en: '15' } },
      entrepreneurshipShareOfTraining: { value: 20, display: { zh: '20%', en: '20%' } },
      jobsPerNewBusiness: { value: 4.2, display: { zh: '4.2', en: '4.2' } },
      poorShareOfTransfers: { value: 12, display: { zh: '12%', en: '12%' } },
      publicWelfareJobsFilled: {
        value: (330 / 338) * 100,
        display: { zh: '97.6%', en: '97.6%' },
      },
      reemploymentShareOfNewJobs: { value: 34.375, display: { zh: '34.4%', en: '34.4%' } },
      startupSuccessRate: { value: 30, display: { zh: '30%', en: '30%' } },
      urbanShareOfBusinessJobs: {
        value: (1300 / 2100) * 100,
        display: { zh: '61.9%', en: '61.9%' },
      },
      vacanciesPerJobSeeker: { value: 1.5, display: { zh: '1.5', en: '1.5' } },
    });
  });

  it('leaves a share unknown when its denominator is 0 (no loans, no average)', () => {
    const { metrics } = score(
      stats,
      {},
      {
        ...county,
        startupLoans: 0,
        startupLoanAmount: 0,
        agriPovertyStartupLoans: 0,
        agriPovertyStartupLoanAmount: 0,
      },
      { unitKind: 'county' },
    );
    expect(metrics.averageStartupLoan).toEqual({ value: null, display: null });
    expect(metrics.agriPovertyLoanShare).toEqual({ value: null, display: null });
  });

  it('requires the headline figures on submission; the rest may be left out (missing, not 0)', () => {
    const { urbanNewJobs: _, policySpending: __, ...partial } = county;
    expect(issuesOf(partial)).toEqual([['urbanNewJobs', 'invalid_type']]);
    const card = score(stats, {}, partial, { unitKind: 'county' });
    expect(card.metrics.reemploymentShareOfNewJobs).toEqual({ value: null, display: null });
  });

  it('refuses negative counts and amounts, fractional people, and a rate above 100 %', () => {
    expect(issuesOf({ ...county, urbanNewJobs: -1 })).toEqual([['urbanNewJobs', 'too_small']]);
    expect(issuesOf({ ...county, startupLoanAmount: -0.5 })).toEqual([
      ['startupLoanAmount', 'too_small'],
    ]);
    expect(issuesOf({ ...county, careerGuidance: 12.5 })).toEqual([
      ['careerGuidance', 'invalid_type'],
    ]);
    expect(issuesOf({ ...county, registeredUnemploymentRate: 100.1 })).toEqual([
      ['registeredUnemploymentRate', 'too_big'],
    ]);
    // Scoring sets the bad value aside and says why; what reads it is then unknown.
    const card = score(stats, {}, { ...county, urbanNewJobs: -1 }, { unitKind: 'county' });
    expect(card.issues.map((i) => i.message.zh)).toEqual(['城镇新增就业：不能小于0']);
    expect(card.metrics.reemploymentShareOfNewJobs?.value).toBeNull();
  });

  it('refuses a "其中" above its total, naming the part, and flags it when scoring', () => {
    expect(issuesOf({ ...county, unemployedReemployed: 3201 })).toEqual([
      ['unemployedReemployed', 'constraint'],
    ]);
    expect(issuesOf({ ...county, twoAfterAtCountyVocationalSchool: 151 })).toEqual([
      ['twoAfterAtCountyVocationalSchool', 'constraint'],
    ]);
    expect(issuesOf({ ...county, agriPovertyStartupLoanAmount: 3600.01 })).toEqual([
      ['agriPovertyStartupLoanAmount', 'constraint'],
    ]);
    expect(issuesOf({ ...county, incubatingFirms: 97, publicWelfareJobsPlaced: 339 })).toEqual([
      ['incubatingFirms', 'constraint'],
      ['publicWelfareJobsPlaced', 'constraint'],
    ]);
    expect(issuesOf({ ...county, startupLoans: 0 })).toEqual([
      ['agriPovertyStartupLoans', 'constraint'],
      ['startupLoans', 'constraint'],
    ]);
    const card = score(
      stats,
      {},
      { ...county, poorLabourTransferred: 5001 },
      { unitKind: 'county' },
    );
    expect(card.issues.map((i) => [i.field, i.message.zh])).toEqual([
      ['poorLabourTransferred', '其中新增贫困劳动力转移就业不能超过新增农村劳动力转移就业'],
    ]);
    expect(card.total).toBe(0);
  });
});

describe('rolling three districts up to their city', () => {
  const districts = [
    { id: 'd3', unitKind: 'district' as const, inputs: county },
    {
      id: 'd1',
      unitKind: 'district' as const,
      inputs: {
        ...county,
        urbanNewJobs: 1800,
        unemployedReemployed: 700,
        registeredUnemploymentRate: 3.1,
        startupLoans: 60,
        startupLoanAmount: 600,
        publicWelfareJobsPlaced: 100,
        povertyPublicWelfareJobs: 120,
        publicWelfareJobSubsidy: 800,
      },
    },
    {
      id: 'd2',
      unitKind: 'district' as const,
      inputs: { ...county, zeroEmploymentHouseholdsCleared: false, policySpending: undefined },
    },
  ];

  it('adds counts and amounts, recomputes shares from the sums, and leaves the rate alone', () => {
    const city = rollUp(stats, districts);
    expect(city.units).toEqual(['d1', 'd2', 'd3']);
    expect(city.inputs.urbanNewJobs).toMatchObject({ value: 8200, missingFrom: [] });
    expect(city.inputs.startupLoanAmount?.value).toBe(7800);
    // 1100 + 700 + 1100 of 3200 + 1800 + 3200: a ratio of sums, not a mean of ratios.
    expect(city.metrics.reemploymentShareOfNewJobs?.display?.zh).toBe('35.4%');
    expect(city.metrics.averageStartupLoan?.value).toBe(7800 / 540);
    expect(city.inputs.registeredUnemploymentRate).toBeUndefined();
    expect(city.notRolledUp).toEqual(['registeredUnemploymentRate', 'loanRecoveryRate']);
  });

  it('averages the public-welfare job subsidy weighted by the people placed, and clears households only if all did', () => {
    const city = rollUp(stats, districts);
    // (800 × 100 + 500 × 330 + 500 × 330) ÷ 760
    expect(city.inputs.publicWelfareJobSubsidy?.value).toBeCloseTo(410000 / 760, 10);
    expect(city.inputs.zeroEmploymentHouseholdsCleared).toMatchObject({
      value: false,
      display: { zh: '否', en: 'no' },
    });
  });

  it('leaves a figure unknown when a district did not report it, naming the district', () => {
    const city = rollUp(stats, districts);
    expect(city.inputs.policySpending).toMatchObject({ value: null, missingFrom: ['d2'] });
  });
});
