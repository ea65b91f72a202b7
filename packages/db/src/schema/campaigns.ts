import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, rowVersion, tenantId, updatedAt } from './columns.ts';

/**
 * A 考核/创建周期: a pack version with parameter values, a reporting period,
 * the units in scope, targets and milestones, and the review chain's stages.
 * `scoring_epoch` increases whenever something that changes every score of the
 * cycle changes (pack version, parameters, references), so the scheduler
 * re-scores the whole cycle.
 */
export const cycles = sqliteTable(
  'cycles',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    packKey: text('pack_key').notNull(),
    packVersion: text('pack_version').notNull(),
    packHash: text('pack_hash').notNull(),
    parameters: text('parameters', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Reference values the cycle supplies (e.g. 所在县平均就业率). */
    references: text('references', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The review chain, in order: [{key, title:{zh,en}, role}] — from the pack and the cycle. */
    stages: text('stages', { mode: 'json' }).$type<unknown[]>().notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    /** Token of the public objection link during publicity (公示). */
    publicToken: text('public_token'),
    scoringEpoch: integer('scoring_epoch').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    rowVersion: rowVersion(),
  },
  (t) => [
    index('cycles_tenant_idx').on(t.tenantId, t.createdAt),
    uniqueIndex('cycles_public_token_uq').on(t.publicToken),
  ],
);

/** The units a cycle assesses (and the unit kind they are assessed as). */
export const cycleUnits = sqliteTable(
  'cycle_units',
  {
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    unitKind: text('unit_kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cycle_units_uq').on(t.tenantId, t.cycleId, t.orgUnitId)],
);

/** Designation-rate targets, per unit kind, per org subtree ("75% of communities"). */
export const cycleTargets = sqliteTable(
  'cycle_targets',
  {
    id: id(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    unitKind: text('unit_kind').notNull(),
    /** Target designation rate as a decimal percent string ("75", "70"). */
    ratePercent: text('rate_percent').notNull(),
    /** Optional absolute count the source also states (e.g. "即2个社区"). */
    count: integer('count'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cycle_targets_uq').on(t.tenantId, t.cycleId, t.orgUnitId, t.unitKind)],
);

export const milestones = sqliteTable(
  'milestones',
  {
    id: id(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    kind: text('kind', {
      enum: [
        'self_assessment',
        'submission',
        'review',
        'publicity_end',
        'progress_report',
        'custom',
      ],
    }).notNull(),
    title: text('title', { mode: 'json' }).$type<{ zh: string; en: string }>().notNull(),
    dueAt: text('due_at').notNull(),
    /** The submission status a unit must have reached by dueAt (e.g. "submitted"). */
    requiredStatus: text('required_status'),
    /** Weekly recurrence ("every Thursday 16:00"), as {weekday, time, timezone, until}. */
    recurrence: text('recurrence', { mode: 'json' }),
    /**
     * When the scheduler next looks at this milestone (the next occurrence it has not checked).
     * Null: never checked, look at due_at. Reset it to null when due_at or recurrence change
     * (scoring-work.ts `milestoneChanged`).
     */
    nextCheckAt: text('next_check_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('milestones_cycle_idx').on(t.tenantId, t.cycleId, t.dueAt),
    // The scheduler's deadline sweep: two index probes that find nothing on an idle tick.
    index('milestones_next_check_idx').on(t.nextCheckAt),
    index('milestones_unchecked_idx').on(t.dueAt).where(sql`next_check_at IS NULL`),
  ],
);

export const SUBMISSION_STATUSES = [
  'draft',
  'submitted',
  'recommended',
  'verified',
  'publicised',
  'published',
  'returned',
  'revoked',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One per (cycle, unit). */
export const submissions = sqliteTable(
  'submissions',
  {
    id: id(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('draft'),
    /** Index of the current stage in the cycle's chain. */
    stage: text('stage').notNull(),
    returnReason: text('return_reason'),
    publicityEndsAt: text('publicity_ends_at'),
    /** SHA-256 over the published result, verifiable by API clients. */
    sealedHash: text('sealed_hash'),
    /**
     * The sealed document itself, as canonical JSON (the exact bytes `sealed_hash` covers):
     * the published scorecard, the stage's inputs and assessments, the pack's content hash.
     */
    sealedDocument: text('sealed_document'),
    publishedAt: text('published_at'),
    revokedAt: text('revoked_at'),
    revokeReason: text('revoke_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    rowVersion: rowVersion(),
  },
  (t) => [
    uniqueIndex('submissions_uq').on(t.tenantId, t.cycleId, t.orgUnitId),
    index('submissions_status_idx').on(t.tenantId, t.cycleId, t.status),
  ],
);

/**
 * The data each stage scores: the unit's inputs as entered or corrected at that
 * stage, and the assessed items ({itemId: {points, reason, by, at}}). One row per
 * (submission, stage); the scheduler snapshots each row it finds changed.
 */
export const submissionStages = sqliteTable(
  'submission_stages',
  {
    tenantId: tenantId(),
    submissionId: text('submission_id').notNull(),
    cycleId: text('cycle_id').notNull(),
    stage: text('stage').notNull(),
    inputs: text('inputs', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    assessments: text('assessments', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /**
     * Reviewers' corrections of reported inputs at this stage, by input id:
     * {from, to, reason, by, at}. Provenance only — scoring reads `inputs`.
     */
    corrections: text('corrections', { mode: 'json' })
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'`),
    /** Hash of inputs + assessments: the scheduler compares it with the last snapshot's. */
    dataHash: text('data_hash').notNull(),
    /** Bumped on every change; the scheduler's work finder reads (dirty > 0). */
    dirty: integer('dirty').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: updatedAt(),
    rowVersion: rowVersion(),
  },
  (t) => [
    uniqueIndex('submission_stages_uq').on(t.tenantId, t.submissionId, t.stage),
    index('submission_stages_dirty_idx').on(t.dirty, t.tenantId, t.cycleId),
    /** The scheduler reads a cycle's dirty rows in key order, a chunk at a time. */
    index('submission_stages_work_idx').on(t.tenantId, t.cycleId, t.dirty, t.submissionId, t.stage),
  ],
);

/** Every move along the review chain, with who, when and why. */
export const transitions = sqliteTable(
  'transitions',
  {
    id: id(),
    tenantId: tenantId(),
    submissionId: text('submission_id').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    action: text('action').notNull(),
    /** The chain stage the submission was at before and after (null for older rows). */
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    reason: text('reason'),
    actorId: text('actor_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('transitions_submission_idx').on(t.tenantId, t.submissionId, t.at)],
);

/** Evidence files in R2, linked to items of a submission. */
export const evidence = sqliteTable(
  'evidence',
  {
    id: id(),
    tenantId: tenantId(),
    submissionId: text('submission_id').notNull(),
    itemId: text('item_id'),
    r2Key: text('r2_key').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Set when the text looks like it carries personal data (ID-card or mobile numbers). */
    personalDataFlag: text('personal_data_flag'),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: createdAt(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('evidence_submission_idx').on(t.tenantId, t.submissionId)],
);

/** Objections raised during publicity (公示) through the cycle's public link. */
export const objections = sqliteTable(
  'objections',
  {
    id: id(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    submissionId: text('submission_id').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('objections_submission_idx').on(t.tenantId, t.submissionId, t.status),
    index('objections_cycle_idx').on(t.tenantId, t.cycleId, t.createdAt),
  ],
);

/**
 * Weekly progress reports (003_…: 每周四下午4点前报送创建推进情况): one per unit and occurrence
 * of a cycle's progress-report milestone. Writing one also records a `transitions` row with
 * action 'progress_report' (what the scheduler's deadline sweep reads) in the same batch.
 */
export const progressReports = sqliteTable(
  'progress_reports',
  {
    id: id(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    milestoneId: text('milestone_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    submissionId: text('submission_id').notNull(),
    /** The occurrence (ISO-8601 UTC) the report counts for: the first one not yet past. */
    dueAt: text('due_at').notNull(),
    body: text('body').notNull(),
    /** Optional figures, e.g. {"laborForceSurveyed": 812}. */
    figures: text('figures', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    rowVersion: rowVersion(),
  },
  (t) => [
    uniqueIndex('progress_reports_uq').on(t.tenantId, t.milestoneId, t.orgUnitId, t.dueAt),
    index('progress_reports_cycle_idx').on(t.tenantId, t.cycleId, t.dueAt),
  ],
);
