import { milestones } from '@kaoping/db/schema';
import { milestoneChanged } from '@kaoping/db/scoring-work';
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import {
  checkMilestone,
  type MilestoneInput,
  type MilestoneKind,
  milestoneOf,
} from './milestone-rules.ts';
import { type MilestoneRow, presentMilestone } from './present.ts';
import { type RecurrenceInput, storedRecurrence } from './recurrence.ts';
import {
  bumpCycle,
  cycleForWrite,
  cycleGuard,
  cycleView,
  staleToPrecondition,
} from './versioned-write.ts';

/** Change a milestone (If-Match on the cycle); a new date or recurrence is swept afresh. */
export async function updateMilestone({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: MilestoneInput & { cycleId: string; milestoneId: string; expectedVersion: number };
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await cycleForWrite(tdb, input.cycleId, input.expectedVersion);
  const current = await milestoneOf(ctx, cycle, input.milestoneId);
  const given = [input.title, input.due_at, input.required_status, input.recurrence];
  if (given.every((v) => v === undefined)) return cycleView(ctx, cycle.id);
  const recurrence =
    input.recurrence === undefined
      ? ((current.recurrence as RecurrenceInput | null) ?? null)
      : input.recurrence;
  const merged = {
    kind: current.kind,
    title: input.title ?? current.title,
    // A new recurrence without a date starts the series from its own first occurrence.
    due_at: input.due_at ?? (input.recurrence ? undefined : current.dueAt),
    required_status:
      input.required_status === undefined ? current.requiredStatus : input.required_status,
    recurrence,
  } as MilestoneInput & { kind: MilestoneKind };
  const dueAt = checkMilestone(cycle, merged);
  const stored = recurrence ? storedRecurrence(recurrence) : null;
  const rescheduled =
    dueAt !== current.dueAt || JSON.stringify(stored) !== JSON.stringify(current.recurrence);
  const at = ctx.now.toISOString();
  const after: MilestoneRow = {
    ...current,
    title: merged.title!,
    dueAt,
    requiredStatus: (merged.required_status ?? null) as string | null,
    recurrence: stored,
  };
  const statements: BatchItem<'sqlite'>[] = [
    cycleGuard(tdb, cycle.id, input.expectedVersion),
    bumpCycle(tdb, cycle.id, input.expectedVersion, at),
    tdb.update(
      milestones,
      {
        title: after.title,
        dueAt: after.dueAt,
        requiredStatus: after.requiredStatus,
        recurrence: after.recurrence,
      },
      eq(milestones.id, current.id),
    ),
  ];
  if (rescheduled) statements.push(milestoneChanged(tdb, { milestoneId: current.id }));
  try {
    await commitWithAudit(ctx, statements, [
      {
        action: 'milestone.update',
        entityType: 'milestone',
        entityId: current.id,
        before: presentMilestone(current),
        after: presentMilestone(after),
      },
    ]);
  } catch (err) {
    throw staleToPrecondition(err);
  }
  return cycleView(ctx, cycle.id);
}
