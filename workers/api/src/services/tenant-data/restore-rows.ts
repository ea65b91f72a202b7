import { orgUnits, roleGrants, tenants } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { PBKDF2_ITERATIONS, toBase64Url } from '../../auth/password.ts';
import { auditHash } from '../../lib/audit.ts';
import { randomSecret, sha256Hex } from '../../lib/crypto.ts';
import type { FieldError } from '../../lib/problem.ts';
import { evidenceKey } from '../evidence/present.ts';
import { normalizeOrigin } from '../tenants/cors-origins.ts';
import type { IdMap } from './id-map.ts';
import {
  asTenantTable,
  type ColumnInfo,
  type DataTable,
  exportedColumns,
  REDACTED,
} from './tables.ts';

/**
 * One export section turned into restore statements for the target tenant. The rules, table by
 * table (docs/operations.md, "Export and restore"):
 * - every id renamed by the IdMap; the source's root unit becomes the target's root (its name,
 *   code and dates copied onto it); people the target already knows by email stay themselves;
 * - people come back `removed`, with no usable password (none was exported): an admin invites
 *   each again, which keeps their id and so their history;
 * - a cycle's public objection link gets a new token (the old one was not exported);
 * - stage rows come back to score (dirty = 1) and milestones unchecked, so the scheduler derives
 *   snapshots, rollups and deadline flags afresh; evidence files are copied in R2 from the
 *   source tenant's prefix when they are still there and their SHA-256 matches the row.
 * Sections of `record` and `derived` tables are checked and counted, not written.
 */

export interface RestoreState {
  readonly tdb: TenantDb;
  readonly ids: IdMap;
  readonly sourceTenantId: string;
  readonly sourceRootId: string;
  readonly targetRootId: string;
  /** Source user ids the target already has (by email), mapped onto those people. */
  readonly mergedPeople: ReadonlySet<string>;
  readonly bucket: R2Bucket;
  readonly at: string;
  /** The audit chain of the export as verified so far (the previous page's last row). */
  audit: { hash: string; rows: number };
}

export interface SectionResult {
  statements: BatchItem<'sqlite'>[];
  restored: number;
  evidenceCopied: number;
  evidenceMissing: number;
}

/** A row's shape against the table's exported columns: exactly those keys, of their types. */
export function rowErrors(
  t: DataTable,
  columns: readonly ColumnInfo[],
  row: Record<string, unknown>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const wrong = (field: string, en: string, zh: string) =>
    errors.push({ path: `${path}.${field}`, code: 'invalid_row', message: en, message_zh: zh });
  const names = new Set(columns.map((c) => c.name));
  for (const key of Object.keys(row)) {
    if (!names.has(key)) wrong(key, `not a column of ${t.name}`, `不是 ${t.name} 的列`);
  }
  for (const c of columns) {
    if (!(c.name in row)) {
      wrong(c.name, 'missing', '缺少该列');
      continue;
    }
    const v = row[c.name];
    if (v === null) {
      if (c.notNull) wrong(c.name, 'must not be null', '不能为空');
    } else if (c.kind === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) {
      wrong(c.name, 'must be a number', '应为数字');
    } else if (c.kind === 'text' && typeof v !== 'string') {
      wrong(c.name, 'must be a string', '应为字符串');
    }
  }
  return errors;
}

/** The export row as a drizzle insert object for the target (ids renamed). */
function toInsert(
  state: RestoreState,
  columns: readonly ColumnInfo[],
  row: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = row[c.name];
    out[c.key] = c.kind === 'json' || typeof v === 'string' ? state.ids.rewrite(v) : v;
  }
  return out;
}

function unusablePassword() {
  const random = () => toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  return { passwordHash: random(), passwordSalt: random(), passwordIterations: PBKDF2_ITERATIONS };
}

/** Verifies the exported audit rows continue the chain verified so far (no row is restored). */
export async function verifyAuditRows(
  state: RestoreState,
  rows: readonly Record<string, unknown>[],
): Promise<number | null> {
  for (const r of rows) {
    const text = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    const expected = await auditHash({
      prevHash: r.prev_hash as string,
      tenantId: state.sourceTenantId,
      actorType: r.actor_type as string,
      actorId: r.actor_id as string,
      action: r.action as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      before: text(r.before),
      after: text(r.after),
      requestId: (r.request_id as string | null) ?? null,
      at: r.at as string,
    });
    if (r.prev_hash !== state.audit.hash || expected !== r.hash) return r.seq as number;
    state.audit = { hash: expected, rows: state.audit.rows + 1 };
  }
  return null;
}

