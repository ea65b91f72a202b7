import { evidence, submissions } from '@kaoping/db/schema';
import { and, eq, isNull } from 'drizzle-orm';
import { forbidden } from '../../auth/permissions.ts';
import type { Principal, ServiceContext } from '../../auth/principal.ts';
import { AppError, notFound } from '../../lib/problem.ts';
import { loadContext, type SubmissionContext } from '../submissions/access.ts';
import type { EvidenceRow } from './present.ts';

export const evidenceNotFound = () => notFound({ zh: '佐证材料', en: 'Evidence' });

/**
 * Evidence is for people and for the systems that report (clients with submissions:write);
 * a client that only reads scores gets no evidence (RESILIENCE: no evidence links unless the
 * scope allows).
 */
export function requireEvidenceScope(p: Principal): void {
  if (p.kind === 'client' && !p.scopes.includes('submissions:write')) throw forbidden();
}

/** A live evidence file and its submission, if the caller may read the submission; else 404. */
export async function loadEvidence(
  ctx: ServiceContext,
  evidenceId: string,
): Promise<{ file: EvidenceRow; s: SubmissionContext }> {
  const { tdb } = ctx;
  const file = await tdb.first(
    evidence,
    and(eq(evidence.id, evidenceId), isNull(evidence.deletedAt)),
  );
  if (!file) throw evidenceNotFound();
  const submission = await tdb.first(submissions, eq(submissions.id, file.submissionId));
  if (!submission) throw evidenceNotFound();
  let s: SubmissionContext;
  try {
    s = await loadContext(tdb, ctx.principal, submission);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') throw evidenceNotFound();
    throw err;
  }
  requireEvidenceScope(ctx.principal);
  return { file, s };
}
