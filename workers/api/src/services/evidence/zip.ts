/**
 * Just enough of ZIP to tell an Office file from any other archive and to read its text parts:
 * the central directory's entry names, and an entry's bytes (stored or deflated). Sizes are
 * bounded by the caller, so a "zip bomb" cannot make the worker inflate gigabytes.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries, or null when the bytes are not a readable ZIP. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Reads at most `limit` bytes of an entry's content (stored or deflated), or null. */
export async function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limit: number,
): Promise<Uint8Array | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.subarray(0, limit);
  if (entry.method !== 8) return null;
  return inflate(data, 'deflate-raw', limit);
}

/**
 * Inflates `data`, stopping after `limit` bytes of output. A stream that ends in junk (a PDF's
 * line end before "endstream") or is cut short still gives what it inflated so far; null when
 * nothing could be.
 */
export async function inflate(
  data: Uint8Array,
  format: 'deflate' | 'deflate-raw',
  limit: number,
): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream(format));
    const reader = stream.getReader();
    while (total < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      total += value.length;
    }
    await reader.cancel().catch(() => undefined);
  } catch {
    if (total === 0) return null;
  }
  const out = new Uint8Array(Math.min(total, limit));
  let offset = 0;
  for (const part of parts) {
    const take = Math.min(part.length, out.length - offset);
    out.set(part.subarray(0, take), offset);
    offset += take;
    if (offset >= out.length) break;
  }
  return out;
}
