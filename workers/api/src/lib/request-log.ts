import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppBindings } from './types.ts';

/**
 * What a log line may never carry, masked wherever it appears: our secrets by their prefixes
 * (client secrets kps_, refresh tokens kpr_, invitation tokens kpi_, public objection links
 * kpo_), JWTs (three base64url parts, the first a JSON header), and HTTP credentials.
 */
const SECRET_PATTERNS: RegExp[] = [
  /kp[srio]_[A-Za-z0-9_-]{8,}/g,
  /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
];

/** A text with every secret-shaped substring replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}

/** One JSON line on stdout (Workers Logs and `wrangler tail` index its fields), redacted. */
export function logLine(level: 'info' | 'warn' | 'error', fields: Record<string, unknown>): void {
  const line = redactSecrets(JSON.stringify({ level, ...fields }));
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/**
 * The route pattern that answered ("/v1/cycles/:cycleId"), never the concrete path: a path can
 * carry a capability (a public objection link's token), a query string a cursor or an email.
 */
export function routePattern(c: Context): string {
  const route = matchedRoutes(c)
    .filter((r) => r.method !== 'ALL')
    .at(-1);
  return route?.path ?? '(no route)';
}

/**
 * One structured line per request the worker handles: request id, method, route pattern,
 * status, duration and the tenant (once authentication has set it). Never bodies, headers,
 * query strings or tokens; a failed request's cause is logged by app.onError with the same id.
 */
export function requestLog(): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    const principal = c.get('principal') as AppBindings['Variables']['principal'] | undefined;
    const status = c.res.status;
    logLine(status >= 500 ? 'error' : 'info', {
      msg: 'request',
      id: c.get('requestId'),
      method: c.req.method,
      route: routePattern(c),
      status,
      ms: Date.now() - started,
      tenant: principal?.tenantId ?? null,
      actor: principal ? principal.kind : null,
    });
  };
}
