import { z } from '@hono/zod-openapi';
import { orgUnits, roleGrants } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { eq, inArray, sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../auth/principal.ts';
import { bi } from '../../lib/bilingual-zod.ts';
import { stageField } from '../../lib/fields.ts';
import { AppError } from '../../lib/problem.ts';

/**
 * A role grant as requests carry it. The rules:
 * - admin: the whole tenant — no org unit, no stage;
 * - reviewer: a stage, optionally limited to a subtree;
 * - reporter: an org unit (their own units are its subtree), no stage;
 * - viewer: optionally limited to a subtree, no stage.
 */
export const GrantInputSchema = z
  .strictObject({
    role: z.enum(ROLES),
    org_unit_id: z.string().min(1).max(80).nullable().optional(),
    stage: stageField.nullable().optional(),
  })
  .superRefine((g, ctx) => {
    const unit = g.org_unit_id ?? null;
    const stage = g.stage ?? null;
    if (g.role === 'admin' && unit !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['org_unit_id'],
        message: bi('管理员的授权范围是整个租户', 'an admin grant covers the whole tenant'),
      });
    }
    if (g.role === 'reviewer' && stage === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['stage'],
        message: bi('审核员需指定审核阶段', 'a reviewer grant needs a stage'),
      });
    }
    if (g.role !== 'reviewer' && stage !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['stage'],
        message: bi('只有审核员有审核阶段', 'only reviewer grants have a stage'),
      });
    }
    if (g.role === 'reporter' && unit === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['org_unit_id'],
        message: bi('填报员需指定所负责的单元', 'a reporter grant needs the org unit reported for'),
      });
    }
  })
  .openapi('GrantInput');

export type GrantInput = z.infer<typeof GrantInputSchema>;

export interface StoredGrant {
  role: Role;
  orgUnitId: string | null;
  stage: string | null;
}

export function normaliseGrants(input: GrantInput[]): StoredGrant[] {
  const seen = new Set<string>();
  const out: StoredGrant[] = [];
  for (const g of input) {
    const grant = { role: g.role, orgUnitId: g.org_unit_id ?? null, stage: g.stage ?? null };
    const key = JSON.stringify(grant);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(grant);
    }
  }
  return out;
}

export function presentGrant(g: StoredGrant) {
  return { role: g.role, org_unit_id: g.orgUnitId, stage: g.stage };
}

/**
 * The org units grants name must be active units of this tenant; any other
 * id (missing, another tenant's) is 404, the same answer either way.
 */
export async function checkGrantUnits(tdb: TenantDb, grants: StoredGrant[]): Promise<string[]> {
  const ids = [...new Set(grants.map((g) => g.orgUnitId).filter((id): id is string => !!id))];
  if (ids.length === 0) return [];
  const found = await tdb.select(orgUnits, inArray(orgUnits.id, ids));
  const active = new Set(found.filter((u) => u.status === 'active').map((u) => u.id));
  if (ids.some((id) => !active.has(id))) {
    throw new AppError('not_found', {
      zh: '授权所指的组织单元不存在',
      en: 'Org unit of the grant not found',
    });
  }
  return ids;
}

/** Batch guards: each unit a grant names is still active when the batch commits. */
export function grantUnitGuards(tdb: TenantDb, unitIds: string[]) {
  return unitIds.map((id) =>
    tdb.guard(
      tdb.exists(orgUnits, eq(orgUnits.id, id), eq(orgUnits.status, 'active')),
      'grant_unit_gone',
    ),
  );
}

/**
 * Batch guard placed after a change to grants or people: the tenant still
 * has an active admin. Two admins demoting each other at once cannot both win.
 */
export function keepsAnAdmin(tdb: TenantDb) {
  return tdb.guard(
    sql`EXISTS (SELECT 1 FROM role_grants g JOIN users u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
      WHERE g.tenant_id = ${tdb.tenantId} AND g.role = 'admin' AND u.status = 'active')`,
    'last_admin',
  );
}

export function lastAdmin(): AppError {
  return new AppError('conflict', {
    zh: '租户至少要保留一名在职管理员',
    en: 'The tenant must keep at least one active admin',
  });
}

/** Grants of some users, in one query. */
export async function grantsOf(tdb: TenantDb, userIds: string[]) {
  const out = new Map<string, StoredGrant[]>();
  if (userIds.length === 0) return out;
  const rows = await tdb
    .select(roleGrants, inArray(roleGrants.userId, userIds))
    .orderBy(roleGrants.createdAt, roleGrants.id);
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({ role: r.role, orgUnitId: r.orgUnitId, stage: r.stage });
    out.set(r.userId, list);
  }
  return out;
}
