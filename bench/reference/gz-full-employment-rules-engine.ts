// 广州市充分就业社区(村)建设标准(2024年修订版) in json-rules-engine — what a team would reach
// for — for the engine benchmark (issue 9 §1): the same rubric and readings as
// packs/gz-full-employment-2024.ts, as rules whose events award or deduct points, and the
// arithmetic json-rules-engine does not do (per-part maxima, sums, caps, floors) afterwards.
// Rates are floats, as such a team would write them (exact enough for these counts: a/b equal
// to a threshold divides to the same double as the threshold's literal).
//
// json-rules-engine is a devDependency of packages/standards, so the Engine class is passed
// in: the test imports it there, the bench suite resolves it from there.

interface Condition {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
}
interface Conditions {
  readonly all?: readonly (Condition | Conditions)[];
  readonly any?: readonly (Condition | Conditions)[];
}
interface Almanac {
  factValue<T>(id: string): Promise<T>;
}
interface RuleEvent {
  readonly type: string;
  readonly params?: Record<string, unknown>;
}
/** The parts of json-rules-engine's Engine this uses. */
export interface RulesEngine {
  addRule(rule: { conditions: Conditions; event: RuleEvent }): unknown;
  addFact(id: string, fn: (params: unknown, almanac: Almanac) => unknown): unknown;
  run(facts: Record<string, unknown>): Promise<{ events: RuleEvent[]; almanac: Almanac }>;
}
export type RulesEngineClass = new (
  rules?: unknown[],
  options?: { allowUndefinedFacts?: boolean },
) => RulesEngine;

const c = (fact: string, operator: string, value: unknown): Condition => ({
  fact,
  operator,
  value,
});
const yes = (fact: string) => c(fact, 'equal', true);

/** An award: within one (item, part) the highest applies; parts add up. */
const award = (item: string, part: string, points: number, ...all: (Condition | Conditions)[]) => ({
  conditions: { all },
  event: { type: 'award', params: { item, part, points } },
});
/** A deduction of `per` × the value of `fact` (or once, without a fact). */
const deduct = (item: string, per: number, fact: string | null, ...all: Condition[]) => ({
  conditions: { all },
  event: { type: 'deduct', params: { item, per, fact } },
});
/** Points per occurrence, capped. */
const each = (item: string, per: number, fact: string, cap: number) => ({
  conditions: { all: [c(fact, 'greaterThan', 0)] },
  event: { type: 'each', params: { item, per, fact, cap } },
});
const bands = (
  item: string,
  fact: string,
  table: readonly [number, number][],
  ...gate: Condition[]
) =>
  table.map(([at, points]) =>
    award(item, 'band', points, ...gate, c(fact, 'greaterThanInclusive', at)),
  );

const ITEMS: readonly [string, number][] = [
  ['一.1', 8],
  ['一.2', 6],
  ['一.3', 6],
  ['一.4', 5],
  ['一.5', 5],
  ['二.1', 4],
  ['二.2', 6],
  ['二.3', 8],
  ['二.4', 4],
  ['二.5', 4],
  ['二.6', 4],
  ['三.1', 2],
  ['三.2', 5],
  ['三.3', 5],
  ['三.4', 5],
  ['三.5', 5],
  ['三.6', 5],
  ['三.7', 5],
  ['三.8', 4],
  ['三.9', 2],
  ['三.10', 2],
  ['四.1', 2],
  ['四.2', 2],
  ['四.3', 10],
  ['四.4', 1],
  ['四.5', 2],
  ['四.6', 10],
];
const CATEGORIES: readonly [string, number][] = [
  ['一', 30],
  ['二', 30],
  ['三', 40],
  ['四', 10],
];

