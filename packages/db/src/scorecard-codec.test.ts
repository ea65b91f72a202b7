import { findBuiltInPack, type Pack, score } from '@kaoping/standards';
import { describe, expect, it } from 'vitest';
import {
  buildScorecardDictionary,
  decodeScorecard,
  decodeScorecardJson,
  encodeScorecard,
  MissingDictionary,
  scorecardDictionaryId,
  storedScorecard,
} from './scorecard-codec.ts';

// Snapshots hold scorecards deflated against a per-pack dictionary. What comes back must be
// the engine's output byte for byte, and small enough for five years of a province in D1.

const gz = findBuiltInPack('gz.full-employment@2024.1') as Pack;

/** 黄竹塱社区 as in the pack's own realistic test, with a bonus claim or two. */
const community: Record<string, unknown> = {
  registeredUnemployed: 48,
  unemployedDeregisteredNonEmployment: 2,
  unemployedReemployed: 39,
  unemployedBaseUnclear: false,
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
  longTermUnemployed: 0,
  hasFixedDesk: true,
  windowHasSign: true,
  officeEquipped: false,
  staffCount: 2,
  staffTrained: true,
  staffProficient: false,
  fundsInBudget: true,
  fundsPaidInFull: true,
  subsidiesUsedAsRequired: true,
  rulesEstablished: true,
  rulesPublic: true,
  unifiedSoftwareNetworked: true,
  databaseEstablished: true,
  databaseUpdatedTimely: true,
  ledgerSampled: 10,
  ledgerSampleMismatched: 1,
  publicityMaterials: true,
  publicityInCampaigns: true,
  surveyRecords: true,
  baseClearOrUpdated: true,
  unemployedIntentionsUpdated: false,
  surveyMismatchedPersons: 1,
  jobsCollectedRecords: true,
  jobsPublishedRecords: true,
  jobElementsComplete: true,
  matchingRecords: false,
  jobSeekerAndReferralRecords: true,
  jobSeekerInfoPublished: true,
  systemDataTypesMissing: 1,
  tieredServiceLapsedPersons: 1,
  followUpLapsedPersons: 0,
  trainingAssistedAsRequired: true,
  trainingReferrals: 2,
  traineesAllEmployed: false,
  graduateServiceItemsMissing: 1,
  graduateServiceMismatchedPersons: 0,
  flexibleRecordsAbsent: false,
  flexibleFalseEntries: 1,
  validComplaints: 0,
  complaintChannelPublished: true,
  majorEmploymentRiskEvents: 0,
  peopleNeedingTraining: 30,
  employedAfterTraining: 4,
  selfServiceKiosk: true,
  serviceInfoDisplay: true,
  staffTenureFiveYears: true,
  consecutiveYearsDesignated: 6,
  mediaReported: true,
};

const UNIT = 'org_3f9a6c1d2e4b5a6978c0d1e2f3a4b5c6';

describe('scorecard codec', () => {
  const dictionary = buildScorecardDictionary(gz, { passMark: 80 });
  const lookup = (id: string) => (id === dictionary.id ? dictionary.bytes : undefined);

  it('decodes to the engine’s JSON byte for byte, for a community, a village and a blank', () => {
    const cards = [
      score(gz, { passMark: 80 }, community, { unitId: UNIT, unitKind: 'community' }),
      score(
        gz,
        { passMark: 80 },
        { ...community, fundsInBudget: undefined },
        {
          unitId: UNIT,
          unitKind: 'village',
        },
      ),
      score(gz, { passMark: 80 }, {}, { unitId: UNIT, unitKind: 'village' }),
    ];
    for (const card of cards) {
      const stored = storedScorecard(encodeScorecard(card, dictionary));
      expect(decodeScorecardJson(stored, lookup)).toBe(JSON.stringify(card));
      expect(decodeScorecard(JSON.parse(stored), lookup)).toEqual(card);
      expect(scorecardDictionaryId(stored)).toBe(dictionary.id);
    }
  });

  it('is small: a gz scorecard of ~22 KB of JSON is stored in under 2 KB', () => {
    const card = score(gz, { passMark: 80 }, community, { unitId: UNIT, unitKind: 'community' });
    const json = JSON.stringify(card);
    const stored = storedScorecard(encodeScorecard(card, dictionary));
    const bytes = new TextEncoder().encode(stored).length;
    console.info(
      `gz scorecard: ${new TextEncoder().encode(json).length} B JSON → ${bytes} B stored; dictionary ${dictionary.bytes.length} B`,
    );
    expect(new TextEncoder().encode(json).length).toBeGreaterThan(18_000);
    expect(bytes).toBeLessThan(2_000);
    // 26,842 units × 3 stages × 5 years, one snapshot each, fits in well under a tenth of D1.
    expect(26_842 * 3 * 5 * bytes).toBeLessThan(1_000_000_000);
  });

  it('the dictionary is the same wherever it is built (no unit data, no clock)', () => {
    expect(buildScorecardDictionary(gz, { passMark: 80 }).id).toBe(dictionary.id);
    expect(buildScorecardDictionary(gz, { passMark: 70 }).id).not.toBe(dictionary.id);
    expect(dictionary.body).not.toContain(UNIT);
  });

  it('reads plain JSON rows as they are, and says which dictionary is missing', () => {
    const card = score(gz, { passMark: 80 }, community, { unitId: UNIT, unitKind: 'community' });
    expect(decodeScorecardJson(JSON.stringify(card), lookup)).toBe(JSON.stringify(card));
    expect(decodeScorecardJson(card, lookup)).toBe(JSON.stringify(card));
    const stored = storedScorecard(encodeScorecard(card, dictionary));
    expect(() => decodeScorecardJson(stored, () => undefined)).toThrow(MissingDictionary);
    expect(() => decodeScorecardJson('garbage', lookup)).toThrow(TypeError);
  });
});
