import type { Pack } from '../pack-schema.ts';
import { compareVersions } from '../registry.ts';

// Which version of a standard scores a reporting period that straddles a revision?
//
// The rule: the version in effect on the period's LAST day — or, if none is in effect that day,
// on the latest day of the period on which one is. Ties (overlapping versions) go to the later
// effectiveFrom, then the higher version number.
//
// Why the end, not the start: assessment happens at the end of the period, against the
// rubric then in force — the forms, the assessors' instructions and the designation awarded
// are the current ones, and a designation must not be granted under a rubric already retired.
// The seeds do exactly this: Liangkou's plan (000_…txt, issued 2024-06-24) applies the
// "2024年修订版" to data "自2023年10月至2024年9月", a period that began before it was issued.
// The cost — units judged partly on rules published mid-period — is what the version diff and
// `rescorePreview` make visible before a cycle is switched. A cycle still pins its version
// explicitly; this only proposes one.

export class PeriodError extends RangeError {
  override name = 'PeriodError';
}

/**
 * The version of one standard (all `versions` share a key) that scores the period
 * `start`..`end` (ISO dates, inclusive), or undefined when none is in effect during it.
 */
export function versionForPeriod(
  versions: readonly Pack[],
  start: string,
  end: string,
): Pack | undefined {
  if (!isIsoDate(start) || !isIsoDate(end)) {
    throw new PeriodError(`period dates must be ISO dates (YYYY-MM-DD): ${start}..${end}`);
  }
  if (end < start) throw new PeriodError(`the period ends (${end}) before it starts (${start})`);
  const keys = new Set(versions.map((v) => v.key));
  if (keys.size > 1) {
    throw new PeriodError(`versions of one standard expected, got ${[...keys].sort().join(', ')}`);
  }
  let best: { pack: Pack; lastDay: string } | undefined;
  for (const pack of versions) {
    const from = pack.effectiveFrom;
    const to = pack.effectiveTo;
    // In effect during the period at all?
    if (from > end || (to !== undefined && to < start)) continue;
    const lastDay = to !== undefined && to < end ? to : end;
    if (!best || lastDay > best.lastDay || (lastDay === best.lastDay && later(pack, best.pack))) {
      best = { pack, lastDay };
    }
  }
  return best?.pack;
}

function later(a: Pack, b: Pack): boolean {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom;
  return compareVersions(a.version, b.version) > 0;
}

function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}
