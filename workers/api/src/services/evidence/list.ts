import { evidence } from '@kaoping/db/schema';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { loadSubmission } from '../submissions/access.ts';
import { requireEvidenceScope } from './access.ts';
import { presentEvidence } from './present.ts';

/** A submission's live evidence files, oldest first, each with its personal-data flag. */
export async function listEvidence({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { submissionId: string };
}) {
  const s = await loadSubmission(ctx, input.submissionId);
  requireEvidenceScope(ctx.principal);
  const rows = await ctx.tdb
    .select(evidence, and(eq(evidence.submissionId, s.submission.id), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.createdAt), asc(evidence.id));
  return { items: rows.map((e) => presentEvidence(ctx.principal, e)) };
}
