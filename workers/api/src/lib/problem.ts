import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A message in both languages the product speaks. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldError {
  /** Where the bad value is: "body.inputs.registeredUnemployed", "query.limit", "line 7". */
  path: string;
  code: string;
  message: string;
  message_zh: string;
}

/**
 * The one error taxonomy: each code has a status, a stable type URI and a
 * title in zh and en. Services throw AppError; the app maps it to an
 * RFC 9457 application/problem+json body in one place (app.ts).
 */
export const PROBLEMS = {
  bad_request: { status: 400, zh: '请求有误', en: 'Bad request' },
  validation: { status: 400, zh: '数据校验未通过', en: 'Validation failed' },
  unauthorized: { status: 401, zh: '未登录或凭证无效', en: 'Unauthorized' },
  forbidden: { status: 403, zh: '无权执行此操作', en: 'Forbidden' },
  not_found: { status: 404, zh: '未找到', en: 'Not found' },
  method_not_allowed: { status: 405, zh: '不支持的请求方法', en: 'Method not allowed' },
  conflict: { status: 409, zh: '与当前状态冲突', en: 'Conflict' },
  precondition_failed: {
    status: 412,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Precondition failed: the resource has changed',
  },
  payload_too_large: { status: 413, zh: '请求内容过大', en: 'Payload too large' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported media type' },
  unprocessable: { status: 422, zh: '无法处理的请求', en: 'Unprocessable request' },
  precondition_required: {
    status: 428,
    zh: '缺少 If-Match 请求头',
    en: 'Precondition required: send If-Match',
  },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  overloaded: { status: 503, zh: '服务繁忙，请稍后再试', en: 'Service temporarily overloaded' },
} as const satisfies Record<string, { status: number } & Bilingual>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_TYPE_BASE = 'https://kaoping.cn/problems/';

export class AppError extends Error {
  readonly code: ProblemCode;
  readonly detail?: Bilingual;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ProblemCode,
    detail?: Bilingual,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail?.en ?? PROBLEMS[code].en);
    this.name = 'AppError';
    this.code = code;
    if (detail) this.detail = detail;
    if (options.errors) this.errors = options.errors;
    if (options.headers) this.headers = options.headers;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

/** A 404 that reads the same for a missing object and another tenant's. */
export function notFound(what: Bilingual): AppError {
  return new AppError('not_found', {
    zh: `${what.zh}不存在`,
    en: `${what.en} not found`,
  });
}

export interface ProblemBody {
  type: string;
  status: number;
  title: string;
  title_zh: string;
  detail?: string;
  detail_zh?: string;
  errors?: FieldError[];
  request_id?: string;
}

export function problemBody(error: AppError, requestId?: string): ProblemBody {
  const meta = PROBLEMS[error.code];
  const body: ProblemBody = {
    type: PROBLEM_TYPE_BASE + error.code.replaceAll('_', '-'),
    status: meta.status,
    title: meta.en,
    title_zh: meta.zh,
  };
  // 5xx bodies say nothing internal.
  if (error.detail && meta.status < 500) {
    body.detail = error.detail.en;
    body.detail_zh = error.detail.zh;
  }
  if (error.errors?.length) body.errors = error.errors;
  if (requestId) body.request_id = requestId;
  return body;
}

export function problemResponse(c: Context, error: AppError): Response {
  const body = problemBody(error, c.get('requestId') as string | undefined);
  const res = c.body(JSON.stringify(body), error.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...error.headers,
  });
  return res;
}
