import { auditLog, orgUnits, users } from '@kaoping/db/schema';
import { desc, isNull, sql } from 'drizzle-orm';
import { fromBase64Url, toBase64Url } from '../../auth/password.ts';
import { requireAdmin, requireUser } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit, GENESIS_HASH } from '../../lib/audit.ts';
import { badCursor } from '../../lib/pagination.ts';
import {
  DATA_TABLES,
  type DataTable,
  exportedColumns,
  REDACTED,
  WITHHELD_TABLES,
} from './tables.ts';

/**
 * A tenant's data as JSON, in pages an admin fetches one after another (GET /v1/tenant/export,
 * then `?cursor=next_cursor` until it is null), each within a Worker's budgets: at most
 * MAX_PAGE_ROWS rows and about MAX_PAGE_BYTES of JSON, a few D1 queries. Page 0 is the
 * manifest, then the tables of DATA_TABLES in order, then an `end` page with the row counts.
 * The pages, kept in order, are also what POST /v1/tenant/import takes to restore.
 */

export const EXPORT_FORMAT = 'kaoping-export/1';
export const MAX_PAGE_ROWS = 2_000;
export const MAX_PAGE_BYTES = 1_000_000;
const utf8 = new TextEncoder();

/** Rows read per query while filling a page. */
const QUERY_ROWS = 250;

/** Audit actions that change nothing an export holds (sign-ins, token refreshes, exports). */
const READ_ONLY_ACTIONS = sql`(${auditLog.action} LIKE 'auth.%' OR ${auditLog.action} = 'tenant.export')`;

interface ExportCursor {
  /** The export's id, shared by its pages. */
  e: string;
  /** The tenant it is of: another tenant's cursor is not one this list issued. */
  tn: string;
  /** The next page's number. */
  p: number;
  /** Index into DATA_TABLES of the table being read, DATA_TABLES.length for the end page. */
  t: number;
  /** The last rowid read of that table. */
  r: number;
  /** The audit log's last seq and hash when the export began: its chain ends there. */
  s: number;
  h: string;
  /** When the export began. */
  at: string;
  /** Rows written per table so far. */
  c: Record<string, number>;
}

function encode(cursor: ExportCursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(cursor)));
}

function decode(text: string, tenantId: string): ExportCursor {
  try {
    const c = JSON.parse(new TextDecoder().decode(fromBase64Url(text))) as ExportCursor;
    const counts = c.c && typeof c.c === 'object' ? Object.entries(c.c) : null;
    if (
      c.tn === tenantId &&
      typeof c.e === 'string' &&
      /^exp_[0-9a-f]{32}$/.test(c.e) &&
      Number.isSafeInteger(c.p) &&
      c.p > 0 &&
      Number.isSafeInteger(c.t) &&
      c.t >= 0 &&
      c.t <= DATA_TABLES.length &&
      Number.isSafeInteger(c.r) &&
      Number.isSafeInteger(c.s) &&
      typeof c.h === 'string' &&
      typeof c.at === 'string' &&
      counts?.every(([k, v]) => DATA_TABLES.some((t) => t.name === k) && Number.isSafeInteger(v))
    ) {
      return c;
    }
  } catch {
    // fall through
  }
  throw badCursor();
}

export type ExportManifest = {
  export_id: string;
  exported_at: string;
  exported_by: string;
  build_version: string;
  source: {
    tenant_id: string;
    slug: string;
    name: string;
    level: string;
    root_unit_id: string;
  };
  /** Every person's id and email: a restore maps people the target already has onto them. */
  people: { id: string; email: string }[];
  /** The audit chain as the export saw it when it began; the exported chain ends there. */
  audit: { head: string; rows: number };
  tables: { name: string; role: string; columns_withheld: string[]; columns_redacted: string[] }[];
  withheld_tables: Record<string, string>;
};

