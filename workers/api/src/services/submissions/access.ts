import { cycles, cycleUnits, orgUnits, submissionStages, submissions } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { eq } from 'drizzle-orm';
import { canReadUnit, canReportFor, canReviewAt, forbidden } from '../../auth/permissions.ts';
import type { Principal, ServiceContext } from '../../auth/principal.ts';
import { preconditionFailed } from '../../lib/etag.ts';
import { AppError, notFound } from '../../lib/problem.ts';
import type { CycleRow } from '../cycles/cycle-pack.ts';
import { cycleClosed, cycleNotOpen } from '../cycles/errors.ts';
import { type ChainStage, parseChain, stageIndex } from '../cycles/review-chain.ts';

export type SubmissionRow = typeof submissions.$inferSelect;
export type StageRow = typeof submissionStages.$inferSelect;
export type OrgUnitRow = typeof orgUnits.$inferSelect;

export const submissionNotFound = () => notFound({ zh: '填报记录', en: 'Submission' });

/** A submission with everything its rules need: cycle, chain, unit and current stage row. */
export interface SubmissionContext {
  submission: SubmissionRow;
  cycle: CycleRow;
  chain: ChainStage[];
  /** Index of the submission's current stage in the chain. */
  index: number;
  stage: ChainStage;
  unit: OrgUnitRow;
  unitKind: string;
  row: StageRow;
}

/**
 * Who may see a submission: whoever reads the unit (its subtree's people, tenant-wide roles,
 * clients with scores:read) and whoever reports for it (its reporters, clients with
 * submissions:write, which must read to get the ETag they write against).
 */
export function canReadSubmission(p: Principal, orgPath: string): boolean {
  return canReadUnit(p, orgPath) || canReportFor(p, orgPath);
}

/** May act at `stage` for the unit at `orgPath`: its reporters at the first, its reviewers after. */
export function canActAt(p: Principal, stage: ChainStage, orgPath: string): boolean {
  return stage.actor === 'reporter' ? canReportFor(p, orgPath) : canReviewAt(p, stage.key, orgPath);
}

/** The submission (404 when missing, another tenant's, or not readable by the caller). */
export async function loadSubmission(
  ctx: ServiceContext,
  submissionId: string,
): Promise<SubmissionContext> {
  const { tdb } = ctx;
  const submission = await tdb.first(submissions, eq(submissions.id, submissionId));
  if (!submission) throw submissionNotFound();
  return loadContext(tdb, ctx.principal, submission);
}

export async function loadContext(
  tdb: TenantDb,
  principal: Principal,
  submission: SubmissionRow,
): Promise<SubmissionContext> {
  const [cycle, unit, scope, row] = await Promise.all([
    tdb.first(cycles, eq(cycles.id, submission.cycleId)),
    tdb.first(orgUnits, eq(orgUnits.id, submission.orgUnitId)),
    tdb.first(
      cycleUnits,
      eq(cycleUnits.cycleId, submission.cycleId),
      eq(cycleUnits.orgUnitId, submission.orgUnitId),
    ),
    tdb.first(
      submissionStages,
      eq(submissionStages.submissionId, submission.id),
      eq(submissionStages.stage, submission.stage),
    ),
  ]);
  if (!cycle || !unit || !row || !canReadSubmission(principal, unit.path)) {
    throw submissionNotFound();
  }
  const chain = parseChain(cycle.stages);
  const index = stageIndex(chain, submission.stage);
  if (index < 0) throw submissionNotFound();
  return {
    submission,
    cycle,
    chain,
    index,
    stage: chain[index]!,
    unit,
    unitKind: scope?.unitKind ?? unit.kind,
    row,
  };
}

/** The cycle takes reports and reviews: open, not a draft, not closed. */
export function requireOpenCycle(cycle: CycleRow): void {
  if (cycle.status === 'draft') throw cycleNotOpen();
  if (cycle.status === 'closed') throw cycleClosed();
}

const sealed = () =>
  new AppError('conflict', {
    zh: '结果已公布并封存，不能再修改（复查可撤销资格）',
    en: 'The result is published and sealed; it cannot change (re-review may revoke it)',
  });

const underPublicity = () =>
  new AppError('conflict', {
    zh: '公示期间不能修改数据；如需更正，请先退回',
    en: 'The data cannot change during publicity; return the submission to correct it',
  });

export const notYourStage = (stage: ChainStage) =>
  new AppError('conflict', {
    zh: `该填报已在“${stage.title.zh}”阶段，你不能在此阶段修改或操作（已提交或已审核的内容不能再改）`,
    en: `The submission is at “${stage.title.en}”; you cannot change it at this stage (what was submitted or approved is fixed)`,
  });

/**
 * The caller may change this submission's current stage data now: the cycle is open, the
 * result is not sealed or under publicity, the caller is the current stage's actor, and the
 * ETag matches. Someone who acted at an earlier stage gets 409 — the submission moved on and
 * what they submitted or approved is fixed (an edit after approval); anyone else, 403.
 */
export function requireEditable(
  ctx: ServiceContext,
  s: SubmissionContext,
  expectedVersion: number,
): void {
  const here = canActAt(ctx.principal, s.stage, s.unit.path);
  const before = s.chain
    .slice(0, s.index + 1)
    .some((stage) => canActAt(ctx.principal, stage, s.unit.path));
  if (!here && !before) throw forbidden();
  requireOpenCycle(s.cycle);
  if (s.submission.status === 'published' || s.submission.status === 'revoked') throw sealed();
  if (s.submission.status === 'publicised') throw underPublicity();
  if (!here) throw notYourStage(s.stage);
  if (s.submission.rowVersion !== expectedVersion) throw preconditionFailed();
}

/** Guard: the submission is still at the version the caller sent. */
export function submissionGuard(tdb: TenantDb, submissionId: string, expected: number) {
  return tdb.guard(
    tdb.exists(submissions, eq(submissions.id, submissionId), eq(submissions.rowVersion, expected)),
    'stale',
  );
}

/** Guard: the cycle is open when the batch commits. */
export function openCycleGuard(tdb: TenantDb, cycleId: string) {
  return tdb.guard(
    tdb.exists(cycles, eq(cycles.id, cycleId), eq(cycles.status, 'open')),
    'cycle_not_open',
  );
}
