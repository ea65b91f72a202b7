import { describe, expect, it } from 'vitest';
import { dueOccurrences, NEVER, reached } from './occurrences.ts';

// When milestones fall due: once, or weekly (003_…txt: 每周四下午4点前, Thursdays 16:00 in
// UTC+8 = 08:00Z), from due_at until the recurrence's last day.

const THURSDAY = '2026-11-05T08:00:00.000Z';
const ms = (iso: string) => Date.parse(iso);

describe('dueOccurrences', () => {
  it('a one-off milestone is due once, then never looked at again', () => {
    expect(dueOccurrences(THURSDAY, null, null, ms('2026-11-04T00:00:00Z'))).toEqual({
      due: [],
      nextCheckAt: NEVER,
    });
    expect(dueOccurrences(THURSDAY, null, null, ms('2026-11-05T08:00:00Z'))).toEqual({
      due: [THURSDAY],
      nextCheckAt: NEVER,
    });
    expect(dueOccurrences(THURSDAY, null, NEVER, ms('2027-01-01T00:00:00Z')).due).toEqual([]);
  });

  it('a weekly milestone is due every Thursday 16:00 (UTC+8) until its last day', () => {
    const weekly = { until: '2026-11-26' };
    expect(dueOccurrences(THURSDAY, weekly, null, ms('2026-11-22T00:00:00Z'))).toEqual({
      due: ['2026-11-05T08:00:00.000Z', '2026-11-12T08:00:00.000Z', '2026-11-19T08:00:00.000Z'],
      nextCheckAt: '2026-11-26T08:00:00.000Z',
    });
    // Checked up to the 26th: only the 26th is due now; after it, nothing (past `until`).
    expect(
      dueOccurrences(THURSDAY, weekly, '2026-11-26T08:00:00.000Z', ms('2026-12-20T00:00:00Z')),
    ).toEqual({ due: ['2026-11-26T08:00:00.000Z'], nextCheckAt: NEVER });
    // "Until 26 November" includes the 26th itself, in China Standard Time.
    expect(
      dueOccurrences(THURSDAY, { until: '2026-11-25' }, null, ms('2026-12-20T00:00:00Z')).due,
    ).toHaveLength(3);
  });
});

describe('reached', () => {
  it('follows the review chain; returned is back at the start, revoked was published', () => {
    expect(reached('submitted', 'submitted')).toBe(true);
    expect(reached('verified', 'submitted')).toBe(true);
    expect(reached('draft', 'submitted')).toBe(false);
    expect(reached('returned', 'submitted')).toBe(false);
    expect(reached('revoked', 'published')).toBe(true);
    expect(reached(null, 'submitted')).toBe(false);
  });
});
