import fc from 'fast-check';

/**
 * The raw material of the OpenAPI fuzz (openapi-fuzz.error.test.ts): values RESILIENCE.md
 * names, as JSON text so that what JSON.stringify cannot write (1e309, duplicate keys,
 * truncation, invalid UTF-8) can be sent too.
 */

/** Strings at the edges: widths, directions, invisibles, NUL, lone surrogates, injections. */
export const EDGE_STRINGS = [
  '',
  ' ',
  '８５',
  '１２３４５６７８９０１２',
  '甲村ａｂｃ１２３',
  '\u202E村甲',
  '甲\u200B村',
  '\u200F\u200E',
  '\uFEFF甲村',
  'a\u0000b',
  '\u0000',
  '\uD800',
  '𠀀𪚥𫝀',
  '<script>alert(1)</script>',
  "'; DROP TABLE org_units; --",
  '../../etc/passwd',
  '%00',
  '\u0024{jndi:ldap://x/a}',
  'null',
  'true',
  '-1',
  '0x10',
  '\t\n\r',
  'Ａ'.repeat(300),
  '村'.repeat(2_000),
];

/** Numbers at the edges, as JSON text (1e309 parses to Infinity; "NaN" is a string). */
export const EDGE_NUMBERS = [
  '-1',
  '0',
  '-0',
  '1.5',
  '9007199254740992',
  '9007199254740993',
  '1e309',
  '-1e309',
  '1e-400',
  '1e3',
  '"NaN"',
  '"Infinity"',
  '"８５"',
  '"85"',
  '" 85 "',
  '"1e309"',
  'true',
  'null',
  '[]',
  '{}',
  '100.000000000000001',
  '101',
  '-2147483649',
];

/** Query values at the edges (limit, cursor, dates, enums). */
export const EDGE_QUERY = [
  '',
  '-1',
  '0',
  '1.5',
  '1e3',
  '100000',
  '9007199254740993',
  'NaN',
  '８',
  'abc',
  '%00',
  '\u202E',
  'x'.repeat(3_000),
  '2024-02-30T00:00:00Z',
  '0000-00-00',
  'eyJrIjoieCJ9',
  'W10',
  '__proto__',
];

/** JSON values of each type; the generator keeps the ones a field does not take. */
export const anyJsonValue = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.boolean().map(String),
  fc.constant('null'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.array(fc.integer(), { maxLength: 3 }).map((a) => JSON.stringify(a)),
  fc.constant('{"k":1}'),
);

export const edgeString = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** `depth` nested arrays or objects around a value. */
export function deepJson(depth: number, objects: boolean): string {
  return objects
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** A 10,000-element array. */
export const HUGE_ARRAY = `[${Array.from({ length: 10_000 }, (_, i) => i % 10).join(',')}]`;

/** Fields a client must never set, and what an attacker would put there. */
export const FORBIDDEN_FIELDS: [string, string][] = [
  ['tenant_id', '"tn_00000000000000000000000000000000"'],
  ['__proto__', '{"role":"admin","isAdmin":true}'],
  ['constructor', '{"prototype":{"role":"admin"}}'],
  ['status', '"published"'],
  ['role', '"admin"'],
  ['version', '99'],
  ['score', '100'],
  ['row_version', '1'],
];

/** Replaces the value of a top-level field in JSON text, or adds it (raw, so duplicates stay). */
export function withField(json: string, field: string, raw: string): string {
  const body = json.trim();
  if (body === '{}') return `{${JSON.stringify(field)}:${raw}}`;
  return `${body.slice(0, -1)},${JSON.stringify(field)}:${raw}}`;
}

/** Sets a (possibly nested) field of a parsed body to a raw JSON value. */
export function setRaw(
  base: Record<string, unknown>,
  path: readonly string[],
  raw: string,
): string {
  const marker = `\u0000RAW${Math.random()}`;
  const copy = structuredClone(base);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), raw);
}

/** Bytes that are not UTF-8, inside an otherwise valid JSON string. */
export function invalidUtf8(json: string): Uint8Array {
  const text = new TextEncoder().encode(json);
  const quote = text.indexOf(0x22, 1);
  const at = quote > 0 ? quote + 1 : 1;
  const out = new Uint8Array(text.length + 3);
  out.set(text.subarray(0, at));
  out.set([0xff, 0xc3, 0x28], at);
  out.set(text.subarray(at), at + 3);
  return out;
}

/** Files an evidence upload must refuse, by name and bytes. */
export const BAD_FILES: { name: string; bytes: Uint8Array; type: string }[] = [
  {
    name: '台账.pdf',
    bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
    type: 'application/pdf',
  },
  {
    name: '台账.pdf',
    bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    type: 'application/pdf',
  },
  {
    name: '报告.docx',
    bytes: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]),
    type: 'application/octet-stream',
  },
  {
    name: '台账.pdf',
    bytes: new TextEncoder().encode('<html><script>x</script></html>'),
    type: 'text/html',
  },
  { name: '空.pdf', bytes: new Uint8Array(0), type: 'application/pdf' },
  { name: '../../etc/passwd.pdf', bytes: new Uint8Array([0x4d, 0x5a]), type: 'application/pdf' },
  { name: 'a\u0000.pdf', bytes: new Uint8Array([0x4d, 0x5a]), type: 'application/pdf' },
  { name: `${'长'.repeat(300)}.pdf`, bytes: new Uint8Array([0x25, 0x50]), type: 'application/pdf' },
  {
    name: 'run.exe',
    bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]),
    type: 'application/x-msdownload',
  },
  { name: 'photo.png', bytes: new TextEncoder().encode('%PDF-1.4 not a png'), type: 'image/png' },
];
