import { exports } from 'cloudflare:workers';

/** A fresh client address per call site, so rate limits of one test never touch another. */
export function freshIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3));
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export interface CallOptions {
  method?: string;
  token?: string | undefined;
  /** JSON-encoded unless a string, bytes or a stream (sent as they are) or undefined (no body). */
  body?: unknown;
  headers?: Record<string, string>;
  ip?: string;
}

/**
 * Requests the running test sent through call(), and its 5xx answers: test/setup.ts hands
 * them to the `pnpm test:resilience` table (scripts/resilience/families.mjs says which
 * family each test file's requests count for).
 */
export const sentRequests = { count: 0, fiveXX: 0 };

/** Call the real worker (exports.default.fetch), as a client would. */
export async function call(path: string, options: CallOptions = {}): Promise<Response> {
  const res = await send(path, options);
  sentRequests.count += 1;
  if (res.status >= 500) sentRequests.fiveXX += 1;
  return res;
}

function send(path: string, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { 'cf-connecting-ip': options.ip ?? freshIp() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | ReadableStream | undefined;
  if (options.body !== undefined) {
    if (
      typeof options.body === 'string' ||
      options.body instanceof Uint8Array ||
      options.body instanceof ReadableStream
    ) {
      body = options.body;
    } else {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
  }
  return exports.default.fetch(`http://kaoping.test${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...headers, ...options.headers },
    body,
  });
}

/** Call and parse JSON, failing loudly with the body when the status is not the expected one. */
export async function callJson<T = Record<string, unknown>>(
  path: string,
  options: CallOptions & { expect?: number } = {},
): Promise<T> {
  const res = await call(path, options);
  const text = await res.text();
  const expected = options.expect ?? (options.method === 'POST' || options.body ? 201 : 200);
  if (res.status !== expected) {
    throw new Error(
      `${options.method ?? 'GET'} ${path}: expected ${expected}, got ${res.status}: ${text}`,
    );
  }
  return (text ? JSON.parse(text) : null) as T;
}

export interface Problem {
  type: string;
  status: number;
  title: string;
  title_zh: string;
  detail?: string;
  detail_zh?: string;
  errors?: { path: string; code: string; message: string; message_zh: string }[];
  request_id?: string;
}
