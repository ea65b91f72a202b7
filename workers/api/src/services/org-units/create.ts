import { GuardFailed, uniqueViolation } from '@kaoping/db/batch-errors';
import { newId } from '@kaoping/db/ids';
import { type OrgUnitKind, orgUnits } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { orgUnitConflict, parentArchived, parentNotFound } from './errors.ts';
import { canBeChildOf, kindRuleMessage } from './kinds.ts';
import { type OrgUnitRow, presentOrgUnit } from './present.ts';

export interface CreateOrgUnitInput {
  parent_id: string;
  kind: OrgUnitKind;
  name: string;
  name_en?: string | null | undefined;
  code?: string | null | undefined;
}

/** The kind rule as a field error on body.kind. */
export function kindRuleError(parent: OrgUnitKind, child: OrgUnitKind, path = 'body.kind') {
  const message = kindRuleMessage(parent, child);
  return new AppError('validation', message, {
    errors: [{ path, code: 'kind_rule', message: message.en, message_zh: message.zh }],
  });
}

export async function createOrgUnit({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateOrgUnitInput;
}): Promise<OrgUnitRow> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const parent = await tdb.first(orgUnits, eq(orgUnits.id, input.parent_id));
  if (!parent) throw parentNotFound();
  if (parent.status !== 'active') throw parentArchived();
  if (!canBeChildOf(parent.kind, input.kind)) throw kindRuleError(parent.kind, input.kind);

  const id = newId('orgUnit');
  const at = ctx.now.toISOString();
  const row: OrgUnitRow = {
    id,
    tenantId: tdb.tenantId,
    parentId: parent.id,
    kind: input.kind,
    name: input.name,
    nameEn: input.name_en ?? null,
    code: input.code ?? null,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    status: 'active',
    validFrom: null,
    validTo: null,
    createdAt: at,
    updatedAt: at,
    rowVersion: 1,
  };
  const { tenantId: _t, ...insert } = row;
  try {
    await commitWithAudit(
      ctx,
      [
        // The parent is still there, active and where we saw it when this commits.
        tdb.guard(
          tdb.exists(
            orgUnits,
            eq(orgUnits.id, parent.id),
            eq(orgUnits.status, 'active'),
            eq(orgUnits.path, parent.path),
          ),
          'parent_changed',
        ),
        tdb.insert(orgUnits, insert),
      ],
      [
        {
          action: 'org_unit.create',
          entityType: 'org_unit',
          entityId: id,
          after: presentOrgUnit(row),
        },
      ],
    );
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'parent_changed') {
      throw new AppError('conflict', {
        zh: '上级单元刚被修改，请重试',
        en: 'The parent org unit changed meanwhile; retry',
      });
    }
    throw orgUnitConflict(uniqueViolation(err)) ?? err;
  }
  return row;
}
