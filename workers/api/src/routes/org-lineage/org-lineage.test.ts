import { beforeAll, describe, expect, it } from 'vitest';
import { etagOf, freshCycle, submissionOf } from '../../../test/campaign.ts';
import {
  createTestTenant,
  databaseFingerprint,
  type TestTenant,
  type TestUnit,
} from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

/**
 * 区划调整 between cycles: merges, splits, renames and a village becoming a community. The units
 * that end are archived, never deleted, so last year's submissions still resolve under their
 * ids; the lineage links them to their successors and a multi-year view follows it.
 */

let t: TestTenant;
let n = 0;

beforeAll(async () => {
  t = await createTestTenant();
});

const village = (name: string) =>
  callJson<TestUnit>('/v1/org-units', {
    token: t.tokens.admin,
    body: { parent_id: t.units.town.id, kind: 'village', name: `${name}${++n}` },
  });

interface Change {
  archived: string[];
  created: { id: string; name: string; kind: string; code: string | null }[];
  lineage: { from_unit_id: string; to_unit_id: string; change: string; effective_date: string }[];
}

const record = (body: Record<string, unknown>, expect = 201) =>
  callJson<Change>('/v1/org-units/changes', { token: t.tokens.admin, body, expect });

interface Lineage {
  unit: { id: string; status: string };
  units: {
    id: string;
    name: string;
    status: string;
    valid_from: string | null;
    valid_to: string | null;
  }[];
  changes: { from_unit_id: string; to_unit_id: string; change: string }[];
  history: { cycle_id: string; org_unit_id: string; unit_name: string; status: string }[];
}

describe('administrative changes (区划调整)', () => {
  it('a village becomes a community: last year’s submission still resolves, the lineage follows', async () => {
    const old = await village('城郊村');
    const lastYear = await freshCycle(t, { units: [{ org_unit_id: old.id }] });
    const oldSubmission = await submissionOf(t, lastYear.id, old.id);
    // Between cycles: close last year's first.
    await callJson(`/v1/cycles/${lastYear.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': await etagOf(`/v1/cycles/${lastYear.id}`, t.tokens.admin) },
      body: { status: 'closed' },
      expect: 200,
    });
    const change = await record({
      change: 'reclassify',
      effective_date: '2025-01-01',
      from_unit_ids: [old.id],
      to: [{ kind: 'community', name: '城郊社区' }],
      note: '撤村设居',
    });
    expect(change.archived).toEqual([old.id]);
    expect(change.created[0]).toMatchObject({ kind: 'community', name: '城郊社区' });
    const successor = change.created[0]!.id;

    // The old unit and its submission are still there.
    const archived = await callJson<{ status: string }>(`/v1/org-units/${old.id}`, {
      token: t.tokens.admin,
    });
    expect(archived.status).toBe('archived');
    const stillThere = await callJson<{ id: string; unit: { id: string } }>(
      `/v1/submissions/${oldSubmission.id}`,
      { token: t.tokens.admin },
    );
    expect(stillThere.unit.id).toBe(old.id);

    // This year's cycle assesses the community; the lineage puts both years together.
    const thisYear = await freshCycle(t, { units: [{ org_unit_id: successor }] });
    const view = await callJson<Lineage>(`/v1/org-units/${successor}/lineage`, {
      token: t.tokens.viewer,
    });
    expect(view.changes).toEqual([
      expect.objectContaining({
        from_unit_id: old.id,
        to_unit_id: successor,
        change: 'reclassify',
      }),
    ]);
    expect(view.units.find((u) => u.id === old.id)).toMatchObject({
      status: 'archived',
      valid_to: '2025-01-01',
    });
    expect(view.units.find((u) => u.id === successor)).toMatchObject({ valid_from: '2025-01-01' });
    expect(view.history.map((h) => [h.cycle_id, h.org_unit_id])).toEqual(
      expect.arrayContaining([
        [lastYear.id, old.id],
        [thisYear.id, successor],
      ]),
    );
    // Read from the old id, the same lineage.
    const fromOld = await callJson<Lineage>(`/v1/org-units/${old.id}/lineage`, {
      token: t.tokens.admin,
    });
    expect(fromOld.history).toHaveLength(2);
  });

  it('two villages merge into one, one splits into two, one is renamed keeping its code', async () => {
    const [a, b] = await Promise.all([village('合并甲'), village('合并乙')]);
    const merged = await record({
      change: 'merge',
      effective_date: '2025-03-01',
      from_unit_ids: [a.id, b.id],
      to: [{ name: '合并新村' }],
    });
    expect(merged.archived.sort()).toEqual([a.id, b.id].sort());
    expect(merged.lineage).toHaveLength(2);

    const whole = await village('拆分村');
    const split = await record({
      change: 'split',
      effective_date: '2025-03-01',
      from_unit_ids: [whole.id],
      to: [{ name: '拆分东村' }, { name: '拆分西村' }],
    });
    expect(split.created.map((u) => u.name)).toEqual(['拆分东村', '拆分西村']);

    const coded = await callJson<TestUnit>('/v1/org-units', {
      token: t.tokens.admin,
      body: { parent_id: t.units.town.id, kind: 'village', name: '旧名村', code: '440117105201' },
    });
    const renamed = await record({
      change: 'rename',
      effective_date: '2025-06-01',
      from_unit_ids: [coded.id],
      to: [{ name: '新名村' }],
    });
    expect(renamed.created[0]).toMatchObject({ name: '新名村', code: '440117105201' });

    // Following a chain of changes: the merged village's lineage reaches both predecessors.
    const view = await callJson<Lineage>(`/v1/org-units/${merged.created[0]!.id}/lineage`, {
      token: t.tokens.admin,
    });
    expect(view.units.map((u) => u.id).sort()).toEqual([a.id, b.id, merged.created[0]!.id].sort());
  });

  it('is refused for a unit in an open cycle, with active children, or of another tenant — nothing stored', async () => {
    const busy = await village('在评村');
    await freshCycle(t, { units: [{ org_unit_id: busy.id }] });
    const other = await createTestTenant();
    const before = await databaseFingerprint();
    const open = await call('/v1/org-units/changes', {
      token: t.tokens.admin,
      body: {
        change: 'rename',
        effective_date: '2025-01-01',
        from_unit_ids: [busy.id],
        to: [{ name: '改名' }],
      },
    });
    expect(open.status).toBe(409);
    const parent = await call('/v1/org-units/changes', {
      token: t.tokens.admin,
      body: {
        change: 'rename',
        effective_date: '2025-01-01',
        from_unit_ids: [t.units.otherTown.id],
        to: [{ name: '新镇' }],
      },
    });
    expect(parent.status).toBe(409);
    const foreign = await call('/v1/org-units/changes', {
      token: t.tokens.admin,
      body: {
        change: 'merge',
        effective_date: '2025-01-01',
        from_unit_ids: [t.units.siblingVillage.id, other.units.village.id],
        to: [{ name: '越界村' }],
      },
    });
    expect(foreign.status).toBe(404);
    const shape = await call('/v1/org-units/changes', {
      token: t.tokens.admin,
      body: {
        change: 'merge',
        effective_date: '2025-01-01',
        from_unit_ids: [busy.id],
        to: [{ name: 'x' }],
      },
    });
    expect(shape.status).toBe(400);
    expect(await shape.text()).toContain('body.from_unit_ids');
    expect(await databaseFingerprint()).toEqual(before);
  });
});
