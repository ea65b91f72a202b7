import { GuardFailed } from '@kaoping/db/batch-errors';
import { newId } from '@kaoping/db/ids';
import {
  milestones,
  objections,
  submissionStages,
  submissions,
  transitions,
} from '@kaoping/db/schema';
import { insertStageRow, submissionStatusChanged, updateStageData } from '@kaoping/db/scoring-work';
import { and, asc, eq, not, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { forbidden } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import { preconditionFailed } from '../../lib/etag.ts';
import { AppError } from '../../lib/problem.ts';
import { packOfCycle } from '../cycles/cycle-pack.ts';
import { fieldError, invalid } from '../cycles/errors.ts';
import { STATUS_AFTER, type Step, statusAt } from '../cycles/review-chain.ts';
import {
  canActAt,
  loadSubmission,
  notYourStage,
  openCycleGuard,
  requireOpenCycle,
  type SubmissionContext,
  submissionGuard,
} from './access.ts';
import { type Action, presentSubmission, revokingStages } from './present.ts';
import { guardToProblem, inputIssues } from './save-inputs.ts';
import { sealFor } from './seal.ts';

export interface TransitionInput {
  submissionId: string;
  expectedVersion: number;
  action: Action;
  reason?: string | undefined;
  publicity_ends_at?: string | undefined;
}

const outOfOrder = (s: SubmissionContext, action: Action) =>
  new AppError('conflict', {
    zh: `当前状态为“${s.submission.status}”，处于“${s.stage.title.zh}”阶段，不能执行“${action}”`,
    en: `The submission is ${s.submission.status}, at “${s.stage.title.en}”: “${action}” is out of order`,
  });

const noSuchStep = (action: Action) =>
  new AppError('conflict', {
    zh: `本周期的审核流程没有“${action}”这一步`,
    en: `This cycle’s review chain has no “${action}” step`,
  });

const publicityRunning = (until: string) =>
  new AppError('conflict', {
    zh: `公示期至 ${until} 结束，结束后方可公布`,
    en: `Publicity runs until ${until}; publish after it ends`,
  });

const objectionsOpen = () =>
  new AppError('conflict', {
    zh: '公示期间收到的异议尚未处理，处理后方可公布',
    en: 'Objections raised during publicity are still open: resolve them before publishing',
  });

const reasonRequired = (what: { zh: string; en: string }) =>
  invalid([
    fieldError('body.reason', 'required', `${what.en} needs a reason`, `${what.zh}须说明理由`),
  ]);

/** Who may take `action` at all (403 otherwise), before the state is looked at. */
function requireMayTake(ctx: ServiceContext, s: SubmissionContext, action: Action): void {
  const p = ctx.principal;
  const path = s.unit.path;
  if (action === 'revoke') {
    if (!revokingStages(s.chain).some((st) => canActAt(p, st, path))) throw forbidden();
    return;
  }
  if (action === 'return') {
    const reviews = s.chain.some((st) => st.actor === 'reviewer' && canActAt(p, st, path));
    if (!reviews) throw forbidden();
    return;
  }
  const stage = s.chain.find((st) => st.step === action);
  if (!stage) throw noSuchStep(action);
  // Clients report: they may submit (the reporter's step) and nothing beyond it.
  if (!canActAt(p, stage, path)) throw forbidden();
}

/** Statements that move a submission to stage `to` with a copy of `fromRow`'s data. */
export async function copyForward(
  ctx: ServiceContext,
  s: SubmissionContext,
  toKey: string,
  at: string,
): Promise<BatchItem<'sqlite'>[]> {
  const { tdb } = ctx;
  const by = actorOf(ctx.principal).id;
  const existing = await tdb.first(
    submissionStages,
    eq(submissionStages.submissionId, s.submission.id),
    eq(submissionStages.stage, toKey),
  );
  const data = {
    submissionId: s.submission.id,
    stage: toKey,
    inputs: s.row.inputs,
    assessments: s.row.assessments,
    updatedBy: by,
    at,
  };
  if (!existing) return [insertStageRow(tdb, { ...data, cycleId: s.cycle.id })];
  // Back at a stage it had reached before (after a return): start again from the new data.
  return [
    updateStageData(tdb, data),
    tdb.update(
      submissionStages,
      { corrections: {} },
      and(eq(submissionStages.submissionId, s.submission.id), eq(submissionStages.stage, toKey)),
    ),
  ];
}

export interface Move {
  action: string;
  toStatus: (typeof submissions.$inferSelect)['status'];
  toStage: string;
  reason: string | null;
  set: Partial<typeof submissions.$inferInsert>;
  extra: BatchItem<'sqlite'>[];
}

/** The statements common to every move: guard, the submission's new state, history, rollups. */
export function moveStatements(
  ctx: ServiceContext,
  s: SubmissionContext,
  expectedVersion: number,
  move: Move,
  at: string,
  options: { requireOpen: boolean },
): BatchItem<'sqlite'>[] {
  const { tdb } = ctx;
  return [
    submissionGuard(tdb, s.submission.id, expectedVersion),
    ...(options.requireOpen ? [openCycleGuard(tdb, s.cycle.id)] : []),
    ...move.extra,
    tdb.update(
      submissions,
      {
        ...move.set,
        status: move.toStatus,
        stage: move.toStage,
        updatedAt: at,
        rowVersion: sql`${submissions.rowVersion} + 1`,
      },
      eq(submissions.id, s.submission.id),
      eq(submissions.rowVersion, expectedVersion),
    ),
    tdb.insert(transitions, {
      id: newId('transition'),
      submissionId: s.submission.id,
      fromStatus: s.submission.status,
      toStatus: move.toStatus,
      action: move.action,
      fromStage: s.stage.key,
      toStage: move.toStage,
      reason: move.reason,
      actorId: actorOf(ctx.principal).id,
      at,
    }),
    submissionStatusChanged(tdb, { cycleId: s.cycle.id, orgUnitId: s.unit.id, at }),
  ];
}

/** A return from the current stage to stage `toIndex` (the previous one, or before publicity). */
export function returnMove(
  s: SubmissionContext,
  toIndex: number,
  reason: string,
  action = 'return',
): Move {
  return {
    action,
    toStatus: statusAt(s.chain, toIndex, true),
    toStage: s.chain[toIndex]!.key,
    reason,
    set: { returnReason: reason, publicityEndsAt: null },
    extra: [],
  };
}

async function publicityEnd(ctx: ServiceContext, s: SubmissionContext, given?: string) {
  if (given !== undefined) return new Date(given).toISOString();
  const milestone = await ctx.tdb
    .select(milestones, eq(milestones.cycleId, s.cycle.id), eq(milestones.kind, 'publicity_end'))
    .orderBy(asc(milestones.dueAt))
    .limit(1);
  return milestone[0]?.dueAt;
}

/**
 * Move a submission along its review chain (If-Match): the current stage's actor takes the
 * stage's step (submit, recommend, verify, publicise with an end date, publish) or returns it
 * one stage back with a reason; a published designation can be revoked with a reason (复查,
 * 动态管理). Completing a stage needs every required input; the next stage starts with a copy
 * of the data; publication waits for the publicity window and its objections, and seals the
 * result. Anything else is 409 (out of order), 403 (not this caller's step) or 412 (stale).
 */
export async function transitionSubmission({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}) {
  const s = await loadSubmission(ctx, input.submissionId);
  requireMayTake(ctx, s, input.action);
  if (input.action === 'revoke') {
    if (s.cycle.status === 'draft') throw outOfOrder(s, input.action);
  } else {
    requireOpenCycle(s.cycle);
  }
  if (s.submission.rowVersion !== input.expectedVersion) throw preconditionFailed();
  const at = ctx.now.toISOString();
  const reason = input.reason?.trim() || null;
  const { status } = s.submission;
  const finished = status === 'published' || status === 'revoked';
  let move: Move;
  let audit: Record<string, unknown> = {};

  if (input.action === 'revoke') {
    if (status !== 'published') throw outOfOrder(s, input.action);
    if (!reason) throw reasonRequired({ zh: '撤销资格', en: 'A revocation' });
    move = {
      action: 'revoke',
      toStatus: 'revoked',
      toStage: s.stage.key,
      reason,
      set: { revokedAt: at, revokeReason: reason },
      extra: [],
    };
  } else if (input.action === 'return') {
    if (finished || s.index === 0) throw outOfOrder(s, input.action);
    if (!canActAt(ctx.principal, s.stage, s.unit.path)) throw notYourStage(s.stage);
    if (!reason) throw reasonRequired({ zh: '退回', en: 'A return' });
    move = returnMove(s, s.index - 1, reason);
  } else {
    const step: Step = input.action;
    if (finished || s.stage.step !== step) throw outOfOrder(s, input.action);
    const pack = await packOfCycle(ctx.tdb, s.cycle);
    const missing = inputIssues(pack, s.unitKind, s.row.inputs, 'submit', 'inputs');
    if (missing.length > 0) {
      throw invalid(missing, {
        zh: '数据不完整或有误，请补全后再提交',
        en: 'The data is incomplete or inconsistent: complete it before this step',
      });
    }
    const last = s.index === s.chain.length - 1;
    const set: Partial<typeof submissions.$inferInsert> = { returnReason: null };
    const extra: BatchItem<'sqlite'>[] = [];
    if (step === 'publicise') {
      const until = await publicityEnd(ctx, s, input.publicity_ends_at);
      if (!until) {
        throw invalid([
          fieldError(
            'body.publicity_ends_at',
            'required',
            'publicity needs an end date (or a publicity_end milestone on the cycle)',
            '公示需要结束日期（或在周期中设置公示结束节点）',
          ),
        ]);
      }
      if (until <= at) {
        throw invalid([
          fieldError(
            'body.publicity_ends_at',
            'past',
            'the publicity must end in the future',
            '公示结束时间须晚于现在',
          ),
        ]);
      }
      set.publicityEndsAt = until;
      audit = { publicity_ends_at: until };
    }
    if (step === 'publish') {
      if (s.submission.publicityEndsAt && s.submission.publicityEndsAt > at) {
        throw publicityRunning(s.submission.publicityEndsAt);
      }
      const open = await ctx.tdb.first(
        objections,
        eq(objections.submissionId, s.submission.id),
        eq(objections.status, 'open'),
      );
      if (open) throw objectionsOpen();
      // Objections can arrive while this runs: none may be open when it commits.
      extra.push(
        ctx.tdb.guard(
          not(
            ctx.tdb.exists(
              objections,
              eq(objections.submissionId, s.submission.id),
              eq(objections.status, 'open'),
            ),
          ),
          'objections_open',
        ),
      );
      const seal = await sealFor(ctx, s, s.row, at);
      Object.assign(set, { publishedAt: at, sealedHash: seal.hash, sealedDocument: seal.document });
      audit = {
        sealed_hash: seal.hash,
        total: seal.scorecard.total,
        designated: seal.scorecard.designation?.met ?? null,
      };
    }
    const toStage = last ? s.stage.key : s.chain[s.index + 1]!.key;
    if (!last) extra.push(...(await copyForward(ctx, s, toStage, at)));
    move = { action: step, toStatus: STATUS_AFTER[step], toStage, reason, set, extra };
  }

  try {
    await commitWithAudit(
      ctx,
      moveStatements(ctx, s, input.expectedVersion, move, at, {
        requireOpen: input.action !== 'revoke',
      }),
      [
        {
          action: `submission.${input.action}`,
          entityType: 'submission',
          entityId: s.submission.id,
          before: { status, stage: s.stage.key },
          after: { status: move.toStatus, stage: move.toStage, reason: move.reason, ...audit },
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'objections_open') throw objectionsOpen();
    throw guardToProblem(err);
  }
  const after = await loadSubmission(ctx, s.submission.id);
  return { view: presentSubmission(ctx.principal, after), rowVersion: after.submission.rowVersion };
}
