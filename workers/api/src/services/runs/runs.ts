import { deadLetters } from '@kaoping/db/schema';
import {
  getRun,
  listDeadLetters,
  listRuns,
  replayDeadLetter,
  requestRescore,
} from '@kaoping/db/scoring-runs';
import { eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/problem.ts';
import { cycleNotFound } from '../cycles/errors.ts';
import { presentDeadLetter, presentRun } from './present.ts';

/**
 * Scoring on demand (issue 7's API part), for admins: re-score a cycle now, watch runs, see
 * what died in the dead-letter queue and send it again. The work itself is the scheduler's;
 * these verbs call packages/db/scoring-runs.ts with the api's producer for `kaoping-scoring`.
 */

export const runNotFound = () => notFound({ zh: '评分任务', en: 'Scoring run' });
export const deadLetterNotFound = () => notFound({ zh: '死信', en: 'Dead letter' });

/** Anything with send/sendBatch: the SCORING_QUEUE producer binding. */
export type QueueProducer = Parameters<typeof requestRescore>[1];

export async function rescoreCycle({
  ctx,
  input,
  queue,
}: {
  ctx: ServiceContext;
  input: { cycleId: string };
  queue: QueueProducer;
}) {
  requireAdmin(ctx.principal);
  const at = ctx.now.toISOString();
  const requested = await requestRescore(ctx.tdb, queue, { cycleId: input.cycleId, at });
  if (!requested) throw cycleNotFound();
  // requestRescore commits its own batch; the audit row follows it (the run row records the
  // request too, so a crash in between loses only who asked).
  await commitWithAudit(
    ctx,
    [],
    [
      {
        action: 'cycle.rescore',
        entityType: 'cycle',
        entityId: input.cycleId,
        after: { run_id: requested.runId },
      },
    ],
  );
  const run = await getRun(ctx.tdb, requested.runId);
  if (!run) throw runNotFound();
  return presentRun(run);
}

export async function listScoringRuns({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cycleId?: string | undefined; limit: number };
}) {
  requireAdmin(ctx.principal);
  const runs = await listRuns(ctx.tdb, {
    ...(input.cycleId === undefined ? {} : { cycleId: input.cycleId }),
    limit: input.limit,
  });
  return { items: runs.map(presentRun) };
}

export async function readScoringRun({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { runId: string };
}) {
  requireAdmin(ctx.principal);
  const run = await getRun(ctx.tdb, input.runId);
  if (!run) throw runNotFound();
  return presentRun(run);
}

export async function listScoringDeadLetters({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { status: 'pending' | 'all'; limit: number };
}) {
  requireAdmin(ctx.principal);
  const letters = await listDeadLetters(ctx.tdb, {
    pending: input.status === 'pending',
    limit: input.limit,
  });
  return { items: letters.map(presentDeadLetter) };
}

const alreadyReplayed = () =>
  new AppError('conflict', {
    zh: '该死信已重新投递过',
    en: 'This dead letter was already replayed',
  });

export async function replayScoringDeadLetter({
  ctx,
  input,
  queue,
}: {
  ctx: ServiceContext;
  input: { deadLetterId: string };
  queue: QueueProducer;
}) {
  requireAdmin(ctx.principal);
  const letter = await ctx.tdb.first(deadLetters, eq(deadLetters.id, input.deadLetterId));
  if (!letter) throw deadLetterNotFound();
  if (letter.replayedAt !== null) throw alreadyReplayed();
  const at = ctx.now.toISOString();
  const result = await replayDeadLetter(ctx.tdb, queue, { deadLetterId: letter.id, at });
  if (!result.replayed || !result.message) throw alreadyReplayed();
  await commitWithAudit(
    ctx,
    [],
    [
      {
        action: 'dead_letter.replay',
        entityType: 'dead_letter',
        entityId: letter.id,
        after: { run_id: result.message.runId },
      },
    ],
  );
  const run = await getRun(ctx.tdb, result.message.runId);
  return { id: letter.id, replayed_at: at, run: run ? presentRun(run) : null };
}
