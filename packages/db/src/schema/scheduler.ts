import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, tenantId, updatedAt } from './columns.ts';

// The scheduler's own bookkeeping (workers/scheduler). These tables are written only by the
// scheduler and by the on-demand functions in ../scoring-runs.ts; the API reads them.

/**
 * The chunks a fanned-out run sent to the scoring queue: one message each, a key range of one
 * cycle's stage rows, scored under the pack version and scoring epoch the run pinned. A chunk is
 * `done` once its batch committed (a second delivery then does nothing), `dead` once the
 * dead-letter consumer recorded it, `superseded` when the cycle changed before it ran.
 */
export const scoringChunks = sqliteTable(
  'scoring_chunks',
  {
    runId: text('run_id').notNull(),
    seq: integer('seq').notNull(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    /** The message body as sent (JSON), so a dead chunk can be shown and replayed. */
    message: text('message', { mode: 'json' }).notNull(),
    /** Stage rows the range held when it was planned. */
    rows: integer('rows').notNull(),
    status: text('status', { enum: ['queued', 'done', 'dead', 'superseded'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** How often the chunk was replayed from the dead letters. */
    replays: integer('replays').notNull().default(0),
    scored: integer('scored').notNull().default(0),
    written: integer('written').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('scoring_chunks_uq').on(t.runId, t.seq),
    index('scoring_chunks_cycle_idx').on(t.tenantId, t.cycleId, t.status),
    index('scoring_chunks_status_idx').on(t.status, t.createdAt),
  ],
);

/**
 * What each unit in a cycle last contributed to the rollups (its kind, place in the tree,
 * status, designation and statistics inputs), so a few changed units update their ancestors'
 * rollups by difference. `stale` counts changes not yet applied: the scoring batch and the
 * write-side contract (../scoring-work.ts) raise it, the rollup refresh clears it guarded on the
 * value it read. The row with org_unit_id '*' is the cycle's own marker: stale means "recompute
 * the whole cycle" (its pack, parameters, targets or scope changed).
 */
export const rollupContributions = sqliteTable(
  'rollup_contributions',
  {
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    /** Null: the unit contributes nothing (out of scope, or not yet applied). */
    unitKind: text('unit_kind'),
    path: text('path'),
    status: text('status'),
    submitted: integer('submitted'),
    designated: integer('designated'),
    stats: text('stats', { mode: 'json' }).$type<Record<string, unknown>>(),
    stale: integer('stale').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('rollup_contributions_uq').on(t.tenantId, t.cycleId, t.orgUnitId),
    index('rollup_contributions_stale_idx').on(t.stale, t.tenantId, t.cycleId),
  ],
);

/**
 * Preset dictionaries for compressing scorecards (../scorecard-codec.ts). A dictionary is the
 * JSON of a scorecard of synthetic inputs under one pack version, parameters and engine, so
 * it carries no unit's data; its id is its content hash. Immutable, like the snapshots that
 * name it.
 */
export const scorecardDictionaries = sqliteTable(
  'scorecard_dictionaries',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    packHash: text('pack_hash').notNull(),
    engineVersion: text('engine_version').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scorecard_dictionaries_uq').on(t.tenantId, t.id)],
);

/**
 * One tenant's share of a scoring run, per cycle. A cron run is shared by every tenant with
 * work (its scoring_runs row has no tenant), so this is what a tenant's admins see of it: how
 * many of their stage rows it scored, refused and wrote, and when. Added to in the same batch
 * as the snapshots it counts, so a rolled-back or repeated chunk never counts twice.
 */
export const scoringRunCycles = sqliteTable(
  'scoring_run_cycles',
  {
    runId: text('run_id').notNull(),
    tenantId: tenantId(),
    cycleId: text('cycle_id').notNull(),
    /** Stage rows handled (scored or refused), refused ones, new snapshots written. */
    handled: integer('handled').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    written: integer('written').notNull().default(0),
    firstAt: text('first_at').notNull(),
    lastAt: text('last_at').notNull(),
  },
  (t) => [
    uniqueIndex('scoring_run_cycles_uq').on(t.runId, t.tenantId, t.cycleId),
    index('scoring_run_cycles_tenant_idx').on(t.tenantId, t.lastAt),
  ],
);
