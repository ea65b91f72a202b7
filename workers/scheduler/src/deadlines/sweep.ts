import { type Sql, type Statement, stmt } from '../d1.ts';
import { holdLease, type Lease } from '../run/lease.ts';
import { dueOccurrences, parseRecurrence, reached } from './occurrences.ts';

/**
 * Deadline flags: a milestone past due whose step a unit in scope has not done is flagged for
 * that unit, and for the cycle as a whole (org_unit_id '*'); a flag is resolved once the step
 * is done. The step is:
 *   - `required_status` set: the unit's submission has reached that status (review-chain order;
 *     returned counts as not yet submitted);
 *   - kind `progress_report` (weekly, 003's 每周四下午4点前): the unit has a `progress_reports`
 *     row for that occurrence (its due_at — issue 5 files each report under the first
 *     occurrence not yet past). A missed week is resolved by the unit's next report (a row
 *     for a later occurrence). Issue 5 includes submissionStatusChanged in the report's batch,
 *     so the cycle's flags are looked at again.
 * Milestones with neither are reminders only. Flags are checked when an occurrence falls due
 * (milestones.next_check_at) and resolved when the cycle's units change (the rollup refresh's
 * cycles), so an idle tick reads nothing here.
 */

interface MilestoneRow {
  id: string;
  tenant_id: string;
  cycle_id: string;
  kind: string;
  due_at: string;
  required_status: string | null;
  recurrence: string | null;
  next_check_at: string | null;
}

export interface DeadlineTime {
  readonly iso: string;
  readonly ms: number;
}

/** Milestones whose next occurrence is due, for the idle check and the sweep. */
const DUE_MILESTONES = `SELECT id, tenant_id, cycle_id, kind, due_at, required_status, recurrence,
    next_check_at FROM milestones WHERE next_check_at <= ?1
  UNION ALL
  SELECT id, tenant_id, cycle_id, kind, due_at, required_status, recurrence, next_check_at
    FROM milestones WHERE next_check_at IS NULL AND due_at <= ?1`;

async function unitStatuses(
  sql: Sql,
  tenantId: string,
  cycleId: string,
): Promise<Map<string, string | null>> {
  const rows = await sql.all<{ org_unit_id: string; status: string | null }>(
    stmt(
      `SELECT cu.org_unit_id, s.status FROM cycle_units cu
       LEFT JOIN submissions s ON s.tenant_id = cu.tenant_id AND s.cycle_id = cu.cycle_id
         AND s.org_unit_id = cu.org_unit_id
       WHERE cu.tenant_id = ? AND cu.cycle_id = ?`,
      tenantId,
      cycleId,
    ),
  );
  return new Map(rows.map((r) => [r.org_unit_id, r.status]));
}

/** The occurrences each unit has reported for, from `from` on. */
async function reports(
  sql: Sql,
  milestone: { tenant_id: string; cycle_id: string; id: string },
  from: string,
): Promise<{ orgUnitId: string; dueAt: string }[]> {
  const rows = await sql.all<{ org_unit_id: string; due_at: string }>(
    stmt(
      `SELECT org_unit_id, due_at FROM progress_reports
       WHERE tenant_id = ? AND cycle_id = ? AND due_at >= ? AND milestone_id = ?`,
      milestone.tenant_id,
      milestone.cycle_id,
      from,
      milestone.id,
    ),
  );
  return rows.map((r) => ({ orgUnitId: r.org_unit_id, dueAt: r.due_at }));
}

function flagInserts(
  milestone: MilestoneRow,
  dueAt: string,
  units: readonly string[],
  at: string,
): Statement[] {
  if (units.length === 0) return [];
  return [
    stmt(
      `INSERT OR IGNORE INTO deadline_flags (tenant_id, cycle_id, milestone_id, org_unit_id, due_at,
         flagged_at)
       SELECT ?, ?, ?, value, ?, ? FROM json_each(?)`,
      milestone.tenant_id,
      milestone.cycle_id,
      milestone.id,
      dueAt,
      at,
      JSON.stringify([...units, '*']),
    ),
  ];
}

/** Units that have not done the milestone's step for the occurrence due at `dueAt`. */
async function missing(
  sql: Sql,
  milestone: MilestoneRow,
  dueAt: string,
  statuses: () => Promise<Map<string, string | null>>,
): Promise<string[]> {
  const required = milestone.required_status;
  if (required) {
    return [...(await statuses()).entries()]
      .filter(([, status]) => !reached(status, required))
      .map(([unit]) => unit)
      .sort();
  }
  if (milestone.kind === 'progress_report') {
    const reported = new Set(
      (await reports(sql, milestone, dueAt))
        .filter((r) => r.dueAt === dueAt)
        .map((r) => r.orgUnitId),
    );
    return [...(await statuses()).keys()].filter((unit) => !reported.has(unit)).sort();
  }
  return [];
}

