import { and, eq, exists, getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { classifyBatchError } from './batch-errors.ts';
import { chunkRows } from './chunk.ts';
import type { Db } from './client.ts';
import { batchGuards } from './schema/guards.ts';

/** Rows per INSERT … SELECT FROM json_each(?) statement, and the JSON budget per statement. */
const BULK_ROWS_PER_STATEMENT = 500;
const BULK_BYTES_PER_STATEMENT = 512 * 1024;

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

  /**
   * Multi-row insert for large imports: each statement binds two parameters
   * (the tenant and one JSON array of rows) and inserts with
   * `INSERT … SELECT … FROM json_each(?)`, so 20,000 rows are ~40 statements
   * instead of thousands. Every row must set the same columns; columns left
   * out take their defaults. tenant_id always comes from this TenantDb.
   */
  insertBulk<T extends TenantTable>(table: T, rows: InsertRow<T>[]): BatchItem<'sqlite'>[] {
    if (rows.length === 0) return [];
    const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
    const present = (r: object) =>
      Object.entries(r)
        .filter(([k, v]) => k !== 'tenantId' && v !== undefined)
        .map(([k]) => k)
        .sort();
    const keys = present(rows[0]!);
    const signature = keys.join(',');
    for (const key of keys) {
      if (!columns[key]) throw new Error(`insertBulk: no column ${key}`);
    }
    const cols = keys.map((k) => columns[k]!);
    const position = new Map(keys.map((k, j) => [columns[k]!, j]));
    const encoded: string[] = rows.map((row, i) => {
      if (present(row).join(',') !== signature) {
        throw new Error(`insertBulk: row ${i} sets different columns than row 0`);
      }
      const r = row as Record<string, unknown>;
      return JSON.stringify(
        cols.map((c, j) => {
          const v = r[keys[j]!];
          return v === null ? null : c.mapToDriverValue(v);
        }),
      );
    });
    // drizzle's INSERT … SELECT lists every insertable column in table order,
    // so the SELECT yields each one: from the JSON row, the tenant, or its default.
    const picks = (Object.values(columns) as SQLiteColumn[])
      .filter((c) => !(c as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert())
      .map((c) => {
        const j = position.get(c);
        if (j !== undefined) return sql.raw(`json_extract(value, '$[${j}]')`);
        if (c === table.tenantId) return sql`${this.tenantId}`;
        if (c.default !== undefined && c.default !== null) {
          return is(c.default, SQL) ? c.default : sql`${c.default}`;
        }
        return sql`NULL`;
      });
    const select = sql.join(picks, sql`, `);
    const statements: BatchItem<'sqlite'>[] = [];
    let chunk: string[] = [];
    let bytes = 0;
    const flush = () => {
      if (chunk.length === 0) return;
      const json = `[${chunk.join(',')}]`;
      statements.push(
        this.db
          .insert(table)
          .select(sql`SELECT ${select} FROM json_each(${json})`) as BatchItem<'sqlite'>,
      );
      chunk = [];
      bytes = 0;
    };
    for (const e of encoded) {
      if (chunk.length >= BULK_ROWS_PER_STATEMENT || bytes + e.length > BULK_BYTES_PER_STATEMENT) {
        flush();
      }
      chunk.push(e);
      bytes += e.length + 1;
    }
    flush();
    return statements;
  }

  /** `EXISTS (SELECT 1 FROM table WHERE tenant AND conditions)`, for guards. */
  exists<T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]): SQL {
    return exists(
      this.db
        .select({ one: sql`1` })
        .from(table as SQLiteTable)
        .where(this.where(table, ...conditions)),
    );
  }

  /**
   * A statement for a batch that aborts the whole batch unless `condition`
   * holds when it runs (packages/db/src/schema/guards.ts). D1 runs a batch as
   * one transaction with no other writer in between, so a guard placed before
   * a write checks exactly the state that write will see; one placed after
   * checks the state the batch leaves behind. A failed guard surfaces from
   * batch() as GuardFailed with this reason.
   */
  guard(condition: SQL, reason: string): BatchItem<'sqlite'> {
    if (!/^[a-z0-9_.-]{1,64}$/.test(reason)) throw new Error(`bad guard reason: ${reason}`);
    return this.db
      .insert(batchGuards)
      .values({ ok: sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`, reason });
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

  /**
   * Commit statements atomically: D1 has no interactive transactions. A failed
   * guard rejects with GuardFailed, a stale audit chain with AuditChainStale.
   */
  async batch(statements: BatchItem<'sqlite'>[]): Promise<unknown[]> {
    if (statements.length === 0) return [];
    try {
      return await this.db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    } catch (err) {
      throw classifyBatchError(err);
    }
  }
}

/** The awaited/dynamic select builder for a table's rows. */
export interface SelectOf<T extends TenantTable> extends PromiseLike<T['$inferSelect'][]> {
  orderBy(...columns: (SQLiteColumn | SQL)[]): SelectOf<T>;
  limit(n: number): SelectOf<T>;
  offset(n: number): SelectOf<T>;
  all(): Promise<T['$inferSelect'][]>;
}
