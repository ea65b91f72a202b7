import { milestones, progressReports } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { milestoneOf } from './milestone-rules.ts';
import { presentMilestone } from './present.ts';
import {
  bumpCycle,
  cycleForWrite,
  cycleGuard,
  cycleView,
  staleToPrecondition,
} from './versioned-write.ts';

const milestoneHasReports = () =>
  new AppError('conflict', {
    zh: '该节点已有进度报告，不能删除',
    en: 'Progress reports were filed against this milestone; it cannot be deleted',
  });

/** Delete a milestone (If-Match on the cycle) that no progress report was filed against. */
export async function deleteMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cycleId: string; milestoneId: string; expectedVersion: number };
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await cycleForWrite(tdb, input.cycleId, input.expectedVersion);
  const current = await milestoneOf(ctx, cycle, input.milestoneId);
  if (await tdb.first(progressReports, eq(progressReports.milestoneId, current.id))) {
    throw milestoneHasReports();
  }
  const at = ctx.now.toISOString();
  try {
    await commitWithAudit(
      ctx,
      [
        cycleGuard(tdb, cycle.id, input.expectedVersion),
        bumpCycle(tdb, cycle.id, input.expectedVersion, at),
        tdb.delete(milestones, eq(milestones.id, current.id)),
      ],
      [
        {
          action: 'milestone.delete',
          entityType: 'milestone',
          entityId: current.id,
          before: presentMilestone(current),
        },
      ],
    );
  } catch (err) {
    throw staleToPrecondition(err);
  }
  return cycleView(ctx, cycle.id);
}
