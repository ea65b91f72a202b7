import type { ServiceContext } from '../../auth/principal.ts';
import { loadSubmission } from './access.ts';
import { presentSubmission } from './present.ts';

/** One submission with its current stage's data and what the caller may do with it. */
export async function readSubmission({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { submissionId: string };
}) {
  const s = await loadSubmission(ctx, input.submissionId);
  return { view: presentSubmission(ctx.principal, s), rowVersion: s.submission.rowVersion };
}
