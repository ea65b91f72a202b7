import { env } from 'cloudflare:workers';
import { dbFor } from '@kaoping/db/client';
import { newId } from '@kaoping/db/ids';
import {
  cycles,
  cycleTargets,
  cycleUnits,
  milestones,
  orgUnits,
  packVersions,
  submissionStages,
  submissions,
  tenants,
} from '@kaoping/db/schema';
import { stageDataHash } from '@kaoping/db/scoring-work';
import { TenantDb } from '@kaoping/db/tenant-db';
import { contentHash, findBuiltInPack, type Pack } from '@kaoping/standards';

// Test data by inserting rows: a tenant with an org tree, a cycle on the built-in
// gz.full-employment@2024.1 pack, and submissions with stage rows. Every id is fresh, so
// tests never collide; inputs vary deterministically with the unit's index.

export const GZ = findBuiltInPack('gz.full-employment@2024.1') as Pack;
export const GZ_HASH = contentHash(GZ);
export const AT = '2026-11-22T08:00:00.000Z';

/** The review chain of 000_…txt: 社区(村)自评 → 镇评估推荐 → 区核定. */
export const STAGES = [
  { key: 'self', title: { zh: '社区(村)自评', en: 'Self-assessment' }, role: 'reporter' },
  { key: 'town', title: { zh: '镇评估推荐', en: 'Town recommendation' }, role: 'reviewer' },
  { key: 'district', title: { zh: '区核定', en: 'District verification' }, role: 'reviewer' },
];

/** A small deterministic PRNG (mulberry32), so inputs are varied but repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Realistic gz inputs for a community or village, varied by `seed`. */
export function gzInputs(seed: number, kind: 'community' | 'village'): Record<string, unknown> {
  const r = random(seed + 1);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const yes = (p: number) => r() < p;
  const registered = int(5, 80);
  const sampled = int(0, 20);
  const difficult = int(0, 30);
  const families = int(0, 3);
  const needing = int(0, 40);
  const ledger = int(0, 12);
  const inputs: Record<string, unknown> = {
    registeredUnemployed: registered,
    unemployedDeregisteredNonEmployment: int(0, 2),
    unemployedReemployed: Math.min(registered, Math.round(registered * (0.6 + r() * 0.4))),
    unemployedBaseUnclear: yes(0.05),
    unemployedSampled: sampled,
    unemployedSampleMismatched: Math.min(sampled, int(0, 2)),
    graduatesTotal: int(0, 12),
    graduatesNotPlaced: 0,
    poorGraduatesWilling: 1,
    poorGraduatesEmployed: int(0, 1),
    difficultTotal: difficult,
    difficultCancelledNonEmployment: 0,
    difficultEmployed: Math.round(difficult * (0.7 + r() * 0.3)),
    zeroEmploymentFamilies: families,
    zeroEmploymentFamiliesCleared: families,
    longTermUnemployed: int(0, 2),
    hasFixedDesk: yes(0.95),
    windowHasSign: yes(0.8),
    officeEquipped: yes(0.8),
    staffCount: int(1, 3),
    staffTrained: yes(0.9),
    staffProficient: yes(0.8),
    fundsPaidInFull: yes(0.9),
    subsidiesUsedAsRequired: yes(0.95),
    rulesEstablished: yes(0.9),
    rulesPublic: yes(0.8),
    unifiedSoftwareNetworked: yes(0.9),
    databaseEstablished: yes(0.95),
    databaseUpdatedTimely: yes(0.8),
    ledgerSampled: ledger,
    ledgerSampleMismatched: Math.min(ledger, int(0, 1)),
    publicityMaterials: yes(0.9),
    publicityInCampaigns: yes(0.8),
    surveyRecords: yes(0.9),
    baseClearOrUpdated: yes(0.8),
    unemployedIntentionsUpdated: yes(0.8),
    surveyMismatchedPersons: int(0, 2),
    jobsCollectedRecords: yes(0.9),
    jobsPublishedRecords: yes(0.9),
    jobElementsComplete: yes(0.8),
    matchingRecords: yes(0.7),
    jobSeekerAndReferralRecords: yes(0.9),
    jobSeekerInfoPublished: yes(0.7),
    systemDataTypesMissing: int(0, 2),
    tieredServiceLapsedPersons: int(0, 2),
    followUpLapsedPersons: int(0, 1),
    trainingAssistedAsRequired: yes(0.9),
    trainingReferrals: int(0, 5),
    traineesAllEmployed: yes(0.3),
    graduateServiceItemsMissing: int(0, 2),
    graduateServiceMismatchedPersons: 0,
    flexibleRecordsAbsent: yes(0.1),
    flexibleFalseEntries: int(0, 1),
    validComplaints: int(0, 1),
    complaintChannelPublished: yes(0.9),
    majorEmploymentRiskEvents: 0,
    peopleNeedingTraining: needing,
    employedAfterTraining: Math.round(needing * r() * 0.5),
    selfServiceKiosk: yes(0.3),
    gridVisits: yes(0.5),
    consecutiveYearsDesignated: int(0, 6),
  };
  if (kind === 'community') inputs.fundsInBudget = yes(0.9);
  return inputs;
}

