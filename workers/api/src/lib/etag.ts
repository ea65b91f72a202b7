import type { Context } from 'hono';
import { AppError } from './problem.ts';

/**
 * Optimistic concurrency. Versioned rows carry `row_version`; their ETag is
 * `"<row_version>"`. A change must send it back in If-Match: missing → 428,
 * not the current version → 412. The check is enforced inside the write's
 * batch (a guard on row_version, then `row_version = row_version + 1`), so of
 * two writers holding the same ETag exactly one wins.
 */
export function formatETag(rowVersion: number): string {
  return `"${rowVersion}"`;
}

/** The row_version an If-Match header names, or null when it names none we issued. */
export function parseIfMatch(header: string): number | null {
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

export function preconditionFailed(): AppError {
  return new AppError('precondition_failed', {
    zh: '数据已被他人修改：请重新读取后再提交',
    en: 'The object changed since you read it: read it again and retry',
  });
}

/** The expected row_version for a change; throws 428 without If-Match, 412 when unusable. */
export function requireIfMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (header === undefined || header.trim() === '') {
    throw new AppError('precondition_required', {
      zh: '修改前请在 If-Match 中带上读取时得到的 ETag',
      en: 'Send the ETag you read in If-Match to change this object',
    });
  }
  const version = parseIfMatch(header);
  if (version === null) throw preconditionFailed();
  return version;
}
