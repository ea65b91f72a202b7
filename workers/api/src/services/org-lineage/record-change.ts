import { GuardFailed, uniqueViolation } from '@kaoping/db/batch-errors';
import { newId } from '@kaoping/db/ids';
import { cycles, cycleUnits, type OrgUnitKind, orgUnitLineage, orgUnits } from '@kaoping/db/schema';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import { requireUnits } from '../cycles/create.ts';
import { fieldError, invalid } from '../cycles/errors.ts';
import { orgUnitConflict } from '../org-units/errors.ts';
import { canBeChildOf, kindRuleMessage } from '../org-units/kinds.ts';
import { type OrgUnitRow, presentOrgUnit } from '../org-units/present.ts';
import { presentLineage } from './lineage.ts';

export const CHANGES = ['merge', 'split', 'rename', 'reclassify'] as const;
export type Change = (typeof CHANGES)[number];

export interface Successor {
  /** An existing unit that continues (a merge into it). */
  unit_id?: string | undefined;
  /** Or a new unit: its name, kind, code and parent (the predecessor's by default). */
  name?: string | undefined;
  name_en?: string | null | undefined;
  kind?: OrgUnitKind | undefined;
  code?: string | null | undefined;
  parent_id?: string | undefined;
}

export interface RecordChangeInput {
  change: Change;
  effective_date: string;
  from_unit_ids: string[];
  to: Successor[];
  note?: string | undefined;
}

const SHAPES: Record<Change, { from: [number, number]; to: [number, number] }> = {
  merge: { from: [2, 20], to: [1, 1] },
  split: { from: [1, 1], to: [2, 20] },
  rename: { from: [1, 1], to: [1, 1] },
  reclassify: { from: [1, 1], to: [1, 1] },
};

const hasActiveChildren = (names: string[]) =>
  new AppError('conflict', {
    zh: `${names.join('、')} 下还有未归档的下级单元：请先移走它们再调整`,
    en: `${names.join(', ')} still has active children: move them first`,
  });

const inOpenCycle = (names: string[]) =>
  new AppError('conflict', {
    zh: `${names.join('、')} 在进行中的考核周期范围内：区划调整须在两个周期之间进行`,
    en: `${names.join(', ')} is in scope of an open cycle: administrative changes happen between cycles`,
  });

/**
 * A 区划调整 between cycles: villages merge, a town splits, a unit is renamed, a village becomes a
 * community. The units that end are archived with valid_to = the effective date (never deleted:
 * old submissions and scores keep resolving under their ids); new units are created with
 * valid_from = that date; org_unit_lineage records each predecessor → successor with the
 * change and the date, so multi-year views follow a unit through (see lineage.ts). A unit's
 * statistical code moves to its successor when the successor takes it. Units with active
 * children, or in scope of an open cycle, are refused.
 */
