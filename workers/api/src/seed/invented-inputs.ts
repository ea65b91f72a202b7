/**
 * INVENTED figures for the demo campaigns and the campaign tests. The seeds name the units,
 * the targets and the procedure, never a unit's figures: every number here is made up, but
 * plausible for a village or community of a few thousand people (or a prefecture-level city),
 * and consistent with the packs' constraints. They are deterministic — the same unit name
 * always gets the same figures — so the seed stays idempotent and tests can assert totals.
 */

/** A deterministic generator seeded by a name (FNV-1a, then xorshift). */
export function generatorFor(name: string) {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let state = h || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  return {
    /** A float in [0, 1). */
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** True with probability p. */
    chance: (p: number) => next() < p,
  };
}

/**
 * gz.full-employment@2024.1 (附件4) inputs for one of Liangkou's 23 units. `quality` (0..1)
 * moves the rates and the number of shortcomings, so the demo has strong and weak units.
 * Spot checks (抽查) are left at 0: the town and the district enter their findings at their
 * own stages.
 */
export function gzFullEmploymentInputs(
  name: string,
  kind: 'community' | 'village',
  quality: number,
): Record<string, number | boolean> {
  const g = generatorFor(`gz-fe:${name}`);
  const share = (base: number, q: number) => Math.round(base * Math.min(1, 0.66 + 0.3 * q));
  const registered = g.int(18, 70);
  const deregistered = g.int(0, 3);
  const difficult = g.int(8, 30);
  const difficultCancelled = g.int(0, 2);
  const graduates = g.int(1, 9);
  const willing = g.int(0, 2);
  const families = g.int(0, 2);
  const needingTraining = g.int(20, 70);
  const weak = (p: number) => g.chance(p * (1 - quality));
  const inputs: Record<string, number | boolean> = {
    registeredUnemployed: registered,
    unemployedDeregisteredNonEmployment: deregistered,
    unemployedReemployed: share(registered - deregistered, quality),
    unemployedBaseUnclear: false,
    unemployedSampled: 0,
    unemployedSampleMismatched: 0,
    graduatesTotal: graduates,
    graduatesNotPlaced: quality > 0.45 ? 0 : Math.min(graduates, 1),
    poorGraduatesWilling: willing,
    poorGraduatesEmployed: willing,
    difficultTotal: difficult,
    difficultCancelledNonEmployment: difficultCancelled,
    difficultEmployed: share(difficult - difficultCancelled, quality),
    zeroEmploymentFamilies: families,
    zeroEmploymentFamiliesCleared: families,
    longTermUnemployed: weak(0.4) ? 1 : 0,
    hasFixedDesk: true,
    windowHasSign: !weak(0.5),
    officeEquipped: !weak(0.5),
    staffCount: g.int(1, 3),
    staffTrained: !weak(0.4),
    staffProficient: !weak(0.6),
    fundsPaidInFull: true,
    subsidiesUsedAsRequired: true,
    rulesEstablished: true,
    rulesPublic: !weak(0.5),
    unifiedSoftwareNetworked: true,
    databaseEstablished: true,
    databaseUpdatedTimely: !weak(0.6),
    ledgerSampled: 0,
    ledgerSampleMismatched: 0,
    publicityMaterials: true,
    publicityInCampaigns: !weak(0.5),
    surveyRecords: true,
    baseClearOrUpdated: !weak(0.5),
    unemployedIntentionsUpdated: !weak(0.6),
    surveyMismatchedPersons: weak(0.6) ? 1 : 0,
    jobsCollectedRecords: true,
    jobsPublishedRecords: true,
    jobElementsComplete: !weak(0.5),
    matchingRecords: !weak(0.6),
    jobSeekerAndReferralRecords: true,
    jobSeekerInfoPublished: !weak(0.5),
    systemDataTypesMissing: weak(0.6) ? 1 : 0,
    tieredServiceLapsedPersons: weak(0.7) ? g.int(1, 2) : 0,
    followUpLapsedPersons: weak(0.7) ? g.int(1, 2) : 0,
    trainingAssistedAsRequired: true,
    trainingReferrals: g.int(1, 3),
    traineesAllEmployed: false,
    graduateServiceItemsMissing: weak(0.6) ? 1 : 0,
    graduateServiceMismatchedPersons: 0,
    flexibleRecordsAbsent: false,
    flexibleFalseEntries: weak(0.5) ? 1 : 0,
    validComplaints: 0,
    complaintChannelPublished: true,
    majorEmploymentRiskEvents: 0,
    peopleNeedingTraining: needingTraining,
    employedAfterTraining: Math.round(needingTraining * (0.02 + 0.16 * quality)),
    selfServiceKiosk: g.chance(0.3 + 0.5 * quality),
    serviceInfoDisplay: g.chance(0.3 + 0.5 * quality),
    gridVisits: g.chance(0.6),
    flexibleJobBoard: g.chance(0.5),
    employmentStation: g.chance(0.4 * quality),
    staffTenureFiveYears: g.chance(0.5),
  };
  // 工作经费、人员经费纳入财政预算: asked of communities only ("行政村不要求纳入财政预算").
  if (kind === 'community') inputs.fundsInBudget = true;
  return inputs;
}