function rules() {
  const staffed = c('staffCount', 'greaterThanInclusive', 1);
  const assisted = yes('trainingAssistedAsRequired');
  const graduates = c('graduatesTotal', 'greaterThan', 0);
  return [
    // 一.1
    award('一.1', 'band', 8, yes('reemploymentEmpty')),
    ...bands(
      '一.1',
      'reemploymentRate',
      [
        [0.9, 8],
        [0.85, 7],
        [0.8, 6],
        [0.75, 5],
        [0.7, 4],
        [0.65, 3],
      ],
      c('reemploymentEmpty', 'equal', false),
    ),
    deduct('一.1', 4, null, yes('unemployedBaseUnclear')),
    deduct('一.1', 4, 'unemployedMismatchSteps', c('unemployedMismatchSteps', 'greaterThan', 0)),
    // 一.2
    award('一.2', 'gate', 6, c('graduatesTotal', 'equal', 0)),
    award(
      '一.2',
      'placement',
      4,
      graduates,
      c('graduatePlacementRate', 'greaterThanInclusive', 0.9),
    ),
    award('一.2', 'poor', 2, graduates, yes('poorGraduatesAllEmployed')),
    // 一.3
    award('一.3', 'band', 6, yes('difficultEmpty')),
    ...bands(
      '一.3',
      'difficultEmploymentRate',
      [
        [0.9, 6],
        [0.85, 5],
        [0.8, 4],
        [0.75, 3],
        [0.7, 2],
      ],
      c('difficultEmpty', 'equal', false),
    ),
    // 一.4, 一.5
    award('一.4', 'cleared', 5, yes('zeroFamiliesCleared')),
    award('一.5', 'none', 5, c('longTermUnemployed', 'equal', 0)),
    // 二.1 – 二.6
    award('二.1', 'desk', 2, yes('hasFixedDesk')),
    award('二.1', 'sign', 1, yes('windowHasSign')),
    award('二.1', 'equipped', 1, yes('officeEquipped')),
    award('二.2', 'trained', 3, staffed, yes('staffTrained')),
    award('二.2', 'proficient', 3, staffed, yes('staffProficient')),
    award(
      '二.3',
      'funds',
      8,
      { any: [c('unitKind', 'equal', 'village'), yes('fundsInBudget')] },
      yes('fundsPaidInFull'),
      yes('subsidiesUsedAsRequired'),
    ),
    award('二.4', 'established', 2, yes('rulesEstablished')),
    award('二.4', 'public', 2, yes('rulesPublic')),
    award('二.5', 'software', 4, yes('unifiedSoftwareNetworked')),
    award('二.6', 'established', 2, yes('databaseEstablished')),
    award('二.6', 'updated', 2, yes('databaseUpdatedTimely')),
    deduct('二.6', 2, 'ledgerMismatchSteps', c('ledgerMismatchSteps', 'greaterThan', 0)),
    // 三.1 – 三.10
    award('三.1', 'materials', 1, yes('publicityMaterials')),
    award('三.1', 'campaigns', 1, yes('publicityInCampaigns')),
    award('三.2', 'survey', 2, yes('surveyRecords')),
    award('三.2', 'base', 2, yes('baseClearOrUpdated')),
    award('三.2', 'intentions', 1, yes('unemployedIntentionsUpdated')),
    deduct('三.2', 0.5, 'surveyMismatchedPersons', c('surveyMismatchedPersons', 'greaterThan', 0)),
    award('三.3', 'collected', 2, yes('jobsCollectedRecords')),
    award('三.3', 'published', 1, yes('jobsPublishedRecords')),
    award('三.3', 'elements', 1, yes('jobElementsComplete')),
    award('三.3', 'matching', 1, yes('matchingRecords')),
    award('三.4', 'records', 3, yes('jobSeekerAndReferralRecords')),
    award('三.4', 'published', 2, yes('jobSeekerInfoPublished')),
    deduct('三.4', 1, 'systemDataTypesMissing', c('systemDataTypesMissing', 'greaterThan', 0)),
    award('三.5', 'base', 5),
    deduct(
      '三.5',
      0.5,
      'tieredServiceLapsedPersons',
      c('tieredServiceLapsedPersons', 'greaterThan', 0),
    ),
    deduct('三.5', 0.5, 'followUpLapsedPersons', c('followUpLapsedPersons', 'greaterThan', 0)),
    award('三.6', 'best', 5, assisted, c('trainingReferrals', 'greaterThanInclusive', 3)),
    award('三.6', 'best', 3, assisted, c('trainingReferrals', 'greaterThanInclusive', 2)),
    award('三.6', 'best', 2, assisted, c('trainingReferrals', 'greaterThanInclusive', 1)),
    award('三.6', 'best', 5, assisted, yes('traineesAllEmployed')),
    award('三.7', 'base', 5),
    deduct(
      '三.7',
      1,
      'graduateServiceItemsMissing',
      c('graduateServiceItemsMissing', 'greaterThan', 0),
    ),
    deduct(
      '三.7',
      0.5,
      'graduateServiceMismatchedPersons',
      c('graduateServiceMismatchedPersons', 'greaterThan', 0),
    ),
    award('三.8', 'base', 4),
    deduct('三.8', 2, null, yes('flexibleRecordsAbsent')),
    deduct('三.8', 0.5, 'flexibleFalseEntries', c('flexibleFalseEntries', 'greaterThan', 0)),
    award('三.9', 'none', 2, c('validComplaints', 'equal', 0)),
    deduct('三.9', 1, null, c('complaintChannelPublished', 'equal', false)),
    award('三.10', 'none', 2, c('majorEmploymentRiskEvents', 'equal', 0)),
    // 四 加分项
    award('四.1', 'band', 2, c('exclusionShare', 'lessThanInclusive', 0)),
    award('四.1', 'band', 1.5, c('exclusionShare', 'lessThan', 0.03)),
    award('四.1', 'band', 1, c('exclusionShare', 'lessThan', 0.05)),
    ...bands('四.2', 'trainingEmploymentRate', [
      [0.15, 2],
      [0.1, 1.5],
      [0.05, 1],
    ]),
    award('四.3', 'kiosk', 1, yes('selfServiceKiosk')),
    award('四.3', 'display', 2, yes('serviceInfoDisplay')),
    award('四.3', 'visits', 1, yes('gridVisits')),
    award('四.3', 'board', 1, yes('flexibleJobBoard')),
    award('四.3', 'gig', 2, yes('gigStation')),
    award('四.3', 'station', 2, yes('employmentStation')),
    award('四.3', 'ecommerce', 2, yes('ecommerceStation')),
    award('四.3', 'outlet', 2, yes('townVillageOutlet')),
    award('四.3', 'stalls', 2, yes('flexibleStalls')),
    award('四.4', 'tenure', 1, yes('staffTenureFiveYears')),
    award('四.5', 'years', 2, c('consecutiveYearsDesignated', 'greaterThanInclusive', 15)),
    award('四.5', 'years', 1, c('consecutiveYearsDesignated', 'greaterThanInclusive', 10)),
    each('四.6', 3, 'cityHonours', 10),
    each('四.6', 2, 'leaderEndorsements', 10),
    each('四.6', 2, 'hostedEvents', 10),
    award('四.6', 'media', 1, yes('mediaReported')),
  ];
}