/** Flags every occurrence that fell due since the last sweep; returns the cycles it touched. */
export async function sweepDueMilestones(
  sql: Sql,
  lease: Lease,
  time: DeadlineTime,
): Promise<{ cycles: { tenantId: string; cycleId: string }[]; flagged: number }> {
  const milestones = await sql.all<MilestoneRow>(stmt(`${DUE_MILESTONES} LIMIT 200`, time.iso));
  const cached = new Map<string, Promise<Map<string, string | null>>>();
  const touched = new Map<string, { tenantId: string; cycleId: string }>();
  let flagged = 0;
  for (const milestone of milestones) {
    const check = dueOccurrences(
      milestone.due_at,
      parseRecurrence(milestone.recurrence),
      milestone.next_check_at,
      time.ms,
    );
    const cycleKey = `${milestone.tenant_id}\u0000${milestone.cycle_id}`;
    const statuses = () => {
      let found = cached.get(cycleKey);
      if (!found) {
        found = unitStatuses(sql, milestone.tenant_id, milestone.cycle_id);
        cached.set(cycleKey, found);
      }
      return found;
    };
    const statements: Statement[] = [...holdLease(lease, time.ms)];
    for (const dueAt of check.due) {
      const units = await missing(sql, milestone, dueAt, statuses);
      flagged += units.length;
      statements.push(...flagInserts(milestone, dueAt, units, time.iso));
    }
    // Guarded on the value read: a milestone edited meanwhile (next_check_at reset) is kept.
    statements.push(
      stmt(
        `UPDATE milestones SET next_check_at = ? WHERE tenant_id = ? AND id = ?
           AND next_check_at IS ?`,
        check.nextCheckAt,
        milestone.tenant_id,
        milestone.id,
        milestone.next_check_at,
      ),
    );
    await sql.batch(statements);
    touched.set(cycleKey, { tenantId: milestone.tenant_id, cycleId: milestone.cycle_id });
  }
  return { cycles: [...touched.values()], flagged };
}

interface OpenFlag {
  milestone_id: string;
  org_unit_id: string;
  due_at: string;
  kind: string;
  required_status: string | null;
}

/** Resolves the open flags of a cycle whose step is now done. Writes only when one is. */
export async function resolveFlags(
  sql: Sql,
  lease: Lease,
  tenantId: string,
  cycleId: string,
  time: DeadlineTime,
): Promise<number> {
  const open = await sql.all<OpenFlag>(
    stmt(
      `SELECT f.milestone_id, f.org_unit_id, f.due_at, m.kind, m.required_status
       FROM deadline_flags f JOIN milestones m ON m.tenant_id = f.tenant_id AND m.id = f.milestone_id
       WHERE f.tenant_id = ? AND f.cycle_id = ? AND f.resolved_at IS NULL`,
      tenantId,
      cycleId,
    ),
  );
  if (open.length === 0) return 0;
  const units = open.filter((f) => f.org_unit_id !== '*');
  const statuses = units.some((f) => f.required_status)
    ? await unitStatuses(sql, tenantId, cycleId)
    : new Map<string, string | null>();
  const reportFlags = units.filter((f) => !f.required_status && f.kind === 'progress_report');
  const filed = new Map<string, { orgUnitId: string; dueAt: string }[]>();
  for (const milestoneId of new Set(reportFlags.map((f) => f.milestone_id))) {
    const earliest =
      reportFlags
        .filter((f) => f.milestone_id === milestoneId)
        .map((f) => f.due_at)
        .sort()[0] ?? '';
    filed.set(
      milestoneId,
      await reports(sql, { tenant_id: tenantId, cycle_id: cycleId, id: milestoneId }, earliest),
    );
  }

  const done = units.filter((f) => {
    if (f.required_status) return reached(statuses.get(f.org_unit_id) ?? null, f.required_status);
    if (f.kind === 'progress_report') {
      // Reported for that week after all, or for a later one (the next report resolves it).
      return (filed.get(f.milestone_id) ?? []).some(
        (r) => r.orgUnitId === f.org_unit_id && r.dueAt >= f.due_at,
      );
    }
    return false;
  });
  const stillOpen = new Set(
    units.filter((f) => !done.includes(f)).map((f) => `${f.milestone_id}\u0000${f.due_at}`),
  );
  const cycleLevel = open.filter(
    (f) => f.org_unit_id === '*' && !stillOpen.has(`${f.milestone_id}\u0000${f.due_at}`),
  );
  const resolved = [...done, ...cycleLevel];
  if (resolved.length === 0) return 0;
  await sql.batch([
    ...holdLease(lease, time.ms),
    stmt(
      `UPDATE deadline_flags SET resolved_at = ?
       WHERE tenant_id = ? AND resolved_at IS NULL AND (milestone_id, org_unit_id, due_at) IN (
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
         FROM json_each(?))`,
      time.iso,
      tenantId,
      JSON.stringify(resolved.map((f) => [f.milestone_id, f.org_unit_id, f.due_at])),
    ),
  ]);
  return resolved.length;
}

export { DUE_MILESTONES };
