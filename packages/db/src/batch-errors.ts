/**
 * What can make a batch fail on purpose, recognised from D1's error text.
 * D1 reports constraint failures as plain errors ("D1_ERROR: <message>:
 * SQLITE_CONSTRAINT …"), sometimes wrapped by drizzle (DrizzleQueryError with
 * the D1 error as `cause`), so every helper here walks the cause chain.
 */

/** A batch guard (TenantDb.guard) did not hold: the batch was rolled back whole. */
export class GuardFailed extends Error {
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`batch guard failed: ${reason}`, options);
    this.name = 'GuardFailed';
    this.reason = reason;
  }
}

/** Another writer appended to the tenant's audit chain first; retry the batch. */
export class AuditChainStale extends Error {
  constructor(options?: { cause?: unknown }) {
    super('audit chain head moved; retry', options);
    this.name = 'AuditChainStale';
  }
}

function messages(err: unknown): string[] {
  const out: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof Error) {
      out.push(e.message);
      e = e.cause;
    } else {
      out.push(String(e));
      break;
    }
  }
  return out;
}

const GUARD = /kaoping_guard:([a-z0-9_.-]+)/;

/** Turn a D1 error from a batch into GuardFailed / AuditChainStale, or return it unchanged. */
export function classifyBatchError(err: unknown): unknown {
  if (err instanceof GuardFailed || err instanceof AuditChainStale) return err;
  for (const m of messages(err)) {
    const guard = GUARD.exec(m);
    if (guard) return new GuardFailed(guard[1]!, { cause: err });
    if (m.includes('audit_chain_stale')) return new AuditChainStale({ cause: err });
  }
  return err;
}

/**
 * The columns of the UNIQUE constraint an error reports, e.g.
 * ["org_units.tenant_id", "org_units.code"], or null when it is another error.
 */
export function uniqueViolation(err: unknown): string[] | null {
  for (const m of messages(err)) {
    const match = /UNIQUE constraint failed: ([^:]+?)(?:: SQLITE_CONSTRAINT|$)/.exec(m);
    if (match) return match[1]!.split(',').map((s) => s.trim());
  }
  return null;
}
