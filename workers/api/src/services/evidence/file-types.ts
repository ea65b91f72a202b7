import { MAX_EVIDENCE_BODY_BYTES } from '../../lib/body-guards.ts';
import { zipEntries } from './zip.ts';

/**
 * What evidence may be: photos of the service window, ledgers as PDF, office documents, plain
 * text or CSV — up to MAX_EVIDENCE_BYTES. The type is decided by the file's own bytes (its
 * magic number, and for Office files the parts inside the ZIP), and the file name's extension
 * must agree: an executable named `.pdf` is refused (415), whatever Content-Type it claims.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

// The body guard leaves room for the form around the file.
if (MAX_EVIDENCE_BODY_BYTES < MAX_EVIDENCE_BYTES) throw new Error('evidence body limit too small');

export type FileKind =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'heic'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'ole'
  | 'text';

export interface FileType {
  kind: FileKind;
  /** The MIME type stored and served (never the client's claim). */
  mime: string;
  extensions: string[];
  label: { zh: string; en: string };
}

export const FILE_TYPES: readonly FileType[] = [
  {
    kind: 'pdf',
    mime: 'application/pdf',
    extensions: ['pdf'],
    label: { zh: 'PDF 文档', en: 'PDF' },
  },
  {
    kind: 'jpeg',
    mime: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    label: { zh: 'JPEG 图片', en: 'JPEG image' },
  },
  {
    kind: 'png',
    mime: 'image/png',
    extensions: ['png'],
    label: { zh: 'PNG 图片', en: 'PNG image' },
  },
  {
    kind: 'gif',
    mime: 'image/gif',
    extensions: ['gif'],
    label: { zh: 'GIF 图片', en: 'GIF image' },
  },
  {
    kind: 'webp',
    mime: 'image/webp',
    extensions: ['webp'],
    label: { zh: 'WebP 图片', en: 'WebP image' },
  },
  {
    kind: 'heic',
    mime: 'image/heic',
    extensions: ['heic', 'heif'],
    label: { zh: 'HEIC 照片', en: 'HEIC photo' },
  },
  {
    kind: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: { zh: 'Word 文档', en: 'Word document' },
  },
  {
    kind: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: { zh: 'Excel 表格', en: 'Excel workbook' },
  },
  {
    kind: 'pptx',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: { zh: 'PowerPoint 演示文稿', en: 'PowerPoint presentation' },
  },
  {
    kind: 'ole',
    mime: 'application/octet-stream',
    extensions: ['doc', 'xls', 'ppt', 'wps', 'et'],
    label: { zh: '旧版 Office / WPS 文档', en: 'Legacy Office or WPS document' },
  },
  {
    kind: 'text',
    mime: 'text/plain; charset=utf-8',
    extensions: ['txt', 'csv'],
    label: { zh: '文本（UTF-8）', en: 'Text (UTF-8)' },
  },
];

const OLE_MIME: Record<string, string> = {
  doc: 'application/msword',
  wps: 'application/msword',
  xls: 'application/vnd.ms-excel',
  et: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const starts = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The part of a ZIP that tells an Office file's kind. */
const OFFICE_PARTS: readonly [FileKind, string][] = [
  ['docx', 'word/document.xml'],
  ['xlsx', 'xl/workbook.xml'],
  ['pptx', 'ppt/presentation.xml'],
];

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The kind the bytes say the file is, or null for anything not on the list. */
export function sniff(bytes: Uint8Array): FileKind | null {
  if (starts(bytes, ascii('%PDF-'))) return 'pdf';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(bytes, ascii('GIF87a')) || starts(bytes, ascii('GIF89a'))) return 'gif';
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return 'webp';
  if (
    ['ftypheic', 'ftypheix', 'ftypmif1', 'ftypmsf1', 'ftyphevc'].some((b) =>
      starts(bytes, ascii(b), 4),
    )
  ) {
    return 'heic';
  }
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = new Set(zipEntries(bytes)?.map((e) => e.name) ?? []);
    if (!names.has('[Content_Types].xml')) return null;
    return OFFICE_PARTS.find(([, part]) => names.has(part))?.[0] ?? null;
  }
  if (bytes.length > 0 && looksLikeText(bytes)) return 'text';
  return null;
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * The file's type when its bytes and its name agree (else null), and the MIME type stored.
 */
export function fileTypeOf(
  bytes: Uint8Array,
  filename: string,
): { type: FileType; mime: string } | null {
  const kind = sniff(bytes);
  if (!kind) return null;
  const type = FILE_TYPES.find((t) => t.kind === kind)!;
  const ext = extensionOf(filename);
  if (!type.extensions.includes(ext)) return null;
  const mime =
    kind === 'ole'
      ? (OLE_MIME[ext] ?? type.mime)
      : kind === 'text' && ext === 'csv'
        ? 'text/csv; charset=utf-8'
        : type.mime;
  return { type, mime };
}

/** The allowed list, for error messages and the docs. */
export function allowedExtensions(): string {
  return FILE_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(', ');
}
