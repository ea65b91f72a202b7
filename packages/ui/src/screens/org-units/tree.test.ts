import { describe, expect, it } from 'vitest';
import { KIND_LEVEL as API_KIND_LEVEL } from '../../../../../workers/api/src/services/org-units/kinds.ts';
import type { OrgUnit, OrgUnitKind } from '../../api/types.ts';
import { buildTree, childKinds, KIND_LEVEL, moveTargets, searchTree } from './tree.ts';

let n = 0;
function unit(
  name: string,
  kind: OrgUnitKind,
  parent: OrgUnit | null,
  code: string | null = null,
): OrgUnit {
  const id = `org_${++n}`;
  return {
    id,
    parent_id: parent?.id ?? null,
    kind,
    name,
    name_en: null,
    code,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    status: 'active',
    created_at: '2024-06-24T00:00:00.000Z',
    updated_at: '2024-06-24T00:00:00.000Z',
    etag: '"1"',
  };
}

const district = unit('从化区', 'district', null, '440117000000');
const liangkou = unit('良口镇', 'town', district, '440117105000');
const wenquan = unit('温泉镇', 'town', district, '440117103000');
const xitou = unit('溪头村', 'village', liangkou);
const caihong = unit('彩虹社区', 'community', liangkou);
const anping = unit('安平村', 'village', liangkou);
const all = [district, liangkou, xitou, caihong, anping, wenquan];

describe('the org tree', () => {
  it('ranks kinds as the API does', () => {
    expect(KIND_LEVEL).toEqual(API_KIND_LEVEL);
    expect(childKinds('town')).toEqual(['village', 'community']);
    expect(childKinds('village')).toEqual([]);
  });

  it('nests units and orders siblings by code, then by name in pinyin', () => {
    const [root] = buildTree(all);
    expect(root?.unit.name).toBe('从化区');
    expect(root?.children.map((c) => c.unit.name)).toEqual(['温泉镇', '良口镇']);
    const town = root?.children[1];
    expect(town?.children.map((c) => c.unit.name)).toEqual(['安平村', '彩虹社区', '溪头村']);
  });

  it('offers moves only to higher-level units outside the subtree, not the current parent', () => {
    expect(moveTargets(all, xitou).map((u) => u.name)).toEqual(['从化区', '温泉镇']);
    expect(moveTargets(all, liangkou).map((u) => u.name)).toEqual([]);
  });

  it('searches names and codes and keeps the ancestors of each match', () => {
    expect([...(searchTree(all, '溪头') ?? [])].sort()).toEqual(
      [district.id, liangkou.id, xitou.id].sort(),
    );
    expect([...(searchTree(all, '440117103') ?? [])].sort()).toEqual(
      [district.id, wenquan.id].sort(),
    );
    expect(searchTree(all, '  ')).toBeNull();
  });
});
