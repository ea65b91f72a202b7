import { and, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { chunkRows } from './chunk.ts';
import type { Db } from './client.ts';

/** A table that carries tenant_id: the only kind a TenantDb will touch. */
export type TenantTable = SQLiteTable & { tenantId: SQLiteColumn };

type InsertRow<T extends TenantTable> = Omit<T['$inferInsert'], 'tenantId'>;

/**
 * Tenant scope by construction: every read, insert, update and delete made
 * through a TenantDb is filtered by, or stamped with, the tenant it was made
 * for. Services receive a TenantDb built by the auth middleware from a
 * verified token, never a bare database handle, so a tenant id in a path or
 * body cannot widen what a query sees.
 */
export class TenantDb {
  readonly db: Db;
  readonly tenantId: string;

  constructor(db: Db, tenantId: string) {
    if (!tenantId) throw new Error('TenantDb needs a tenant id');
    this.db = db;
    this.tenantId = tenantId;
  }

  /** `tenant_id = <this tenant>` AND the given conditions. */
  where<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }

  /**
   * SELECT * FROM table WHERE tenant AND conditions. The builder is dynamic so
   * callers can add orderBy/limit/offset; they must not call `.where` again.
   */
  select<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]) {
    return this.db
      .select()
      .from(table as SQLiteTable)
      .where(this.where(table, ...conditions))
      .$dynamic() as unknown as SelectOf<T>;
  }

  /** The first matching row or undefined. */
  async first<T extends TenantTable>(
    table: T,
    ...conditions: (SQL | undefined)[]
  ): Promise<T['$inferSelect'] | undefined> {
    const rows = await this.select(table, ...conditions).limit(1);
    return rows[0];
  }

  insert<T extends TenantTable>(table: T, row: InsertRow<T>) {
    return this.db.insert(table).values({ ...row, tenantId: this.tenantId } as T['$inferInsert']);
  }

  /**
   * Multi-row insert split into statements that stay under D1's 100 bound
   * parameters per statement. Returns the statements for one db.batch().
   */
  insertMany<T extends TenantTable>(table: T, rows: InsertRow<T>[]): BatchItem<'sqlite'>[] {
    const stamped = rows.map((r) => ({ ...r, tenantId: this.tenantId }) as T['$inferInsert']);
    return chunkRows(table, stamped).map((chunk) => this.db.insert(table).values(chunk));
  }

  update<T extends TenantTable>(
    table: T,
    set: SQLiteUpdateSetSource<T>,
    ...conditions: (SQL | undefined)[]
  ) {
    const { tenantId: _ignored, ...safe } = set as Record<string, unknown>;
    return this.db
      .update(table)
      .set(safe as SQLiteUpdateSetSource<T>)
      .where(this.where(table, ...conditions));
  }

  delete<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]) {
    return this.db.delete(table).where(this.where(table, ...conditions));
  }

  /** Commit statements atomically: D1 has no interactive transactions. */
  batch(statements: BatchItem<'sqlite'>[]) {
    if (statements.length === 0) return Promise.resolve([]);
    return this.db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }
}

/** The awaited/dynamic select builder for a table's rows. */
export interface SelectOf<T extends TenantTable> extends PromiseLike<T['$inferSelect'][]> {
  orderBy(...columns: (SQLiteColumn | SQL)[]): SelectOf<T>;
  limit(n: number): SelectOf<T>;
  offset(n: number): SelectOf<T>;
  all(): Promise<T['$inferSelect'][]>;
}
