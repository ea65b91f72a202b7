import type { TenantDb } from '@kaoping/db/tenant-db';

export type Role = 'admin' | 'reviewer' | 'reporter' | 'viewer';
export type Scope = 'scores:read' | 'submissions:write';

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
