import { employmentStatisticsYearly } from '../packs/employment-statistics-yearly.ts';
import { gzFullEmployment2024 } from '../packs/gz-full-employment-2024.ts';
import { gzHqeVillage2024 } from '../packs/gz-hqe-village-2024.ts';
import { provinceEmploymentWork } from '../packs/province-employment-work.ts';
import { ycHqe2023 } from '../packs/yc-hqe-2023.ts';
import type { Pack } from './pack-schema.ts';

// The packs that ship with Kaoping. Add a pack here once it is defined and tested; a
// published version never changes (publish a new version instead).

export const builtInPacks: readonly Pack[] = [
  gzFullEmployment2024,
  gzHqeVillage2024,
  ycHqe2023,
  provinceEmploymentWork,
  employmentStatisticsYearly,
];

/** "gz.full-employment@2024.1". */
export function packRef(pack: Pick<Pack, 'key' | 'version'>): string {
  return `${pack.key}@${pack.version}`;
}

/** Orders versions by their numeric parts ("2024.10" after "2024.9"), pre-releases first. */
export function compareVersions(a: string, b: string): number {
  const [mainA = '', preA] = a.split('-', 2);
  const [mainB = '', preB] = b.split('-', 2);
  const partsA = mainA.split('.').map(Number);
  const partsB = mainB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/**
 * A built-in pack by "key" (its latest version) or "key@version"; undefined if none.
 */
export function findBuiltInPack(
  ref: string,
  packs: readonly Pack[] = builtInPacks,
): Pack | undefined {
  const [key, version] = ref.split('@', 2);
  const matching = packs.filter(
    (p) => p.key === key && (version === undefined || p.version === version),
  );
  return [...matching].sort((a, b) => compareVersions(a.version, b.version)).at(-1);
}

/**
 * The version of `key` in effect on an ISO date: the latest whose effectiveFrom is on or
 * before it and whose effectiveTo (if any) is on or after it. A cycle pins its version; this
 * only proposes one (e.g. for the first day of its reporting period).
 */
export function versionInEffect(
  key: string,
  date: string,
  packs: readonly Pack[] = builtInPacks,
): Pack | undefined {
  return packs
    .filter(
      (p) =>
        p.key === key &&
        p.effectiveFrom <= date &&
        (p.effectiveTo === undefined || date <= p.effectiveTo),
    )
    .sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom
        ? -1
        : a.effectiveFrom > b.effectiveFrom
          ? 1
          : compareVersions(a.version, b.version),
    )
    .at(-1);
}
