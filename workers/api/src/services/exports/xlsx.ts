import writeXlsxFile, { type Sheet, type Cell as XlsxCell } from 'write-excel-file/universal';
import type { Cell } from './layouts.ts';

/**
 * XLSX through write-excel-file's universal build (runs in Workers: no Node streams, no DOM).
 * Numbers are typed numeric cells, text is text; headers bold; long text wraps.
 */

export interface SheetSpec {
  readonly name: string;
  /** A title row above the table (spanning it), or none. */
  readonly title?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Character widths per column. */
  readonly widths: readonly number[];
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/** Sheet names: at most 31 characters, none of []:*?/\, unique (case-insensitively). */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((raw) => {
    const base = raw.replace(FORBIDDEN_IN_SHEET_NAME, '_').trim().slice(0, 31) || '表';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function cell(value: Cell, wide: boolean): XlsxCell {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return { value, type: Number };
  return { value, type: String, wrap: wide, alignVertical: 'top' };
}

export async function xlsxBytes(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const names = sheetNames(specs.map((s) => s.name));
  const sheets: Sheet<never>[] = specs.map((spec, i) => {
    const wide = spec.widths.map((w) => w >= 30);
    const data: XlsxCell[][] = [];
    if (spec.title !== undefined) {
      data.push([
        { value: spec.title, type: String, fontWeight: 'bold', columnSpan: spec.header.length },
      ]);
    }
    data.push(spec.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' })));
    for (const row of spec.rows) data.push(row.map((v, j) => cell(v, wide[j] ?? false)));
    return {
      sheet: names[i] as string,
      data,
      columns: spec.widths.map((width) => ({ width })),
      stickyRowsCount: spec.title === undefined ? 1 : 2,
    };
  });
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
