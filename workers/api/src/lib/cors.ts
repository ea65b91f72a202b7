import { originAllowedByAnyTenant } from '@kaoping/db/bootstrap';
import { getDb } from '@kaoping/db/client';
import type { Context, MiddlewareHandler } from 'hono';
import { tenantCorsOrigins } from '../services/tenants/cors-origins.ts';
import { AppError, problemResponse } from './problem.ts';
import type { AppBindings } from './types.ts';

/**
 * CORS for API clients that call /v1 from a browser on another origin (an integrator's
 * dashboard). The allow-list is per tenant (`tenants.cors_origins`, set by its admins through
 * PUT /v1/tenant/cors-origins), but a preflight carries no token, so:
 *
 * 1. a preflight (OPTIONS with Access-Control-Request-Method) is answered 204 with the CORS
 *    headers when ANY active tenant allows the origin, else 403 without them;
 * 2. the real request is authenticated as usual, then `corsTenantCheck` refuses it (403,
 *    before the handler runs, so nothing is written) unless the token's OWN tenant allows the
 *    origin — tenant A listing an origin never lets that origin act with tenant B's token;
 * 3. public routes (sign-in, the token endpoint, public objection links) and error answers
 *    carry Access-Control-Allow-Origin when some tenant allows the origin, so a browser client
 *    can read why it was refused.
 *
 * No credentials mode (Access-Control-Allow-Credentials is never sent): the API reads no
 * cookies, a bearer token is the only credential. The UI is same-origin and needs none of this.
 * Every /v1 answer says `Vary: Origin`, so a shared cache never serves one origin's answer
 * to another.
 */

export const CORS_ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
export const CORS_ALLOWED_HEADERS =
  'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id';
export const CORS_EXPOSED_HEADERS =
  'ETag, Location, Retry-After, X-Request-Id, Content-Disposition, WWW-Authenticate';
/** How long a browser may cache a preflight answer (seconds). */
export const CORS_MAX_AGE_SECONDS = 600;

/** The request's Origin when it is cross-origin (not this deployment's own), else null. */
export function crossOrigin(c: Context<AppBindings>): string | null {
  const origin = c.req.header('origin');
  if (!origin) return null;
  const own = new URL(c.req.url).origin;
  let publicOrigin: string | null = null;
  try {
    publicOrigin = new URL(c.env.PUBLIC_ORIGIN).origin;
  } catch {
    // validated at startup; a bad value only means no second own origin
  }
  return origin === own || origin === publicOrigin ? null : origin;
}

function appendVary(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Origin');
  else if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Origin`);
}

function allowOrigin(headers: Headers, origin: string): void {
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-expose-headers', CORS_EXPOSED_HEADERS);
}

function originRefused(): AppError {
  return new AppError('forbidden', {
    zh: '此来源（Origin）不在本租户允许跨域调用的列表中',
    en: 'This origin is not on the tenant’s list of origins allowed to call the API',
  });
}

/** App-wide, for /v1/*: preflights, `Vary: Origin`, and the allow header on public answers. */
export function cors(): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const origin = crossOrigin(c);
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method');
    if (origin && preflight) {
      if (!(await originAllowedByAnyTenant(getDb(c.env), origin))) {
        const refused = problemResponse(c, originRefused());
        appendVary(refused.headers);
        return refused;
      }
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': CORS_ALLOWED_METHODS,
        'access-control-allow-headers': CORS_ALLOWED_HEADERS,
        'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      });
    }
    await next();
    appendVary(c.res.headers);
    if (!origin) return;
    if (c.get('corsAllowed') || (await originAllowedByAnyTenant(getDb(c.env), origin))) {
      allowOrigin(c.res.headers, origin);
    }
  };
}

/**
 * After authentication: a cross-origin request is served only when the token's own tenant
 * allows its origin. Refused before the handler runs, so a refused write writes nothing.
 */
export function corsTenantCheck(): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const origin = crossOrigin(c);
    const tdb = c.get('tdb') as AppBindings['Variables']['tdb'] | undefined;
    if (origin && tdb) {
      if (!(await tenantCorsOrigins(tdb)).includes(origin)) throw originRefused();
      c.set('corsAllowed', true);
    }
    await next();
  };
}
