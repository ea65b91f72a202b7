import { AuditChainStale } from '@kaoping/db/batch-errors';
import { auditLog } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { desc, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Principal, ServiceContext } from '../auth/principal.ts';
import { sha256Hex } from './crypto.ts';
import {
  backoffMs,
  d1Trouble,
  d1Unavailable,
  mayRetry,
  pause,
  WriteOutcomeUnknown,
} from './d1-retry.ts';
import { AppError } from './problem.ts';

/**
 * The audit log: every write appends who did what to which object, before →
 * after, in the same batch as the write, so a change and its record commit
 * together or not at all. Rows form a SHA-256 chain per tenant: each row's
 * hash covers its predecessor's, so a row altered, removed or inserted by
 * hand breaks the chain at that point (services/audit/verify.ts finds it).
 */

/** prev_hash of a tenant's first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** "<entity>.<verb>", e.g. "org_unit.move", "person.remove", "auth.sign_in". */
  action: string;
  entityType: string;
  entityId: string;
  /** The object before and after, as the API shows it — never secrets or hashes. */
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  type: 'user' | 'client' | 'system' | 'public';
  id: string;
}

export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId }
    : { type: 'client', id: principal.clientId };
}

/** The fields a row's hash covers, as stored (before/after as their JSON text). */
export interface HashedFields {
  prevHash: string;
  tenantId: string;
  actorType: string;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
  at: string;
}

export function auditHash(f: HashedFields): Promise<string> {
  return sha256Hex(
    JSON.stringify([
      f.prevHash,
      f.tenantId,
      f.actorType,
      f.actorId,
      f.action,
      f.entityType,
      f.entityId,
      f.before,
      f.after,
      f.requestId,
      f.at,
    ]),
  );
}

const jsonText = (v: unknown): string | null =>
  v === undefined || v === null ? null : JSON.stringify(v);

/** The hash of the tenant's newest audit row (the chain head). */
export async function chainHead(tdb: TenantDb): Promise<string> {
  const rows = await tdb.select(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return rows[0]?.hash ?? GENESIS_HASH;
}

/**
 * Who a batch is audited as: the request's principal, or — for the few public writes with no
 * principal, such as an objection raised through a cycle's public link — an explicit actor.
 */
export type AuditContext = Pick<ServiceContext, 'tdb' | 'requestId' | 'now'> &
  (Pick<ServiceContext, 'principal'> | { actor: AuditActor });

const auditActor = (ctx: AuditContext): AuditActor =>
  'actor' in ctx ? ctx.actor : actorOf(ctx.principal);

/** Audit rows chained onto `head`, ready for insertBulk. */
export async function chainRows(ctx: AuditContext, head: string, entries: AuditEntry[]) {
  const actor = auditActor(ctx);
  const at = ctx.now.toISOString();
  const rows = [];
  let prevHash = head;
  for (const e of entries) {
    const before = jsonText(e.before);
    const after = jsonText(e.after);
    const fields: HashedFields = {
      prevHash,
      tenantId: ctx.tdb.tenantId,
      actorType: actor.type,
      actorId: actor.id,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before,
      after,
      requestId: ctx.requestId,
      at,
    };
    const hash = await auditHash(fields);
    rows.push({
      actorType: actor.type,
      actorId: actor.id,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      // Parsed back so drizzle's JSON column stores exactly the hashed text.
      before: before === null ? null : (JSON.parse(before) as unknown),
      after: after === null ? null : (JSON.parse(after) as unknown),
      requestId: ctx.requestId,
      at,
      prevHash,
      hash,
    });
    prevHash = hash;
  }
  return rows;
}

const MAX_ATTEMPTS = 10;

/**
 * Whether a batch whose answer was lost committed after all: its first audit row — unique
 * on (tenant, prev_hash), and its hash covers the request id and time — is there or not.
 * Undefined when D1 cannot be asked either.
 */
async function landed(
  tdb: TenantDb,
  first: { prevHash: string; hash: string },
): Promise<boolean | undefined> {
  try {
    const row = await tdb.first(
      auditLog,
      eq(auditLog.prevHash, first.prevHash),
      eq(auditLog.hash, first.hash),
    );
    return row !== undefined;
  } catch {
    return undefined;
  }
}

/**
 * Commit `statements` and their audit rows in one batch. The chain head is
 * read first; if another writer appends before the batch lands, the trigger
 * on audit_log refuses the stale prev_hash, the whole batch rolls back, and
 * it is retried on the new head (jittered backoff, up to 10 attempts, then
 * 503 with Retry-After). Returns the batch results, statements first, so
 * callers can read what their own statements returned — or no results when
 * the batch's answer was lost but it is known to have committed.
 *
 * D1 trouble (lib/d1-retry.ts): when a batch fails with a transient error, it
 * may have committed before the answer was lost, so the batch's first audit
 * row is looked up: there — the write is done; not there — nothing of it
 * exists (batches are atomic) and it is retried with backoff, at most
 * D1_WRITE_ATTEMPTS times; overloaded — 503 with Retry-After; cannot tell — the
 * same 503 as WriteOutcomeUnknown, so callers keep what lives outside D1.
 *
 * Statements must be safe to run again after a rollback (they are: nothing
 * of a rolled-back batch remains).
 */
export async function commitWithAudit(
  ctx: AuditContext,
  statements: BatchItem<'sqlite'>[],
  entries: AuditEntry[],
): Promise<unknown[]> {
  if (entries.length === 0) throw new Error('commitWithAudit: every write is audited');
  let troubled = 0;
  for (let attempt = 1; ; attempt++) {
    const head = await chainHead(ctx.tdb);
    const rows = await chainRows(ctx, head, entries);
    try {
      return await ctx.tdb.batch([...statements, ...ctx.tdb.insertBulk(auditLog, rows)]);
    } catch (err) {
      if (err instanceof AuditChainStale) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new AppError('overloaded', undefined, { headers: { 'Retry-After': '1' } });
        }
        await pause(Math.random() * 10 * 2 ** Math.min(attempt, 5));
        continue;
      }
      const trouble = d1Trouble(err);
      if (trouble === null) throw err;
      troubled += 1;
      // An overloaded D1 turned the batch away unrun; anything else may have run it.
      const done = trouble === 'overloaded' ? false : await landed(ctx.tdb, rows[0]!);
      if (done === true) return [];
      if (done === undefined) throw new WriteOutcomeUnknown();
      if (!mayRetry(err, troubled)) throw d1Unavailable();
      await pause(backoffMs(troubled));
    }
  }
}
