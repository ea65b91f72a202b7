/**
 * Reads an XLSX file back for tests, with the platform's own DecompressionStream rather than
 * the zip library that wrote it (fflate, through write-excel-file): a second implementation
 * opening the file is a fairer check that spreadsheet programs can. Checks every entry's
 * CRC-32, then gives each sheet as rows of typed cells (shared strings resolved).
 */

export type XlsxCell =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean };

export interface XlsxSheet {
  name: string;
  /** Rows by index (0-based), each a map from column index to cell; gaps stay empty. */
  rows: (XlsxCell | undefined)[][];
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The entries of a zip archive, by name, decompressed and CRC-checked. */
export async function unzip(zip: Uint8Array): Promise<Map<string, Uint8Array>> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header: ${name}`);
    const dataStart =
      local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    const data = method === 8 ? await inflateRaw(raw) : method === 0 ? raw : null;
    if (!data) throw new Error(`${name}: compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: size ${data.length}, expected ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    files.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const unescapeXml = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

function texts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (m) => m[1] as string,
  );
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The workbook's sheets, in order, with typed cells. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const files = await unzip(bytes);
  const text = (name: string) => {
    const data = files.get(name);
    return data ? new TextDecoder().decode(data) : '';
  };
  const shared = texts(text('xl/sharedStrings.xml'), 'si').map((si) =>
    unescapeXml(texts(si, 't').join('')),
  );
  const rels = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1],
      /Target="([^"]+)"/.exec(m[0])?.[1],
    ]),
  );
  const sheets: XlsxSheet[] = [];
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\s[^>]*\/>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rel = /r:id="([^"]+)"/.exec(m[0])?.[1];
    const target = (rels.get(rel) ?? '').replace(/^\/?(xl\/)?/, '');
    const xml = text(`xl/${target}`);
    const rows: (XlsxCell | undefined)[][] = [];
    for (const row of xml.matchAll(/<row\s[^>]*?r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: (XlsxCell | undefined)[] = [];
      for (const c of (row[2] as string).matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = c[1] as string;
        const ref = /r="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? 'A1';
        const type = /\st="([^"]+)"/.exec(` ${attributes}`)?.[1] ?? 'n';
        const inner = c[2] ?? '';
        const v = texts(inner, 'v')[0];
        let cell: XlsxCell | undefined;
        if (type === 's' && v !== undefined)
          cell = { type: 'string', value: shared[Number(v)] ?? '' };
        else if (type === 'inlineStr')
          cell = { type: 'string', value: unescapeXml(texts(inner, 't').join('')) };
        else if (type === 'str' && v !== undefined)
          cell = { type: 'string', value: unescapeXml(v) };
        else if (type === 'b' && v !== undefined) cell = { type: 'boolean', value: v === '1' };
        else if (v !== undefined) cell = { type: 'number', value: Number(v) };
        cells[columnIndex(ref)] = cell;
      }
      rows[Number(row[1]) - 1] = cells;
    }
    sheets.push({ name, rows });
  }
  return sheets;
}

/** A sheet's rows as plain values (for comparing tables). */
export function values(sheet: XlsxSheet): (string | number | boolean | null)[][] {
  return Array.from(sheet.rows, (row) => Array.from(row ?? [], (c) => c?.value ?? null));
}