export async function recordOrgChange({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RecordChangeInput;
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const errors: FieldError[] = [];
  const shape = SHAPES[input.change];
  const fromIds = [...new Set(input.from_unit_ids)];
  if (fromIds.length < shape.from[0] || fromIds.length > shape.from[1]) {
    errors.push(
      fieldError(
        'body.from_unit_ids',
        'count',
        `a ${input.change} has ${shape.from[0] === shape.from[1] ? shape.from[0] : `${shape.from[0]} or more`} predecessor(s)`,
        `该调整应有 ${shape.from[0] === shape.from[1] ? shape.from[0] : `至少 ${shape.from[0]}`} 个原单位`,
      ),
    );
  }
  if (input.to.length < shape.to[0] || input.to.length > shape.to[1]) {
    errors.push(
      fieldError(
        'body.to',
        'count',
        `a ${input.change} has ${shape.to[0] === shape.to[1] ? shape.to[0] : `${shape.to[0]} or more`} successor(s)`,
        `该调整应有 ${shape.to[0] === shape.to[1] ? shape.to[0] : `至少 ${shape.to[0]}`} 个新单位`,
      ),
    );
  }
  input.to.forEach((t, i) => {
    if (t.unit_id === undefined && t.name === undefined && t.kind === undefined) {
      errors.push(
        fieldError(
          `body.to.${i}`,
          'successor',
          'name an existing unit (unit_id) or describe a new one (name, kind)',
          '请指定已有单元（unit_id）或新单元（name、kind）',
        ),
      );
    }
    if (t.unit_id !== undefined && (t.name ?? t.kind ?? t.parent_id ?? t.code) !== undefined) {
      errors.push(
        fieldError(
          `body.to.${i}`,
          'successor',
          'an existing unit takes no new fields',
          '已有单元不需要新单元字段',
        ),
      );
    }
  });
  if (errors.length > 0) throw invalid(errors);

  const named = await requireUnits(tdb, [
    ...fromIds,
    ...input.to.flatMap((t) => [t.unit_id, t.parent_id].filter((x): x is string => !!x)),
  ]);
  const from = fromIds.map((id) => named.get(id)!);
  const continuing = new Set(input.to.flatMap((t) => (t.unit_id ? [t.unit_id] : [])));
  const ending = from.filter((u) => !continuing.has(u.id));
  if (from.some((u) => u.status !== 'active' || u.parentId === null)) {
    throw invalid([
      fieldError(
        'body.from_unit_ids',
        'inactive',
        'predecessors must be active units below the root',
        '原单位须为根单元以下的在用单元',
      ),
    ]);
  }

  // Ending units: no active children, not in scope of an open cycle.
  if (ending.length > 0) {
    const ids = ending.map((u) => u.id);
    const children = await tdb.select(
      orgUnits,
      inArray(orgUnits.parentId, ids),
      eq(orgUnits.status, 'active'),
    );
    const withChildren = ending.filter((u) => children.some((c) => c.parentId === u.id));
    if (withChildren.length > 0) throw hasActiveChildren(withChildren.map((u) => u.name));
    const scoped = await tdb.db
      .select({ orgUnitId: cycleUnits.orgUnitId })
      .from(cycleUnits)
      .innerJoin(
        cycles,
        and(eq(cycles.tenantId, cycleUnits.tenantId), eq(cycles.id, cycleUnits.cycleId)),
      )
      .where(
        and(tdb.where(cycleUnits, inArray(cycleUnits.orgUnitId, ids)), eq(cycles.status, 'open')),
      );
    if (scoped.length > 0) {
      const inScope = new Set(scoped.map((r) => r.orgUnitId));
      throw inOpenCycle(ending.filter((u) => inScope.has(u.id)).map((u) => u.name));
    }
  }

  const at = ctx.now.toISOString();
  const primary = from[0]!;
  const movedCodes = new Set<string>();
  const created: OrgUnitRow[] = [];
  const successors: OrgUnitRow[] = [];
  for (const [i, t] of input.to.entries()) {
    if (t.unit_id) {
      successors.push(named.get(t.unit_id)!);
      continue;
    }
    const parent =
      named.get(t.parent_id ?? '') ??
      (await tdb.first(orgUnits, eq(orgUnits.id, primary.parentId!)));
    const kind = t.kind ?? primary.kind;
    if (parent?.status !== 'active') {
      throw invalid([
        fieldError(
          `body.to.${i}.parent_id`,
          'parent',
          'the parent must be an active unit',
          '上级须为在用单元',
        ),
      ]);
    }
    if (!canBeChildOf(parent.kind, kind)) {
      const m = kindRuleMessage(parent.kind, kind);
      throw invalid([fieldError(`body.to.${i}.kind`, 'kind_rule', m.en, m.zh)]);
    }
    const code = t.code === undefined ? (input.change === 'rename' ? primary.code : null) : t.code;
    if (code && ending.some((u) => u.code === code)) movedCodes.add(code);
    const id = newId('orgUnit');
    const unit: OrgUnitRow = {
      id,
      tenantId: tdb.tenantId,
      parentId: parent.id,
      kind,
      name: t.name ?? primary.name,
      nameEn: t.name_en ?? null,
      code,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      status: 'active',
      validFrom: input.effective_date,
      validTo: null,
      createdAt: at,
      updatedAt: at,
      rowVersion: 1,
    };
    created.push(unit);
    successors.push(unit);
  }

  const lineage = from.flatMap((f) =>
    successors
      .filter((to) => to.id !== f.id)
      .map((to) => ({
        id: newId('lineage'),
        fromUnitId: f.id,
        toUnitId: to.id,
        change: input.change,
        effectiveDate: input.effective_date,
        note: input.note ?? null,
        createdAt: at,
      })),
  );
  const statements: BatchItem<'sqlite'>[] = [];
  for (const u of ending) {
    statements.push(
      tdb.guard(
        tdb.exists(orgUnits, eq(orgUnits.id, u.id), eq(orgUnits.rowVersion, u.rowVersion)),
        'stale',
      ),
      tdb.update(
        orgUnits,
        {
          status: 'archived',
          validTo: input.effective_date,
          ...(u.code && movedCodes.has(u.code) ? { code: null } : {}),
          updatedAt: at,
          rowVersion: sql`${orgUnits.rowVersion} + 1`,
        },
        eq(orgUnits.id, u.id),
      ),
    );
  }
  for (const u of created) {
    const { tenantId: _t, ...row } = u;
    statements.push(tdb.insert(orgUnits, row));
  }
  statements.push(...tdb.insertMany(orgUnitLineage, lineage));
  try {
    await commitWithAudit(ctx, statements, [
      {
        action: `org_unit.${input.change}`,
        entityType: 'org_unit',
        entityId: primary.id,
        before: from.map(presentOrgUnit),
        after: {
          effective_date: input.effective_date,
          archived: ending.map((u) => u.id),
          created: created.map(presentOrgUnit),
          lineage: lineage.map((l) => ({ from: l.fromUnitId, to: l.toUnitId })),
          note: input.note ?? null,
        },
      },
    ]);
  } catch (err) {
    if (err instanceof GuardFailed && err.reason === 'stale') {
      throw new AppError('conflict', {
        zh: '调整期间组织树被修改，请重试',
        en: 'The org tree changed meanwhile; try again',
      });
    }
    throw orgUnitConflict(uniqueViolation(err)) ?? err;
  }
  return {
    change: input.change,
    effective_date: input.effective_date,
    archived: ending.map((u) => u.id),
    created: created.map(presentOrgUnit),
    lineage: lineage.map((l) => presentLineage({ ...l, tenantId: tdb.tenantId })),
  };
}
