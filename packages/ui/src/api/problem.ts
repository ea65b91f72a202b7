import { messages, type Text } from '../i18n/messages.ts';

/** One bad field as the API names it: "body.tenant.slug", "query.since", "line 7". */
export interface FieldError {
  path: string;
  code: string;
  message: string;
  message_zh: string;
}

/** RFC 9457 application/problem+json, as the API writes it (zh and en). */
export interface Problem {
  type: string;
  status: number;
  title: string;
  title_zh: string;
  detail?: string;
  detail_zh?: string;
  errors?: FieldError[];
  request_id?: string;
}

/** A refused or failed request; `problem` is what to show the person. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';

function isFieldError(v: unknown): v is FieldError {
  const e = v as Partial<FieldError> | null;
  return !!e && isString(e.path) && isString(e.message) && isString(e.message_zh);
}

/**
 * The problem in an error answer. Bodies that are not ours (a proxy's HTML
 * page, an OAuth `{error}`) still give a readable problem from the status.
 */
export function problemFrom(status: number, body: unknown): Problem {
  const b = (body ?? {}) as Partial<Problem>;
  const generic = genericProblem(status);
  const problem: Problem = {
    type: isString(b.type) ? b.type : generic.type,
    status,
    title: isString(b.title) ? b.title : generic.title,
    title_zh: isString(b.title_zh) ? b.title_zh : generic.title_zh,
  };
  if (isString(b.detail)) problem.detail = b.detail;
  if (isString(b.detail_zh)) problem.detail_zh = b.detail_zh;
  if (Array.isArray(b.errors)) problem.errors = b.errors.filter(isFieldError);
  if (isString(b.request_id)) problem.request_id = b.request_id;
  return problem;
}

function genericProblem(status: number): Problem {
  const text: Text =
    status === 0
      ? messages['problem.network']
      : status === 401
        ? messages['problem.unauthorized']
        : status === 403
          ? messages['problem.forbidden']
          : status === 404
            ? messages['problem.notFound']
            : status === 429
              ? messages['problem.rateLimited']
              : status >= 500
                ? messages['problem.server']
                : messages['problem.badRequest'];
  return { type: 'about:blank', status, title: text.en, title_zh: text.zh };
}

/** A request that never got an answer (offline, DNS, connection reset). */
export function networkError(): ApiError {
  return new ApiError(genericProblem(0));
}

export const problemTitle = (p: Problem): Text => ({ zh: p.title_zh, en: p.title });

export const problemDetail = (p: Problem): Text | null =>
  p.detail || p.detail_zh ? { zh: p.detail_zh ?? p.detail ?? '', en: p.detail ?? '' } : null;

export const fieldErrorText = (e: FieldError): Text => ({ zh: e.message_zh, en: e.message });

/**
 * The form field a path names: "body.tenant.slug" → "tenant.slug",
 * "query.since" → "since"; "line 7" and "body" stay as they are.
 */
export function fieldName(path: string): string {
  for (const prefix of ['body.', 'query.', 'param.', 'header.']) {
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}
