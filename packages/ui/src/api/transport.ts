import { ApiError, networkError, problemFrom } from './problem.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method?: Method;
  /** A JSON body. */
  json?: unknown;
  /** A CSV body, sent as its bytes (the server detects a non-UTF-8 file). */
  csv?: Blob | string;
  query?: Record<string, string | number | undefined | null>;
  /** The ETag read with the object: writes to versioned objects need it. */
  ifMatch?: string;
  /** Creating POSTs send one, so a retried request does not create twice. */
  idempotencyKey?: string;
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

/**
 * One request to the API. Resolves with the parsed JSON (undefined for 204);
 * rejects with an ApiError holding the problem to show. The bearer token, if
 * any, goes in the Authorization header; the API sets no cookies and reads none.
 */
export async function send<T>(path: string, req: ApiRequest = {}, token?: string): Promise<T> {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(req.json);
  } else if (req.csv !== undefined) {
    headers.set('content-type', 'text/csv');
    body = req.csv;
  }
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (req.ifMatch) headers.set('if-match', req.ifMatch);
  if (req.idempotencyKey) headers.set('idempotency-key', req.idempotencyKey);

  let res: Response;
  try {
    res = await fetch(buildUrl(path, req.query), {
      method: req.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw networkError();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) throw new ApiError(problemFrom(res.status, parsed), retryAfter(res));
  return parsed as T;
}

/** A fresh Idempotency-Key for one creating request. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