export type ExportPage =
  | {
      format: typeof EXPORT_FORMAT;
      export_id: string;
      page: number;
      kind: 'manifest';
      manifest: ExportManifest;
      next_cursor: string;
    }
  | {
      format: typeof EXPORT_FORMAT;
      export_id: string;
      page: number;
      kind: 'rows';
      sections: { table: string; rows: Record<string, unknown>[] }[];
      next_cursor: string;
    }
  | {
      format: typeof EXPORT_FORMAT;
      export_id: string;
      page: number;
      kind: 'end';
      end: {
        pages: number;
        counts: Record<string, number>;
        /** False when something the export holds changed while it was taken: take it again. */
        consistent: boolean;
        changes_during_export: number;
      };
      next_cursor: null;
    };

function randomExportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `exp_${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A stored row as the export writes it: tenant_id and omitted columns out, JSON parsed. */
function exportRow(t: DataTable, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of exportedColumns(t)) {
    let v: unknown = raw[col.name] ?? null;
    if (col.kind === 'json' && typeof v === 'string') v = JSON.parse(v) as unknown;
    if (v !== null && t.redact?.includes(col.name)) v = REDACTED;
    out[col.name] = v;
  }
  return out;
}

async function manifestPage(ctx: ServiceContext, buildVersion: string): Promise<ExportPage> {
  const { tdb } = ctx;
  const exportId = randomExportId();
  const at = ctx.now.toISOString();
  const [tenant] = (await tdb.db.all(
    sql`SELECT id, slug, name, level FROM tenants WHERE id = ${tdb.tenantId}`,
  )) as { id: string; slug: string; name: string; level: string }[];
  const root = await tdb.first(orgUnits, isNull(orgUnits.parentId));
  const people = await tdb
    .select(users)
    .orderBy(users.email)
    .then((rows) => rows.map((u) => ({ id: u.id, email: u.email })));
  // The export itself is audited first; the chain it exports ends just before that row.
  const head = await tdb.select(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const [count] = (await tdb.db.all(
    sql`SELECT COUNT(*) AS n FROM audit_log WHERE tenant_id = ${tdb.tenantId}`,
  )) as { n: number }[];
  const manifest: ExportManifest = {
    export_id: exportId,
    exported_at: at,
    exported_by: ctx.principal.kind === 'user' ? ctx.principal.userId : '',
    build_version: buildVersion,
    source: {
      tenant_id: tdb.tenantId,
      slug: tenant!.slug,
      name: tenant!.name,
      level: tenant!.level,
      root_unit_id: root!.id,
    },
    people,
    audit: { head: head[0]?.hash ?? GENESIS_HASH, rows: count?.n ?? 0 },
    tables: DATA_TABLES.map((t) => ({
      name: t.name,
      role: t.role,
      columns_withheld: [...(t.omit ?? [])],
      columns_redacted: [...(t.redact ?? [])],
    })),
    withheld_tables: { ...WITHHELD_TABLES },
  };
  await commitWithAudit(
    ctx,
    [],
    [
      {
        action: 'tenant.export',
        entityType: 'tenant_export',
        entityId: exportId,
        after: { export_id: exportId, audit_head: manifest.audit.head },
      },
    ],
  );
  const cursor: ExportCursor = {
    e: exportId,
    tn: tdb.tenantId,
    p: 1,
    t: 0,
    r: -1,
    s: head[0]?.seq ?? 0,
    h: manifest.audit.head,
    at,
    c: {},
  };
  return {
    format: EXPORT_FORMAT,
    export_id: exportId,
    page: 0,
    kind: 'manifest',
    manifest,
    next_cursor: encode(cursor),
  };
}

async function readRows(
  ctx: ServiceContext,
  t: DataTable,
  cursor: ExportCursor,
  limit: number,
): Promise<{ rowid: number; row: Record<string, unknown> }[]> {
  const { tdb } = ctx;
  const table = sql.identifier(t.name);
  // NOT INDEXED: read in rowid order from the cursor on, so a page costs the rows it skips
  // over once, never a re-sort of the tenant's whole table.
  const owner = t.name === 'tenants' ? sql`id = ${tdb.tenantId}` : sql`tenant_id = ${tdb.tenantId}`;
  const chainEnd = t.name === 'audit_log' ? sql` AND rowid <= ${cursor.s}` : sql``;
  const rows = (await tdb.db.all(
    sql`SELECT rowid AS "__rowid", * FROM ${table} NOT INDEXED
        WHERE ${owner} AND rowid > ${cursor.r}${chainEnd} ORDER BY rowid LIMIT ${limit}`,
  )) as Record<string, unknown>[];
  return rows.map((raw) => ({ rowid: raw.__rowid as number, row: exportRow(t, raw) }));
}

async function endPage(ctx: ServiceContext, cursor: ExportCursor): Promise<ExportPage> {
  const { tdb } = ctx;
  const [changes] = (await tdb.db.all(
    sql`SELECT COUNT(*) AS n FROM ${auditLog}
        WHERE ${auditLog.tenantId} = ${tdb.tenantId} AND ${auditLog.seq} > ${cursor.s}
          AND NOT ${READ_ONLY_ACTIONS}`,
  )) as { n: number }[];
  const counts: Record<string, number> = {};
  for (const t of DATA_TABLES) counts[t.name] = cursor.c[t.name] ?? 0;
  return {
    format: EXPORT_FORMAT,
    export_id: cursor.e,
    page: cursor.p,
    kind: 'end',
    end: {
      pages: cursor.p + 1,
      counts,
      consistent: (changes?.n ?? 0) === 0,
      changes_during_export: changes?.n ?? 0,
    },
    next_cursor: null,
  };
}

/**
 * One page of the tenant's export (admins only, people not API clients). Without a cursor:
 * the manifest (and a `tenant.export` audit row); with one: the next rows, or the end page.
 */
export async function exportPage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cursor?: string | undefined; limit?: number | undefined; buildVersion: string };
}): Promise<ExportPage> {
  requireUser(ctx.principal);
  requireAdmin(ctx.principal);
  if (input.cursor === undefined) return manifestPage(ctx, input.buildVersion);
  const cursor = decode(input.cursor, ctx.tdb.tenantId);
  const pageRows = Math.min(Math.max(1, input.limit ?? MAX_PAGE_ROWS), MAX_PAGE_ROWS);
  if (cursor.t >= DATA_TABLES.length) return endPage(ctx, cursor);

  const sections: { table: string; rows: Record<string, unknown>[] }[] = [];
  let rows = 0;
  let bytes = 0;
  const next: ExportCursor = { ...cursor, c: { ...cursor.c } };
  while (next.t < DATA_TABLES.length && rows < pageRows && bytes < MAX_PAGE_BYTES) {
    const t = DATA_TABLES[next.t]!;
    const cap = t.maxRowsPerPage ?? MAX_PAGE_ROWS;
    const section = sections.find((s) => s.table === t.name);
    const taken = section?.rows.length ?? 0;
    const want = Math.min(QUERY_ROWS, cap - taken, pageRows - rows);
    const batch = want > 0 ? await readRows(ctx, t, next, want) : [];
    let full = false;
    for (const { rowid, row } of batch) {
      // UTF-8 bytes, as the page will travel (Chinese text is 3 bytes a character).
      const size = utf8.encode(JSON.stringify(row)).length;
      // Always at least one row per page, so a row larger than the budget still moves on.
      if (rows > 0 && bytes + size > MAX_PAGE_BYTES) {
        full = true;
        break;
      }
      let target = sections.find((s) => s.table === t.name);
      if (!target) {
        target = { table: t.name, rows: [] };
        sections.push(target);
      }
      target.rows.push(row);
      rows++;
      bytes += size;
      next.r = rowid;
      next.c[t.name] = (next.c[t.name] ?? 0) + 1;
    }
    if (full) break;
    const sectionRows = sections.find((s) => s.table === t.name)?.rows.length ?? 0;
    if (batch.length < want) {
      // The table is done: on to the next one.
      next.t++;
      next.r = -1;
    } else if (sectionRows >= cap) {
      break;
    }
  }
  next.p = cursor.p + 1;
  if (sections.length === 0) return endPage(ctx, { ...next, p: cursor.p });
  return {
    format: EXPORT_FORMAT,
    export_id: cursor.e,
    page: cursor.p,
    kind: 'rows',
    sections,
    next_cursor: encode(next),
  };
}
