import { newId } from '@kaoping/db/ids';
import { milestones } from '@kaoping/db/schema';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { checkMilestone, type MilestoneInput, type MilestoneKind } from './milestone-rules.ts';
import { type MilestoneRow, presentMilestone } from './present.ts';
import { storedRecurrence } from './recurrence.ts';
import {
  bumpCycle,
  cycleForWrite,
  cycleGuard,
  cycleView,
  staleToPrecondition,
} from './versioned-write.ts';

/**
 * A milestone of a cycle (If-Match on the cycle): self-assessment, submission, publicity end,
 * weekly progress reports (003_…: every Thursday 16:00 from July) or anything else, with the
 * status units must have reached by then (the scheduler flags those that have not).
 */
export async function createMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: MilestoneInput & {
    cycleId: string;
    expectedVersion: number;
    type: MilestoneKind;
    title: { zh: string; en: string };
  };
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await cycleForWrite(tdb, input.cycleId, input.expectedVersion);
  const dueAt = checkMilestone(cycle, { ...input, kind: input.type });
  const at = ctx.now.toISOString();
  const row: Omit<MilestoneRow, 'tenantId'> = {
    id: newId('milestone'),
    cycleId: cycle.id,
    kind: input.type,
    title: input.title,
    dueAt,
    requiredStatus: input.required_status ?? null,
    recurrence: input.recurrence ? storedRecurrence(input.recurrence) : null,
    nextCheckAt: null,
    createdAt: at,
  };
  try {
    await commitWithAudit(
      ctx,
      [
        cycleGuard(tdb, cycle.id, input.expectedVersion),
        bumpCycle(tdb, cycle.id, input.expectedVersion, at),
        tdb.insert(milestones, row),
      ],
      [
        {
          action: 'milestone.create',
          entityType: 'milestone',
          entityId: row.id,
          after: { cycle_id: cycle.id, ...presentMilestone({ ...row, tenantId: tdb.tenantId }) },
        },
      ],
    );
  } catch (err) {
    throw staleToPrecondition(err);
  }
  return { milestoneId: row.id, cycle: await cycleView(ctx, cycle.id) };
}
