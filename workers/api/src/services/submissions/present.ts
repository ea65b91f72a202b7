import type { Principal } from '../../auth/principal.ts';
import { formatETag } from '../../lib/etag.ts';
import type { ChainStage } from '../cycles/review-chain.ts';
import { canActAt, type StageRow, type SubmissionContext, type SubmissionRow } from './access.ts';

export const ACTIONS = [
  'submit',
  'recommend',
  'verify',
  'publicise',
  'publish',
  'return',
  'revoke',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Stages whose reviewers may revoke a published designation (复查): 区核定 and 市公布. */
export function revokingStages(chain: readonly ChainStage[]): ChainStage[] {
  return chain.filter((s) => s.step === 'verify' || s.step === 'publish');
}

/** What the caller may do with the submission now (the UI's buttons). */
export function actionsFor(p: Principal, s: SubmissionContext): Action[] {
  const { status } = s.submission;
  if (s.cycle.status === 'closed' || s.cycle.status === 'draft') {
    return status === 'published' &&
      s.cycle.status === 'closed' &&
      revokingStages(s.chain).some((st) => canActAt(p, st, s.unit.path))
      ? ['revoke']
      : [];
  }
  if (status === 'revoked') return [];
  if (status === 'published') {
    return revokingStages(s.chain).some((st) => canActAt(p, st, s.unit.path)) ? ['revoke'] : [];
  }
  if (!canActAt(p, s.stage, s.unit.path)) return [];
  return s.index > 0 ? [s.stage.step, 'return'] : [s.stage.step];
}

/**
 * Reviewer notes (assessment reasons, correction reasons, who entered them) are for people:
 * API clients get the points and values only (RESILIENCE: no reviewer notes to clients).
 */
function notesFor(p: Principal, notes: Record<string, unknown>): Record<string, unknown> {
  if (p.kind === 'user') return notes;
  return Object.fromEntries(
    Object.entries(notes).map(([key, value]) => {
      if (!value || typeof value !== 'object') return [key, value];
      const { reason: _r, by: _b, ...rest } = value as Record<string, unknown>;
      return [key, rest];
    }),
  );
}

export function presentStageData(p: Principal, row: StageRow) {
  return {
    stage: row.stage,
    inputs: row.inputs,
    assessments: notesFor(p, row.assessments),
    corrections: notesFor(p, row.corrections),
    updated_by: p.kind === 'user' ? row.updatedBy : null,
    updated_at: row.updatedAt,
  };
}

export function presentSubmissionRow(s: SubmissionRow) {
  return {
    id: s.id,
    cycle_id: s.cycleId,
    org_unit_id: s.orgUnitId,
    status: s.status,
    stage: s.stage,
    return_reason: s.returnReason,
    publicity_ends_at: s.publicityEndsAt,
    sealed_hash: s.sealedHash,
    published_at: s.publishedAt,
    revoked_at: s.revokedAt,
    revoke_reason: s.revokeReason,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    etag: formatETag(s.rowVersion),
  };
}

export function presentSubmission(p: Principal, s: SubmissionContext) {
  const reached = s.submission.status === 'published' || s.submission.status === 'revoked';
  return {
    ...presentSubmissionRow(s.submission),
    unit: { id: s.unit.id, name: s.unit.name, kind: s.unit.kind, path: s.unit.path },
    unit_kind: s.unitKind,
    current_stage: {
      key: s.stage.key,
      title: s.stage.title,
      step: s.stage.step,
      actor: s.stage.actor,
    },
    stages: s.chain.map((stage, i) => ({
      key: stage.key,
      title: stage.title,
      step: stage.step,
      actor: stage.actor,
      state: (i < s.index || (reached && i === s.index)
        ? 'done'
        : i === s.index
          ? 'current'
          : 'ahead') as 'done' | 'current' | 'ahead',
    })),
    data: presentStageData(p, s.row),
    actions: actionsFor(p, s),
  };
}
