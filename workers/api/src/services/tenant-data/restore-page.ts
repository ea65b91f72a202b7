import { z } from '@hono/zod-openapi';
import { GuardFailed } from '@kaoping/db/batch-errors';
import {
  auditLog,
  cycles,
  orgUnitLineage,
  orgUnits,
  packPins,
  packVersions,
  users,
} from '@kaoping/db/schema';
import { cycleRollupsChanged } from '@kaoping/db/scoring-work';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { requireAdmin, requireUser } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit, GENESIS_HASH } from '../../lib/audit.ts';
import { toFieldErrors } from '../../lib/bilingual-zod.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import { type EXPORT_FORMAT, MAX_PAGE_ROWS } from './export-page.ts';
import { IdMap } from './id-map.ts';
import { type RestoreState, restoreSection, rowErrors, verifyAuditRows } from './restore-rows.ts';
import { DATA_TABLES, dataTable, exportedColumns, TABLE_NAMES } from './tables.ts';

/**
 * Restore an export into an EMPTY tenant (a freshly signed-up one: its root unit and people,
 * no other units, cycles, packs, pins or lineage), one export page per request, in order:
 * page 0 (the manifest) begins, each rows page adds its rows, the end page checks the counts
 * and hands the tenant to the scheduler. Progress lives in the tenant's own audit log
 * (`tenant.restore_begin` / `_page` / `_complete` rows for the export id): each page's batch
 * is guarded on "the last restore row of this export is the previous page", so pages apply
 * once, in order, and a page sent again answers `already_applied` without writing.
 */

const ENTITY = 'tenant_restore';

const id = z.string().regex(/^[a-z]{2,4}_[0-9a-f]{32}$/);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestSchema = z.object({
  export_id: z.string().regex(/^exp_[0-9a-f]{32}$/),
  exported_at: z.string().max(40),
  exported_by: z.string().max(64),
  build_version: z.string().max(100),
  source: z.object({
    tenant_id: id,
    slug: z.string().max(64),
    name: z.string().max(200),
    level: z.enum(['province', 'city', 'district', 'town']),
    root_unit_id: id,
  }),
  people: z.array(z.object({ id, email: z.string().max(320) })).max(100_000),
  audit: z.object({ head: hash, rows: z.number().int().min(0) }),
  tables: z.array(z.unknown()).max(100),
  withheld_tables: z.record(z.string(), z.string()),
});

export const EndSchema = z.object({
  pages: z.number().int().min(2),
  counts: z.record(z.enum(TABLE_NAMES), z.number().int().min(0)),
  consistent: z.boolean(),
  changes_during_export: z.number().int().min(0),
});

export interface ImportPageInput {
  format: typeof EXPORT_FORMAT;
  export_id: string;
  page: number;
  kind: 'manifest' | 'rows' | 'end';
  manifest?: Record<string, unknown> | undefined;
  sections?: { table: string; rows: Record<string, unknown>[] }[] | undefined;
  end?: Record<string, unknown> | undefined;
}

/** What the begin row records: everything later pages need to rename ids the same way. */
interface BeginRecord {
  page: 0;
  export_id: string;
  source_tenant_id: string;
  source_slug: string;
  source_root_unit_id: string;
  exported_at: string;
  build_version: string;
  audit: { head: string; rows: number };
  /** Source person id → the target's person with the same email. */
  merged_people: Record<string, string>;
}

/** What each page row records, cumulative, so the end page reads one row. */
interface PageRecord {
  page: number;
  received: Record<string, number>;
  restored: Record<string, number>;
  audit: { hash: string; rows: number };
  evidence: { copied: number; missing: number };
}

export type ImportResult = {
  export_id: string;
  page: number;
  status: 'begun' | 'applied' | 'already_applied' | 'complete';
  next_page: number | null;
  restored: Record<string, number>;
  evidence: { copied: number; missing: number };
  /** People brought back as removed: invite each again (their history stays theirs). */
  people_to_invite: number;
  merged_people: number;
};

const conflict = (zh: string, en: string) => new AppError('conflict', { zh, en });

function invalid(errors: FieldError[]): AppError {
  return new AppError(
    'validation',
    { zh: '导出文件的这一页不符合格式', en: 'This page of the export is not valid' },
    { errors },
  );
}

function parse<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(toFieldErrors(result.error.issues, path));
  return result.data;
}

/** The latest restore row of `exportId` (any export when null), as `after`. */
async function latestRestoreRow(
  tdb: TenantDb,
  exportId: string | null,
  action?: string,
): Promise<{ action: string; after: Record<string, unknown> } | undefined> {
  const rows = await tdb
    .select(
      auditLog,
      eq(auditLog.entityType, ENTITY),
      exportId === null ? undefined : eq(auditLog.entityId, exportId),
      action === undefined ? undefined : eq(auditLog.action, action),
    )
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const row = rows[0];
  return row ? { action: row.action, after: row.after as Record<string, unknown> } : undefined;
}

