import { describe, expect, it } from 'vitest';
import * as q from '../rational.ts';
import { analyseBands, type BandOperator, type ResolvedBand, testValues } from './band-analysis.ts';
import { UNBOUNDED } from './value-domain.ts';

const band = (operator: BandOperator, percent: number, points: number): ResolvedBand => ({
  operator,
  threshold: q.div(q.fromNumber(percent), 100),
  points,
});
const pct = (x: number) => q.div(q.fromNumber(x), 100);
const unitRange = { lo: q.ZERO, hi: q.ONE };

describe('analyseBands', () => {
  it('finds nothing wrong in "达90%得8分，达85%得7分，达80%得6分"', () => {
    const result = analyseBands(
      [band('>=', 90, 8), band('>=', 85, 7), band('>=', 80, 6)],
      0,
      UNBOUNDED,
    );
    expect(result).toEqual({
      unreachable: [],
      overlaps: [],
      gap: null,
      inversions: [],
      otherwiseAbove: null,
    });
  });

  it('calls a band listed after a wider one unreachable (达85% before 达90%)', () => {
    const result = analyseBands([band('>=', 85, 7), band('>=', 90, 8)], 0, UNBOUNDED);
    expect(result.unreachable).toEqual([1]);
  });

  it('calls a repeated threshold unreachable, and > after >= at the same threshold', () => {
    expect(analyseBands([band('>=', 90, 8), band('>=', 90, 7)], 0, UNBOUNDED).unreachable).toEqual([
      1,
    ]);
    expect(analyseBands([band('>=', 90, 8), band('>', 90, 9)], 0, UNBOUNDED).unreachable).toEqual([
      1,
    ]);
    // ">" first leaves exactly 90 % to ">=": both reachable.
    expect(analyseBands([band('>', 90, 9), band('>=', 90, 8)], 0, UNBOUNDED).unreachable).toEqual(
      [],
    );
  });

  it('calls a band beyond the value domain unreachable (> 100% of a percent input)', () => {
    const result = analyseBands([band('>', 100, 5), band('>=', 90, 4)], 0, unitRange);
    expect(result.unreachable).toEqual([0]);
  });

  it('finds overlapping bands of opposite directions (≥ 80% and < 85%)', () => {
    const result = analyseBands([band('>=', 80, 6), band('<', 85, 3)], 0, UNBOUNDED);
    expect(result.overlaps).toEqual([{ earlier: 0, later: 1 }]);
    expect(result.unreachable).toEqual([]);
  });

  it('finds no overlap when opposite bands only touch outside each other (≥ 80% and < 80%)', () => {
    const result = analyseBands([band('>=', 80, 6), band('<', 80, 3)], 0, UNBOUNDED);
    expect(result.overlaps).toEqual([]);
    expect(result.gap).toBeNull();
    expect(analyseBands([band('>=', 80, 6), band('<=', 80, 3)], 0, UNBOUNDED).overlaps).toEqual([
      { earlier: 0, later: 1 },
    ]);
  });

  it('finds the gap between bands written from both ends (≥ 90% and < 60%)', () => {
    const result = analyseBands([band('>=', 90, 5), band('<', 60, 0)], 3, UNBOUNDED);
    expect(result.gap).toEqual({ from: pct(60), to: pct(90) });
  });

  it('does not call the rest below one-sided bands a gap ("低于65%不得分")', () => {
    expect(analyseBands([band('>=', 90, 8), band('>=', 65, 3)], 0, UNBOUNDED).gap).toBeNull();
  });

  it('warns of a lower band awarding more, and of otherwise above the last band', () => {
    const result = analyseBands([band('>=', 90, 5), band('>=', 85, 6)], 0, UNBOUNDED);
    expect(result.inversions).toEqual([{ better: 0, worse: 1 }]);
    expect(analyseBands([band('>=', 90, 5), band('>=', 85, 3)], 4, UNBOUNDED).otherwiseAbove).toBe(
      1,
    );
  });

  it('reads lower-is-better bands the other way round (≤ 3% → 5, ≤ 4% → 3)', () => {
    const result = analyseBands([band('<=', 3, 5), band('<=', 4, 3)], 0, UNBOUNDED);
    expect(result.unreachable).toEqual([]);
    expect(result.inversions).toEqual([]);
    expect(analyseBands([band('<=', 4, 3), band('<=', 3, 5)], 0, UNBOUNDED).unreachable).toEqual([
      1,
    ]);
  });
});

describe('testValues', () => {
  it('takes every threshold, a value between each pair and one beyond each end', () => {
    const values = testValues([q.fromNumber(2), q.fromNumber(1)], UNBOUNDED).map(q.toNumber);
    expect(values).toEqual([0, 1, 1.5, 2, 3]);
  });

  it('keeps to the domain', () => {
    const values = testValues([q.fromNumber(2)], { lo: q.ZERO, hi: q.fromNumber(2) });
    expect(values.map(q.toNumber)).toEqual([0, 1, 2]);
  });
});
