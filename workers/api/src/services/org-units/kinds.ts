import { ORG_UNIT_KINDS, type OrgUnitKind } from '@kaoping/db/schema';

/**
 * Administrative levels, top to bottom. A child must sit at a lower level
 * than its parent; levels may be skipped, as real trees do: Dongguan's towns
 * sit directly under the city (不设区的地级市), and a province may hold a
 * county directly (省直辖县级行政单位).
 */
export const KIND_LEVEL: Record<OrgUnitKind, number> = {
  province: 0,
  city: 1,
  district: 2,
  county: 2,
  town: 3,
  street: 3,
  village: 4,
  community: 4,
};

export const KIND_LABEL_ZH: Record<OrgUnitKind, string> = {
  province: '省',
  city: '市',
  district: '区',
  county: '县',
  town: '镇',
  street: '街道',
  village: '村',
  community: '社区',
};

/** What a CSV may write in the kind column: the English name or a Chinese one. */
export const KIND_ALIASES: Record<string, OrgUnitKind> = {
  ...Object.fromEntries(ORG_UNIT_KINDS.map((k) => [k, k])),
  省: 'province',
  自治区: 'province',
  直辖市: 'province',
  市: 'city',
  地级市: 'city',
  州: 'city',
  区: 'district',
  市辖区: 'district',
  县: 'county',
  县级市: 'county',
  旗: 'county',
  镇: 'town',
  乡: 'town',
  乡镇: 'town',
  街道: 'street',
  村: 'village',
  行政村: 'village',
  社区: 'community',
  居委会: 'community',
};

export function kindFrom(text: string): OrgUnitKind | undefined {
  return KIND_ALIASES[text.trim().toLowerCase()] ?? KIND_ALIASES[text.trim()];
}

export function canBeChildOf(parent: OrgUnitKind, child: OrgUnitKind): boolean {
  return KIND_LEVEL[child] > KIND_LEVEL[parent];
}

export function kindRuleMessage(parent: OrgUnitKind, child: OrgUnitKind) {
  return {
    zh: `${KIND_LABEL_ZH[child]}级单位不能设在${KIND_LABEL_ZH[parent]}级单位之下`,
    en: `a ${child} cannot be placed under a ${parent}`,
  };
}
