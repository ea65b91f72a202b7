import { QueryBudgetExhausted, type Sql, stmt } from '../d1.ts';
import { resolveFlags, sweepDueMilestones } from '../deadlines/sweep.ts';
import { refreshCycleRollups } from '../rollups/refresh.ts';
import type { Lease } from './lease.ts';

export interface AfterScoring {
  /** Cycles whose rollups were refreshed, and how many of those were recomputed whole. */
  readonly rollups: number;
  readonly fullRollups: number;
  readonly flagged: number;
  readonly resolved: number;
}

/**
 * After scoring, under the lease: refresh the rollups of every cycle with changed units
 * (except those whose queued chunks are still out — they are refreshed when the chunks are
 * done), flag milestones that fell due, and resolve flags of the cycles that changed. Stops
 * quietly when the invocation's query budget runs out; what is left stays marked for the
 * next tick.
 */
export async function afterScoring(
  sql: Sql,
  lease: Lease,
  rollupPageUnits: number,
): Promise<AfterScoring> {
  const nowMs = Date.now();
  const time = { iso: new Date(nowMs).toISOString(), ms: nowMs };
  let rollups = 0;
  let fullRollups = 0;
  let flagged = 0;
  let resolved = 0;
  const touched = new Map<string, { tenantId: string; cycleId: string }>();
  try {
    const stale = await sql.all<{ tenant_id: string; cycle_id: string }>(
      stmt(
        `SELECT DISTINCT r.tenant_id, r.cycle_id FROM rollup_contributions r
         WHERE r.stale > 0 AND NOT EXISTS (
           SELECT 1 FROM scoring_chunks c WHERE c.tenant_id = r.tenant_id
             AND c.cycle_id = r.cycle_id AND c.status = 'queued')`,
      ),
    );
    for (const cycle of stale) {
      const how = await refreshCycleRollups(sql, cycle.tenant_id, cycle.cycle_id, {
        lease,
        at: time.iso,
        nowMs: time.ms,
        pageUnits: rollupPageUnits,
      });
      if (how !== 'nothing') rollups += 1;
      if (how === 'full') fullRollups += 1;
      touched.set(`${cycle.tenant_id}\u0000${cycle.cycle_id}`, {
        tenantId: cycle.tenant_id,
        cycleId: cycle.cycle_id,
      });
    }
    const swept = await sweepDueMilestones(sql, lease, time);
    flagged = swept.flagged;
    for (const cycle of touched.values()) {
      resolved += await resolveFlags(sql, lease, cycle.tenantId, cycle.cycleId, time);
    }
  } catch (err) {
    if (!(err instanceof QueryBudgetExhausted)) throw err;
  }
  return { rollups, fullRollups, flagged, resolved };
}
