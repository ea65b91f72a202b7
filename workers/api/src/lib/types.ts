import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { TenantDb } from '@kaoping/db/tenant-db';
import type { Principal } from '../auth/principal.ts';
import type { AppEnv } from '../env.ts';

export interface AppBindings {
  Bindings: AppEnv;
  Variables: {
    requestId: string;
    principal: Principal;
    tdb: TenantDb;
    /** Set by lib/cors.ts once a cross-origin request's origin is allowed for its tenant. */
    corsAllowed: boolean;
  };
}

/** A handler typed by its route contract. */
export type Handler<R extends RouteConfig> = RouteHandler<R, AppBindings>;