type Facts = Almanac;
const num = async (a: Facts, id: string) => (await a.factValue<number | undefined>(id)) ?? 0;

/** Facts computed from the unit's inputs: the rates and steps the rules compare. */
function derivedFacts(): [string, (a: Facts) => Promise<unknown>][] {
  const den = async (a: Facts, total: string, less: string) =>
    (await num(a, total)) - (await num(a, less));
  const steps = async (a: Facts, part: string, whole: string) => {
    const w = await num(a, whole);
    return w === 0 ? 0 : Math.floor((10 * (await num(a, part))) / w);
  };
  return [
    [
      'reemploymentEmpty',
      async (a) =>
        (await den(a, 'registeredUnemployed', 'unemployedDeregisteredNonEmployment')) === 0,
    ],
    [
      'reemploymentRate',
      async (a) =>
        (await num(a, 'unemployedReemployed')) /
        (await den(a, 'registeredUnemployed', 'unemployedDeregisteredNonEmployment')),
    ],
    ['unemployedMismatchSteps', (a) => steps(a, 'unemployedSampleMismatched', 'unemployedSampled')],
    [
      'graduatePlacementRate',
      async (a) =>
        ((await num(a, 'graduatesTotal')) - (await num(a, 'graduatesNotPlaced'))) /
        (await num(a, 'graduatesTotal')),
    ],
    [
      'poorGraduatesAllEmployed',
      async (a) => {
        const willing = await num(a, 'poorGraduatesWilling');
        return willing === 0 || (await num(a, 'poorGraduatesEmployed')) >= willing;
      },
    ],
    [
      'difficultEmpty',
      async (a) => (await den(a, 'difficultTotal', 'difficultCancelledNonEmployment')) === 0,
    ],
    [
      'difficultEmploymentRate',
      async (a) =>
        (await num(a, 'difficultEmployed')) /
        (await den(a, 'difficultTotal', 'difficultCancelledNonEmployment')),
    ],
    [
      'zeroFamiliesCleared',
      async (a) => {
        const families = await num(a, 'zeroEmploymentFamilies');
        return families === 0 || (await num(a, 'zeroEmploymentFamiliesCleared')) >= families;
      },
    ],
    ['ledgerMismatchSteps', (a) => steps(a, 'ledgerSampleMismatched', 'ledgerSampled')],
    [
      'exclusionShare',
      async (a) => {
        const registered = await num(a, 'registeredUnemployed');
        return registered === 0
          ? 0
          : (await num(a, 'unemployedDeregisteredNonEmployment')) / registered;
      },
    ],
    [
      'trainingEmploymentRate',
      async (a) => {
        const needing = await num(a, 'peopleNeedingTraining');
        return needing === 0 ? 0 : (await num(a, 'employedAfterTraining')) / needing;
      },
    ],
  ];
}

