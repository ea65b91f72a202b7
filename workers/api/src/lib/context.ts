import { getDb } from '@kaoping/db/client';
import type { Context } from 'hono';
import type { PublicContext, ServiceContext } from '../auth/principal.ts';
import type { AppBindings } from './types.ts';

/** The service context for an authenticated request (set by auth/authenticate.ts). */
export function serviceContext(c: Context<AppBindings>): ServiceContext {
  return {
    principal: c.var.principal,
    tdb: c.var.tdb,
    requestId: c.var.requestId,
    now: new Date(),
  };
}

/** The context for public verbs: no principal, the bare database for bootstrap lookups. */
export function publicContext(c: Context<AppBindings>): PublicContext {
  return { env: c.env, db: getDb(c.env), requestId: c.var.requestId, now: new Date() };
}
