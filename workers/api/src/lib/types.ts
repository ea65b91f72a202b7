import type { TenantDb } from '@kaoping/db/tenant-db';
import type { Principal } from '../auth/principal.ts';
import type { AppEnv } from '../env.ts';

export interface AppBindings {
  Bindings: AppEnv;
  Variables: {
    requestId: string;
    principal: Principal;
    tdb: TenantDb;
  };
}