export interface MintedUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: 'community' | 'village';
  readonly path: string;
  readonly townId: string;
  readonly submissionId: string;
}

export interface Campaign {
  readonly tenantId: string;
  readonly tdb: TenantDb;
  readonly rootId: string;
  readonly towns: { id: string; path: string; name: string }[];
  readonly units: MintedUnit[];
  readonly cycleId: string;
  readonly parameters: Record<string, unknown>;
  /** The inputs each (submission, stage) row was given. */
  readonly inputs: Map<string, Record<string, unknown>>;
}

export interface CampaignOptions {
  /** Villages and communities; every fifth is a community unless `communities` says. */
  readonly units?: number;
  /** How many of the units are communities (the rest are villages). */
  readonly communities?: number;
  readonly towns?: number;
  /** Stages each submission has a row for (in chain order). */
  readonly stages?: readonly string[];
  readonly parameters?: Record<string, unknown>;
  /** Unit names, in order (e.g. the 23 Liangkou units). */
  readonly names?: readonly string[];
  readonly seed?: number;
  /** Another pack than gz (stored as the tenant's own published version). */
  readonly pack?: Pack;
  /** Inputs for unit i at a stage (default: realistic gz inputs). */
  readonly inputsFor?: (
    i: number,
    kind: 'community' | 'village',
    stage: string,
  ) => Record<string, unknown>;
}

export function rowKey(submissionId: string, stage: string): string {
  return `${submissionId}/${stage}`;
}

