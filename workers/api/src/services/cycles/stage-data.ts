import { cycleUnits, orgUnits, submissionStages, submissions } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import type { Assessment, CycleUnit, UnitKind } from '@kaoping/standards';
import { and, asc, eq, type SQL } from 'drizzle-orm';

/**
 * The data scoring reads for a cycle's submissions, at their current stage (or one named
 * stage): what the seal, the re-score preview and the campaign tests score with the engine —
 * the same inputs, assessments, unit kind and references the scheduler passes.
 */
export interface StageDataRow {
  submissionId: string;
  orgUnitId: string;
  name: string;
  unitKind: string;
  status: string;
  stage: string;
  inputs: Record<string, unknown>;
  assessments: Record<string, unknown>;
}

export async function cycleStageData(
  tdb: TenantDb,
  cycleId: string,
  options: { stage?: string; submissionId?: string; limit?: number } = {},
): Promise<StageDataRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(submissions.tenantId, tdb.tenantId),
    eq(submissions.cycleId, cycleId),
  ];
  if (options.submissionId) conditions.push(eq(submissions.id, options.submissionId));
  const rows = await tdb.db
    .select({
      submissionId: submissions.id,
      orgUnitId: submissions.orgUnitId,
      name: orgUnits.name,
      unitKind: cycleUnits.unitKind,
      status: submissions.status,
      stage: submissionStages.stage,
      inputs: submissionStages.inputs,
      assessments: submissionStages.assessments,
    })
    .from(submissions)
    .innerJoin(
      submissionStages,
      and(
        eq(submissionStages.tenantId, submissions.tenantId),
        eq(submissionStages.submissionId, submissions.id),
        options.stage
          ? eq(submissionStages.stage, options.stage)
          : eq(submissionStages.stage, submissions.stage),
      ),
    )
    .innerJoin(
      cycleUnits,
      and(
        eq(cycleUnits.tenantId, submissions.tenantId),
        eq(cycleUnits.cycleId, submissions.cycleId),
        eq(cycleUnits.orgUnitId, submissions.orgUnitId),
      ),
    )
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, submissions.tenantId), eq(orgUnits.id, submissions.orgUnitId)),
    )
    .where(and(...conditions))
    .orderBy(asc(submissions.orgUnitId))
    .limit(options.limit ?? 100_000);
  return rows;
}

/** Cycle-wide reference numbers and each unit's own ({id: {unitId: n}}), split as the engine takes them. */
export function splitReferences(references: Readonly<Record<string, unknown>>) {
  const cycleWide: Record<string, number> = {};
  for (const [id, value] of Object.entries(references)) {
    if (typeof value === 'number') cycleWide[id] = value;
  }
  const forUnit = (orgUnitId: string): Record<string, number> => {
    const own: Record<string, number> = {};
    for (const [id, value] of Object.entries(references)) {
      if (value && typeof value === 'object') {
        const v = (value as Record<string, unknown>)[orgUnitId];
        if (typeof v === 'number') own[id] = v;
      }
    }
    return own;
  };
  return { cycleWide, forUnit };
}

/** A row as the engine's CycleUnit (id = org unit id). */
export function engineUnit(
  row: StageDataRow,
  forUnit: (orgUnitId: string) => Record<string, number>,
): CycleUnit {
  return {
    id: row.orgUnitId,
    unitKind: row.unitKind as UnitKind,
    inputs: row.inputs,
    assessments: row.assessments as Record<string, Assessment>,
    references: forUnit(row.orgUnitId),
  };
}
