/**
 * When a milestone falls due. A one-off milestone is due at `due_at`. A weekly one (003's
 * "每周四下午4点前" progress report) is due at `due_at` and every 7 days after it, until
 * `recurrence.until` (a date: through the end of that day, in UTC+8 — the zone the seeds'
 * bureaus keep; China keeps no daylight saving, so "every 7 × 24 hours" is "every Thursday
 * 16:00"). `due_at` anchors the series; the recurrence's weekday and time are descriptive.
 */

export const NEVER = '9999-12-31T23:59:59.999Z';
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** A sweep after a long outage flags at most this many missed occurrences per milestone. */
const MAX_OCCURRENCES = 104;

export interface Recurrence {
  readonly until?: string;
}

export function parseRecurrence(json: string | null): Recurrence | null {
  if (!json) return null;
  const value = JSON.parse(json) as unknown;
  if (!value || typeof value !== 'object') return null;
  const until = (value as { until?: unknown }).until;
  return typeof until === 'string' ? { until } : {};
}

function untilMs(recurrence: Recurrence): number {
  if (!recurrence.until) return Number.POSITIVE_INFINITY;
  // A bare date means "through that day" in China Standard Time (UTC+8).
  if (/^\d{4}-\d{2}-\d{2}$/.test(recurrence.until)) {
    return Date.parse(`${recurrence.until}T23:59:59.999+08:00`);
  }
  return Date.parse(recurrence.until);
}

export interface DueCheck {
  /** Occurrences (ISO) that have fallen due since the last check, oldest first. */
  readonly due: string[];
  /** When to look again: the next occurrence, or NEVER. */
  readonly nextCheckAt: string;
}

/** What a sweep at `nowMs` must check for a milestone last checked up to `nextCheckAt`. */
export function dueOccurrences(
  dueAt: string,
  recurrence: Recurrence | null,
  nextCheckAt: string | null,
  nowMs: number,
): DueCheck {
  const first = Date.parse(dueAt);
  if (!recurrence) {
    const pending = nextCheckAt === null || nextCheckAt <= dueAt;
    return { due: pending && first <= nowMs ? [dueAt] : [], nextCheckAt: NEVER };
  }
  const end = untilMs(recurrence);
  const from = nextCheckAt === null ? first : Date.parse(nextCheckAt);
  const due: string[] = [];
  // The first occurrence at or after `from`.
  let k = Math.max(0, Math.ceil((from - first) / WEEK_MS));
  let at = first + k * WEEK_MS;
  while (at <= nowMs && at <= end) {
    due.push(new Date(at).toISOString());
    k += 1;
    at = first + k * WEEK_MS;
  }
  const kept = due.slice(-MAX_OCCURRENCES);
  return { due: kept, nextCheckAt: at <= end ? new Date(at).toISOString() : NEVER };
}

/** Review-chain order; a returned submission is back at the start, a revoked one was published. */
const RANK: Readonly<Record<string, number>> = {
  draft: 0,
  returned: 0,
  submitted: 1,
  recommended: 2,
  verified: 3,
  publicised: 4,
  published: 5,
  revoked: 5,
};

/** Whether a unit whose submission has `status` (null: none) has reached `required`. */
export function reached(status: string | null, required: string): boolean {
  if (status === null) return false;
  const have = RANK[status];
  const need = RANK[required];
  return have !== undefined && need !== undefined && have >= need;
}
