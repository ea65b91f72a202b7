import { newId } from '@kaoping/db/ids';
import { cycleUnits, submissionStages, submissions } from '@kaoping/db/schema';
import {
  cycleRollupsChanged,
  DIRTY,
  stageDataHash,
  unitScopeChanged,
  unitScoringChanged,
} from '@kaoping/db/scoring-work';
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import { formatETag } from '../../lib/etag.ts';
import type { FieldError } from '../../lib/problem.ts';
import { requireUnits } from './create.ts';
import { assessedKind, packOfCycle } from './cycle-pack.ts';
import { fieldError, invalid } from './errors.ts';
import { parseChain } from './review-chain.ts';
import { bumpCycle, cycleForWrite, cycleGuard, staleToPrecondition } from './versioned-write.ts';

/** Beyond this many units at once, the cycle's rollups are recomputed whole. */
export const WHOLE_ROLLUP_AT = 20;

export interface AddUnitsInput {
  cycleId: string;
  expectedVersion: number;
  units: { org_unit_id: string; unit_kind?: string | undefined }[];
}

/**
 * Put units in a cycle's scope (If-Match), each assessed as its own kind or the kind given
 * (a village assessed by a pack for communities must say so). Each new unit gets its
 * submission, at the chain's first stage with an empty row to fill. A unit already in scope
 * is left as it is, or re-scored if its assessed kind changes. One foreign or missing id, or
 * one unit the pack cannot assess, refuses the whole request.
 */
export async function addCycleUnits({ ctx, input }: { ctx: ServiceContext; input: AddUnitsInput }) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await cycleForWrite(tdb, input.cycleId, input.expectedVersion);
  const pack = await packOfCycle(tdb, cycle);
  const units = await requireUnits(
    tdb,
    input.units.map((u) => u.org_unit_id),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const wanted = input.units.map((u, i) => {
    const unit = units.get(u.org_unit_id)!;
    if (seen.has(u.org_unit_id)) {
      errors.push(
        fieldError(`body.units.${i}.org_unit_id`, 'duplicate', 'listed twice', '重复列出'),
      );
    }
    seen.add(u.org_unit_id);
    if (unit.status !== 'active') {
      errors.push(
        fieldError(
          `body.units.${i}.org_unit_id`,
          'archived',
          `${unit.name} is archived`,
          `${unit.name} 已归档`,
        ),
      );
    }
    const kind = assessedKind(pack, unit.kind, u.unit_kind);
    if (!kind) {
      errors.push(
        fieldError(
          `body.units.${i}.unit_kind`,
          'not_assessed',
          `the pack assesses ${pack.unitKinds.join(', ')}; say which one ${unit.name} is assessed as`,
          `该标准包考核 ${pack.unitKinds.join('、')}，请说明 ${unit.name} 按哪一类考核`,
        ),
      );
    }
    return { unit, kind: kind ?? '' };
  });
  if (errors.length > 0) throw invalid(errors);

  const existing = new Map(
    (await tdb.select(cycleUnits, eq(cycleUnits.cycleId, cycle.id))).map((u) => [u.orgUnitId, u]),
  );
  const chain = parseChain(cycle.stages);
  const first = chain[0]!.key;
  const at = ctx.now.toISOString();
  const actor = actorOf(ctx.principal).id;
  const added = wanted.filter((w) => !existing.has(w.unit.id));
  const rekinded = wanted.filter(
    (w) => existing.has(w.unit.id) && existing.get(w.unit.id)!.unitKind !== w.kind,
  );
  const newSubmissions = added.map((w) => ({ ...w, submissionId: newId('submission') }));
  const emptyHash = stageDataHash({}, {});

  const statements: BatchItem<'sqlite'>[] = [
    cycleGuard(tdb, cycle.id, input.expectedVersion),
    bumpCycle(tdb, cycle.id, input.expectedVersion, at),
    ...tdb.insertBulk(
      cycleUnits,
      added.map((w) => ({
        cycleId: cycle.id,
        orgUnitId: w.unit.id,
        unitKind: w.kind,
        createdAt: at,
      })),
    ),
    ...tdb.insertBulk(
      submissions,
      newSubmissions.map((w) => ({
        id: w.submissionId,
        cycleId: cycle.id,
        orgUnitId: w.unit.id,
        status: 'draft' as const,
        stage: first,
        createdAt: at,
        updatedAt: at,
        rowVersion: 1,
      })),
    ),
    // scoring-work's insertStageRow, in bulk: the same columns, dirty = to score.
    ...tdb.insertBulk(
      submissionStages,
      newSubmissions.map((w) => ({
        submissionId: w.submissionId,
        cycleId: cycle.id,
        stage: first,
        inputs: {},
        assessments: {},
        dataHash: emptyHash,
        dirty: DIRTY.toScore,
        updatedBy: actor,
        updatedAt: at,
        rowVersion: 1,
      })),
    ),
  ];
  for (const w of rekinded) {
    statements.push(
      tdb.update(
        cycleUnits,
        { unitKind: w.kind },
        eq(cycleUnits.cycleId, cycle.id),
        eq(cycleUnits.orgUnitId, w.unit.id),
      ),
      ...unitScoringChanged(tdb, { cycleId: cycle.id, orgUnitId: w.unit.id, at }),
    );
  }
  const touched = [...added, ...rekinded];
  if (touched.length > WHOLE_ROLLUP_AT) {
    statements.push(cycleRollupsChanged(tdb, { cycleId: cycle.id, at }));
  } else {
    for (const w of added) {
      statements.push(unitScopeChanged(tdb, { cycleId: cycle.id, orgUnitId: w.unit.id, at }));
    }
  }
  const result = {
    added: added.length,
    kind_changed: rekinded.length,
    unchanged: wanted.length - added.length - rekinded.length,
  };
  if (touched.length > 0) {
    try {
      await commitWithAudit(ctx, statements, [
        {
          action: 'cycle.units_add',
          entityType: 'cycle',
          entityId: cycle.id,
          after: {
            added: newSubmissions.map((w) => ({
              org_unit_id: w.unit.id,
              unit_kind: w.kind,
              submission_id: w.submissionId,
            })),
            kind_changed: rekinded.map((w) => ({ org_unit_id: w.unit.id, unit_kind: w.kind })),
          },
        },
      ]);
    } catch (err) {
      throw staleToPrecondition(err);
    }
    return { ...result, etag: formatETag(input.expectedVersion + 1) };
  }
  return { ...result, etag: formatETag(cycle.rowVersion) };
}
