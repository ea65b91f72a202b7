import type { FieldError } from '../../lib/problem.ts';
import { fieldError } from './errors.ts';

/**
 * Weekly milestones, as 003_… sets them: "从7月起…每周四下午4点前" — every Thursday 16:00 China
 * Standard Time from July. The zone is fixed at UTC+8 (Asia/Shanghai keeps no daylight saving),
 * which is what lets the scheduler step occurrences by exactly 7 × 24 hours from `due_at`.
 */
export const SUPPORTED_TIMEZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RecurrenceInput {
  /** ISO weekday: 1 Monday … 7 Sunday (Thursday is 4). */
  weekday: number;
  /** "16:00". */
  time: string;
  timezone: string;
  /** The first day the series may fall on. */
  starts: string;
  /** The last day it may fall on (through the end of that day, UTC+8). */
  until?: string | undefined;
}

/** The first occurrence on or after `starts`: the weekday at `time`, UTC+8, as ISO UTC. */
export function firstOccurrence(r: RecurrenceInput): string {
  const start = Date.parse(`${r.starts}T00:00:00Z`);
  const isoDay = new Date(start).getUTCDay() || 7;
  const day = new Date(start + ((r.weekday - isoDay + 7) % 7) * DAY_MS).toISOString().slice(0, 10);
  return new Date(`${day}T${r.time}:00${OFFSET}`).toISOString();
}

/** `at` (ISO) read in UTC+8: ISO weekday and "HH:MM". */
function localWeekdayTime(at: string): { weekday: number; time: string } {
  const local = new Date(Date.parse(at) + 8 * 60 * 60 * 1000);
  return {
    weekday: local.getUTCDay() || 7,
    time: local.toISOString().slice(11, 16),
  };
}

/** Problems with a recurrence and the due_at it comes with, under `path`. */
export function recurrenceErrors(
  r: RecurrenceInput,
  dueAt: string | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (r.timezone !== SUPPORTED_TIMEZONE) {
    errors.push(
      fieldError(
        `${path}.recurrence.timezone`,
        'timezone',
        `weekly milestones keep ${SUPPORTED_TIMEZONE} time (UTC+8, no daylight saving)`,
        `每周节点按 ${SUPPORTED_TIMEZONE}（北京时间）计`,
      ),
    );
  }
  if (r.until !== undefined && r.until < r.starts) {
    errors.push(
      fieldError(
        `${path}.recurrence.until`,
        'before_start',
        'ends before it starts',
        '结束日期早于开始日期',
      ),
    );
  }
  if (dueAt !== undefined) {
    const local = localWeekdayTime(dueAt);
    if (local.weekday !== r.weekday || local.time !== r.time) {
      errors.push(
        fieldError(
          `${path}.due_at`,
          'not_on_schedule',
          'due_at must be an occurrence of the recurrence (its weekday and time, UTC+8)',
          'due_at 须落在该周期规则的星期和时刻上（北京时间）',
        ),
      );
    }
  }
  return errors;
}

/** What milestones.recurrence stores (the scheduler reads `until`). */
export function storedRecurrence(r: RecurrenceInput) {
  return {
    weekday: r.weekday,
    time: r.time,
    timezone: r.timezone,
    starts: r.starts,
    ...(r.until !== undefined ? { until: r.until } : {}),
  };
}
