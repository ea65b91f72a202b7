import { describe, expect, it } from 'vitest';
import { gzFullEmployment2024 } from '../../packs/gz-full-employment-2024.ts';
import { cleanPack } from '../../test/lint-fixtures.ts';
import type { Pack } from '../pack-schema.ts';
import { PeriodError, versionForPeriod } from './version-for-period.ts';

const version = (v: string, effectiveFrom: string, effectiveTo?: string): Pack =>
  cleanPack({ version: v, effectiveFrom, ...(effectiveTo ? { effectiveTo } : {}) });

// 2023.1 until 2024-06-30; the 2024.1 revision from 2024-07-01.
const v2023 = version('2023.1', '2023-01-01', '2024-06-30');
const v2024 = version('2024.1', '2024-07-01');
const versions = [v2024, v2023];
const pick = (start: string, end: string, list = versions) =>
  versionForPeriod(list, start, end)?.version;

describe('versionForPeriod', () => {
  it('takes the version in effect on the last day of a period that straddles a revision', () => {
    expect(pick('2023-10-01', '2024-09-30')).toBe('2024.1');
  });

  it('takes the old version for a period ending the day before the revision', () => {
    expect(pick('2023-10-01', '2024-06-30')).toBe('2023.1');
    expect(pick('2023-10-01', '2024-07-01')).toBe('2024.1');
  });

  it('takes the only version of a period wholly inside it', () => {
    expect(pick('2023-02-01', '2023-12-31')).toBe('2023.1');
    expect(pick('2024-07-01', '2024-07-01')).toBe('2024.1');
  });

  it('falls back to the last version in effect when the period outlives every version', () => {
    const retired = [version('2023.1', '2023-01-01', '2023-12-31')];
    expect(pick('2023-10-01', '2024-09-30', retired)).toBe('2023.1');
  });

  it('across a gap between versions, takes the one in effect latest in the period', () => {
    const gapped = [
      version('1.0', '2023-01-01', '2023-03-31'),
      version('2.0', '2023-06-01', '2023-08-31'),
    ];
    expect(pick('2023-01-15', '2023-12-31', gapped)).toBe('2.0');
    expect(pick('2023-01-15', '2023-05-31', gapped)).toBe('1.0');
  });

  it('is undefined when no version is in effect during the period', () => {
    expect(pick('2022-01-01', '2022-12-31')).toBeUndefined();
    expect(pick('2024-01-01', '2024-12-31', [])).toBeUndefined();
  });

  it('breaks ties between overlapping versions by later effectiveFrom, then higher version', () => {
    const overlapping = [
      version('2024.1', '2024-01-01'),
      version('2024.2', '2024-01-01'),
      version('2023.9', '2023-01-01'),
    ];
    expect(pick('2024-03-01', '2024-03-31', overlapping)).toBe('2024.2');
  });

  it("scores the seeds' campaign period with the gz 2024 revision", () => {
    expect(versionForPeriod([gzFullEmployment2024], '2023-10-01', '2024-09-30')).toBe(
      gzFullEmployment2024,
    );
  });

  it('refuses periods that end before they start, bad dates and mixed standards', () => {
    expect(() => pick('2024-02-01', '2024-01-31')).toThrow(PeriodError);
    expect(() => pick('2024-1-1', '2024-01-31')).toThrow(PeriodError);
    expect(() =>
      versionForPeriod([v2024, cleanPack({ key: 'test.other' })], '2024-01-01', '2024-12-31'),
    ).toThrow('versions of one standard expected, got test.lint, test.other');
  });
});
