// A D1 binding that fails on purpose: wraps the real binding, counts every call that reaches
// the database (a batch() is one call; run/all/first/raw on a statement is one), and throws
// at the calls a test names. Not a fake: everything that is not failed goes to the real D1.

export interface FaultPlan {
  /** Throw at exactly this call (1-based); later calls succeed: a transient error. */
  readonly failAt?: number;
  /** Throw at this call and every later one: the Worker stopped. */
  readonly dieAt?: number;
  /**
   * Runs before call n reaches D1 (e.g. another writer getting in between); `batches` is how
   * many batch() calls went before it.
   */
  readonly before?: (call: number, kind: 'batch' | 'statement', batches: number) => Promise<void>;
}

export class InjectedFault extends Error {
  constructor(call: number) {
    super(`D1_ERROR: injected fault at call ${call}`);
    this.name = 'InjectedFault';
  }
}

const READS = new Set(['run', 'all', 'first', 'raw']);
const sqlOf = new WeakMap<object, string>();

export class FaultyD1 {
  calls = 0;
  statements = 0;
  rowsRead = 0;
  rowsWritten = 0;
  readonly real: D1Database;
  readonly plan: FaultPlan;
  private readonly unwrap = new WeakMap<object, D1PreparedStatement>();
  private proxy: D1Database | undefined;

  constructor(real: D1Database, plan: FaultPlan = {}) {
    this.real = real;
    this.plan = plan;
  }

  batches = 0;
  /** Rows read per SQL text (the first 80 characters), to find the expensive statements. */
  readonly readsBySql = new Map<string, number>();

  private async gate(kind: 'batch' | 'statement'): Promise<void> {
    this.calls += 1;
    const call = this.calls;
    if (this.plan.before) await this.plan.before(call, kind, this.batches);
    if (kind === 'batch') this.batches += 1;
    if (this.plan.dieAt !== undefined && call >= this.plan.dieAt) throw new InjectedFault(call);
    if (this.plan.failAt === call) throw new InjectedFault(call);
  }

  private account(meta: unknown, sql?: string): void {
    const m = meta as { rows_read?: number; rows_written?: number } | undefined;
    this.rowsRead += m?.rows_read ?? 0;
    this.rowsWritten += m?.rows_written ?? 0;
    if (sql) {
      const key = sql.replace(/\s+/g, ' ').slice(0, 80);
      this.readsBySql.set(key, (this.readsBySql.get(key) ?? 0) + (m?.rows_read ?? 0));
    }
  }

  private statement(real: D1PreparedStatement, sql: string): D1PreparedStatement {
    const proxy: D1PreparedStatement = new Proxy(real, {
      get: (target, prop) => {
        if (prop === 'bind') {
          return (...values: unknown[]) => this.statement(target.bind(...values), sql);
        }
        if (typeof prop === 'string' && READS.has(prop)) {
          return async (...args: unknown[]) => {
            await this.gate('statement');
            this.statements += 1;
            const method = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[
              prop
            ] as (...a: unknown[]) => Promise<unknown>;
            const result = await method.apply(target, args);
            if (result && typeof result === 'object' && 'meta' in result) {
              this.account((result as { meta: unknown }).meta, sqlOf.get(proxy));
            }
            return result;
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    this.unwrap.set(proxy, real);
    sqlOf.set(proxy, sql);
    return proxy;
  }

  /** The binding to hand to the worker (one object, so drizzle's per-binding cache holds). */
  get binding(): D1Database {
    this.proxy ??= new Proxy(this.real, {
      get: (target, prop) => {
        if (prop === 'prepare') return (sql: string) => this.statement(target.prepare(sql), sql);
        if (prop === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            await this.gate('batch');
            this.statements += statements.length;
            const results = await target.batch(statements.map((s) => this.unwrap.get(s) ?? s));
            results.forEach((r, i) => {
              this.account(r.meta, sqlOf.get(statements[i] as object));
            });
            return results;
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return this.proxy;
  }
}
