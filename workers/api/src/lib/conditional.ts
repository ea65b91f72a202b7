import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { toBase64Url } from '../auth/password.ts';

/**
 * Conditional reads (RFC 9110 §13.1.2). A read's ETag is a digest of everything its body is
 * made of — for score pages, the immutable snapshots' sequence numbers plus the few mutable
 * fields shown beside them — computed before the expensive part (decoding scorecards), so an
 * unchanged page answers 304 without decoding anything.
 */

/** A strong ETag over the parts, in order: `"r-<22 base64url chars>"`. */
export async function readETag(...parts: unknown[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `"r-${toBase64Url(digest.slice(0, 16))}"`;
}

/** True when If-None-Match names `etag` (weak comparison, as §13.1.2 asks) or is `*`. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const wanted = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === wanted);
}

/**
 * Headers every score read carries: the ETag, and `Vary: Authorization` because the same URL
 * shows a client fewer fields than a person (reviewer notes, evidence) — a shared cache must
 * not mix them up. `private`: nothing here belongs in a shared cache at all.
 */
export function readHeaders(etag: string): Record<string, string> {
  return { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
}

/** The 304 answer: no body, the validators again. */
export function notModifiedResponse(etag: string): Response {
  return new Response(null, { status: 304, headers: readHeaders(etag) });
}

/**
 * A read's answer: 304 when If-None-Match names its ETag (nothing rendered), else the JSON
 * `render` builds (already serialised — scorecards are spliced, not re-encoded — as text or
 * as the bytes a cache kept).
 */
export async function conditionalJson(
  c: Context,
  read: { etag: string; render: () => Promise<string | Uint8Array> },
): Promise<Response> {
  if (notModified(c.req.header('if-none-match'), read.etag)) return notModifiedResponse(read.etag);
  return new Response(await read.render(), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...readHeaders(read.etag) },
  });
}

/** The If-None-Match request header of conditional reads, for the OpenAPI document. */
export const IfNoneMatchHeaders = z.object({
  'if-none-match': z
    .string()
    .optional()
    .openapi({ param: { in: 'header', required: false }, example: '"r-3q2-_aXc1bVt7Hk0L9mW0g"' }),
});

/** The 304 entry of a conditional read's responses. */
export const notModifiedResponses = {
  304: {
    description: 'Not modified: If-None-Match names the current ETag (no body)',
    headers: {
      ETag: { description: 'The current ETag', schema: { type: 'string' as const } },
    },
  },
};

/** The ETag header on conditional reads' 200 answers. */
export const readETagHeader = {
  ETag: {
    description: 'Send it back in If-None-Match to get 304 while nothing changed',
    schema: { type: 'string' as const },
  },
};
