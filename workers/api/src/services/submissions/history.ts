import { transitions } from '@kaoping/db/schema';
import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { loadSubmission } from './access.ts';

/**
 * A submission's history along the review chain: every step, return, revocation and
 * progress report, oldest first, with who, when and why (clients see no names or reasons).
 */
export async function listTransitions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { submissionId: string };
}) {
  const s = await loadSubmission(ctx, input.submissionId);
  const rows = await ctx.tdb
    .select(transitions, eq(transitions.submissionId, s.submission.id))
    .orderBy(asc(transitions.at), asc(transitions.id));
  const people = ctx.principal.kind === 'user';
  return {
    items: rows.map((t) => ({
      id: t.id,
      action: t.action,
      from_status: t.fromStatus,
      to_status: t.toStatus,
      from_stage: t.fromStage,
      to_stage: t.toStage,
      reason: people ? t.reason : null,
      actor_id: people ? t.actorId : null,
      at: t.at,
    })),
  };
}
