import { env } from 'cloudflare:workers';
import type { Scorecard } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import { etagOf, freshCycle, saveInputs, submissionOf } from '../../../test/campaign.ts';
import {
  createTailoredPack,
  createTestTenant,
  type TestTenant,
  type TestUnit,
} from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { runScheduler } from '../../../test/scoring.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';

/**
 * Reading scores the scheduler wrote: a Guangzhou cycle of three units made through the API,
 * inputs saved by the unit's reporter, scored by the real scheduler tick; then the list, its
 * paging and filters, one snapshot, a unit's history, and conditional reads.
 */

interface Score {
  snapshot_id: string;
  snapshot_seq: number;
  cycle_id: string;
  submission_id: string;
  submission_status?: string;
  stage: string;
  org_unit: { id: string; name: string; kind: string; code: string | null };
  pack: { key: string; version: string; content_hash: string };
  input_hash: string;
  engine_version: string;
  total: number | null;
  max: number | null;
  complete: boolean;
  designation_met: boolean | null;
  created_at: string;
  redacted?: string[];
  scorecard?: Scorecard;
  current?: boolean;
}

interface Page {
  items: Score[];
  next_cursor: string | null;
}

let t: TestTenant;
let cycleId: string;
const villageInputs = gzFullEmploymentInputs('甲村', 'village', 0.9);

beforeAll(async () => {
  t = await createTestTenant();
  const cycle = await freshCycle(t, {
    units: [t.units.village, t.units.siblingVillage, t.units.community].map((u) => ({
      org_unit_id: u.id,
    })),
  });
  cycleId = cycle.id;
  const draft = await submissionOf(t, cycleId, t.units.village.id);
  await saveInputs(draft.id, t.tokens.reporter, villageInputs);
  await runScheduler();
});

const scores = (query: string, token = t.tokens.admin) =>
  callJson<Page>(`/v1/scores?cycle_id=${cycleId}${query}`, { token });

