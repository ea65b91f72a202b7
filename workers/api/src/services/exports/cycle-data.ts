import type { Pack } from '@kaoping/standards';
import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { AppError } from '../../lib/problem.ts';
import { type CycleRow, packOfCycle } from '../cycles/cycle-pack.ts';
import { type ChainStage, parseChain } from '../cycles/review-chain.ts';
import { findCycle } from '../cycles/versioned-write.ts';
import { pathWithin, type ReadScope, readScope } from '../scores/read-scope.ts';
import { scorecardTexts } from '../scores/scorecards.ts';

/**
 * What an export of a cycle prints: its units in scope (those the caller may read, below
 * `org_unit_id`), in tree order, with each stage's current score — totals, designation and,
 * for the detailed layout, each item's points from the decoded scorecards.
 *
 * Exports are built in memory and capped, not streamed: a detailed export decodes every
 * scorecard (about 20 KB each) and an XLSX file is a zip written at the end, so the cap is what
 * keeps one request inside a Worker's memory and CPU. Detailed: 500 units (1,500 scorecards on a
 * three-stage chain; docs/api.md has the measured time). A CSV summary: 30,000 units, from
 * snapshot rows alone (Guangdong's 26,842 villages fit). Over the cap the export is refused with
 * 422, naming the count and the cap, and the caller narrows it by org_unit_id.
 */

export type ExportLayout = 'detail' | 'summary';

/**
 * Units per export. XLSX is capped at 500 whatever the layout: write-excel-file's universal
 * build deflates any part of the workbook over 160 KB in a Web Worker, which a Cloudflare
 * Worker does not have, so a sheet or the shared strings past that size cannot be written
 * (measured: ~3,000 summary rows fail; 500 units of the largest layout fit). CSV has no such
 * part: its summary goes to 30,000 units.
 */
export const EXPORT_MAX_UNITS = {
  csv: { detail: 500, summary: 30_000 },
  xlsx: { detail: 500, summary: 500 },
} as const;

export function exportCap(format: 'csv' | 'xlsx', layout: ExportLayout): number {
  return EXPORT_MAX_UNITS[format][layout];
}

/** Scorecards decoded per query while reading item points. */
const DECODE_BATCH = 100;

export interface ExportStageScore {
  readonly total: number | null;
  readonly max: number | null;
  readonly complete: boolean;
  readonly designationMet: number | null;
  /** Item id → points (null when not scored); only in the detailed layout. */
  readonly items: ReadonlyMap<string, number | null> | null;
}

export interface ExportUnit {
  readonly id: string;
  readonly name: string;
  readonly code: string | null;
  readonly path: string;
  readonly parentName: string | null;
  /** The kind the unit is assessed as in this cycle. */
  readonly unitKind: string;
  readonly status: string;
  /** Stage key → its current score. */
  readonly stages: ReadonlyMap<string, ExportStageScore>;
}

export interface CycleExportData {
  readonly cycle: CycleRow;
  readonly pack: Pack;
  readonly chain: ChainStage[];
  readonly units: ExportUnit[];
}

interface UnitRow {
  org_unit_id: string;
  unit_kind: string;
  name: string;
  code: string | null;
  path: string;
  parent_name: string | null;
  submission_id: string | null;
  status: string | null;
}

interface ScoreRowRaw {
  submission_id: string;
  stage: string;
  seq: number;
  total: number | null;
  max: number | null;
  complete: number;
  designation_met: number | null;
  pack_key: string;
  pack_version: string;
  pack_hash: string;
}

function scopeSql(scope: ReadScope): SQL {
  return scope.all ? sql`` : sql`AND ${pathWithin('o', scope.paths)}`;
}

/**
 * The cycle's units in scope under `scope`: cycle_units_uq, then each unit and its parent (at
 * most `limit`, to learn whether the cap is passed without reading the rest).
 */
export function exportUnitsSql(tenantId: string, cycleId: string, scope: ReadScope, limit: number) {
  return sql`SELECT cu.org_unit_id AS org_unit_id, cu.unit_kind AS unit_kind, o.name AS name,
      o.code AS code, o.path AS path, p.name AS parent_name, s.id AS submission_id,
      s.status AS status
    FROM cycle_units cu
    CROSS JOIN org_units o
    LEFT JOIN org_units p ON p.tenant_id = o.tenant_id AND p.id = o.parent_id
    LEFT JOIN submissions s ON s.tenant_id = cu.tenant_id AND s.cycle_id = cu.cycle_id
      AND s.org_unit_id = cu.org_unit_id
    WHERE cu.tenant_id = ${tenantId} AND cu.cycle_id = ${cycleId}
      AND o.tenant_id = ${tenantId} AND o.id = cu.org_unit_id ${scopeSql(scope)}
    LIMIT ${limit}`;
}

/** The current scores of some submissions: current_scores_uq per submission, snapshots by key. */
export function exportScoresSql(tenantId: string, submissionIds: readonly string[]) {
  return sql`SELECT c.submission_id AS submission_id, c.stage AS stage, ss.seq AS seq,
      ss.total AS total, ss.max AS max, ss.complete AS complete,
      ss.designation_met AS designation_met, ss.pack_key AS pack_key,
      ss.pack_version AS pack_version, ss.pack_hash AS pack_hash
    FROM current_scores c CROSS JOIN score_snapshots ss
    WHERE c.tenant_id = ${tenantId}
      AND c.submission_id IN (SELECT value FROM json_each(${JSON.stringify(submissionIds)}))
      AND ss.seq = c.snapshot_seq AND ss.tenant_id = ${tenantId}`;
}

