import { canonicalJson, sha256Hex } from '@kaoping/standards';
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  cycles,
  milestones,
  rollupContributions,
  submissionStages,
  submissions,
} from './schema.ts';
import type { TenantDb } from './tenant-db.ts';

/**
 * The write-side contract between the API and the scheduler. Every change that can change a
 * score, a rollup or a deadline flag includes one of these statements in the SAME batch as the
 * change itself, so the scheduler can never miss it: a crash either commits both or neither.
 *
 * submission_stages.dirty:
 *   0 clean — its current score is the score of its data;
 *   1 to score — the scheduler scores it, then clears it only if row_version and the cycle's
 *     scoring_epoch are still what it scored (an edit that lands mid-run stays dirty);
 *   2 quarantined — scoring it failed for good (its chunk went to the dead-letter queue); a
 *     replay or the next edit sets it back to 1.
 *
 * What each change must include:
 *   stage inputs/assessments written  → insertStageRow / updateStageData (dirty 1, row_version+1)
 *   the unit's kind in the cycle       → unitScoringChanged  (dirty 1, row_version+1)
 *   pack version, parameters, references of a cycle
 *                                      → cycleScoringChanged (epoch+1, every stage row dirty,
 *                                        rollups recomputed)
 *   submission status (a transition), a progress report (its progress_reports row)
 *                                      → submissionStatusChanged (rollups and deadline flags)
 *   targets                            → cycleRollupsChanged
 *   a unit entering or leaving the scope, or moving in the org tree (区划调整)
 *                                      → unitScopeChanged (for each cycle it is in)
 *   a milestone's due_at or recurrence → milestoneChanged
 */

export const DIRTY = { clean: 0, toScore: 1, quarantined: 2 } as const;

/** The hash of a stage's data (submission_stages.data_hash): inputs and assessments. */
export function stageDataHash(
  inputs: Readonly<Record<string, unknown>>,
  assessments: Readonly<Record<string, unknown>>,
): string {
  return sha256Hex(canonicalJson({ assessments, inputs }));
}

export interface StageData {
  readonly submissionId: string;
  readonly stage: string;
  readonly inputs: Record<string, unknown>;
  readonly assessments: Record<string, unknown>;
  readonly updatedBy: string;
  /** ISO-8601 UTC. */
  readonly at: string;
}

/** A new stage row (a submission's first stage, or the next stage it moved to): to score. */
export function insertStageRow(
  tdb: TenantDb,
  row: StageData & { readonly cycleId: string },
): BatchItem<'sqlite'> {
  return tdb.insert(submissionStages, {
    submissionId: row.submissionId,
    cycleId: row.cycleId,
    stage: row.stage,
    inputs: row.inputs,
    assessments: row.assessments,
    dataHash: stageDataHash(row.inputs, row.assessments),
    dirty: DIRTY.toScore,
    updatedBy: row.updatedBy,
    updatedAt: row.at,
    rowVersion: 1,
  });
}

/**
 * New inputs and assessments for a stage row: marks it to score and bumps row_version (the
 * row's ETag). With `expectedRowVersion`, only a row still at that version is changed; pair it
 * with a TenantDb.guard to refuse a stale write as a whole.
 */
export function updateStageData(
  tdb: TenantDb,
  data: StageData & { readonly expectedRowVersion?: number },
): BatchItem<'sqlite'> {
  return tdb.update(
    submissionStages,
    {
      inputs: data.inputs,
      assessments: data.assessments,
      dataHash: stageDataHash(data.inputs, data.assessments),
      dirty: DIRTY.toScore,
      rowVersion: sql`${submissionStages.rowVersion} + 1`,
      updatedBy: data.updatedBy,
      updatedAt: data.at,
    },
    eq(submissionStages.submissionId, data.submissionId),
    eq(submissionStages.stage, data.stage),
    data.expectedRowVersion === undefined
      ? undefined
      : eq(submissionStages.rowVersion, data.expectedRowVersion),
  );
}

