import type { Context, MiddlewareHandler } from 'hono';
import { sha256Hex } from './crypto.ts';
import { AppError } from './problem.ts';
import type { AppBindings } from './types.ts';

/** The rate-limit bindings in wrangler.toml ([[ratelimits]]). */
export type LimiterName =
  | 'SIGNUP_LIMITER'
  | 'SIGNIN_LIMITER'
  | 'TOKEN_LIMITER'
  | 'PREVIEW_LIMITER'
  | 'OBJECTION_LIMITER';

/** Every limiter counts over 60 s, so a refused caller can retry after that. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/** The caller's address as Cloudflare's edge reports it ("unknown" locally without one). */
export function clientAddress(c: Context): string {
  return c.req.header('cf-connecting-ip')?.trim().slice(0, 64) || 'unknown';
}

export function rateLimited(): AppError {
  return new AppError(
    'rate_limited',
    {
      zh: `请求过于频繁，请在 ${RATE_LIMIT_PERIOD_SECONDS} 秒后重试`,
      en: `Too many requests; retry after ${RATE_LIMIT_PERIOD_SECONDS} seconds`,
    },
    { headers: { 'Retry-After': String(RATE_LIMIT_PERIOD_SECONDS) } },
  );
}

/**
 * Route middleware: count the request against `limiter` under the key
 * `keyOf(c)` returns (hashed, so addresses are not kept in clear in the
 * limiter) and answer 429 with Retry-After once the limit is reached. It runs
 * before validation, so malformed requests count too.
 */
export function rateLimit(
  limiter: LimiterName,
  keyOf: (c: Context<AppBindings>) => string | Promise<string>,
): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const key = await sha256Hex(`${limiter}\u0000${await keyOf(c)}`);
    const { success } = await c.env[limiter].limit({ key });
    if (!success) throw rateLimited();
    await next();
  };
}

/** A string field of the JSON body, for rate-limit keys; "" when absent or not JSON. */
export async function bodyField(c: Context, field: string): Promise<string> {
  try {
    const type = c.req.header('content-type') ?? '';
    if (!type.includes('json')) return '';
    const body = (await c.req.json()) as Record<string, unknown> | null;
    const value = body && typeof body === 'object' ? body[field] : undefined;
    return typeof value === 'string' ? value.trim().toLowerCase().slice(0, 256) : '';
  } catch {
    return '';
  }
}
