import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

interface Row {
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string;
}
interface Page {
  items: Row[];
  next_cursor: string | null;
}

describe('audit log', () => {
  it('records who changed what, before → after, with the request id', async () => {
    const t = await createTestTenant();
    const res = await call(`/v1/org-units/${t.units.village.id}`, {
      method: 'PATCH',
      token: t.tokens.admin,
      headers: { 'if-match': t.units.village.etag },
      body: { name: '改名村' },
    });
    const requestId = res.headers.get('x-request-id');
    const page = await callJson<Page>(
      `/v1/audit?entity_id=${t.units.village.id}&action=org_unit.update`,
      {
        token: t.tokens.admin,
      },
    );
    expect(page.items).toHaveLength(1);
    const row = page.items[0]!;
    expect(row).toMatchObject({
      actor_type: 'user',
      actor_id: t.people.admin.id,
      entity_type: 'org_unit',
      request_id: requestId,
    });
    expect(row.before).toMatchObject({ name: t.units.village.name, etag: '"1"' });
    expect(row.after).toMatchObject({ name: '改名村', etag: '"2"' });
  });

  it('filters by entity type, actor, action and time, newest first, page by page', async () => {
    const t = await createTestTenant();
    const all: Row[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await callJson<Page>(
        `/v1/audit?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token: t.tokens.admin,
        },
      );
      all.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    const seqs = all.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(all.at(-1)!.action).toBe('tenant.sign_up');

    const people = await callJson<Page>('/v1/audit?entity_type=person&limit=200', {
      token: t.tokens.admin,
    });
    expect(people.items.every((r) => r.entity_type === 'person')).toBe(true);
    expect(people.items.map((r) => r.action).sort()).toEqual([
      'person.join',
      'person.join',
      'person.join',
      'person.join',
    ]);
    const byActor = await callJson<Page>(`/v1/audit?actor_id=${t.clients.readerClient.id}`, {
      token: t.tokens.admin,
    });
    expect(byActor.items.map((r) => r.action)).toEqual(['api_client.token']);
    const middle = all[Math.floor(all.length / 2)]!.at;
    const since = await callJson<Page>(`/v1/audit?since=${encodeURIComponent(middle)}&limit=200`, {
      token: t.tokens.admin,
    });
    expect(since.items.every((r) => r.at >= middle)).toBe(true);
    const until = await callJson<Page>(`/v1/audit?until=${encodeURIComponent(middle)}&limit=200`, {
      token: t.tokens.admin,
    });
    expect(until.items.every((r) => r.at < middle)).toBe(true);
    expect(since.items.length + until.items.length).toBe(all.length);
  });

  it('is for admins only', async () => {
    const t = await createTestTenant();
    for (const who of ['viewer', 'reviewer', 'reporter', 'readerClient'] as const) {
      expect((await call('/v1/audit', { token: t.tokens[who] })).status).toBe(403);
      expect((await call('/v1/audit/verify', { token: t.tokens[who] })).status).toBe(403);
    }
  });

  it('holds one unbroken chain under concurrent writes', async () => {
    const t = await createTestTenant();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('/v1/org-units', {
          token: t.tokens.admin,
          body: { parent_id: t.units.otherTown.id, kind: 'village', name: `并发村${i}` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const report = await callJson<{ ok: boolean; checked: number; broken_at: null }>(
      '/v1/audit/verify',
      {
        token: t.tokens.admin,
      },
    );
    expect(report.ok).toBe(true);
    expect(report.broken_at).toBeNull();
    const creates = await callJson<Page>('/v1/audit?action=org_unit.create&limit=200', {
      token: t.tokens.admin,
    });
    // 12 here + the root and 6 units the factory made.
    expect(creates.items).toHaveLength(19);
  });
});