/** gz.hqe-village@2024.1 (附件3) inputs for one of the four 百千万工程 typical villages. */
export function gzHqeVillageInputs(
  name: string,
  quality: number,
): Record<string, number | boolean> {
  const g = generatorFor(`gz-hqe:${name}`);
  const difficult = g.int(8, 24);
  const cancelled = g.int(0, 2);
  const needing = g.int(20, 50);
  const yes = (p = 0.85) => g.chance(p * (0.6 + 0.4 * quality) + 0.1);
  return {
    difficultTotal: difficult,
    difficultCancelledNonEmployment: cancelled,
    difficultEmployed: Math.round((difficult - cancelled) * Math.min(1, 0.72 + 0.25 * quality)),
    zeroEmploymentFamilies: 0,
    zeroEmploymentFamiliesCleared: 0,
    longTermUnemployed: 0,
    industryDrivenEmployment: g.int(15, 60),
    grassrootsServicePosts: g.int(2, 6),
    startupTrainingReferrals: g.int(1, 3),
    startupTraineesAllEmployed: g.chance(0.5),
    startupTrainingViaPlatforms: yes(),
    skillsTrainingReferrals: g.int(1, 3),
    skillsTraineesAllEmployed: g.chance(0.5),
    brandTrainingOrganised: yes(),
    otherAgriTrainingOrganised: yes(),
    peopleNeedingTraining: needing,
    employedAfterTraining: Math.round(needing * (0.04 + 0.14 * quality)),
    hasFixedDesk: true,
    officeEquipped: true,
    windowSigned: yes(),
    informatisedServices: yes(),
    stableFunding: true,
    staffCount: g.int(1, 3),
    staffTrained: yes(),
    rulesEstablished: true,
    rulesPublic: yes(),
    publicityMaterials: true,
    publicityInCampaigns: yes(),
    serviceZone: yes(0.7),
    supportingPlatformBuilt: yes(0.7),
    coordinatedWithVillageProjects: true,
    staffTenureFiveYears: g.chance(0.5),
    serviceTeamsCoordinated: yes(),
    publicityCorner: yes(),
    serviceInfoDisplay: yes(),
    selfServiceKiosk: yes(0.5),
    onlinePlatformOrAI: yes(0.4),
    laborSurvey: true,
    surveyDataComplete: yes(),
    surveyUpdatedRegularly: yes(),
    graduateSurvey: true,
    gridVisits: yes(),
    partyBuildingLed: yes(),
    caseDataOrLedgers: true,
    jobSeekerRecords: true,
    referralRecords: true,
    jobSeekerInfoPublished: yes(),
    jobsCollectedRecords: true,
    jobsPublishedRecords: true,
    jobElementsComplete: yes(),
    matchingRecords: yes(),
    monthlyFollowUpSurvey: yes(),
    tieredServiceInPlace: yes(),
    regularContactInPlace: yes(),
    flexibleWorkerSupport: yes(),
    linkedWithPlatforms: yes(),
    flexibleJobBoard: yes(),
    flexibleStalls: yes(0.5),
    townVillageOutlet: yes(0.6),
    gridFollowUpVisits: yes(),
    validComplaintsThreeYears: 0,
    complaintChannelPublished: true,
    wageArrearsIncidents: 0,
    cityHonours: g.chance(0.3) ? 1 : 0,
    mediaReported: g.chance(0.4),
  };
}

