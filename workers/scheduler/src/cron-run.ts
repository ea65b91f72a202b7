import type { Db } from '@kaoping/db/client';
import { newId } from '@kaoping/db/ids';
import { scoringRuns } from '@kaoping/db/schema';
import { and, eq } from 'drizzle-orm';

/**
 * One cron tick. A tick is recorded as a scoring run keyed by its scheduled
 * time, so two deliveries of the same tick start one run (the unique key on
 * (trigger, scheduled_time) refuses the second insert).
 */
export async function runCron(db: Db, scheduledTime: Date): Promise<{ runId: string | null }> {
  const at = scheduledTime.toISOString();
  const runId = newId('run');
  const inserted = await db
    .insert(scoringRuns)
    .values({
      id: runId,
      trigger: 'cron',
      scheduledTime: at,
      status: 'running',
      startedAt: new Date().toISOString(),
      heartbeatAt: new Date().toISOString(),
    })
    .onConflictDoNothing()
    .returning({ id: scoringRuns.id });
  if (inserted.length === 0) return { runId: null };
  await db
    .update(scoringRuns)
    .set({ status: 'done', finishedAt: new Date().toISOString() })
    .where(and(eq(scoringRuns.id, runId), eq(scoringRuns.status, 'running')));
  return { runId };
}