export interface RulesEngineScore {
  readonly total: number;
  readonly items: Record<string, number>;
}

/** Builds the rubric once; the returned function scores one unit. */
export function gzRulesEngine(Engine: RulesEngineClass) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of rules()) engine.addRule(rule);
  for (const [id, fn] of derivedFacts()) engine.addFact(id, (_params, almanac) => fn(almanac));
  const maxima = new Map(ITEMS);
  return async function score(
    inputs: Readonly<Record<string, unknown>>,
    unitKind: string,
  ): Promise<RulesEngineScore> {
    const { events, almanac } = await engine.run({ ...inputs, unitKind });
    const parts = new Map<string, Map<string, number>>();
    const extra = new Map<string, number>();
    const deducted = new Map<string, number>();
    for (const event of events) {
      const p = event.params as {
        item: string;
        part?: string;
        points?: number;
        per?: number;
        fact?: string | null;
        cap?: number;
      };
      if (event.type === 'award') {
        const own = parts.get(p.item) ?? new Map<string, number>();
        own.set(p.part as string, Math.max(own.get(p.part as string) ?? 0, p.points as number));
        parts.set(p.item, own);
      } else {
        const times = p.fact ? await num(almanac, p.fact) : 1;
        const amount = (p.per as number) * times;
        if (event.type === 'each')
          extra.set(p.item, (extra.get(p.item) ?? 0) + Math.min(p.cap as number, amount));
        else deducted.set(p.item, (deducted.get(p.item) ?? 0) + amount);
      }
    }
    const items: Record<string, number> = {};
    for (const [id, max] of ITEMS) {
      let sum = extra.get(id) ?? 0;
      for (const points of parts.get(id)?.values() ?? []) sum += points;
      const base = Math.min(max, sum);
      items[id] = Math.min(maxima.get(id) as number, Math.max(0, base - (deducted.get(id) ?? 0)));
    }
    let total = 0;
    for (const [category, max] of CATEGORIES) {
      let sum = 0;
      for (const [id] of ITEMS) if (id.startsWith(`${category}.`)) sum += items[id] as number;
      total += Math.min(max, sum);
    }
    return { total, items };
  };
}
