import type { OrgUnit } from '../api/types.ts';

/** Units as <option>s in tree order, indented by depth (the list is already in tree order). */
export function unitOptions(
  units: readonly OrgUnit[],
  filter: (u: OrgUnit) => boolean = () => true,
) {
  return units.filter(filter).map((u) => ({
    value: u.id,
    label: `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}${u.code ? ` ${u.code}` : ''}`,
  }));
}

export function unitsById(units: readonly OrgUnit[] | undefined): Map<string, OrgUnit> {
  return new Map((units ?? []).map((u) => [u.id, u]));
}