describe('GET /v1/scores', () => {
  it('lists the current scorecard of every unit and stage, as the engine scored it', async () => {
    const page = await scores('');
    expect(page.items.map((s) => s.org_unit.id).sort()).toEqual(
      [t.units.village.id, t.units.siblingVillage.id, t.units.community.id].sort(),
    );
    expect(page.next_cursor).toBeNull();
    const village = page.items.find((s) => s.org_unit.id === t.units.village.id)!;
    expect(village).toMatchObject({
      cycle_id: cycleId,
      stage: 'self',
      submission_status: 'draft',
      org_unit: { name: t.units.village.name, kind: 'village' },
      pack: { key: 'gz.full-employment', version: '2024.1' },
      redacted: [],
    });
    expect(village.snapshot_id).toMatch(/^snp_[0-9a-f]{32}$/);
    expect(village.input_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(village.pack.content_hash).toMatch(/^[0-9a-f]{64}$/);
    // The same figures through the stateless preview: the same engine call, the same points.
    const preview = await callJson<Scorecard>(
      '/v1/packs/gz.full-employment/versions/2024.1/score',
      {
        token: t.tokens.admin,
        body: { unitKind: 'village', parameters: { passMark: 80 }, inputs: villageInputs },
        expect: 200,
      },
    );
    const card = village.scorecard!;
    expect(card.total).toBe(preview.total);
    expect(village.total).toBe(preview.total);
    expect(card.items.map((i) => [i.id, i.points])).toEqual(
      preview.items.map((i) => [i.id, i.points]),
    );
    expect(card.items[0]!.explanation.zh.length).toBeGreaterThan(0);
    expect(card.items[0]!.explanation.en.length).toBeGreaterThan(0);
    expect(card.engine).toBe(village.engine_version);
  });

  it('pages by cursor without repeating or skipping a unit', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Page = await scores(`&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((s) => `${s.org_unit.id}/${s.stage}`));
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect(seen).toEqual([...seen].sort());
  });

  it('filters by subtree, stage and pack version', async () => {
    expect((await scores(`&org_unit_id=${t.units.town.id}`)).items).toHaveLength(3);
    expect((await scores(`&org_unit_id=${t.units.village.id}`)).items).toHaveLength(1);
    expect((await scores(`&org_unit_id=${t.units.otherTown.id}`)).items).toHaveLength(0);
    expect((await scores('&stage=self')).items).toHaveLength(3);
    expect((await scores('&stage=verified')).items).toHaveLength(0);
    expect((await scores('&pack_version=2024.1')).items).toHaveLength(3);
    expect((await scores('&pack_version=2023.1')).items).toHaveLength(0);
  });

  it('summary view: totals and identity without the scorecard', async () => {
    const page = await scores('&view=summary');
    expect(page.items).toHaveLength(3);
    for (const item of page.items) {
      expect(item.scorecard).toBeUndefined();
      expect(typeof item.complete).toBe('boolean');
    }
  });

  it('answers 304 to If-None-Match until a score changes', async () => {
    const first = await call(`/v1/scores?cycle_id=${cycleId}`, { token: t.tokens.admin });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"r-/);
    expect(first.headers.get('vary')).toContain('Authorization');
    const again = await call(`/v1/scores?cycle_id=${cycleId}`, {
      token: t.tokens.admin,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    const sibling = await submissionOf(t, cycleId, t.units.siblingVillage.id);
    await saveInputs(sibling.id, t.tokens.admin, gzFullEmploymentInputs('乙村', 'village', 0.5));
    await runScheduler();
    const changed = await call(`/v1/scores?cycle_id=${cycleId}`, {
      token: t.tokens.admin,
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

describe('GET /v1/scores/{snapshotId} and a unit’s history', () => {
  it('reads every snapshot, the current one and the one it replaced', async () => {
    const sibling = await submissionOf(t, cycleId, t.units.siblingVillage.id);
    const before = await callJson<{ items: Score[] }>(
      `/v1/org-units/${t.units.siblingVillage.id}/scores`,
      { token: t.tokens.admin },
    );
    await saveInputs(sibling.id, t.tokens.admin, gzFullEmploymentInputs('乙村', 'village', 0.95));
    await runScheduler();
    const history = await callJson<{ items: Score[]; lineage: { unit_ids: string[] } }>(
      `/v1/org-units/${t.units.siblingVillage.id}/scores`,
      { token: t.tokens.admin },
    );
    expect(history.items).toHaveLength(before.items.length + 1);
    expect(history.lineage.unit_ids).toEqual([t.units.siblingVillage.id]);
    const seqs = history.items.map((s) => s.snapshot_seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(history.items.map((s) => s.current)).toEqual([
      ...history.items.slice(0, -1).map(() => false),
      true,
    ]);
    for (const entry of history.items) {
      const one = await callJson<Score>(`/v1/scores/${entry.snapshot_id}`, {
        token: t.tokens.admin,
      });
      expect(one.snapshot_seq).toBe(entry.snapshot_seq);
      expect(one.scorecard!.total).toBe(entry.total);
      expect(one.current).toBe(entry.current);
    }
    const rows = await env.DB.prepare(
      'SELECT count(*) AS n FROM score_snapshots WHERE tenant_id = ? AND org_unit_id = ?',
    )
      .bind(t.id, t.units.siblingVillage.id)
      .first<{ n: number }>();
    expect(rows!.n).toBe(history.items.length);
  });
});

describe('a unit’s scores over time, across pack versions and 区划调整', () => {
  it('follows a village through a version switch and its becoming a community', async () => {
    const admin = t.tokens.admin;
    const old = await callJson<TestUnit>('/v1/org-units', {
      token: admin,
      body: { parent_id: t.units.town.id, kind: 'village', name: `城郊村${t.marker}` },
    });
    const lastYear = await freshCycle(t, { units: [{ org_unit_id: old.id }] });
    const sub = await submissionOf(t, lastYear.id, old.id);
    await saveInputs(sub.id, admin, gzFullEmploymentInputs('城郊村', 'village', 0.7));
    await runScheduler();
    // Mid-year the cycle moves to the tenant's tailored version: re-scored under it.
    const tailored = await createTailoredPack(t);
    const to = { pack_key: tailored.key, pack_version: tailored.version };
    const preview = await callJson<{ etag: string }>(`/v1/cycles/${lastYear.id}/switch-version`, {
      token: admin,
      body: { step: 'preview', ...to },
      expect: 200,
    });
    await callJson(`/v1/cycles/${lastYear.id}/switch-version`, {
      token: admin,
      headers: { 'if-match': preview.etag },
      body: { step: 'confirm', ...to },
      expect: 200,
    });
    await runScheduler();
    await callJson(`/v1/cycles/${lastYear.id}`, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': await etagOf(`/v1/cycles/${lastYear.id}`, admin) },
      body: { status: 'closed' },
      expect: 200,
    });
    // 撤村设居: the village becomes a community, assessed in this year's cycle.
    const change = await callJson<{ created: { id: string }[] }>('/v1/org-units/changes', {
      token: admin,
      body: {
        change: 'reclassify',
        effective_date: '2025-01-01',
        from_unit_ids: [old.id],
        to: [{ kind: 'community', name: `城郊社区${t.marker}` }],
      },
    });
    const successor = change.created[0]!.id;
    const thisYear = await freshCycle(t, { units: [{ org_unit_id: successor }] });
    await runScheduler();

    const history = await callJson<{
      items: (Score & { cycle: { id: string }; current: boolean })[];
      lineage: { unit_ids: string[]; changes: { from_unit_id: string; to_unit_id: string }[] };
    }>(`/v1/org-units/${successor}/scores?view=summary`, { token: t.tokens.viewer });
    expect(history.lineage.unit_ids.sort()).toEqual([old.id, successor].sort());
    expect(history.lineage.changes).toEqual([
      expect.objectContaining({ from_unit_id: old.id, to_unit_id: successor }),
    ]);
    expect(history.items.map((s) => [s.cycle.id, s.org_unit.id, s.pack.version])).toEqual([
      [lastYear.id, old.id, '2024.1'],
      [lastYear.id, old.id, tailored.version],
      [thisYear.id, successor, '2024.1'],
    ]);
    expect(history.items.map((s) => s.current)).toEqual([false, true, true]);
    // Filtered to last year's cycle: the village's two versions.
    const lastOnly = await callJson<{ items: Score[] }>(
      `/v1/org-units/${successor}/scores?view=summary&cycle_id=${lastYear.id}`,
      { token: t.tokens.viewer },
    );
    expect(lastOnly.items.map((s) => s.pack.version)).toEqual(['2024.1', tailored.version]);
  });
});
