import type { Cell } from './layouts.ts';

/**
 * CSV as Excel opens it and RFC 4180 specifies: UTF-8 with a byte-order mark (without one,
 * Excel reads Chinese as GBK mojibake), CRLF line ends, a field quoted when it holds a comma,
 * a quote or a line break, quotes doubled. Numbers are written bare, so they stay numbers.
 *
 * A text cell starting with = + - @ (or a tab or CR) would be run as a formula by Excel (CSV
 * injection, OWASP): such text gets a leading apostrophe, which Excel shows as text.
 */

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return UTF8_BOM + rows.map(csvRow).join('');
}