/** Submissions per score query (one JSON parameter; well under D1's value size). */
const SCORES_BATCH = 2000;

export function tooLarge(
  count: number,
  cap: number,
  format: 'csv' | 'xlsx',
  layout: ExportLayout,
): AppError {
  const kind = {
    zh: `${format.toUpperCase()}${layout === 'detail' ? '逐项明细' : '汇总'}`,
    en: `a ${layout === 'detail' ? 'detailed' : 'summary'} ${format.toUpperCase()} export`,
  };
  const csvCap = EXPORT_MAX_UNITS.csv.summary;
  const other =
    format === 'csv' && layout === 'summary'
      ? { zh: '', en: '' }
      : {
          zh: `，或导出 CSV 汇总表（上限 ${csvCap} 个单位）`,
          en: `, or export the CSV summary (up to ${csvCap} units)`,
        };
  return new AppError(
    'unprocessable',
    {
      zh: `导出范围内有 ${count} 个单位，超过${kind.zh}导出的上限 ${cap} 个：请用 org_unit_id 按组织范围分批导出${other.zh}`,
      en: `The export covers ${count} units, more than the ${cap} ${kind.en} may hold: export by org subtree (org_unit_id)${other.en}`,
    },
    {
      errors: [
        {
          path: 'query.org_unit_id',
          code: 'export_too_large',
          message: `${count} units in scope; at most ${cap}`,
          message_zh: `范围内 ${count} 个单位；上限 ${cap} 个`,
        },
      ],
    },
  );
}

export async function loadCycleExport(
  ctx: ServiceContext,
  input: {
    cycleId: string;
    orgUnitId?: string | undefined;
    format: 'csv' | 'xlsx';
    layout: ExportLayout;
  },
): Promise<CycleExportData> {
  const { tdb, principal } = ctx;
  const [cycle, scope] = await Promise.all([
    findCycle(ctx, input.cycleId),
    readScope(ctx, input.orgUnitId),
  ]);
  const cap = exportCap(input.format, input.layout);
  const units = (await tdb.db.all(
    exportUnitsSql(tdb.tenantId, cycle.id, scope, cap + 1),
  )) as UnitRow[];
  if (units.length > cap) {
    const [counted] = (await tdb.db.all(
      sql`SELECT count(*) AS n FROM cycle_units cu CROSS JOIN org_units o
          WHERE cu.tenant_id = ${tdb.tenantId} AND cu.cycle_id = ${cycle.id}
            AND o.tenant_id = ${tdb.tenantId} AND o.id = cu.org_unit_id ${scopeSql(scope)}`,
    )) as { n: number }[];
    throw tooLarge(counted?.n ?? units.length, cap, input.format, input.layout);
  }
  const pack = await packOfCycle(tdb, cycle);
  const submissionIds = units.flatMap((u) => (u.submission_id ? [u.submission_id] : []));
  const mine: ScoreRowRaw[] = [];
  for (let i = 0; i < submissionIds.length; i += SCORES_BATCH) {
    const batch = submissionIds.slice(i, i + SCORES_BATCH);
    mine.push(...((await tdb.db.all(exportScoresSql(tdb.tenantId, batch))) as ScoreRowRaw[]));
  }
  const items = new Map<number, Map<string, number | null>>();
  if (input.layout === 'detail') {
    for (let i = 0; i < mine.length; i += DECODE_BATCH) {
      const batch = mine.slice(i, i + DECODE_BATCH);
      const cards = await scorecardTexts(
        tdb,
        principal,
        batch.map((s) => ({
          seq: s.seq,
          packKey: s.pack_key,
          packVersion: s.pack_version,
          packHash: s.pack_hash,
        })),
      );
      for (const s of batch) {
        const text = cards.get(s.seq)?.json;
        if (!text) continue;
        const card = JSON.parse(text) as { items: { id: string; points: number | null }[] };
        items.set(s.seq, new Map(card.items.map((it) => [it.id, it.points])));
      }
    }
  }
  const bySubmission = new Map<string, Map<string, ExportStageScore>>();
  for (const s of mine) {
    let stages = bySubmission.get(s.submission_id);
    if (!stages) {
      stages = new Map();
      bySubmission.set(s.submission_id, stages);
    }
    stages.set(s.stage, {
      total: s.total,
      max: s.max,
      complete: s.complete === 1,
      designationMet: s.designation_met,
      items: items.get(s.seq) ?? null,
    });
  }
  // As a bureau lists them: by the unit above (a town's villages together), then by code
  // and name — not by path, whose segments are random ids.
  const byPlace = (u: UnitRow) => [u.parent_name ?? '', u.code ?? '\uffff', u.name];
  units.sort((a, b) => {
    const [x, y] = [byPlace(a), byPlace(b)];
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    }
    return 0;
  });
  return {
    cycle,
    pack,
    chain: parseChain(cycle.stages),
    units: units.map((u) => ({
      id: u.org_unit_id,
      name: u.name,
      code: u.code,
      path: u.path,
      parentName: u.parent_name,
      unitKind: u.unit_kind,
      status: u.status ?? 'none',
      stages: (u.submission_id ? bySubmission.get(u.submission_id) : undefined) ?? new Map(),
    })),
  };
}
