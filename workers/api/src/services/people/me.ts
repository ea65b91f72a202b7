import { findTenantById } from '@kaoping/db/bootstrap';
import { apiClients, users } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { presentTenant } from '../tenants/sign-up.ts';
import { presentGrant } from './grants.ts';

/** Who the token belongs to: the tenant, and the person with grants or the client with scopes. */
export async function whoAmI({ ctx }: { ctx: ServiceContext }) {
  const { principal, tdb } = ctx;
  const tenant = await findTenantById(tdb.db, tdb.tenantId);
  if (!tenant) throw new Error('authenticated tenant has no row');
  if (principal.kind === 'user') {
    const user = await tdb.first(users, eq(users.id, principal.userId));
    return {
      kind: 'user' as const,
      tenant: presentTenant(tenant),
      user: {
        id: principal.userId,
        email: principal.email,
        display_name: user?.displayName ?? '',
        grants: principal.grants.map((g) => ({ ...presentGrant(g), org_path: g.orgPath })),
      },
      client: null,
    };
  }
  const client = await tdb.first(apiClients, eq(apiClients.id, principal.clientId));
  return {
    kind: 'client' as const,
    tenant: presentTenant(tenant),
    user: null,
    client: { id: principal.clientId, name: client?.name ?? '', scopes: principal.scopes },
  };
}
