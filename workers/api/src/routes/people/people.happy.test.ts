import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTestTenant, signIn } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

interface Person {
  id: string;
  email: string;
  status: string;
  grants: { role: string; org_unit_id: string | null; stage: string | null }[];
  etag: string;
}

describe('people', () => {
  it('invites by email, shows the token once, and the invitee joins with it', async () => {
    const t = await createTestTenant();
    const invited = await callJson<{
      id: string;
      token: string;
      status: string;
      expires_at: string;
    }>('/v1/invitations', {
      token: t.tokens.admin,
      body: {
        email: 'New.Reporter@Kaoping.Test',
        role: 'reporter',
        org_unit_id: t.units.siblingVillage.id,
        expires_in_days: 3,
      },
    });
    expect(invited.token).toMatch(/^kpi_[A-Za-z0-9_-]{43}$/);
    expect(invited.status).toBe('pending');
    expect(Date.parse(invited.expires_at) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    // Stored as a hash; never listed again.
    const row = await env.DB.prepare('SELECT token_hash FROM invitations WHERE id = ?')
      .bind(invited.id)
      .first<{ token_hash: string }>();
    expect(row!.token_hash).not.toContain(invited.token.slice(4));
    const listed = await callJson<{ items: Record<string, unknown>[] }>('/v1/invitations', {
      token: t.tokens.admin,
    });
    expect(listed.items.find((i) => i.id === invited.id)).not.toHaveProperty('token');

    const joined = await callJson<{ user: { id: string; email: string } }>(
      '/v1/invitations/accept',
      {
        body: { token: invited.token, display_name: '新填报员', password: 'a-long-password' },
      },
    );
    expect(joined.user.email).toBe('new.reporter@kaoping.test');
    const session = await signIn(t.slug, 'new.reporter@kaoping.test', 'a-long-password');
    expect(session.status).toBe(200);
    const me = await callJson<{ user: { grants: { role: string; org_unit_id: string }[] } }>(
      '/v1/me',
      {
        token: (await session.json<{ access_token: string }>()).access_token,
      },
    );
    expect(me.user.grants).toEqual([
      expect.objectContaining({ role: 'reporter', org_unit_id: t.units.siblingVillage.id }),
    ]);
    const accepted = await callJson<{ items: { id: string }[] }>(
      '/v1/invitations?status=accepted',
      {
        token: t.tokens.admin,
      },
    );
    expect(accepted.items.map((i) => i.id)).toContain(invited.id);
  });

  it('lists people with their grants, page by page', async () => {
    const t = await createTestTenant();
    const seen: Person[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Person[]; next_cursor: string | null } = await callJson(
        `/v1/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: t.tokens.admin },
      );
      seen.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.map((p) => p.id).sort()).toEqual(
      Object.values(t.people)
        .map((p) => p.id)
        .sort(),
    );
    const reviewer = seen.find((p) => p.id === t.people.reviewer.id)!;
    expect(reviewer.grants).toEqual([
      { role: 'reviewer', org_unit_id: t.units.town.id, stage: 'recommended' },
    ]);
    expect(reviewer).not.toHaveProperty('password_hash');
  });

  it('changes a person’s grants with If-Match; the new grants apply at the next request', async () => {
    const t = await createTestTenant();
    const id = t.people.viewer.id;
    const person = await call(`/v1/people/${id}`, { token: t.tokens.admin });
    const res = await call(`/v1/people/${id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      headers: { 'if-match': person.headers.get('etag')! },
      body: {
        grants: [
          { role: 'reviewer', stage: 'verified' },
          { role: 'reporter', org_unit_id: t.units.otherVillage.id },
        ],
      },
    });
    expect(res.status).toBe(200);
    const updated = await res.json<Person>();
    expect(updated.grants).toHaveLength(2);
    expect(res.headers.get('etag')).toBe('"2"');
    const me = await callJson<{ user: { grants: { role: string }[] } }>('/v1/me', {
      token: t.tokens.viewer,
    });
    expect(me.user.grants.map((g) => g.role).sort()).toEqual(['reporter', 'reviewer']);
    // Promote to admin, then the original admin may be demoted.
    await callJson(`/v1/people/${id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      headers: { 'if-match': '"2"' },
      body: { grants: [{ role: 'admin' }] },
      expect: 200,
    });
    const admin = await call(`/v1/people/${t.people.admin.id}`, { token: t.tokens.admin });
    const demoted = await call(`/v1/people/${t.people.admin.id}/grants`, {
      method: 'PUT',
      token: t.tokens.admin,
      headers: { 'if-match': admin.headers.get('etag')! },
      body: { grants: [{ role: 'viewer' }] },
    });
    expect(demoted.status).toBe(200);
  });

  it('removes a person: status removed, refresh tokens revoked, sign-in refused', async () => {
    const t = await createTestTenant();
    const { reporter } = t.people;
    const session = await (await signIn(t.slug, reporter.email)).json<{ refresh_token: string }>();
    const person = await call(`/v1/people/${reporter.id}`, { token: t.tokens.admin });
    const res = await call(`/v1/people/${reporter.id}`, {
      method: 'DELETE',
      token: t.tokens.admin,
      headers: { 'if-match': person.headers.get('etag')! },
    });
    expect(res.status).toBe(204);
    const after = await callJson<Person>(`/v1/people/${reporter.id}`, { token: t.tokens.admin });
    expect(after.status).toBe('removed');
    expect(
      (await call('/v1/auth/refresh', { body: { refresh_token: session.refresh_token } })).status,
    ).toBe(401);
    expect((await signIn(t.slug, reporter.email)).status).toBe(401);
    const removed = await callJson<{ items: Person[] }>('/v1/people?status=removed', {
      token: t.tokens.admin,
    });
    expect(removed.items.map((p) => p.id)).toEqual([reporter.id]);
  });

  it('a removed person can be invited back, with a new password and grant', async () => {
    const t = await createTestTenant();
    const { viewer } = t.people;
    const person = await call(`/v1/people/${viewer.id}`, { token: t.tokens.admin });
    await call(`/v1/people/${viewer.id}`, {
      method: 'DELETE',
      token: t.tokens.admin,
      headers: { 'if-match': person.headers.get('etag')! },
    });
    const invited = await callJson<{ token: string }>('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: viewer.email, role: 'reviewer', stage: 'verified' },
    });
    const joined = await callJson<{ user: { id: string } }>('/v1/invitations/accept', {
      body: { token: invited.token, display_name: '回来了', password: 'another-password' },
    });
    expect(joined.user.id).toBe(viewer.id);
    expect((await signIn(t.slug, viewer.email, 'another-password')).status).toBe(200);
    const back = await callJson<Person>(`/v1/people/${viewer.id}`, { token: t.tokens.admin });
    expect(back).toMatchObject({
      status: 'active',
      grants: [{ role: 'reviewer', stage: 'verified' }],
    });
  });

  it('revokes a pending invitation so its token stops working', async () => {
    const t = await createTestTenant();
    const invited = await callJson<{ id: string; token: string }>('/v1/invitations', {
      token: t.tokens.admin,
      body: { email: 'later@kaoping.test', role: 'viewer' },
    });
    expect(
      (await call(`/v1/invitations/${invited.id}`, { method: 'DELETE', token: t.tokens.admin }))
        .status,
    ).toBe(204);
    const accept = await call('/v1/invitations/accept', {
      body: { token: invited.token, display_name: '晚到', password: 'a-long-password' },
    });
    expect(accept.status).toBe(404);
  });
});