/** A batch guard: the latest restore row of the export is page `page` (-1: there is none). */
function lastPageIs(tdb: TenantDb, exportId: string, page: number): BatchItem<'sqlite'> {
  const latest = sql`(SELECT json_extract(${auditLog.after}, '$.page') FROM ${auditLog}
    WHERE ${auditLog.tenantId} = ${tdb.tenantId} AND ${auditLog.entityType} = ${ENTITY}
      AND ${auditLog.entityId} = ${exportId}
    ORDER BY ${auditLog.seq} DESC LIMIT 1)`;
  const condition: SQL = page < 0 ? sql`${latest} IS NULL` : sql`${latest} = ${page}`;
  return tdb.guard(condition, 'restore_out_of_order');
}

function emptyGuards(tdb: TenantDb): BatchItem<'sqlite'>[] {
  return [
    tdb.guard(sql`NOT ${tdb.exists(orgUnits, isNotNull(orgUnits.parentId))}`, 'tenant_not_empty'),
    tdb.guard(sql`NOT ${tdb.exists(cycles)}`, 'tenant_not_empty'),
    tdb.guard(sql`NOT ${tdb.exists(packVersions)}`, 'tenant_not_empty'),
    tdb.guard(sql`NOT ${tdb.exists(packPins)}`, 'tenant_not_empty'),
    tdb.guard(sql`NOT ${tdb.exists(orgUnitLineage)}`, 'tenant_not_empty'),
    tdb.guard(
      sql`NOT ${tdb.exists(auditLog, eq(auditLog.entityType, ENTITY))}`,
      'tenant_not_empty',
    ),
  ];
}

const notEmpty = () =>
  conflict(
    '只能恢复到空租户（新注册、尚无下级单位、周期、标准版本）：请先注册一个新租户',
    'A restore goes into an empty tenant only (freshly signed up: no units below the root, no cycles, packs or pins): sign up a new tenant first',
  );

