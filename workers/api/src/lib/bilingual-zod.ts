import { z } from '@hono/zod-openapi';
import type { $ZodIssue, $ZodRawIssue } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { Bilingual, FieldError } from './problem.ts';

/**
 * zod speaks one language per message; our problem bodies speak two. Every
 * message is therefore encoded as a marker plus JSON {zh, en}: the global
 * error map below does it for zod's own messages (from its zh-CN and en
 * locales), and `bi()` does it for messages written in a schema.
 */
const MARK = '\u0001bi:';

export function bi(zh: string, en: string): string {
  return MARK + JSON.stringify({ zh, en });
}

export function decodeMessage(message: string): Bilingual {
  if (message.startsWith(MARK)) {
    try {
      const parsed = JSON.parse(message.slice(MARK.length)) as Bilingual;
      if (typeof parsed.zh === 'string' && typeof parsed.en === 'string') return parsed;
    } catch {
      // fall through: not ours after all
    }
  }
  return { zh: message, en: message };
}

const enError = en().localeError;
const zhError = zhCN().localeError;

function localise(fn: typeof enError, issue: $ZodRawIssue): string {
  const out = fn(issue as never);
  if (typeof out === 'string') return out;
  return out?.message ?? 'Invalid input';
}

z.config({
  customError: (issue) => bi(localise(zhError, issue), localise(enError, issue)),
});

/**
 * zod issues → the problem body's `errors`, with paths like "body.inputs.x".
 * An unknown key (strict objects) is reported at its own path, so
 * `{"tenant_id": …}` names "body.tenant_id".
 */
export function toFieldErrors(issues: readonly $ZodIssue[], prefix?: string): FieldError[] {
  const join = (parts: (string | undefined)[]) => parts.filter(Boolean).join('.');
  return issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: join([...base, key]),
        code: issue.code,
        message: `Unknown field "${key}"`,
        message_zh: `不接受字段“${key}”`,
      }));
    }
    const message = decodeMessage(issue.message);
    return [
      {
        path: join(base) || (prefix ?? ''),
        code: issue.code,
        message: message.en,
        message_zh: message.zh,
      },
    ];
  });
}