/** yc.hqe@2023.1 inputs for 洪江村 / 梅州村 (village, 户籍总人口). */
export function ycVillageInputs(
  name: string,
  quality: number,
): Record<string, number | boolean | string> {
  const g = generatorFor(`yc:${name}`);
  const checked = g.int(120, 200);
  const force = g.int(900, 1400);
  const poverty = g.int(40, 90);
  const eligible = g.int(1800, 2600);
  const population = g.int(2400, 3300);
  const disputes = g.int(0, 5);
  return {
    infoTerminal: true,
    dedicatedPost: true,
    mainDutyStaff: g.int(1, 2),
    managerDesignated: true,
    dataRecordsChecked: checked,
    dataRecordsAccurate: Math.round(checked * (0.86 + 0.12 * quality)),
    laborForce: force,
    laborForceEmployed: Math.round(force * (0.92 + 0.05 * quality)),
    povertyLabourForce: poverty,
    povertyLabourEmployed: Math.round(poverty * (0.88 + 0.08 * quality)),
    hrAgencyPartners: g.int(1, 3),
    employmentEventsThisYear: g.int(2, 4),
    industrialParkHelped: true,
    largestLaborBrandWorkers: g.int(30, 90),
    laborDisputes: disputes,
    laborDisputesMediated: Math.max(0, disputes - g.int(0, 1)),
    insuranceEligible: eligible,
    insuranceInsured: Math.round(eligible * (0.96 + 0.03 * quality)),
    registeredPopulation: population,
    certifiedWorkers: Math.round(population * (0.03 + 0.03 * quality)),
    entrepreneurs: Math.round(population * (0.05 + 0.04 * quality)),
    workPlanAdopted: true,
    leadingGroupFormed: true,
    homeVisitMechanism: true,
    categorisedSupportMechanism: true,
    followUpMechanism: quality > 0.5,
    practicePromoted: quality > 0.5 ? 'city' : 'none',
  };
}

/** Judgements (酌情评分) for yc.hqe's assessed items at one stage: 0..max in half points. */
export function ycJudgements(name: string, stage: 'county' | 'city', quality: number) {
  const g = generatorFor(`yc-judge:${stage}:${name}`);
  const maxima: Record<string, number> = {
    '1.1': 3,
    '1.2': 3,
    '1.3': 3,
    '1.4': 3,
    '2.2': 2,
    '3.3': 10,
    '3.5': 5,
    '3.6': 10,
    '3.11': 5,
  };
  const out: Record<string, { points: number; reason: string }> = {};
  for (const [item, max] of Object.entries(maxima)) {
    const ratio = Math.min(1, 0.65 + 0.3 * quality + (g.next() - 0.5) * 0.1);
    out[item] = {
      points: Math.round(max * ratio * 2) / 2,
      reason: stage === 'county' ? '区级实地评估（演示数据）' : '市级复核（演示数据）',
    };
  }
  return out;
}

