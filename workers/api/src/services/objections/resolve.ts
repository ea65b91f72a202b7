import { GuardFailed } from '@kaoping/db/batch-errors';
import { objections, submissions } from '@kaoping/db/schema';
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { forbidden } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/problem.ts';
import { canActAt, loadContext, requireOpenCycle } from '../submissions/access.ts';
import { guardToProblem } from '../submissions/save-inputs.ts';
import { moveStatements, returnMove } from '../submissions/transition.ts';
import { presentObjection } from './list.ts';

const objectionNotFound = () => notFound({ zh: '异议', en: 'Objection' });

const alreadyResolved = () =>
  new AppError('conflict', {
    zh: '该异议已处理',
    en: 'The objection was already resolved',
  });

/**
 * Resolve an objection raised during publicity, with a reason: `dismiss` it, or `uphold` it —
 * which returns the unit's submission from publicity to the stage before it (区核定 in
 * Guangzhou's chain), where it is corrected, verified and publicised again. By a reviewer of
 * the publicity stage or of the current one. Every open objection blocks publication.
 */
export async function resolveObjection({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { objectionId: string; decision: 'uphold' | 'dismiss'; reason: string };
}) {
  const { tdb } = ctx;
  const objection = await tdb.first(objections, eq(objections.id, input.objectionId));
  if (!objection) throw objectionNotFound();
  const submission = await tdb.first(submissions, eq(submissions.id, objection.submissionId));
  if (!submission) throw objectionNotFound();
  const s = await loadContext(tdb, ctx.principal, submission).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw objectionNotFound();
    throw err;
  });
  const publicityIndex = s.chain.findIndex((st) => st.step === 'publicise');
  const publicity = s.chain[publicityIndex];
  const mayResolve =
    canActAt(ctx.principal, s.stage, s.unit.path) ||
    (publicity !== undefined && canActAt(ctx.principal, publicity, s.unit.path));
  if (ctx.principal.kind !== 'user' || !mayResolve) throw forbidden();
  requireOpenCycle(s.cycle);
  if (objection.status !== 'open') throw alreadyResolved();

  const at = ctx.now.toISOString();
  const reason = input.reason.trim();
  const status = input.decision === 'uphold' ? 'upheld' : 'dismissed';
  const statements: BatchItem<'sqlite'>[] = [
    tdb.guard(
      tdb.exists(objections, eq(objections.id, objection.id), eq(objections.status, 'open')),
      'resolved',
    ),
    tdb.update(
      objections,
      { status, resolution: reason, resolvedBy: actorOf(ctx.principal).id, resolvedAt: at },
      and(eq(objections.id, objection.id), eq(objections.status, 'open')),
    ),
  ];
  const returning =
    input.decision === 'uphold' && s.submission.status === 'publicised' && publicityIndex > 0;
  if (returning) {
    const move = returnMove(
      s,
      publicityIndex - 1,
      `异议成立 Objection upheld: ${reason}`,
      'objection_upheld',
    );
    statements.push(
      ...moveStatements(ctx, s, s.submission.rowVersion, move, at, { requireOpen: true }),
    );
  }
  try {
    await commitWithAudit(ctx, statements, [
      {
        action: `objection.${input.decision}`,
        entityType: 'objection',
        entityId: objection.id,
        before: { status: objection.status },
        after: {
          status,
          resolution: reason,
          ...(returning ? { submission_returned_to: s.chain[publicityIndex - 1]!.key } : {}),
        },
      },
    ]);
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'resolved') throw alreadyResolved();
    throw guardToProblem(err);
  }
  const after = await tdb.first(objections, eq(objections.id, objection.id));
  return presentObjection(after!);
}
