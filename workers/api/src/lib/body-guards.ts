import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './problem.ts';
import type { AppBindings } from './types.ts';

/** JSON and form bodies; a CSV import may be larger. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_IMPORT_BODY_BYTES = 4 * 1024 * 1024;

/** One page of a tenant export being restored (POST /v1/tenant/import): pages are ~1 MB. */
export const MAX_RESTORE_BODY_BYTES = 4 * 1024 * 1024;
const RESTORE_BODY_PATHS = new Set(['/v1/tenant/import']);

/** A pack sent to be linted or imported (POST /v1/packs/lint, /v1/packs): the province pack is 120 KB as JSON. */
export const MAX_PACK_BODY_BYTES = 512 * 1024;

/** Routes that accept a larger body, by exact path. */
const LARGE_BODY_PATHS = new Set(['/v1/org-units/import']);
const PACK_BODY_PATHS = new Set(['/v1/packs/lint', '/v1/packs']);

/**
 * Evidence uploads (multipart/form-data): a file up to MAX_EVIDENCE_BYTES
 * (services/evidence/file-types.ts) plus room for the form's own parts.
 */
export const EVIDENCE_UPLOAD_PATH = /^\/v1\/submissions\/[^/]+\/evidence$/;
export const MAX_EVIDENCE_BODY_BYTES = 10 * 1024 * 1024 + 64 * 1024;
const MULTIPART = /^multipart\/form-data(\s*;.*)?$/i;

/** Media types any /v1 route accepts; each route narrows this further. */
const ACCEPTED = [
  /^application\/json(\s*;.*)?$/i,
  /^application\/x-www-form-urlencoded(\s*;.*)?$/i,
  /^text\/csv(\s*;.*)?$/i,
];

export function maxBodyBytes(path: string): number {
  if (EVIDENCE_UPLOAD_PATH.test(path)) return MAX_EVIDENCE_BODY_BYTES;
  if (PACK_BODY_PATHS.has(path)) return MAX_PACK_BODY_BYTES;
  if (RESTORE_BODY_PATHS.has(path)) return MAX_RESTORE_BODY_BYTES;
  return LARGE_BODY_PATHS.has(path) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}

function hasBody(headers: Headers, body: ReadableStream | null): boolean {
  const length = headers.get('content-length');
  if (length !== null && !headers.has('transfer-encoding')) return Number(length) > 0;
  return body !== null;
}

/**
 * For every /v1 request that carries a body: 415 unless its Content-Type is
 * one the API speaks (routes then check their own: zod-openapi refuses a
 * media type a route does not declare), and 413 beyond the size limit —
 * by Content-Length up front, or while streaming when there is none.
 */
export function bodyGuards(): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    if (!hasBody(c.req.raw.headers, c.req.raw.body)) return next();
    const type = c.req.header('content-type') ?? '';
    const multipart = EVIDENCE_UPLOAD_PATH.test(c.req.path) && MULTIPART.test(type.trim());
    if (!multipart && !ACCEPTED.some((re) => re.test(type.trim()))) {
      throw new AppError('unsupported_media_type', {
        zh: '请求体应为 application/json（导入接口为 text/csv）',
        en: 'Send the body as application/json (text/csv for imports)',
      });
    }
    const limit = maxBodyBytes(c.req.path);
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new AppError('payload_too_large', {
          zh: `请求体不能超过 ${Math.round(limit / 1024)} KB`,
          en: `The body must not exceed ${Math.round(limit / 1024)} KB`,
        });
      },
    })(c, next);
  };
}
