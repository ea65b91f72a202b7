import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTestTenant, tenantSnapshot } from '../../../test/factories.ts';
import { call, callJson, type Problem } from '../../../test/http.ts';

describe('people — refusals', () => {
  it('keeps at least one active admin: no demoting or removing the last one', async () => {
    const t = await createTestTenant();
    const id = t.people.admin.id;
    const person = await call(`/v1/people/${id}`, { token: t.tokens.admin });
    const etag = person.headers.get('etag')!;
    const before = await tenantSnapshot(t.id);
    const demote = await call(`/v1/people/${id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      headers: { 'if-match': etag },
      body: { grants: [{ role: 'viewer' }] },
    });
    expect(demote.status).toBe(409);
    expect((await demote.json<Problem>()).detail_zh).toContain('至少要保留一名');
    const remove = await call(`/v1/people/${id}`, {
      method: 'DELETE',
      token: t.tokens.admin,
      headers: { 'if-match': etag },
    });
    expect(remove.status).toBe(409);
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });

  it('two admins demoting each other at once: one succeeds, the tenant keeps an admin', async () => {
    const t = await createTestTenant();
    const viewer = await call(`/v1/people/${t.people.viewer.id}`, { token: t.tokens.admin });
    await callJson(`/v1/people/${t.people.viewer.id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      headers: { 'if-match': viewer.headers.get('etag')! },
      body: { grants: [{ role: 'admin' }] },
      expect: 200,
    });
    const etags = await Promise.all(
      [t.people.admin.id, t.people.viewer.id].map(
        async (id) =>
          (await call(`/v1/people/${id}`, { token: t.tokens.admin })).headers.get('etag')!,
      ),
    );
    const [a, b] = await Promise.all([
      call(`/v1/people/${t.people.viewer.id}/grants`, {
        method: 'PUT',
        token: t.tokens.admin,
        headers: { 'if-match': etags[1]! },
        body: { grants: [{ role: 'viewer' }] },
      }),
      call(`/v1/people/${t.people.admin.id}/grants`, {
        method: 'PUT',
        token: t.tokens.viewer,
        headers: { 'if-match': etags[0]! },
        body: { grants: [{ role: 'viewer' }] },
      }),
    ]);
    // Exactly one wins. The other either finds no other admin left (409) or,
    // if its caller was demoted first, is no longer an admin at all (403).
    const statuses = [a.status, b.status];
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect([403, 409]).toContain(statuses.find((s) => s !== 200));
    const admins = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM role_grants g JOIN users u ON u.id = g.user_id
       WHERE g.tenant_id = ? AND g.role = 'admin' AND u.status = 'active'`,
    )
      .bind(t.id)
      .first<{ n: number }>();
    expect(admins!.n).toBe(1);
  });

  it('validates grants: reviewers need a stage, reporters a unit, admins cover the tenant', async () => {
    const t = await createTestTenant();
    const cases: [unknown, string][] = [
      [{ role: 'reviewer' }, 'body.stage'],
      [{ role: 'reporter' }, 'body.org_unit_id'],
      [{ role: 'admin', org_unit_id: t.units.town.id }, 'body.org_unit_id'],
      [{ role: 'viewer', stage: 'verified' }, 'body.stage'],
      [{ role: 'reviewer', stage: 'Not A Stage' }, 'body.stage'],
      [{ role: 'owner' }, 'body.role'],
    ];
    for (const [grant, path] of cases) {
      const res = await call('/v1/invitations', {
        token: t.tokens.admin,
        body: { email: 'x@kaoping.test', ...(grant as object) },
      });
      expect(res.status, JSON.stringify(grant)).toBe(400);
      expect((await res.json<Problem>()).errors!.map((e) => e.path)).toContain(path);
    }
  });

  it('refuses an invitation for an active member, a grant on a foreign unit, a used token', async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const member = await call('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: t.people.viewer.email, role: 'viewer' },
    });
    expect(member.status).toBe(409);
    const foreign = await call('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: 'f@kaoping.test', role: 'reporter', org_unit_id: other.units.village.id },
    });
    expect(foreign.status).toBe(404);
    const invited = await callJson<{ token: string }>('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: 'once@kaoping.test', role: 'viewer' },
    });
    const accept = () =>
      call('/v1/invitations/accept', {
        body: { token: invited.token, display_name: '一次', password: 'a-long-password' },
      });
    const results = await Promise.all([accept(), accept()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 404]);
    expect((await accept()).status).toBe(404);
    for (const token of ['kpi_unknown', 'not-a-token', `kpi_${'x'.repeat(300)}`]) {
      const res = await call('/v1/invitations/accept', {
        body: { token, display_name: '猜', password: 'a-long-password' },
      });
      expect([400, 404]).toContain(res.status);
    }
  });

  it('refuses an expired invitation', async () => {
    const t = await createTestTenant();
    const invited = await callJson<{ id: string; token: string }>('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: 'late@kaoping.test', role: 'viewer' },
    });
    await env.DB.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), invited.id)
      .run();
    const res = await call('/v1/invitations/accept', {
      body: { token: invited.token, display_name: '迟到', password: 'a-long-password' },
    });
    expect(res.status).toBe(404);
    const expired = await callJson<{ items: { id: string }[] }>('/v1/invitations?status=expired', {
      token: t.tokens.admin,
    });
    expect(expired.items.map((i) => i.id)).toEqual([invited.id]);
  });

  it('428 and 412 on grants and removal', async () => {
    const t = await createTestTenant();
    const id = t.people.viewer.id;
    const noEtag = await call(`/v1/people/${id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      body: { grants: [{ role: 'viewer' }] },
    });
    expect(noEtag.status).toBe(428);
    const stale = await call(`/v1/people/${id}`, {
      method: 'DELETE',
      token: t.tokens.admin,
      headers: { 'if-match': '"99"' },
    });
    expect(stale.status).toBe(412);
  });

  it('refuses weak passwords when accepting', async () => {
    const t = await createTestTenant();
    const invited = await callJson<{ token: string }>('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: 'weak@kaoping.test', role: 'viewer' },
    });
    const res = await call('/v1/invitations/accept', {
      body: { token: invited.token, display_name: '弱', password: 'short' },
    });
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).errors![0]!.path).toBe('body.password');
  });
});

describe('bulk requests with one foreign id', () => {
  it('grants naming one unit of another tenant are refused whole', async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const person = await call(`/v1/people/${t.people.viewer.id}`, { token: t.tokens.admin });
    const before = await tenantSnapshot(t.id);
    const res = await call(`/v1/people/${t.people.viewer.id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      headers: { 'if-match': person.headers.get('etag')! },
      body: {
        grants: [
          { role: 'reporter', org_unit_id: t.units.village.id },
          { role: 'reporter', org_unit_id: other.units.village.id },
        ],
      },
    });
    expect(res.status).toBe(404);
    expect(await tenantSnapshot(t.id)).toEqual(before);
  });
});