/** Marks a unit's contribution to its cycle's rollups stale. */
function contributionStale(
  tdb: TenantDb,
  cycleId: string,
  orgUnitId: string,
  at: string,
): BatchItem<'sqlite'> {
  return tdb
    .insert(rollupContributions, { cycleId, orgUnitId, stale: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: [
        rollupContributions.tenantId,
        rollupContributions.cycleId,
        rollupContributions.orgUnitId,
      ],
      set: { stale: sql`${rollupContributions.stale} + 1`, updatedAt: at },
    });
}

/**
 * The kind a unit is assessed as changed (cycle_units.unit_kind, or a village that became a
 * community): its stage rows are scored again.
 */
export function unitScoringChanged(
  tdb: TenantDb,
  change: { readonly cycleId: string; readonly orgUnitId: string; readonly at: string },
): BatchItem<'sqlite'>[] {
  const ofUnit = sql`${submissionStages.submissionId} IN (SELECT ${submissions.id} FROM ${submissions} WHERE ${submissions.tenantId} = ${tdb.tenantId} AND ${submissions.cycleId} = ${change.cycleId} AND ${submissions.orgUnitId} = ${change.orgUnitId})`;
  return [
    tdb.update(
      submissionStages,
      { dirty: DIRTY.toScore, rowVersion: sql`${submissionStages.rowVersion} + 1` },
      eq(submissionStages.cycleId, change.cycleId),
      ofUnit,
    ),
    contributionStale(tdb, change.cycleId, change.orgUnitId, change.at),
  ];
}

/**
 * The cycle's pack version, parameters or references changed: every score of the cycle is
 * recomputed. One UPDATE marks all its stage rows; row_version is left alone (it is the ETag a
 * reporter is editing against) — the bumped scoring_epoch is what stops a run that scored the
 * old configuration from clearing them.
 */
export function cycleScoringChanged(
  tdb: TenantDb,
  change: { readonly cycleId: string; readonly at: string },
): BatchItem<'sqlite'>[] {
  return [
    tdb.update(
      cycles,
      { scoringEpoch: sql`${cycles.scoringEpoch} + 1` },
      eq(cycles.id, change.cycleId),
    ),
    tdb.update(
      submissionStages,
      { dirty: DIRTY.toScore },
      eq(submissionStages.cycleId, change.cycleId),
    ),
    contributionStale(tdb, change.cycleId, '*', change.at),
  ];
}

/**
 * A submission moved along the review chain (status or current stage), or its unit sent a
 * progress report: rollups and deadline flags are refreshed. Its scores are not recomputed —
 * status is not an input to scoring; a new stage row comes with insertStageRow.
 */
export function submissionStatusChanged(
  tdb: TenantDb,
  change: { readonly cycleId: string; readonly orgUnitId: string; readonly at: string },
): BatchItem<'sqlite'> {
  return contributionStale(tdb, change.cycleId, change.orgUnitId, change.at);
}

/** A unit entered or left the cycle's scope: its contribution is added or taken away. */
export function unitScopeChanged(
  tdb: TenantDb,
  change: { readonly cycleId: string; readonly orgUnitId: string; readonly at: string },
): BatchItem<'sqlite'> {
  return contributionStale(tdb, change.cycleId, change.orgUnitId, change.at);
}

/** The cycle's targets (or many units of its scope) changed: its rollups are recomputed whole. */
export function cycleRollupsChanged(
  tdb: TenantDb,
  change: { readonly cycleId: string; readonly at: string },
): BatchItem<'sqlite'> {
  return contributionStale(tdb, change.cycleId, '*', change.at);
}

/** A milestone's due_at or recurrence changed: the deadline sweep looks at it afresh. */
export function milestoneChanged(
  tdb: TenantDb,
  change: { readonly milestoneId: string },
): BatchItem<'sqlite'> {
  return tdb.update(milestones, { nextCheckAt: null }, eq(milestones.id, change.milestoneId));
}

/** Stage rows of a cycle quarantined after their chunk died: set to score again (a replay). */
export function requeueQuarantined(
  tdb: TenantDb,
  change: { readonly cycleId: string },
): BatchItem<'sqlite'> {
  return tdb.update(
    submissionStages,
    { dirty: DIRTY.toScore },
    and(
      eq(submissionStages.cycleId, change.cycleId),
      eq(submissionStages.dirty, DIRTY.quarantined),
    ),
  );
}
