import type { FileKind } from './file-types.ts';
import { inflate, readZipEntry, zipEntries } from './zip.ts';

/**
 * The text a file carries, for the personal-data scan — best effort, bounded: plain text as it
 * is; a PDF's literal strings from its content streams (inflated when FlateDecode), joined the
 * way Tj/TJ show them; an Office file's XML parts with the tags taken out. Images carry no text
 * we read. At most TEXT_LIMIT characters are examined.
 */
export const TEXT_LIMIT = 4 * 1024 * 1024;
const latin1 = new TextDecoder('latin1');

/** Literal strings of a PDF content stream: those inside one TJ array run together. */
function pdfStrings(content: string): string {
  const out: string[] = [];
  let inArray = false;
  for (let i = 0; i < content.length && out.length < TEXT_LIMIT; i++) {
    const ch = content[i]!;
    if (ch === '(') {
      let depth = 1;
      let text = '';
      for (i++; i < content.length && depth > 0; i++) {
        const c = content[i]!;
        if (c === '\\') {
          const next = content[++i] ?? '';
          const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '', f: '' };
          if (/[0-7]/.test(next)) {
            const octal = content.slice(i, i + 3).match(/^[0-7]{1,3}/)![0];
            text += String.fromCharCode(Number.parseInt(octal, 8));
            i += octal.length - 1;
          } else {
            text += escapes[next] ?? next;
          }
        } else if (c === '(') {
          depth++;
          text += c;
        } else if (c === ')') {
          depth--;
          if (depth > 0) text += c;
        } else {
          text += c;
        }
      }
      i--;
      out.push(decodePdfString(text));
      if (!inArray) out.push(' ');
    } else if (ch === '[') {
      inArray = true;
    } else if (ch === ']') {
      inArray = false;
      out.push(' ');
    } else if (!inArray && /[A-Za-z'"]/.test(ch)) {
      out.push(' ');
    }
  }
  return out.join('');
}

/** A PDF string's bytes: UTF-16BE with a byte-order mark, else one byte per character. */
function decodePdfString(raw: string): string {
  if (raw.charCodeAt(0) === 0xfe && raw.charCodeAt(1) === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < raw.length; i += 2) {
      s += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    }
    return s;
  }
  return raw;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const text = latin1.decode(bytes);
  const parts: string[] = [];
  let total = 0;
  const stream = /stream\r?\n/g;
  for (let match = stream.exec(text); match && total < TEXT_LIMIT; match = stream.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dictionary = text.slice(Math.max(0, match.index - 512), match.index);
    const dictStart = dictionary.lastIndexOf('<<');
    const flate = dictionary.slice(dictStart).includes('/FlateDecode');
    // The line end before "endstream" is not part of the stream's data.
    let stop = end;
    while (stop > start && (bytes[stop - 1] === 0x0a || bytes[stop - 1] === 0x0d)) stop--;
    const raw = bytes.subarray(start, stop);
    let content: string | null = null;
    if (flate) {
      const inflated = await inflate(raw, 'deflate', TEXT_LIMIT);
      content = inflated ? latin1.decode(inflated) : null;
    } else if (!/\/Filter/.test(dictionary.slice(dictStart))) {
      content = latin1.decode(raw);
    }
    if (content) {
      const strings = pdfStrings(content);
      parts.push(strings);
      total += strings.length;
    }
    stream.lastIndex = end;
  }
  return parts.join('\n');
}

const OFFICE_TEXT_PARTS =
  /^(word\/(document|header\d*|footer\d*)\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml|ppt\/slides\/[^/]+\.xml)$/;

async function officeText(bytes: Uint8Array): Promise<string> {
  const entries = zipEntries(bytes) ?? [];
  const parts: string[] = [];
  let budget = TEXT_LIMIT;
  const utf8 = new TextDecoder();
  for (const entry of entries) {
    if (budget <= 0) break;
    if (!OFFICE_TEXT_PARTS.test(entry.name)) continue;
    const content = await readZipEntry(bytes, entry, budget);
    if (!content) continue;
    budget -= content.length;
    // Runs of one paragraph (or one cell) join up; paragraphs, cells and rows break the text.
    parts.push(
      utf8
        .decode(content)
        .replace(/<\/(w:p|a:p|si|c|row|w:tc)>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    );
  }
  return parts.join('\n');
}

export async function documentText(bytes: Uint8Array, kind: FileKind): Promise<string> {
  switch (kind) {
    case 'text':
      return new TextDecoder().decode(bytes.subarray(0, TEXT_LIMIT));
    case 'pdf':
      return pdfText(bytes);
    case 'docx':
    case 'xlsx':
    case 'pptx':
      return officeText(bytes);
    default:
      return '';
  }
}
