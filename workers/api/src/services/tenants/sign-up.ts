import { uniqueViolation } from '@kaoping/db/batch-errors';
import { findTenantBySlug, insertTenant } from '@kaoping/db/bootstrap';
import { newId } from '@kaoping/db/ids';
import { orgUnits, roleGrants, type tenants, users } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { hashPassword } from '../../auth/password.ts';
import type { PublicContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { presentOrgUnit } from '../org-units/present.ts';
import { presentPerson } from '../people/present.ts';

export type TenantLevel = (typeof tenants.$inferSelect)['level'];

export interface SignUpInput {
  tenant: {
    name: string;
    slug: string;
    level: TenantLevel;
    region_name: string;
    area_code?: string | undefined;
  };
  admin: { email: string; display_name: string; password: string };
}

const slugTaken = () =>
  new AppError('conflict', {
    zh: '该租户标识已被使用，请换一个',
    en: 'This tenant slug is taken; choose another',
  });

/** The 12-digit statistical code of the root unit: a 6-digit division code padded with zeros. */
function rootCode(areaCode: string | undefined): string | null {
  if (!areaCode) return null;
  return areaCode.length === 6 ? `${areaCode}000000` : areaCode;
}

export function presentTenant(t: typeof tenants.$inferSelect) {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    level: t.level,
    area_code: t.areaCode,
    status: t.status,
    created_at: t.createdAt,
  };
}

/**
 * Sign-up: a tenant, its root org unit (the region it governs, of the kind
 * its level names) and its first admin, in one batch with their audit rows.
 * A taken slug is a 409, whether seen before the batch or by the unique index.
 */
export async function signUp({ ctx, input }: { ctx: PublicContext; input: SignUpInput }) {
  if (await findTenantBySlug(ctx.db, input.tenant.slug)) throw slugTaken();
  const at = ctx.now.toISOString();
  const tenantId = newId('tenant');
  const userId = newId('user');
  const unitId = newId('orgUnit');
  const tdb = new TenantDb(ctx.db, tenantId);
  const pw = await hashPassword(input.admin.password);

  const tenant: typeof tenants.$inferSelect = {
    id: tenantId,
    slug: input.tenant.slug,
    name: input.tenant.name,
    nameEn: null,
    level: input.tenant.level,
    areaCode: input.tenant.area_code ?? null,
    status: 'active',
    shard: 'DB',
    corsOrigins: [],
    createdAt: at,
    updatedAt: at,
    rowVersion: 1,
  };
  const user = {
    id: userId,
    tenantId,
    email: input.admin.email,
    displayName: input.admin.display_name,
    passwordHash: pw.hash,
    passwordSalt: pw.salt,
    passwordIterations: pw.iterations,
    status: 'active' as const,
    createdAt: at,
    updatedAt: at,
    rowVersion: 1,
  };
  const root = {
    id: unitId,
    tenantId,
    parentId: null,
    kind: input.tenant.level,
    name: input.tenant.region_name,
    nameEn: null,
    code: rootCode(input.tenant.area_code),
    path: `/${unitId}/`,
    depth: 0,
    status: 'active' as const,
    validFrom: null,
    validTo: null,
    createdAt: at,
    updatedAt: at,
    rowVersion: 1,
  };
  const grant = { role: 'admin' as const, orgUnitId: null, stage: null };
  const { tenantId: _u, ...userInsert } = user;
  const { tenantId: _r, ...rootInsert } = root;
  try {
    await commitWithAudit(
      {
        principal: { kind: 'user', tenantId, userId, email: user.email, grants: [] },
        tdb,
        requestId: ctx.requestId,
        now: ctx.now,
      },
      [
        insertTenant(ctx.db, tenant),
        tdb.insert(users, userInsert),
        tdb.insert(roleGrants, { id: newId('grant'), userId, createdAt: at, ...grant }),
        tdb.insert(orgUnits, rootInsert),
      ],
      [
        {
          action: 'tenant.sign_up',
          entityType: 'tenant',
          entityId: tenantId,
          after: presentTenant(tenant),
        },
        {
          action: 'org_unit.create',
          entityType: 'org_unit',
          entityId: unitId,
          after: presentOrgUnit(root),
        },
        {
          action: 'person.join',
          entityType: 'person',
          entityId: userId,
          after: presentPerson(user, [grant]),
        },
      ],
    );
  } catch (err) {
    if (uniqueViolation(err)?.includes('tenants.slug')) throw slugTaken();
    throw err;
  }
  return {
    tenant: presentTenant(tenant),
    admin: { id: userId, email: user.email, display_name: user.displayName },
    root_unit: presentOrgUnit(root),
  };
}
