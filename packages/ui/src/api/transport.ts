import { ApiError, networkError, problemFrom } from './problem.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method?: Method;
  /** A JSON body. */
  json?: unknown;
  /** A CSV body, sent as its bytes (the server detects a non-UTF-8 file). */
  csv?: Blob | string;
  /** A multipart/form-data body (file uploads); the browser sets its boundary. */
  form?: FormData;
  query?: Record<string, string | number | undefined | null>;
  /** The ETag read with the object: writes to versioned objects need it. */
  ifMatch?: string;
  /** Creating POSTs send one, so a retried request does not create twice. */
  idempotencyKey?: string;
  /** Cancels the request (a preview overtaken by newer typing). */
  signal?: AbortSignal | undefined;
}

export function buildUrl(path: string, query?: ApiRequest['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function retryAfter(res: Response): number | null {
  const value = res.headers.get('retry-after');
  const seconds = value === null ? Number.NaN : Number(value);
  return Number.isFinite(seconds) ? seconds : null;
}

/** An answer with what the UI reads from its headers besides the body. */
export interface Answer<T> {
  data: T;
  /** The ETag of what was read or written (some writes answer it only as a header). */
  etag: string | null;
}

function headersFor(req: ApiRequest, token: string | undefined, accept: string) {
  const headers = new Headers({ accept });
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(req.json);
  } else if (req.csv !== undefined) {
    headers.set('content-type', 'text/csv');
    body = req.csv;
  } else if (req.form !== undefined) {
    body = req.form;
  }
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (req.ifMatch) headers.set('if-match', req.ifMatch);
  if (req.idempotencyKey) headers.set('idempotency-key', req.idempotencyKey);
  return { headers, body };
}

async function fetchOrFail(
  path: string,
  req: ApiRequest,
  token: string | undefined,
  accept: string,
) {
  const { headers, body } = headersFor(req, token, accept);
  try {
    return await fetch(buildUrl(path, req.query), {
      method: req.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
      signal: req.signal ?? null,
    });
  } catch (error) {
    if (req.signal?.aborted) throw error;
    throw networkError();
  }
}

async function refusal(res: Response): Promise<ApiError> {
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return new ApiError(problemFrom(res.status, parsed), retryAfter(res));
}

/**
 * One request to the API. Resolves with the parsed JSON (undefined for 204)
 * and the answer's ETag; rejects with an ApiError holding the problem to show.
 * The bearer token, if any, goes in the Authorization header; the API sets no
 * cookies and reads none.
 */
export async function sendFull<T>(
  path: string,
  req: ApiRequest = {},
  token?: string,
): Promise<Answer<T>> {
  const res = await fetchOrFail(path, req, token, 'application/json, application/problem+json');
  if (!res.ok) throw await refusal(res);
  const etag = res.headers.get('etag');
  if (res.status === 204) return { data: undefined as T, etag };
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { data: parsed as T, etag };
}

export async function send<T>(path: string, req: ApiRequest = {}, token?: string): Promise<T> {
  return (await sendFull<T>(path, req, token)).data;
}

/** A file the API answers (an export, an evidence file), with the name it suggests. */
export interface Download {
  blob: Blob;
  filename: string | null;
}

export async function sendForFile(
  path: string,
  req: ApiRequest = {},
  token?: string,
): Promise<Download> {
  const res = await fetchOrFail(path, req, token, '*/*');
  if (!res.ok) throw await refusal(res);
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition')) };
}

/** The file name in a Content-Disposition header, preferring RFC 5987's UTF-8 form. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** A fresh Idempotency-Key for one creating request. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
