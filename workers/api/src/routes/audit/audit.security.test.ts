import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTestTenant } from '../../../test/factories.ts';
import { callJson } from '../../../test/http.ts';

interface Report {
  ok: boolean;
  checked: number;
  broken_at: { seq: number; reason: string } | null;
}

async function seqs(tenantId: string): Promise<number[]> {
  const rows = await env.DB.prepare('SELECT seq FROM audit_log WHERE tenant_id = ? ORDER BY seq')
    .bind(tenantId)
    .all<{ seq: number }>();
  return rows.results.map((r) => r.seq);
}

/** Run `sql` with one append-only trigger out of the way, as someone with database access could. */
async function withoutTrigger(
  trigger: 'audit_log_no_update' | 'audit_log_no_delete',
  sql: string,
  ...args: unknown[]
) {
  const definition = await env.DB.prepare(
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
  )
    .bind(trigger)
    .first<{ sql: string }>();
  await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
  try {
    await env.DB.prepare(sql)
      .bind(...args)
      .run();
  } finally {
    await env.DB.prepare(definition!.sql).run();
  }
}

describe('audit log integrity', () => {
  it('refuses UPDATE and DELETE', async () => {
    const t = await createTestTenant();
    await expect(
      env.DB.prepare("UPDATE audit_log SET action = 'x' WHERE tenant_id = ?").bind(t.id).run(),
    ).rejects.toThrow(/append-only/);
    await expect(
      env.DB.prepare('DELETE FROM audit_log WHERE tenant_id = ?').bind(t.id).run(),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses an appended row that does not follow the chain head', async () => {
    const t = await createTestTenant();
    const insert = env.DB.prepare(
      `INSERT INTO audit_log (tenant_id, actor_type, actor_id, action, entity_type, entity_id, at, prev_hash, hash)
       VALUES (?, 'system', 'x', 'forged', 'x', 'x', ?, ?, ?)`,
    );
    await expect(
      insert.bind(t.id, new Date().toISOString(), '0'.repeat(64), 'f'.repeat(64)).run(),
    ).rejects.toThrow(/audit_chain_stale/);
  });

  it('a row edited by hand breaks the chain at that row', async () => {
    const t = await createTestTenant();
    const before = await callJson<Report>('/v1/audit/verify', { token: t.tokens.admin });
    expect(before).toMatchObject({ ok: true, broken_at: null });
    const all = await seqs(t.id);
    const target = all[3]!;
    await withoutTrigger(
      'audit_log_no_update',
      `UPDATE audit_log SET after = json_set(after, '$.name', '篡改') WHERE seq = ?`,
      target,
    );
    const after = await callJson<Report>('/v1/audit/verify', { token: t.tokens.admin });
    expect(after).toEqual({
      ok: false,
      checked: 3,
      head: expect.any(String),
      broken_at: { seq: target, reason: 'hash_mismatch' },
    });
    // Other tenants' chains are untouched.
    const other = await createTestTenant();
    expect((await callJson<Report>('/v1/audit/verify', { token: other.tokens.admin })).ok).toBe(
      true,
    );
  });

  it('a row deleted by hand breaks the link of the row after it', async () => {
    const t = await createTestTenant();
    const all = await seqs(t.id);
    await withoutTrigger('audit_log_no_delete', 'DELETE FROM audit_log WHERE seq = ?', all[5]);
    const report = await callJson<Report>('/v1/audit/verify', { token: t.tokens.admin });
    expect(report.broken_at).toEqual({ seq: all[6], reason: 'prev_hash_mismatch' });
  });
});
