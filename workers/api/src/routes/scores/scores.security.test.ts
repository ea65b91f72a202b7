import type { Scorecard } from '@kaoping/standards';
import { beforeAll, describe, expect, it } from 'vitest';
import { etagOf, freshCycle, saveInputs, submissionOf } from '../../../test/campaign.ts';
import { createTestTenant, type PrincipalName, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';
import { runScheduler } from '../../../test/scoring.ts';
import {
  gzFullEmploymentInputs,
  provinceCityInputs,
  provinceJudgements,
} from '../../seed/invented-inputs.ts';

/**
 * Who reads which scores. People read the units of their subtrees (the reporter of 甲村 its
 * village, the reviewer of 一镇 its town, a tenant-wide viewer everything); a `scores:read`
 * client reads the whole tenant but never a reviewer's notes — the explanation of an assessed
 * item (酌情评分) quotes the assessor's reason and name; a client without the scope reads
 * nothing. A unit the caller may not read answers exactly like a missing one.
 */

interface Score {
  snapshot_id: string;
  org_unit: { id: string };
  redacted: string[];
  total: number;
  scorecard: Scorecard;
}

let t: TestTenant;
let gzCycle: string;
let provinceCycle: string;
const REASON = '自评：对照目标要求逐项自查（演示数据）';

beforeAll(async () => {
  t = await createTestTenant();
  gzCycle = (
    await freshCycle(t, {
      units: [t.units.village, t.units.siblingVillage, t.units.otherVillage].map((u) => ({
        org_unit_id: u.id,
      })),
    })
  ).id;
  // The province table, with 甲村 standing in for a city: its judgements carry reasons.
  provinceCycle = (
    await freshCycle(t, {
      pack: { key: 'province.employment-work', version: '1.0' },
      parameters: {},
      references: { provinceAveragePassRate: 80 },
      units: [{ org_unit_id: t.units.village.id, unit_kind: 'city' }],
    })
  ).id;
  const gz = await submissionOf(t, gzCycle, t.units.village.id);
  await saveInputs(gz.id, t.tokens.reporter, gzFullEmploymentInputs('甲村', 'village', 0.8));
  const province = await submissionOf(t, provinceCycle, t.units.village.id);
  await saveInputs(province.id, t.tokens.reporter, provinceCityInputs('甲村', 0.7));
  await callJson(`/v1/submissions/${province.id}/assessments`, {
    method: 'PATCH',
    token: t.tokens.reporter,
    body: { assessments: provinceJudgements('甲村', 'self', 0.9) },
    headers: { 'if-match': await etagOf(`/v1/submissions/${province.id}`, t.tokens.reporter) },
    expect: 200,
  });
  await runScheduler();
});

const list = (cycleId: string, who: PrincipalName) =>
  callJson<{ items: Score[] }>(`/v1/scores?cycle_id=${cycleId}`, { token: t.tokens[who] });

describe('reviewer notes and evidence stay with people', () => {
  it('a scores:read client gets the points without the assessor’s reasons', async () => {
    const [person] = (await list(provinceCycle, 'admin')).items;
    const [client] = (await list(provinceCycle, 'readerClient')).items;
    expect(person!.redacted).toEqual([]);
    expect(client!.redacted).toEqual(['assessment_reasons']);
    expect(client!.total).toBe(person!.total);
    const assessed = person!.scorecard.items.filter((i) => i.explanation.zh.includes(REASON));
    expect(assessed.length).toBeGreaterThan(0);
    for (const item of assessed) {
      const seen = client!.scorecard.items.find((i) => i.id === item.id)!;
      expect(seen.points).toBe(item.points);
      expect(seen.explanation.zh).not.toContain(REASON);
      expect(seen.explanation.zh).toContain('评估理由仅向本租户人员提供');
      expect(seen.explanation.en).toContain('shown to people of the tenant only');
    }
    // Everything the client receives, on every read route, is free of the reason.
    for (const path of [
      `/v1/scores?cycle_id=${provinceCycle}`,
      `/v1/scores/changes?cycle_id=${provinceCycle}`,
      `/v1/scores/${client!.snapshot_id}`,
      `/v1/org-units/${t.units.village.id}/scores`,
    ]) {
      const text = await (await call(path, { token: t.tokens.readerClient })).text();
      expect(text, path).not.toContain(REASON);
      expect(text, path).toContain('assessment_reasons');
    }
    // A pack without assessed items has nothing to withhold.
    const gz = (await list(gzCycle, 'readerClient')).items;
    expect(gz.every((s) => s.redacted.length === 0)).toBe(true);
  });

  it('the same URL has a different ETag for a client than for a person', async () => {
    const path = `/v1/scores?cycle_id=${provinceCycle}`;
    const person = await call(path, { token: t.tokens.admin });
    const client = await call(path, { token: t.tokens.readerClient });
    expect(person.headers.get('etag')).not.toBe(client.headers.get('etag'));
    expect(client.headers.get('vary')).toContain('Authorization');
    const crossed = await call(path, {
      token: t.tokens.readerClient,
      headers: { 'if-none-match': person.headers.get('etag')! },
    });
    expect(crossed.status).toBe(200);
  });
});

describe('subtrees and scopes', () => {
  it('each person reads the units of their subtrees; a client needs scores:read', async () => {
    const units = async (who: PrincipalName) =>
      (await list(gzCycle, who)).items.map((s) => s.org_unit.id).sort();
    expect(await units('admin')).toEqual(
      [t.units.village.id, t.units.siblingVillage.id, t.units.otherVillage.id].sort(),
    );
    expect(await units('viewer')).toEqual(await units('admin'));
    expect(await units('readerClient')).toEqual(await units('admin'));
    expect(await units('reviewer')).toEqual([t.units.village.id, t.units.siblingVillage.id].sort());
    expect(await units('reporter')).toEqual([t.units.village.id]);
    for (const path of [
      `/v1/scores?cycle_id=${gzCycle}`,
      '/v1/scores/changes',
      `/v1/org-units/${t.units.village.id}/scores`,
      `/v1/cycles/${gzCycle}/rollups`,
      `/v1/cycles/${gzCycle}/deadline-flags`,
    ]) {
      const res = await call(path, { token: t.tokens.writerClient });
      expect(res.status, path).toBe(403);
    }
  });

  it('the changes feed of a subtree reader holds its own units only', async () => {
    const feed = await callJson<{ items: Score[] }>('/v1/scores/changes?limit=200', {
      token: t.tokens.reviewer,
    });
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((s) => s.org_unit.id !== t.units.otherVillage.id)).toBe(true);
  });

  it('a unit outside the reader’s subtrees answers exactly like a missing one', async () => {
    const other = (await list(gzCycle, 'admin')).items.find(
      (s) => s.org_unit.id === t.units.otherVillage.id,
    )!;
    const pairs: [string, string][] = [
      [`/v1/scores/${other.snapshot_id}`, '/v1/scores/snp_00000000000000000000000000000000'],
      [
        `/v1/org-units/${t.units.otherVillage.id}/scores`,
        '/v1/org-units/org_00000000000000000000000000000000/scores',
      ],
      [
        `/v1/scores?cycle_id=${gzCycle}&org_unit_id=${t.units.otherVillage.id}`,
        `/v1/scores?cycle_id=${gzCycle}&org_unit_id=org_00000000000000000000000000000000`,
      ],
    ];
    const strip = (s: string) => s.replace(/"request_id":"[^"]*"/, '');
    for (const [theirs, missing] of pairs) {
      const a = await call(theirs, { token: t.tokens.reporter });
      const b = await call(missing, { token: t.tokens.reporter });
      expect(a.status, theirs).toBe(404);
      expect(strip(await a.text())).toBe(strip(await b.text()));
    }
  });
});
