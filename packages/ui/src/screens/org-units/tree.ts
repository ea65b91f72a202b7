import { ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from '../../api/types.ts';

/**
 * Administrative levels, top to bottom, as the API ranks them
 * (services/org-units/kinds.ts): a child sits at a lower level than its
 * parent; levels may be skipped.
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

export const canBeChildOf = (parent: OrgUnitKind, child: OrgUnitKind): boolean =>
  KIND_LEVEL[child] > KIND_LEVEL[parent];

/** The kinds a new unit under `parent` may have. */
export const childKinds = (parent: OrgUnitKind): OrgUnitKind[] =>
  ORG_UNIT_KINDS.filter((k) => canBeChildOf(parent, k));

export interface TreeNode {
  unit: OrgUnit;
  children: TreeNode[];
}

const byPinyin = new Intl.Collator('zh-CN');

/**
 * Siblings as a person reads a list of them: by statistical code where both
 * have one, else by name in pinyin order (the API's tree order is by id).
 */
export function compareSiblings(a: OrgUnit, b: OrgUnit): number {
  if (a.code && b.code && a.code !== b.code) return a.code < b.code ? -1 : 1;
  if (!!a.code !== !!b.code) return a.code ? -1 : 1;
  return byPinyin.compare(a.name, b.name);
}

/** Nest a list of units; a unit whose parent is not in the list is a root. */
export function buildTree(units: readonly OrgUnit[]): TreeNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parent_id ? nodes.get(node.unit.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => compareSiblings(a.unit, b.unit));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** A unit and everything below it: their paths start with its path. */
export const isInSubtree = (unit: OrgUnit, of: OrgUnit): boolean => unit.path.startsWith(of.path);

/** The ids from the root down to the unit's parent, from its path "/a/b/c/". */
export const ancestorIds = (unit: OrgUnit): string[] =>
  unit.path.split('/').filter(Boolean).slice(0, -1);

/** Where a unit may move: active units of a higher level, outside its own subtree, not its parent. */
export function moveTargets(units: readonly OrgUnit[], unit: OrgUnit): OrgUnit[] {
  return units.filter(
    (u) =>
      u.status === 'active' &&
      u.id !== unit.parent_id &&
      !isInSubtree(u, unit) &&
      canBeChildOf(u.kind, unit.kind),
  );
}

/**
 * The units a search shows: those whose name, English name or code contains
 * the query, and their ancestors (so each match is seen in place).
 */
export function searchTree(units: readonly OrgUnit[], query: string): Set<string> | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const shown = new Set<string>();
  for (const u of units) {
    const hay = `${u.name} ${u.name_en ?? ''} ${u.code ?? ''}`.toLowerCase();
    if (hay.includes(q)) {
      shown.add(u.id);
      for (const id of ancestorIds(u)) shown.add(id);
    }
  }
  return shown;
}