async function begin(ctx: ServiceContext, input: ImportPageInput): Promise<ImportResult> {
  const { tdb } = ctx;
  if (input.page !== 0 || !input.manifest) {
    throw invalid([
      {
        path: 'body.manifest',
        code: 'required',
        message: 'page 0 is the manifest page',
        message_zh: '第 0 页应为清单页',
      },
    ]);
  }
  const manifest = parse(ManifestSchema, input.manifest, 'body.manifest');
  if (manifest.export_id !== input.export_id) {
    throw invalid([
      {
        path: 'body.manifest.export_id',
        code: 'mismatch',
        message: 'differs from export_id',
        message_zh: '与 export_id 不一致',
      },
    ]);
  }
  if (manifest.source.tenant_id === tdb.tenantId) {
    throw conflict(
      '不能恢复到导出它的租户本身',
      'An export cannot be restored into its own tenant',
    );
  }
  if (await latestRestoreRow(tdb, null)) {
    const same = await latestRestoreRow(tdb, input.export_id);
    if (same) return alreadyApplied(input, same.after);
    throw notEmpty();
  }
  const [target] = (await tdb.db.all(
    sql`SELECT level FROM tenants WHERE id = ${tdb.tenantId}`,
  )) as { level: string }[];
  if (target?.level !== manifest.source.level) {
    throw conflict(
      `导出来自${manifest.source.level}级租户，只能恢复到同级租户`,
      `The export is of a ${manifest.source.level}-level tenant; restore it into one of the same level`,
    );
  }
  const targetPeople = await tdb.select(users);
  const byEmail = new Map(targetPeople.map((u) => [u.email.toLowerCase(), u.id]));
  const merged: Record<string, string> = {};
  for (const p of manifest.people) {
    const existing = byEmail.get(p.email.toLowerCase());
    if (existing) merged[p.id] = existing;
  }
  const record: BeginRecord = {
    page: 0,
    export_id: manifest.export_id,
    source_tenant_id: manifest.source.tenant_id,
    source_slug: manifest.source.slug,
    source_root_unit_id: manifest.source.root_unit_id,
    exported_at: manifest.exported_at,
    build_version: manifest.build_version,
    audit: manifest.audit,
    merged_people: merged,
  };
  try {
    await commitWithAudit(
      ctx,
      [...emptyGuards(tdb), lastPageIs(tdb, input.export_id, -1)],
      [
        {
          action: 'tenant.restore_begin',
          entityType: ENTITY,
          entityId: input.export_id,
          after: record,
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed) {
      if (err.reason === 'tenant_not_empty') throw notEmpty();
      const same = await latestRestoreRow(tdb, input.export_id);
      if (same) return alreadyApplied(input, same.after);
    }
    throw err;
  }
  return {
    export_id: input.export_id,
    page: 0,
    status: 'begun',
    next_page: 1,
    restored: {},
    evidence: { copied: 0, missing: 0 },
    people_to_invite: 0,
    merged_people: Object.keys(merged).length,
  };
}

function alreadyApplied(input: ImportPageInput, latest: Record<string, unknown>): ImportResult {
  const last = latest.page as number;
  const progress = latest as Partial<PageRecord>;
  return {
    export_id: input.export_id,
    page: input.page,
    status: 'already_applied',
    next_page: (latest.complete as boolean | undefined) ? null : last + 1,
    restored: progress.restored ?? {},
    evidence: progress.evidence ?? { copied: 0, missing: 0 },
    people_to_invite: 0,
    merged_people: 0,
  };
}

async function stateFor(
  ctx: ServiceContext,
  exportId: string,
  bucket: R2Bucket,
): Promise<{
  state: RestoreState;
  begin: BeginRecord;
  progress: PageRecord;
  latestPage: number;
  complete: boolean;
}> {
  const { tdb } = ctx;
  const beginRow = await latestRestoreRow(tdb, exportId, 'tenant.restore_begin');
  if (!beginRow) {
    throw conflict(
      '请先提交导出的第 0 页（清单页）以开始恢复',
      'Send page 0 of the export (its manifest) first to begin the restore',
    );
  }
  const beginRecord = beginRow.after as unknown as BeginRecord;
  const latest = (await latestRestoreRow(tdb, exportId))!;
  const root = await tdb.first(orgUnits, isNull(orgUnits.parentId));
  const fixed = new Map<string, string>([
    [beginRecord.source_tenant_id, tdb.tenantId],
    [beginRecord.source_root_unit_id, root!.id],
    ...Object.entries(beginRecord.merged_people),
  ]);
  const progress: PageRecord =
    latest.action === 'tenant.restore_begin'
      ? {
          page: 0,
          received: {},
          restored: {},
          audit: { hash: GENESIS_HASH, rows: 0 },
          evidence: { copied: 0, missing: 0 },
        }
      : (latest.after as unknown as PageRecord);
  const state: RestoreState = {
    tdb,
    ids: new IdMap(tdb.tenantId, fixed),
    sourceTenantId: beginRecord.source_tenant_id,
    sourceRootId: beginRecord.source_root_unit_id,
    targetRootId: root!.id,
    mergedPeople: new Set(Object.keys(beginRecord.merged_people)),
    bucket,
    at: ctx.now.toISOString(),
    audit: { ...progress.audit },
  };
  return {
    state,
    begin: beginRecord,
    progress,
    latestPage: latest.after.page as number,
    complete: latest.action === 'tenant.restore_complete',
  };
}

async function rowsPage(
  ctx: ServiceContext,
  input: ImportPageInput,
  bucket: R2Bucket,
): Promise<ImportResult> {
  const { tdb } = ctx;
  const { state, progress, latestPage, complete } = await stateFor(ctx, input.export_id, bucket);
  if (complete || input.page <= latestPage) return alreadyApplied(input, { ...progress, complete });
  if (input.page !== latestPage + 1) {
    throw conflict(
      `页码不连续：应提交第 ${latestPage + 1} 页`,
      `Pages go in order: send page ${latestPage + 1} next`,
    );
  }
  const sections = input.sections ?? [];
  const errors: FieldError[] = [];
  let total = 0;
  for (const [i, section] of sections.entries()) {
    const t = dataTable(section.table)!;
    const columns = exportedColumns(t);
    total += section.rows.length;
    for (const [j, row] of section.rows.entries()) {
      errors.push(...rowErrors(t, columns, row, `body.sections.${i}.rows.${j}`));
      if (errors.length > 50) break;
    }
  }
  if (total > MAX_PAGE_ROWS) {
    errors.push({
      path: 'body.sections',
      code: 'too_big',
      message: `at most ${MAX_PAGE_ROWS} rows per page`,
      message_zh: `每页最多 ${MAX_PAGE_ROWS} 行`,
    });
  }
  if (errors.length > 0) throw invalid(errors);

  const next: PageRecord = {
    page: input.page,
    received: { ...progress.received },
    restored: { ...progress.restored },
    audit: progress.audit,
    evidence: { ...progress.evidence },
  };
  const restoredHere: Record<string, number> = {};
  const statements: BatchItem<'sqlite'>[] = [lastPageIs(tdb, input.export_id, latestPage)];
  for (const section of sections) {
    const t = dataTable(section.table)!;
    next.received[t.name] = (next.received[t.name] ?? 0) + section.rows.length;
    if (t.name === 'audit_log') {
      const broken = await verifyAuditRows(state, section.rows);
      if (broken !== null) {
        throw conflict(
          `导出文件中的审计日志在第 ${broken} 条处校验失败：文件被改动过，请重新导出`,
          `The export's audit chain does not verify at seq ${broken}: the file was altered; export again`,
        );
      }
      continue;
    }
    if (t.role !== 'source') continue;
    const done = await restoreSection(state, t, section.rows);
    statements.push(...done.statements);
    restoredHere[t.name] = (restoredHere[t.name] ?? 0) + done.restored;
    next.restored[t.name] = (next.restored[t.name] ?? 0) + done.restored;
    next.evidence.copied += done.evidenceCopied;
    next.evidence.missing += done.evidenceMissing;
  }
  next.audit = state.audit;
  try {
    await commitWithAudit(ctx, statements, [
      { action: 'tenant.restore_page', entityType: ENTITY, entityId: input.export_id, after: next },
    ]);
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'restore_out_of_order') {
      const again = await stateFor(ctx, input.export_id, bucket);
      if (input.page <= again.latestPage) return alreadyApplied(input, again.progress as never);
    }
    throw err;
  }
  return {
    export_id: input.export_id,
    page: input.page,
    status: 'applied',
    next_page: input.page + 1,
    restored: restoredHere,
    evidence: next.evidence,
    people_to_invite: 0,
    merged_people: 0,
  };
}

async function endPage(
  ctx: ServiceContext,
  input: ImportPageInput,
  bucket: R2Bucket,
): Promise<ImportResult> {
  const { tdb } = ctx;
  const end = parse(EndSchema, input.end, 'body.end');
  const {
    begin: beginRecord,
    progress,
    latestPage,
    complete,
  } = await stateFor(ctx, input.export_id, bucket);
  if (complete) return alreadyApplied(input, { ...progress, complete });
  if (input.page !== latestPage + 1 || end.pages !== input.page + 1) {
    throw conflict(
      `页码不连续：应提交第 ${latestPage + 1} 页`,
      `Pages go in order: send page ${latestPage + 1} next`,
    );
  }
  if (!end.consistent) {
    throw conflict(
      `导出期间有 ${end.changes_during_export} 处数据改动，导出不一致：请在无人操作时重新导出，并恢复到新注册的租户`,
      `${end.changes_during_export} changes were made while the export was taken, so it is not consistent: export again when no one is working, and restore into a freshly signed-up tenant`,
    );
  }
  const mismatched = DATA_TABLES.map((t) => t.name).filter(
    (name) => (end.counts[name] ?? 0) !== (progress.received[name] ?? 0),
  );
  if (mismatched.length > 0) {
    throw conflict(
      `收到的行数与导出不符：${mismatched.join('、')}。缺页或文件被改动`,
      `Rows received differ from the export's counts for ${mismatched.join(', ')}: a page is missing or the file was altered`,
    );
  }
  if (
    progress.audit.rows !== beginRecord.audit.rows ||
    progress.audit.hash !== beginRecord.audit.head
  ) {
    throw conflict(
      '导出文件中的审计日志不完整',
      'The export’s audit chain is incomplete: it does not end at the head its manifest names',
    );
  }
  const at = ctx.now.toISOString();
  const restoredCycles = await tdb.select(cycles);
  const peopleToInvite = await tdb
    .select(users, eq(users.status, 'removed'))
    .then((rows) => rows.length);
  const record = {
    ...progress,
    page: input.page,
    complete: true,
    people_to_invite: peopleToInvite,
  };
  await commitWithAudit(
    ctx,
    [
      lastPageIs(tdb, input.export_id, latestPage),
      // Rollups and deadline flags are the scheduler's to derive: every cycle recomputed whole.
      ...restoredCycles.map((c) => cycleRollupsChanged(tdb, { cycleId: c.id, at })),
    ],
    [
      {
        action: 'tenant.restore_complete',
        entityType: ENTITY,
        entityId: input.export_id,
        after: record,
      },
    ],
  );
  return {
    export_id: input.export_id,
    page: input.page,
    status: 'complete',
    next_page: null,
    restored: progress.restored,
    evidence: progress.evidence,
    people_to_invite: peopleToInvite,
    merged_people: Object.keys(beginRecord.merged_people).length,
  };
}

/** One page of an export, restored (admins only, people not API clients). */
export async function importPage({
  ctx,
  input,
  bucket,
}: {
  ctx: ServiceContext;
  input: ImportPageInput;
  bucket: R2Bucket;
}): Promise<ImportResult> {
  requireUser(ctx.principal);
  requireAdmin(ctx.principal);
  if (input.kind === 'manifest') return begin(ctx, input);
  if (input.kind === 'end') return endPage(ctx, input, bucket);
  return rowsPage(ctx, input, bucket);
}
