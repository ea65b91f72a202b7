import type { ServiceContext } from '../../auth/principal.ts';
import { toCsv } from './csv.ts';
import {
  type CycleExportData,
  type ExportLayout,
  type ExportUnit,
  loadCycleExport,
} from './cycle-data.ts';
import {
  type Cell,
  designationZh,
  itemsFor,
  type Layout,
  layoutFor,
  STATUS_ZH,
  UNIT_KIND_ZH,
} from './layouts.ts';
import { type SheetSpec, xlsxBytes } from './xlsx.ts';

/**
 * GET /v1/cycles/{cycleId}/export: a cycle laid out like its source table (layouts.ts), as CSV
 * (UTF-8 with BOM, RFC 4180) or XLSX (typed cells). `detail`: one row per item per unit — in
 * CSV one table with the unit first, in XLSX a summary sheet and a sheet per unit; `summary`:
 * one row per unit (stage totals, designation). Scoped like every score read.
 */

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  readonly body: string | Uint8Array;
  readonly contentType: string;
  readonly filename: string;
  readonly units: number;
}

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The stage whose designation a unit's summary row reports: the last one scored. */
function lastScored(layout: Layout, unit: ExportUnit) {
  for (const column of [...layout.stageColumns].reverse()) {
    const score = unit.stages.get(column.stage);
    if (score) return score;
  }
  return undefined;
}

export function summaryTable(data: CycleExportData, layout: Layout) {
  const header = [
    '单位',
    '所属',
    '类型',
    '状态',
    ...layout.stageColumns.map((c) => c.header),
    '满分',
    '达标情况',
  ];
  const rows: Cell[][] = data.units.map((unit) => {
    const last = lastScored(layout, unit);
    return [
      unit.name,
      unit.parentName,
      UNIT_KIND_ZH[unit.unitKind] ?? unit.unitKind,
      STATUS_ZH[unit.status] ?? unit.status,
      ...layout.stageColumns.map((c) => unit.stages.get(c.stage)?.total ?? null),
      last?.max ?? null,
      designationZh(last?.designationMet),
    ];
  });
  const widths = [24, 16, 8, 10, ...layout.stageColumns.map(() => 14), 8, 10];
  return { header, rows, widths };
}

/** The source table's headers: its item columns, then one column of points per stage. */
export function tableHeader(layout: Layout): string[] {
  return [...layout.itemColumns.map((c) => c.header), ...layout.stageColumns.map((c) => c.header)];
}

/** A unit's table as the source prints it: the item columns, then points per stage. */
export function unitTable(data: CycleExportData, layout: Layout, unit: ExportUnit) {
  const header = tableHeader(layout);
  const rows: Cell[][] = itemsFor(data.pack, unit.unitKind).map(({ item, category }) => [
    ...layout.itemColumns.map((c) => c.value(item, category)),
    ...layout.stageColumns.map((c) => unit.stages.get(c.stage)?.items?.get(item.id) ?? null),
  ]);
  const widths = [...layout.itemColumns.map((c) => c.width), ...layout.stageColumns.map(() => 12)];
  return { header, rows, widths };
}

function filename(data: CycleExportData, layout: ExportLayout, format: ExportFormat): string {
  const name = data.cycle.name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 80);
  return `${name}${layout === 'summary' ? '-汇总' : ''}.${format}`;
}

export async function exportCycle({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    cycleId: string;
    orgUnitId?: string | undefined;
    format: ExportFormat;
    layout: ExportLayout;
  };
}): Promise<ExportFile> {
  const data = await loadCycleExport(ctx, input);
  const layout = layoutFor(data.pack, data.chain);
  const summary = summaryTable(data, layout);
  const file = (body: string | Uint8Array): ExportFile => ({
    body,
    contentType: CONTENT_TYPES[input.format],
    filename: filename(data, input.layout, input.format),
    units: data.units.length,
  });
  if (input.format === 'csv') {
    if (input.layout === 'summary') return file(toCsv([summary.header, ...summary.rows]));
    const rows: Cell[][] = [['单位', ...tableHeader(layout)]];
    for (const unit of data.units) {
      for (const row of unitTable(data, layout, unit).rows) rows.push([unit.name, ...row]);
    }
    return file(toCsv(rows));
  }
  const sheets: SheetSpec[] = [{ name: '汇总', title: data.cycle.name, ...summary }];
  if (input.layout === 'detail') {
    for (const unit of data.units) {
      const table = unitTable(data, layout, unit);
      const totals: Cell[] = [
        '合计',
        ...layout.itemColumns.slice(1).map(() => null),
        ...layout.stageColumns.map((c) => unit.stages.get(c.stage)?.total ?? null),
      ];
      sheets.push({
        name: unit.name,
        title: `${layout.name === 'province' ? '单位（盖章）' : '单位'}：${unit.name}`,
        header: table.header,
        rows: [...table.rows, totals],
        widths: table.widths,
      });
    }
  }
  return file(await xlsxBytes(sheets));
}
