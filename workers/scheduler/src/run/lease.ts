import { type Sql, type Statement, stmt } from '../d1.ts';

/**
 * One scheduler at a time: a named lease row with an expiry. Taken when free or expired,
 * renewed in every chunk's batch, released at the end. Clocks of two Workers may differ by
 * up to two minutes, so a lease counts as expired only SKEW after its expiry.
 */

export const LEASE_NAME = 'scoring';
export const LEASE_TTL_MS = 3 * 60_000;
export const CLOCK_SKEW_MS = 2 * 60_000;

export interface Lease {
  readonly name: string;
  readonly owner: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Takes the lease for `owner` unless someone else holds a live one. */
export async function acquireLease(
  sql: Sql,
  owner: string,
  nowMs: number,
  name = LEASE_NAME,
): Promise<Lease | null> {
  const row = await sql.first<{ owner: string }>(
    stmt(
      `INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE leases.expires_at < ? OR leases.owner = excluded.owner
       RETURNING owner`,
      name,
      owner,
      iso(nowMs + LEASE_TTL_MS),
      iso(nowMs - CLOCK_SKEW_MS),
    ),
  );
  return row?.owner === owner ? { name, owner } : null;
}

/**
 * For a batch: abort it unless `lease` is still held (a run whose lease was taken over must not
 * write), then extend it.
 */
export function holdLease(lease: Lease, nowMs: number): Statement[] {
  return [
    stmt(
      `INSERT INTO batch_guards (ok, reason) VALUES
       (CASE WHEN EXISTS (SELECT 1 FROM leases WHERE name = ? AND owner = ?) THEN 1 ELSE 0 END,
        'scheduler_lease_lost')`,
      lease.name,
      lease.owner,
    ),
    stmt(
      'UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ?',
      iso(nowMs + LEASE_TTL_MS),
      lease.name,
      lease.owner,
    ),
  ];
}

export async function releaseLease(sql: Sql, lease: Lease): Promise<void> {
  await sql.run(stmt('DELETE FROM leases WHERE name = ? AND owner = ?', lease.name, lease.owner));
}
