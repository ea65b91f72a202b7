/**
 * A thin layer over the D1 binding for the scheduler's hot path: raw SQL (json_each bulk
 * statements do not fit an ORM), every statement counted against the invocation's query budget
 * (D1 allows 1,000 queries per Worker invocation; each statement of a batch is one).
 */

export type SqlValue = string | number | null;

export interface Statement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

export function stmt(sql: string, ...params: SqlValue[]): Statement {
  return { sql, params };
}

export class QueryBudgetExhausted extends Error {
  constructor(used: number, limit: number) {
    super(`query budget exhausted: ${used} of ${limit}`);
    this.name = 'QueryBudgetExhausted';
  }
}

export class Sql {
  readonly db: D1Database;
  readonly limit: number;
  used = 0;

  constructor(db: D1Database, limit: number) {
    this.db = db;
    this.limit = limit;
  }

  /** Queries still available in this invocation. */
  get left(): number {
    return this.limit - this.used;
  }

  /** Counts queries made outside this layer (drizzle reads through the same binding). */
  charge(n: number): void {
    this.take(n);
  }

  private take(n: number): void {
    if (this.used + n > this.limit) throw new QueryBudgetExhausted(this.used + n, this.limit);
    this.used += n;
  }

  private prepare(s: Statement): D1PreparedStatement {
    const prepared = this.db.prepare(s.sql);
    return s.params.length ? prepared.bind(...s.params) : prepared;
  }

  async all<T>(s: Statement): Promise<T[]> {
    this.take(1);
    return (await this.prepare(s).all<T>()).results;
  }

  async first<T>(s: Statement): Promise<T | null> {
    this.take(1);
    return await this.prepare(s).first<T>();
  }

  async run(s: Statement): Promise<D1Result> {
    this.take(1);
    return await this.prepare(s).run();
  }

  /** One atomic batch: every statement commits, or none does. */
  async batch(statements: readonly Statement[]): Promise<D1Result[]> {
    if (statements.length === 0) return [];
    this.take(statements.length);
    return await this.db.batch(statements.map((s) => this.prepare(s)));
  }
}
