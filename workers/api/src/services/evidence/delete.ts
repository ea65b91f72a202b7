import { evidence, submissions } from '@kaoping/db/schema';
import { and, eq, isNull } from 'drizzle-orm';
import { forbidden } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { canActAt, requireOpenCycle } from '../submissions/access.ts';
import { guardToProblem } from '../submissions/save-inputs.ts';
import { loadEvidence } from './access.ts';
import { presentEvidence } from './present.ts';

const notDraft = () =>
  new AppError('conflict', {
    zh: '只有在单位自评阶段（草稿或被退回）才能删除佐证材料',
    en: 'Evidence can be deleted only while the submission is with the unit (draft or returned)',
  });

/**
 * Delete an evidence file while its submission is still with the unit (draft, or returned to
 * it), by someone who reports for the unit. The row is kept, marked deleted (the audit log
 * refers to it); the file leaves R2 after the commit.
 */
export async function deleteEvidence({
  ctx,
  input,
  bucket,
}: {
  ctx: ServiceContext;
  input: { evidenceId: string };
  bucket: R2Bucket;
}) {
  const { file, s } = await loadEvidence(ctx, input.evidenceId);
  const first = s.chain[0]!;
  if (!canActAt(ctx.principal, first, s.unit.path)) throw forbidden();
  requireOpenCycle(s.cycle);
  if (s.index !== 0 || !['draft', 'returned'].includes(s.submission.status)) throw notDraft();
  const { tdb } = ctx;
  const at = ctx.now.toISOString();
  try {
    await commitWithAudit(
      ctx,
      [
        tdb.guard(
          tdb.exists(
            submissions,
            eq(submissions.id, s.submission.id),
            eq(submissions.stage, first.key),
          ),
          'moved_on',
        ),
        tdb.update(
          evidence,
          { deletedAt: at },
          and(eq(evidence.id, file.id), isNull(evidence.deletedAt)),
        ),
      ],
      [
        {
          action: 'evidence.delete',
          entityType: 'evidence',
          entityId: file.id,
          before: presentEvidence(ctx.principal, file),
        },
      ],
    );
  } catch (err) {
    if (err instanceof Error && 'reason' in err && err.reason === 'moved_on') throw notDraft();
    throw guardToProblem(err);
  }
  await bucket.delete(file.r2Key).catch(() => undefined);
}
