import type { Db } from '@kaoping/db/client';
import type { TenantDb } from '@kaoping/db/tenant-db';
import type { AppEnv } from '../env.ts';

export const ROLES = ['admin', 'reviewer', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const SCOPES = ['scores:read', 'submissions:write'] as const;
export type Scope = (typeof SCOPES)[number];

/** One role grant: a role, optionally limited to an org subtree and a review stage. */
export interface Grant {
  role: Role;
  /** The subtree root's id and materialised path; null for the whole tenant. */
  orgUnitId: string | null;
  orgPath: string | null;
  stage: string | null;
}

/**
 * Who is calling, as established by the auth middleware from a verified token.
 * Nothing else in the app decides the tenant: services read it from here.
 */
export type Principal =
  | {
      kind: 'user';
      tenantId: string;
      userId: string;
      email: string;
      grants: Grant[];
    }
  | {
      kind: 'client';
      tenantId: string;
      clientId: string;
      scopes: Scope[];
    };

/** What every service verb receives besides its input. */
export interface ServiceContext {
  principal: Principal;
  tdb: TenantDb;
  requestId: string;
  /** The request's clock, so tests can pin time. */
  now: Date;
}

/**
 * What a public verb (sign-up, sign-in, token refresh, invitation
 * acceptance, the OAuth token endpoint) receives: no principal yet, and the
 * bare database only for the bootstrap lookups in @kaoping/db/bootstrap.
 */
export interface PublicContext {
  env: AppEnv;
  db: Db;
  requestId: string;
  now: Date;
}