async function copyEvidence(
  state: RestoreState,
  row: Record<string, unknown>,
  insert: Record<string, unknown>,
): Promise<boolean> {
  const sourceKey = evidenceKey(
    state.sourceTenantId,
    row.submission_id as string,
    row.id as string,
  );
  // Only the object this very row names under the source tenant's prefix, and only with the
  // content hash the row records: a forged row cannot pull another object.
  if (row.r2_key !== sourceKey) return false;
  const object = await state.bucket.get(sourceKey);
  if (!object) return false;
  const bytes = new Uint8Array(await object.arrayBuffer());
  if ((await sha256Hex(bytes)) !== row.sha256) return false;
  await state.bucket.put(insert.r2Key as string, bytes, {
    httpMetadata: object.httpMetadata ?? {},
    customMetadata: { sha256: row.sha256 as string, submission: insert.submissionId as string },
  });
  return true;
}

/** Statements restoring one section of a `source` table. */
export async function restoreSection(
  state: RestoreState,
  t: DataTable,
  rows: readonly Record<string, unknown>[],
): Promise<SectionResult> {
  const { tdb } = state;
  const columns = exportedColumns(t);
  const result: SectionResult = {
    statements: [],
    restored: 0,
    evidenceCopied: 0,
    evidenceMissing: 0,
  };
  await state.ids.prepare(rows);
  const inserts: Record<string, unknown>[] = [];
  switch (t.name) {
    case 'tenants': {
      // Identity (slug, name, level) stays the target's; settings come across.
      const origins = (rows[0]?.cors_origins as unknown[] | undefined) ?? [];
      const allowed = origins
        .map((o) => (typeof o === 'string' ? normalizeOrigin(o) : null))
        .filter((o): o is string => o !== null);
      result.statements.push(
        tdb.db
          .update(tenants)
          .set({ corsOrigins: [...new Set(allowed)], updatedAt: state.at })
          .where(eq(tenants.id, tdb.tenantId)),
      );
      result.restored = rows.length;
      return result;
    }
    case 'org_units':
      for (const row of rows) {
        if (row.id === state.sourceRootId) {
          result.statements.push(
            tdb.update(
              orgUnits,
              {
                name: row.name as string,
                nameEn: row.name_en as string | null,
                code: row.code as string | null,
                validFrom: row.valid_from as string | null,
                validTo: row.valid_to as string | null,
                updatedAt: state.at,
              },
              eq(orgUnits.id, state.targetRootId),
            ),
          );
          result.restored++;
        } else {
          inserts.push(toInsert(state, columns, row));
        }
      }
      break;
    case 'users':
      for (const row of rows) {
        if (state.mergedPeople.has(row.id as string)) continue;
        inserts.push({
          ...toInsert(state, columns, row),
          ...unusablePassword(),
          status: 'removed',
        });
      }
      break;
    case 'role_grants': {
      const existing = await tdb.select(roleGrants);
      const key = (g: { userId: unknown; role: unknown; orgUnitId: unknown; stage: unknown }) =>
        JSON.stringify([g.userId, g.role, g.orgUnitId ?? null, g.stage ?? null]);
      const have = new Set(existing.map(key));
      for (const row of rows) {
        const insert = toInsert(state, columns, row);
        if (have.has(key(insert as Parameters<typeof key>[0]))) continue;
        inserts.push(insert);
      }
      break;
    }
    case 'cycles':
      for (const row of rows) {
        const insert = toInsert(state, columns, row);
        if (row.public_token === REDACTED) insert.publicToken = randomSecret('kpo_');
        inserts.push(insert);
      }
      break;
    case 'milestones':
      for (const row of rows) inserts.push({ ...toInsert(state, columns, row), nextCheckAt: null });
      break;
    case 'submission_stages':
      for (const row of rows) inserts.push({ ...toInsert(state, columns, row), dirty: 1 });
      break;
    case 'evidence':
      for (const row of rows) {
        const insert = toInsert(state, columns, row);
        insert.r2Key = evidenceKey(
          tdb.tenantId,
          insert.submissionId as string,
          insert.id as string,
        );
        if (row.deleted_at === null) {
          if (await copyEvidence(state, row, insert)) result.evidenceCopied++;
          else result.evidenceMissing++;
        }
        inserts.push(insert);
      }
      break;
    default:
      for (const row of rows) inserts.push(toInsert(state, columns, row));
  }
  if (inserts.length > 0) {
    result.statements.push(...tdb.insertBulk(asTenantTable(t), inserts as never[]));
    result.restored += inserts.length;
  }
  return result;
}
