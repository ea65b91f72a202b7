import { toBase64Url } from '../auth/password.ts';

const encoder = new TextEncoder();

/** SHA-256 of a UTF-8 string (or of bytes), hex. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * A high-entropy secret shown once to its holder: `prefix` + 32 random bytes
 * in base64url (256 bits). Only sha256Hex(secret) is stored; the prefix
 * ("kps_", "kpr_", "kpi_") makes a leaked secret recognisable to scanners.
 */
export function randomSecret(prefix: string, bytes = 32): string {
  return prefix + toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Constant-time equality of two strings of the same length (hashes). */
export function timingSafeEqualText(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}
