import { env } from 'cloudflare:workers';
import { AuditChainStale } from '@kaoping/db/batch-errors';
import { dbFor } from '@kaoping/db/client';
import { newId } from '@kaoping/db/ids';
import { auditLog } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../auth/principal.ts';
import { verifyAuditChain } from '../services/audit/verify.ts';
import { chainHead, chainRows, commitWithAudit, GENESIS_HASH } from './audit.ts';

function context(): ServiceContext {
  const tenantId = newId('tenant');
  return {
    principal: {
      kind: 'user',
      tenantId,
      userId: newId('user'),
      email: 'a@kaoping.test',
      grants: [{ role: 'admin', orgUnitId: null, orgPath: null, stage: null }],
    },
    tdb: new TenantDb(dbFor(env.DB), tenantId),
    requestId: crypto.randomUUID(),
    now: new Date(),
  };
}

const entry = (i: number) => ({
  action: 'test.write',
  entityType: 'test',
  entityId: `e${i}`,
  before: null,
  after: { i, 名称: `第${i}` },
});

describe('commitWithAudit', () => {
  it('starts a tenant’s chain at the genesis hash and links each row to the last', async () => {
    const ctx = context();
    expect(await chainHead(ctx.tdb)).toBe(GENESIS_HASH);
    await commitWithAudit(ctx, [], [entry(1), entry(2)]);
    const rows = await ctx.tdb.select(auditLog).orderBy(auditLog.seq);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await chainHead(ctx.tdb)).toBe(rows[1]!.hash);
    expect((await verifyAuditChain({ ctx })).ok).toBe(true);
  });

  it('a batch built on a stale head is refused whole', async () => {
    const ctx = context();
    await commitWithAudit(ctx, [], [entry(0)]);
    const stale = await chainRows(ctx, await chainHead(ctx.tdb), [entry(1)]);
    await commitWithAudit(ctx, [], [entry(2)]);
    await expect(ctx.tdb.batch(ctx.tdb.insertBulk(auditLog, stale))).rejects.toBeInstanceOf(
      AuditChainStale,
    );
    expect(await ctx.tdb.select(auditLog)).toHaveLength(2);
  });

  it('retries on a moved head: 25 concurrent writers, 25 rows, one valid chain', async () => {
    const ctx = context();
    await Promise.all(Array.from({ length: 25 }, (_, i) => commitWithAudit(ctx, [], [entry(i)])));
    const rows = await ctx.tdb.select(auditLog);
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.after && (r.after as { i: number }).i)).size).toBe(25);
    expect(await verifyAuditChain({ ctx })).toMatchObject({ ok: true, checked: 25 });
  });

  it('keeps tenants’ chains apart', async () => {
    const a = context();
    const b = context();
    await Promise.all([commitWithAudit(a, [], [entry(1)]), commitWithAudit(b, [], [entry(1)])]);
    const [ra] = await a.tdb.select(auditLog);
    const [rb] = await b.tdb.select(auditLog);
    expect(ra!.prevHash).toBe(GENESIS_HASH);
    expect(rb!.prevHash).toBe(GENESIS_HASH);
    expect(ra!.hash).not.toBe(rb!.hash);
  });

  it('refuses a write without an audit entry', async () => {
    await expect(commitWithAudit(context(), [], [])).rejects.toThrow(/every write is audited/);
  });
});
