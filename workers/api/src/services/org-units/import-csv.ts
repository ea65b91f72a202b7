import type { OrgUnitKind } from '@kaoping/db/schema';
import Papa from 'papaparse';
import { decodeMessage } from '../../lib/bilingual-zod.ts';
import { nameField, unitCodeField } from '../../lib/fields.ts';
import type { FieldError } from '../../lib/problem.ts';
import { kindFrom } from './kinds.ts';

/**
 * The org-unit CSV (docs/org-units-import.md):
 *
 *   name,kind,parent,code            (or 名称,类型,上级,统计用区划代码)
 *   良口镇,镇,从化区,
 *   良新村,村,从化区/良口镇,
 *
 * UTF-8 with or without a BOM, comma-separated, a header row naming the
 * columns in any order. `parent` is the parent's 12-digit code or its name
 * path from the tenant's root unit, "/"-separated (the root alone is its
 * name). `code` and `name_en` are optional. Parents may be earlier or later
 * rows of the same file, or units that already exist.
 */
export const MAX_IMPORT_ROWS = 20_000;

const COLUMNS = {
  name: ['name', '名称', '单位名称'],
  kind: ['kind', '类型', '层级'],
  parent: ['parent', '上级', '上级单位'],
  code: ['code', '代码', '统计用区划代码', '区划代码'],
  name_en: ['name_en', '英文名称'],
} as const;
type Column = keyof typeof COLUMNS;

export interface CsvUnitRow {
  line: number;
  name: string;
  kind: OrgUnitKind;
  nameEn: string | null;
  code: string | null;
  parent: { code: string } | { path: string[] };
}

export function lineError(line: number, code: string, en: string, zh: string): FieldError {
  return { path: `line ${line}`, code, message: en, message_zh: zh };
}

const nameSchema = nameField(100);
const nameEnSchema = nameField(200);

/** Parse and check every row on its own; parents are resolved by the import service. */
export function parseOrgUnitCsv(text: string): { rows: CsvUnitRow[]; errors: FieldError[] } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const errors: FieldError[] = [];
  const rows: CsvUnitRow[] = [];
  let header: Map<Column, number> | null = null;
  let rowStart = 0;
  let linesBefore = 0;
  let scanned = 0;
  let tooMany = false;
  let dataRows = 0;

  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (source.charCodeAt(scanned) === 10) linesBefore++;
    return linesBefore + 1;
  };

  Papa.parse<string[]>(source, {
    delimiter: ',',
    newline: '\n',
    step: (result, parser) => {
      const line = lineAt(rowStart);
      rowStart = result.meta.cursor;
      const cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      if (result.errors.length > 0) {
        errors.push(
          lineError(
            line,
            'csv_syntax',
            'malformed CSV (check the quotes)',
            'CSV 格式有误（请检查引号）',
          ),
        );
        return;
      }
      if (!header) {
        header = readHeader(cells, line, errors);
        if (!header) parser.abort();
        return;
      }
      if (++dataRows > MAX_IMPORT_ROWS) {
        tooMany = true;
        parser.abort();
        return;
      }
      const row = readRow(cells, header, line, errors);
      if (row) rows.push(row);
    },
  });
  if (!header && errors.length === 0) {
    errors.push(lineError(1, 'empty', 'the file has no header row', '文件没有表头'));
  }
  if (tooMany) {
    errors.push(
      lineError(
        lineAt(rowStart),
        'too_many_rows',
        `at most ${MAX_IMPORT_ROWS} rows per file`,
        `每个文件最多 ${MAX_IMPORT_ROWS} 行`,
      ),
    );
  }
  return { rows, errors };
}

function readHeader(
  cells: string[],
  line: number,
  errors: FieldError[],
): Map<Column, number> | null {
  const map = new Map<Column, number>();
  let ok = true;
  cells.forEach((raw, i) => {
    const cell = raw.trim().toLowerCase();
    const column = (Object.keys(COLUMNS) as Column[]).find((c) =>
      (COLUMNS[c] as readonly string[]).includes(cell),
    );
    if (!column) {
      errors.push(
        lineError(line, 'unknown_column', `unknown column "${raw}"`, `无法识别的列“${raw}”`),
      );
      ok = false;
    } else if (map.has(column)) {
      errors.push(lineError(line, 'duplicate_column', `column "${raw}" twice`, `列“${raw}”重复`));
      ok = false;
    } else {
      map.set(column, i);
    }
  });
  for (const required of ['name', 'kind', 'parent'] as const) {
    if (!map.has(required)) {
      errors.push(
        lineError(
          line,
          'missing_column',
          `missing column "${required}"`,
          `缺少列“${COLUMNS[required][1]}”`,
        ),
      );
      ok = false;
    }
  }
  return ok ? map : null;
}

function readRow(
  cells: string[],
  header: Map<Column, number>,
  line: number,
  errors: FieldError[],
): CsvUnitRow | null {
  const cell = (c: Column) => {
    const i = header.get(c);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const before = errors.length;
  const bad = (column: string, message: { en: string; zh: string }) =>
    errors.push(lineError(line, 'invalid', `${column}: ${message.en}`, `${column}：${message.zh}`));
  if (cells.length > header.size) {
    bad('row', { en: 'more cells than columns', zh: '单元格数多于列数' });
  }

  const name = nameSchema.safeParse(cell('name'));
  if (!name.success) bad('name', decodeMessage(name.error.issues[0]!.message));
  const kindText = cell('kind');
  const kind = kindFrom(kindText);
  if (!kind) bad('kind', { en: `unknown kind "${kindText}"`, zh: `无法识别的类型“${kindText}”` });
  let code: string | null = null;
  if (cell('code') !== '') {
    const parsed = unitCodeField.safeParse(cell('code'));
    if (parsed.success) code = parsed.data;
    else bad('code', decodeMessage(parsed.error.issues[0]!.message));
  }
  let nameEn: string | null = null;
  if (cell('name_en') !== '') {
    const parsed = nameEnSchema.safeParse(cell('name_en'));
    if (parsed.success) nameEn = parsed.data;
    else bad('name_en', decodeMessage(parsed.error.issues[0]!.message));
  }
  const parentText = cell('parent').normalize('NFKC');
  let parent: CsvUnitRow['parent'] | null = null;
  if (parentText === '') {
    bad('parent', {
      en: 'required: the parent’s code or its name path from the root',
      zh: '必填：上级单位的代码或从根单位起的名称路径',
    });
  } else if (/^\d{12}$/.test(parentText)) {
    parent = { code: parentText };
  } else {
    const path = parentText.split('/').map((s) => s.trim());
    if (path.some((s) => s === '')) {
      bad('parent', { en: 'empty segment in the name path', zh: '名称路径中有空段' });
    } else {
      parent = { path };
    }
  }
  if (errors.length > before || !name.success || !kind || !parent) return null;
  return { line, name: name.data, kind, nameEn, code, parent };
}