/** A tenant, its org tree, a gz cycle and submissions with stage rows to score. */
export async function mintCampaign(options: CampaignOptions = {}): Promise<Campaign> {
  const count = options.units ?? 6;
  const townCount = options.towns ?? 2;
  const stages = options.stages ?? ['self'];
  const parameters = options.parameters ?? { passMark: 80 };
  const seed = options.seed ?? 7;
  const tenantId = newId('tenant');
  const tdb = new TenantDb(dbFor(env.DB), tenantId);
  const marker = tenantId.slice(3, 11);
  const rootId = newId('orgUnit');
  const root = { id: rootId, path: `/${rootId}/` };
  const towns = Array.from({ length: townCount }, (_, i) => {
    const id = newId('orgUnit');
    return { id, path: `${root.path}${id}/`, name: `镇${i + 1}-${marker}` };
  });
  const communities = options.communities ?? Math.ceil(count / 5);
  const units: MintedUnit[] = Array.from({ length: count }, (_, i) => {
    const id = newId('orgUnit');
    const town = towns[i % townCount] as { id: string; path: string };
    const kind = i < communities ? 'community' : 'village';
    return {
      id,
      name: options.names?.[i] ?? `${kind === 'community' ? '社区' : '村'}${i + 1}-${marker}`,
      kind,
      path: `${town.path}${id}/`,
      townId: town.id,
      submissionId: newId('submission'),
    };
  });
  const cycleId = newId('cycle');
  const inputs = new Map<string, Record<string, unknown>>();
  const stageRows = units.flatMap((unit, i) =>
    stages.map((stage, s) => {
      const data =
        options.inputsFor?.(i, unit.kind, stage) ??
        gzInputs(seed * 100_000 + i * 10 + s, unit.kind);
      inputs.set(rowKey(unit.submissionId, stage), data);
      return {
        submissionId: unit.submissionId,
        cycleId,
        stage,
        inputs: data,
        assessments: {},
        dataHash: stageDataHash(data, {}),
        dirty: 1,
        updatedBy: 'usr_test',
        updatedAt: AT,
        rowVersion: 1,
      };
    }),
  );
  const pack = options.pack ?? GZ;
  const ownPack = options.pack
    ? [
        tdb.insert(packVersions, {
          id: newId('packVersion'),
          key: pack.key,
          version: pack.version,
          status: 'published' as const,
          body: pack,
          contentHash: contentHash(pack),
          createdBy: 'usr_test',
          createdAt: AT,
          updatedAt: AT,
          publishedAt: AT,
        }),
      ]
    : [];
  const db = dbFor(env.DB);
  await db.batch([
    db.insert(tenants).values({
      id: tenantId,
      slug: `t-${marker}`,
      name: `测试区${marker}`,
      level: 'district',
      createdAt: AT,
      updatedAt: AT,
    }),
    ...ownPack,
    tdb.insert(orgUnits, {
      id: rootId,
      parentId: null,
      kind: 'district',
      name: `从化区${marker}`,
      path: root.path,
      depth: 0,
      createdAt: AT,
      updatedAt: AT,
    }),
    ...tdb.insertBulk(
      orgUnits,
      towns.map((t) => ({
        id: t.id,
        parentId: rootId,
        kind: 'town' as const,
        name: t.name,
        path: t.path,
        depth: 1,
        createdAt: AT,
        updatedAt: AT,
      })),
    ),
    ...tdb.insertBulk(
      orgUnits,
      units.map((u) => ({
        id: u.id,
        parentId: u.townId,
        kind: u.kind,
        name: u.name,
        path: u.path,
        depth: 2,
        createdAt: AT,
        updatedAt: AT,
      })),
    ),
    tdb.insert(cycles, {
      id: cycleId,
      name: `2024年充分就业社区(村)创建-${marker}`,
      packKey: pack.key,
      packVersion: pack.version,
      packHash: pack === GZ ? GZ_HASH : contentHash(pack),
      parameters,
      references: {},
      stages: STAGES,
      periodStart: '2023-10-01',
      periodEnd: '2024-09-30',
      status: 'open',
      createdBy: 'usr_test',
      createdAt: AT,
      updatedAt: AT,
    }),
    ...tdb.insertBulk(
      cycleUnits,
      units.map((u) => ({ cycleId, orgUnitId: u.id, unitKind: u.kind, createdAt: AT })),
    ),
    ...tdb.insertBulk(
      submissions,
      units.map((u) => ({
        id: u.submissionId,
        cycleId,
        orgUnitId: u.id,
        status: 'submitted' as const,
        stage: stages[stages.length - 1] as string,
        createdAt: AT,
        updatedAt: AT,
      })),
    ),
    ...tdb.insertBulk(submissionStages, stageRows),
  ]);
  return { tenantId, tdb, rootId, towns, units, cycleId, parameters, inputs };
}

/** Designation-rate targets on an org unit, per unit kind. */
export async function addTargets(
  campaign: Campaign,
  orgUnitId: string,
  targets: { unitKind: string; ratePercent: string; count?: number }[],
): Promise<void> {
  await campaign.tdb.batch(
    targets.map((t) =>
      campaign.tdb.insert(cycleTargets, {
        id: newId('target'),
        cycleId: campaign.cycleId,
        orgUnitId,
        unitKind: t.unitKind,
        ratePercent: t.ratePercent,
        count: t.count ?? null,
        createdAt: AT,
      }),
    ),
  );
}

export async function addMilestone(
  campaign: Campaign,
  milestone: {
    kind: 'submission' | 'progress_report' | 'self_assessment' | 'publicity_end';
    dueAt: string;
    requiredStatus?: string;
    recurrence?: Record<string, unknown>;
  },
): Promise<string> {
  const id = newId('milestone');
  await campaign.tdb.insert(milestones, {
    id,
    cycleId: campaign.cycleId,
    kind: milestone.kind,
    title: { zh: '测试节点', en: 'Test milestone' },
    dueAt: milestone.dueAt,
    requiredStatus: milestone.requiredStatus ?? null,
    recurrence: milestone.recurrence ?? null,
    createdAt: AT,
  });
  return id;
}