/** province.employment-work@1.0 inputs for one city, as the city reports them (自评). */
export function provinceCityInputs(
  name: string,
  quality: number,
): Record<string, number | boolean> {
  const g = generatorFor(`province:${name}`);
  const contributors = g.int(200_000, 3_000_000);
  const migrants = Math.round(contributors * 0.3);
  const growth = 1 + (0.005 + 0.025 * quality);
  const surveys = g.int(800, 3000);
  const examined = g.int(60, 200);
  const markets = g.int(1, 5);
  const lapse = (p: number) => (g.chance(p * (1 - quality)) ? 1 : 0);
  const ok = (p = 0.9) => g.chance(p * (0.7 + 0.3 * quality) + 0.08);
  const fund = g.int(20_000, 90_000);
  const rural = g.int(1_000, 8_000);
  return {
    contributorsLastYearEnd: contributors,
    contributorsThisYearEnd: Math.round(contributors * growth),
    migrantInsuredLastYearEnd: migrants,
    migrantInsuredThisYearEnd: Math.round(migrants * growth),
    insuranceLawLapses: lapse(0.4),
    insuranceLawViolations: 0,
    benefitLapses: lapse(0.3),
    benefitAdjustmentInPlace: ok(),
    cityPoolingAchieved: true,
    independentDistrictOutsidePooling: false,
    monitoringLateReports: lapse(0.6),
    monitoringMissedMonthlyAnalyses: lapse(0.5),
    monitoringMissedMajorChangeReports: 0,
    cityArchivesMeetRequirements: true,
    poolingAreasArchivesUnmet: lapse(0.4),
    poolingAreasProceduresNotPosted: lapse(0.4),
    windowsPublicityUnmet: lapse(0.4),
    handlingViolations: 0,
    informatisationUnmet: lapse(0.3),
    statisticsRequirementsUnmet: lapse(0.5),
    fundBudgetReportsTimely: true,
    pilotQuarterlyReportsTimely: ok(),
    insuranceFundUsedAsRequired: true,
    pilotFundsUsedAsRequired: true,
    insuranceFundViolationVerified: false,
    cityRuralPolicyIssued: true,
    countiesWithoutRuralPolicy: lapse(0.5),
    ruralFundsThisYear: Math.round(rural * (1 + 0.05 * quality)),
    ruralFundsLastYear: rural,
    fourLevelWindows: true,
    countiesWithoutFourSystems: lapse(0.5),
    ruralServiceIndicatorsUnmet: lapse(0.6),
    subsidyWindowsSet: true,
    subsidyWindowsPublished: ok(),
    certifiedRealNameManaged: true,
    certifiedLateReports: lapse(0.5),
    subsidiesPaidInTime: ok(),
    subsidyComplaintsVerified: 0,
    labourCooperationDone: true,
    surveysRequired: surveys,
    surveysCompleted: Math.round(surveys * Math.min(1, 0.97 + 0.04 * quality)),
    surveysValid: Math.round(surveys * Math.min(1, 0.95 + 0.05 * quality) * 0.98),
    marketsApplied: markets,
    marketsRatedThreeStars: Math.max(0, markets - lapse(0.6)),
    campaignPlansReported: true,
    campaignsNotHeld: lapse(0.5),
    supplyDemandReportsFiled: true,
    supplyDemandDataCommended: ok(0.6),
    supplyDemandReportAdopted: ok(0.5),
    supplyDemandAnalystStable: ok(),
    jobInformationPublished: true,
    jobs12580Published: ok(),
    jobPlatformMechanism: true,
    jobUploadLapses: lapse(0.5),
    trainingPlanDistributed: true,
    trainingAssessmentRecords: ok(),
    trainingGuidanceDocumented: ok(),
    provincialDemoBase: ok(0.6),
    trainerPlan: ok(),
    trainerTrainingRegular: ok(),
    startupProjectLibrary: ok(),
    startupConsulting: true,
    guaranteedLoanSupport: true,
    startupServiceAgencyBuilt: ok(),
    trainingNeedsSurveyed: true,
    trainingNeedsPublished: ok(),
    trainingInfoPlatform: ok(),
    trainingProvidersManaged: true,
    traineesRealName: true,
    trainingFundsAsRequired: true,
    trainingFundRules: true,
    trainingSubsidyCatalogue: ok(),
    trainingFundsMisused: false,
    trainingFundComplaint: false,
    platformPlan: true,
    platformSupervision: ok(),
    platformPerformanceAssessment: ok(),
    platformServiceNorms: ok(),
    transferTownsTargetMet: ok(),
    assistantsExamined: examined,
    assistantsPassed: Math.round(examined * (0.7 + 0.2 * quality)),
    assistantCentralTrainings: g.int(1, 3),
    themeActivityDistinction: ok(0.5),
    itLeadershipAssigned: true,
    itOperationsRules: true,
    networkLapses: lapse(0.5),
    villagePlatformsConnected: ok(),
    nonconformingSoftwareUnits: lapse(0.4),
    countiesOutsideDatabase: lapse(0.4),
    databaseCoversBusiness: true,
    businessesOffSystem: lapse(0.4),
    monitoringUploadedOnTime: true,
    deviationUrbanNewJobs: g.int(0, 12),
    deviationReemployed: g.int(0, 8),
    deviationDifficultEmployed: g.int(0, 8),
    deviationRegisteredUnemployed: g.int(0, 6),
    monitoringAnalysisApplied: ok(),
    employmentFundThisYear: Math.round(fund * (1 + 0.04 * quality)),
    employmentFundLastYear: fund,
    fundPoliciesFunded: true,
    realNameFundSystem: true,
    realNameFundSystemNetworked: ok(),
    fundMisuseIncidents: 0,
    fundComplaintVerified: false,
    fundAccountedAsRequired: true,
    fundStatementsFiled: true,
    fundAccountedByProject: ok(),
    performanceRules: true,
    performanceEvaluatedYearly: true,
    performanceReportFiled: ok(),
  };
}

/** The province table's seven judgements, as a city scores itself or the province scores it. */
export function provinceJudgements(
  name: string,
  stage: 'self' | 'initial' | 'final',
  quality: number,
) {
  const g = generatorFor(`province-judge:${stage}:${name}`);
  // All-or-nothing judgements (step = points): the province is stricter than the city.
  const full: Record<string, number> = {
    trainingBrand: 2,
    fullEmploymentCommunitiesSustained: 5,
    themeActivityParticipation: 5,
    fundBalanceYear: 3,
    fundBalanceShare: 4,
    fundBalanceSpread: 3,
    performanceQuality: 4,
  };
  const strictness = { self: 0.05, initial: 0.3, final: 0.4 }[stage];
  const reason = {
    self: '自评：对照目标要求逐项自查（演示数据）',
    initial: '省厅初评：核查材料后评定（演示数据）',
    final: '省厅审定（演示数据）',
  }[stage];
  const out: Record<string, { points: number; reason: string }> = {};
  for (const [key, points] of Object.entries(full)) {
    const given = g.next() > strictness * (1.2 - quality);
    out[key] = { points: given ? points : 0, reason };
  }
  return out;
}
