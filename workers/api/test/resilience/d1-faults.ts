// A D1 binding that fails on purpose, for the api's fault tests: it wraps the real
// binding, counts every call that reaches the database (a batch() is one call; run, all,
// first or raw on a statement is one) and fails the calls a plan names, with the messages
// D1 itself uses. Everything not failed goes to the real D1: no fake database.

/** D1's own wording (D1 → Observability → error list). */
export const D1_MESSAGES = {
  transient: 'D1_ERROR: Network connection lost.',
  overloaded: 'D1_ERROR: D1 DB is overloaded. Requests queued for too long.',
} as const;

export type D1FaultKind = keyof typeof D1_MESSAGES;

export interface D1FaultPlan {
  /** Fail call k before it reaches D1; later calls succeed (a transient fault). */
  readonly failAt?: number;
  /** Let call k reach D1 and commit, then fail it: the answer is lost on the way back. */
  readonly loseAnswerAt?: number;
  /** Fail call k and every later one: the Worker stopped (or D1 is gone) from there on. */
  readonly dieAt?: number;
  /** Fail the first n calls (then succeed): a short outage. */
  readonly failFirst?: number;
  readonly kind?: D1FaultKind;
  /** Count only batch() calls (the commits) for the numbers above; statements pass. */
  readonly commitsOnly?: boolean;
}

export class InjectedD1Fault extends Error {
  readonly call: number;
  constructor(call: number, kind: D1FaultKind) {
    super(D1_MESSAGES[kind]);
    this.name = 'Error';
    this.call = call;
  }
}

const CALLS = new Set(['run', 'all', 'first', 'raw']);

export class FaultyD1 {
  calls = 0;
  batches = 0;
  /** Calls that failed on purpose. */
  injected = 0;
  /** What each call was, in order. */
  readonly kinds: ('batch' | 'statement')[] = [];
  /** Whether each call could change the database (a batch, or an INSERT/UPDATE/DELETE). */
  readonly writes: boolean[] = [];
  /** When each call was made (ms, performance.now()), to see backoff between retries. */
  readonly times: number[] = [];
  readonly real: D1Database;
  plan: D1FaultPlan;
  private readonly unwrap = new WeakMap<object, D1PreparedStatement>();
  private proxy: D1Database | undefined;

  constructor(real: D1Database, plan: D1FaultPlan = {}) {
    this.real = real;
    this.plan = plan;
  }

  /** Whether call n fails before reaching D1. */
  private failsBefore(n: number): boolean {
    const p = this.plan;
    return (
      p.failAt === n ||
      (p.dieAt !== undefined && n >= p.dieAt) ||
      (p.failFirst !== undefined && n <= p.failFirst)
    );
  }

  private async around<T>(
    kind: 'batch' | 'statement',
    run: () => Promise<T>,
    sql = '',
  ): Promise<T> {
    this.calls += 1;
    if (kind === 'batch') this.batches += 1;
    this.kinds.push(kind);
    this.writes.push(kind === 'batch' || /^\s*(insert|update|delete|replace)\b/i.test(sql));
    this.times.push(performance.now());
    if (this.plan.commitsOnly && kind !== 'batch') return run();
    const n = this.plan.commitsOnly ? this.batches : this.calls;
    const fault = this.plan.kind ?? 'transient';
    if (this.failsBefore(n)) {
      this.injected += 1;
      throw new InjectedD1Fault(n, fault);
    }
    const result = await run();
    if (this.plan.loseAnswerAt === n) {
      this.injected += 1;
      throw new InjectedD1Fault(n, fault);
    }
    return result;
  }

  private statement(real: D1PreparedStatement, sql: string): D1PreparedStatement {
    const proxy: D1PreparedStatement = new Proxy(real, {
      get: (target, prop) => {
        if (prop === 'bind') {
          return (...values: unknown[]) => this.statement(target.bind(...values), sql);
        }
        if (typeof prop === 'string' && CALLS.has(prop)) {
          return (...args: unknown[]) =>
            this.around(
              'statement',
              () =>
                (
                  (target as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
                    prop
                  ] as (...a: unknown[]) => Promise<unknown>
                ).apply(target, args),
              sql,
            );
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    this.unwrap.set(proxy, real);
    return proxy;
  }

  /** The binding to hand to the worker (one object, so drizzle's per-binding cache holds). */
  get binding(): D1Database {
    this.proxy ??= new Proxy(this.real, {
      get: (target, prop) => {
        if (prop === 'prepare') return (sql: string) => this.statement(target.prepare(sql), sql);
        if (prop === 'batch') {
          return (statements: D1PreparedStatement[]) =>
            this.around('batch', () =>
              target.batch(statements.map((s) => this.unwrap.get(s) ?? s)),
            );
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return this.proxy;
  }
}
