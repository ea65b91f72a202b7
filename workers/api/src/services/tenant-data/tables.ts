import {
  apiClients,
  auditLog,
  currentScores,
  cycles,
  cycleTargets,
  cycleUnits,
  deadLetters,
  deadlineFlags,
  evidence,
  invitations,
  milestones,
  objections,
  orgUnitLineage,
  orgUnits,
  packPins,
  packVersions,
  progressReports,
  roleGrants,
  rollupContributions,
  rollups,
  scorecardDictionaries,
  scoreEvents,
  scoreSnapshots,
  scoringChunks,
  scoringRunCycles,
  scoringRuns,
  submissionStages,
  submissions,
  tenants,
  transitions,
  users,
} from '@kaoping/db/schema';
import type { TenantTable } from '@kaoping/db/tenant-db';
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * Every table that holds a tenant's rows, in the order an export writes them and a restore
 * reads them (parents before children). A test compares this list with the database's tables
 * carrying `tenant_id`, so a table added later is exported or stated as withheld.
 *
 * - `source`: what the tenant entered or decided; restored (ids remapped, see id-map.ts).
 * - `record`: exported for the record, not restored — secrets it depended on were never
 *   exported (invitations, API clients), or it is the audit log (verified, not replayed).
 * - `derived`: written by the scheduler from the source rows; exported, then recomputed after a
 *   restore by the scheduler's next run (the proof that the scores are identical).
 */
export type TableRole = 'source' | 'record' | 'derived';

export interface DataTable {
  /** The SQL table name: the section name in an export. */
  readonly name: string;
  readonly table: SQLiteTable;
  readonly role: TableRole;
  /** Columns never exported: password hashes, secret hashes. */
  readonly omit?: readonly string[];
  /** Columns exported as REDACTED when set: capabilities (a public objection link's token). */
  readonly redact?: readonly string[];
  /** At most this many rows per page (large rows, or rows that cost an R2 copy on restore). */
  readonly maxRowsPerPage?: number;
}

export const REDACTED = '[redacted]';

export const DATA_TABLES: readonly DataTable[] = [
  { name: 'tenants', table: tenants, role: 'source' },
  { name: 'org_units', table: orgUnits, role: 'source' },
  { name: 'org_unit_lineage', table: orgUnitLineage, role: 'source' },
  {
    name: 'users',
    table: users,
    role: 'source',
    omit: ['password_hash', 'password_salt', 'password_iterations'],
  },
  { name: 'role_grants', table: roleGrants, role: 'source' },
  { name: 'invitations', table: invitations, role: 'record', omit: ['token_hash'] },
  { name: 'api_clients', table: apiClients, role: 'record', omit: ['secret_hash'] },
  { name: 'pack_versions', table: packVersions, role: 'source', maxRowsPerPage: 20 },
  { name: 'pack_pins', table: packPins, role: 'source' },
  { name: 'cycles', table: cycles, role: 'source', redact: ['public_token'] },
  { name: 'cycle_units', table: cycleUnits, role: 'source' },
  { name: 'cycle_targets', table: cycleTargets, role: 'source' },
  { name: 'milestones', table: milestones, role: 'source' },
  { name: 'submissions', table: submissions, role: 'source', maxRowsPerPage: 200 },
  { name: 'submission_stages', table: submissionStages, role: 'source' },
  { name: 'transitions', table: transitions, role: 'source' },
  { name: 'evidence', table: evidence, role: 'source', maxRowsPerPage: 25 },
  { name: 'objections', table: objections, role: 'source' },
  { name: 'progress_reports', table: progressReports, role: 'source' },
  { name: 'audit_log', table: auditLog, role: 'record' },
  { name: 'score_snapshots', table: scoreSnapshots, role: 'derived', maxRowsPerPage: 500 },
  { name: 'current_scores', table: currentScores, role: 'derived' },
  { name: 'score_events', table: scoreEvents, role: 'derived' },
  { name: 'rollups', table: rollups, role: 'derived' },
  { name: 'rollup_contributions', table: rollupContributions, role: 'derived' },
  { name: 'deadline_flags', table: deadlineFlags, role: 'derived' },
  { name: 'scorecard_dictionaries', table: scorecardDictionaries, role: 'derived' },
  { name: 'scoring_runs', table: scoringRuns, role: 'derived' },
  { name: 'scoring_chunks', table: scoringChunks, role: 'derived' },
  { name: 'scoring_run_cycles', table: scoringRunCycles, role: 'derived' },
  { name: 'dead_letters', table: deadLetters, role: 'derived' },
];

/**
 * Tables with tenant rows that an export leaves out entirely, and why: they hold nothing but
 * credentials' digests or short-lived replies, useless without the secrets and dangerous with them.
 */
export const WITHHELD_TABLES: Readonly<Record<string, string>> = {
  refresh_tokens: 'sessions: digests of refresh tokens; people sign in again',
  idempotency_keys: 'replies kept 24 h for retries, encrypted under the callers’ keys',
};

export const TABLE_NAMES = DATA_TABLES.map((t) => t.name) as [string, ...string[]];

export function dataTable(name: string): DataTable | undefined {
  return DATA_TABLES.find((t) => t.name === name);
}

export interface ColumnInfo {
  /** drizzle's property name (camelCase), for inserts through TenantDb. */
  readonly key: string;
  /** The SQL column name: the field name in an export. */
  readonly name: string;
  readonly kind: 'text' | 'json' | 'number';
  readonly notNull: boolean;
}

/** The columns an export writes for `t` (tenant_id and omitted columns left out), in table order. */
export function exportedColumns(t: DataTable): ColumnInfo[] {
  const out: ColumnInfo[] = [];
  for (const [key, column] of Object.entries(getTableColumns(t.table)) as [
    string,
    SQLiteColumn,
  ][]) {
    if (column.name === 'tenant_id' || t.omit?.includes(column.name)) continue;
    const kind =
      column.columnType === 'SQLiteTextJson'
        ? 'json'
        : column.dataType === 'number'
          ? 'number'
          : 'text';
    out.push({ key, name: column.name, kind, notNull: column.notNull });
  }
  return out;
}

/** The table as a TenantTable, for inserts (every data table but `tenants` carries tenant_id). */
export function asTenantTable(t: DataTable): TenantTable {
  return t.table as TenantTable;
}
