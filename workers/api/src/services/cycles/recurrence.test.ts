import { describe, expect, it } from 'vitest';
import { firstOccurrence, recurrenceErrors } from './recurrence.ts';

const thursdays = { weekday: 4, time: '16:00', timezone: 'Asia/Shanghai' };

describe('weekly milestones (003_…: 每周四下午4点前)', () => {
  it('start on the first Thursday 16:00 China time on or after the start date', () => {
    expect(firstOccurrence({ ...thursdays, starts: '2023-07-01' })).toBe(
      '2023-07-06T08:00:00.000Z',
    );
    // A Thursday start is that very Thursday.
    expect(firstOccurrence({ ...thursdays, starts: '2023-07-06' })).toBe(
      '2023-07-06T08:00:00.000Z',
    );
    // Sunday is 7.
    expect(firstOccurrence({ ...thursdays, weekday: 7, time: '09:30', starts: '2024-07-01' })).toBe(
      '2024-07-07T01:30:00.000Z',
    );
  });

  it('keep China time only, end after they start, and take due_at only on schedule', () => {
    const paths = (r: Parameters<typeof recurrenceErrors>[0], due?: string) =>
      recurrenceErrors(r, due, 'body').map((e) => e.path);
    expect(paths({ ...thursdays, timezone: 'Europe/Berlin', starts: '2023-07-01' })).toEqual([
      'body.recurrence.timezone',
    ]);
    expect(paths({ ...thursdays, starts: '2023-07-01', until: '2023-06-01' })).toEqual([
      'body.recurrence.until',
    ]);
    expect(paths({ ...thursdays, starts: '2023-07-01' }, '2023-07-13T16:00:00+08:00')).toEqual([]);
    expect(paths({ ...thursdays, starts: '2023-07-01' }, '2023-07-13T16:00:00Z')).toEqual([
      'body.due_at',
    ]);
  });
});
