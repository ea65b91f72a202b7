import { env } from 'cloudflare:workers';

/**
 * Two views of a tenant's rows in D1, for the resilience suites:
 *
 * - `tenantFingerprint`: one SQL query over every tenant table (all columns of every row,
 *   as JSON), hashed — "did this refused request change anything?", cheap enough to ask
 *   after each of thousands of requests.
 * - `normalizedState`: every row with what differs between two equal runs (ids, times,
 *   hashes, salts, sequence numbers, the run's own marker) replaced by placeholders, as a
 *   sorted list per table — "does this run's outcome equal a clean run's?", with the rows
 *   one has and the other lacks counted as lost or duplicated.
 */

interface Column {
  name: string;
}

let fingerprintSql: string | undefined;
let tenantTables: string[] | undefined;

/** Tables with a tenant_id column (the tenant's rows), in name order. */
export async function tableNames(): Promise<string[]> {
  if (tenantTables) return tenantTables;
  const { results } = await env.DB.prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name`,
  ).all<{ name: string; sql: string }>();
  tenantTables = results.filter((t) => t.sql.includes('`tenant_id`')).map((t) => t.name);
  return tenantTables;
}

// One SELECT of scalar subqueries (D1 allows few terms in a compound SELECT, so no UNION).
async function buildFingerprintSql(): Promise<string> {
  const parts: string[] = [];
  for (const table of await tableNames()) {
    const { results } = await env.DB.prepare(`PRAGMA table_info("${table}")`).all<Column>();
    const row = `json_array(${results.map((c) => `"${c.name}"`).join(', ')})`;
    parts.push(
      `(SELECT count(*) || ':' || coalesce(group_concat(${row}, char(10)), '')
          FROM (SELECT * FROM "${table}" WHERE tenant_id = ?1 ORDER BY rowid)) AS "${table}"`,
    );
  }
  parts.push(
    `(SELECT group_concat(json_array(id, slug, name, status, row_version)) FROM tenants
       WHERE id = ?1) AS tenants`,
  );
  return `SELECT ${parts.join(',\n')}`;
}

/** A digest of every row the tenant has, in one query. Equal before and after = no change. */
export async function tenantFingerprint(tenantId: string): Promise<string> {
  fingerprintSql ??= await buildFingerprintSql();
  const row = await env.DB.prepare(fingerprintSql).bind(tenantId).first<Record<string, string>>();
  const text = JSON.stringify(row);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Counts every row a tenant gains, loses or has changed, in every tenant table (and the
 * tenants table), per tenant and in all ('*'): triggers written into this test file's own
 * D1 (each test file has its own storage). Reading the counters is one small query, so it
 * can follow each of thousands of requests; `tenantFingerprint` checks the net state less
 * often. Idempotency reservations are left out: a refused request frees its key again.
 */
export class ChangeWatch {
  private constructor() {}

  static async install(): Promise<ChangeWatch> {
    const statements = [
      'CREATE TABLE IF NOT EXISTS resilience_changes (tenant_id TEXT PRIMARY KEY, n INTEGER NOT NULL)',
      `INSERT OR IGNORE INTO resilience_changes VALUES ('*', 0)`,
    ];
    const watched = [
      ...(await tableNames()).filter((t) => t !== 'idempotency_keys').map((t) => [t, 'tenant_id']),
      ['tenants', 'id'],
    ];
    for (const [table, column] of watched) {
      for (const [event, row] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'NEW'],
        ['DELETE', 'OLD'],
      ] as const) {
        statements.push(
          `CREATE TRIGGER IF NOT EXISTS "resilience_${table}_${event.toLowerCase()}"
             AFTER ${event} ON "${table}" BEGIN
               UPDATE resilience_changes SET n = n + 1
                WHERE tenant_id = '*' OR tenant_id = ${row}."${column}";
             END`,
        );
      }
    }
    await env.DB.batch(statements.map((sql) => env.DB.prepare(sql)));
    return new ChangeWatch();
  }

  /** Also count the tenant's own changes (all tenants are counted in '*' anyway). */
  async watch(tenantId: string): Promise<void> {
    await env.DB.prepare('INSERT OR IGNORE INTO resilience_changes VALUES (?, 0)')
      .bind(tenantId)
      .run();
  }

  /** The counters now, as one comparable string. */
  async read(): Promise<string> {
    const { results } = await env.DB.prepare(
      'SELECT tenant_id, n FROM resilience_changes ORDER BY tenant_id',
    ).all<{ tenant_id: string; n: number }>();
    return results.map((r) => `${r.tenant_id}=${r.n}`).join(' ');
  }
}

/** Columns whose values differ between two equal runs by construction. */
const VOLATILE_COLUMNS = new Set([
  'seq',
  'snapshot_seq',
  'password_hash',
  'password_salt',
  'secret_hash',
  'token_hash',
  'key',
  'body_hash',
  'response',
  'hash',
  'prev_hash',
  'request_id',
  'public_token_hash',
  'sealed_hash',
  'sealed_document',
  'r2_key',
]);

const VOLATILE_VALUES: [RegExp, string][] = [
  [/\b[a-z]{2,5}_[0-9a-f]{32}\b/g, '<id>'],
  [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g, '<time>'],
  [/\b[0-9a-f]{64}\b/g, '<hash>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>'],
  [/\bkp[a-z]_[A-Za-z0-9_-]{20,}/g, '<secret>'],
];

function normalize(row: Record<string, unknown>, markers: readonly string[]): string {
  const kept: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    kept[column] = VOLATILE_COLUMNS.has(column) ? '<volatile>' : value;
  }
  let text = JSON.stringify(kept);
  for (const m of markers) text = text.replaceAll(m, '<marker>');
  for (const [pattern, placeholder] of VOLATILE_VALUES) text = text.replace(pattern, placeholder);
  return text;
}

export type NormalizedState = Record<string, string[]>;

/** Every row of the tenant, normalized, sorted per table; R2 objects under its prefix too. */
export async function normalizedState(
  tenantId: string,
  markers: readonly string[] = [],
): Promise<NormalizedState> {
  const out: NormalizedState = {};
  const all = [...markers, tenantId];
  for (const table of await tableNames()) {
    const { results } = await env.DB.prepare(`SELECT * FROM "${table}" WHERE tenant_id = ?`)
      .bind(tenantId)
      .all<Record<string, unknown>>();
    out[table] = results.map((r) => normalize(r, all)).sort();
  }
  // Evidence files the rows point at: a row whose file is gone is a lost record. (A file no
  // row points at is an orphan the operations guide sweeps, not a record.)
  const { results: files } = await env.DB.prepare(
    'SELECT r2_key, size FROM evidence WHERE tenant_id = ? AND deleted_at IS NULL',
  )
    .bind(tenantId)
    .all<{ r2_key: string; size: number }>();
  const objects = await Promise.all(files.map((f) => env.EVIDENCE.head(f.r2_key)));
  out['r2:evidence'] = files
    .map((f, i) => (objects[i]?.size === f.size ? `file ${f.size}` : `missing file ${f.size}`))
    .sort();
  return out;
}

export interface StateDiff {
  /** Rows the clean state has that this one lacks. */
  lost: number;
  /** Rows this state has beyond the clean one. */
  duplicated: number;
  /** Per table, what differs (for the failure message). */
  tables: Record<string, { missing: string[]; extra: string[] }>;
}

/** Compares two normalized states as multisets of rows per table. */
export function diffStates(clean: NormalizedState, other: NormalizedState): StateDiff {
  const diff: StateDiff = { lost: 0, duplicated: 0, tables: {} };
  for (const table of new Set([...Object.keys(clean), ...Object.keys(other)])) {
    const left = new Map<string, number>();
    for (const row of clean[table] ?? []) left.set(row, (left.get(row) ?? 0) + 1);
    const extra: string[] = [];
    for (const row of other[table] ?? []) {
      const n = left.get(row) ?? 0;
      if (n > 0) left.set(row, n - 1);
      else extra.push(row);
    }
    const missing = [...left.entries()].flatMap(([row, n]) => Array<string>(n).fill(row));
    if (missing.length || extra.length) {
      diff.tables[table] = { missing, extra };
      // A row changed in place shows as one missing and one extra: count it once, as lost.
      const changed = Math.min(missing.length, extra.length);
      diff.lost += missing.length;
      diff.duplicated += extra.length - changed;
    }
  }
  return diff;
}
