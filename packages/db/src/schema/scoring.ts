import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId } from './columns.ts';

/**
 * Immutable score snapshots, keyed by what produced them. Triggers refuse
 * UPDATE and DELETE. `seq` increases in commit order, so "every snapshot with
 * seq > cursor" is an incremental pull that never skips or repeats.
 */
export const scoreSnapshots = sqliteTable(
  'score_snapshots',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    submissionId: text('submission_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    stage: text('stage').notNull(),
    packKey: text('pack_key').notNull(),
    packVersion: text('pack_version').notNull(),
    packHash: text('pack_hash').notNull(),
    /** Hash of the stage's inputs, assessments, parameters and references. */
    inputHash: text('input_hash').notNull(),
    engineVersion: text('engine_version').notNull(),
    total: real('total'),
    max: real('max'),
    /** 1 met, 0 not met, null incomplete. */
    designationMet: integer('designation_met'),
    complete: integer('complete').notNull(),
    scorecard: text('scorecard', { mode: 'json' }).notNull(),
    runId: text('run_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('score_snapshots_id_uq').on(t.id),
    uniqueIndex('score_snapshots_key_uq').on(
      t.tenantId,
      t.submissionId,
      t.stage,
      t.packHash,
      t.inputHash,
      t.engineVersion,
    ),
    index('score_snapshots_feed_idx').on(t.tenantId, t.seq),
    index('score_snapshots_cycle_idx').on(t.tenantId, t.cycleId, t.seq),
    index('score_snapshots_unit_idx').on(t.tenantId, t.orgUnitId, t.seq),
  ],
);

/** The "current score": a pointer per (submission, stage) to its newest snapshot. */
export const currentScores = sqliteTable(
  'current_scores',
  {
    tenantId: tenantId(),
    submissionId: text('submission_id').notNull(),
    stage: text('stage').notNull(),
    cycleId: text('cycle_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    snapshotSeq: integer('snapshot_seq').notNull(),
    snapshotId: text('snapshot_id').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('current_scores_uq').on(t.tenantId, t.submissionId, t.stage),
    index('current_scores_cycle_idx').on(t.tenantId, t.cycleId, t.stage),
  ],
);

/**
 * Every move of a current-score pointer, in commit order. An incremental pull
 * ("what changed since cursor N") reads this log, so a score that returns to an
 * earlier snapshot is still reported as a change, and nothing is skipped or repeated.
 */
export const scoreEvents = sqliteTable(
  'score_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    submissionId: text('submission_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    stage: text('stage').notNull(),
    snapshotSeq: integer('snapshot_seq').notNull(),
    snapshotId: text('snapshot_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    index('score_events_feed_idx').on(t.tenantId, t.seq),
    index('score_events_cycle_idx').on(t.tenantId, t.cycleId, t.seq),
    /** `updated_since` → a cursor: the last event before a time, one index probe (scores API). */
    index('score_events_at_idx').on(t.tenantId, t.at),
  ],
);

/** Per cycle, org unit and unit kind ('*' for all): progress and designation rate vs target. */
export const rollups = sqliteTable(
  'rollups',
  {
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    unitKind: text('unit_kind').notNull(),
    inScope: integer('in_scope').notNull(),
    submitted: integer('submitted').notNull(),
    byStatus: text('by_status', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    designated: integer('designated').notNull(),
    /** Designation rate as a decimal percent string, exact to 2 places. */
    ratePercent: text('rate_percent'),
    targetPercent: text('target_percent'),
    targetMet: integer('target_met'),
    neededUnits: integer('needed_units'),
    /** Sums and means of statistics-only inputs up the tree. */
    stats: text('stats', { mode: 'json' }).$type<Record<string, unknown>>(),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [uniqueIndex('rollups_uq').on(t.tenantId, t.cycleId, t.orgUnitId, t.unitKind)],
);

/** A scoring run: cron, manual re-score or a queue chunk. Resumable through `cursor`. */
export const scoringRuns = sqliteTable(
  'scoring_runs',
  {
    id: id(),
    /** Null for a cron run across tenants. */
    tenantId: text('tenant_id'),
    cycleId: text('cycle_id'),
    trigger: text('trigger', { enum: ['cron', 'manual', 'queue'] }).notNull(),
    /** Cron runs are deduplicated on their scheduled time. */
    scheduledTime: text('scheduled_time'),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    written: integer('written').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    /** Checkpoint: the last (tenant, submission, stage) handled, as JSON. */
    cursor: text('cursor'),
    lastError: text('last_error'),
    startedAt: text('started_at').notNull(),
    heartbeatAt: text('heartbeat_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [
    uniqueIndex('scoring_runs_scheduled_uq').on(t.trigger, t.scheduledTime),
    index('scoring_runs_tenant_idx').on(t.tenantId, t.startedAt),
    /** The scheduler looks for unfinished runs on every tick that has work. */
    index('scoring_runs_status_idx').on(t.status, t.heartbeatAt),
  ],
);

/** Named leases with expiry: one live scheduler per name, taken over when expired. */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** Queue messages that exhausted their retries, kept to see and replay. */
export const deadLetters = sqliteTable(
  'dead_letters',
  {
    id: id(),
    tenantId: text('tenant_id'),
    queue: text('queue').notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: createdAt(),
    replayedAt: text('replayed_at'),
  },
  (t) => [index('dead_letters_tenant_idx').on(t.tenantId, t.createdAt)],
);

/** Milestones past due without the step done, per unit (or per cycle when orgUnitId is '*'). */
export const deadlineFlags = sqliteTable(
  'deadline_flags',
  {
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    milestoneId: text('milestone_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    dueAt: text('due_at').notNull(),
    flaggedAt: text('flagged_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    uniqueIndex('deadline_flags_uq').on(t.tenantId, t.milestoneId, t.orgUnitId, t.dueAt),
    index('deadline_flags_cycle_idx').on(t.tenantId, t.cycleId, t.resolvedAt),
  ],
);
