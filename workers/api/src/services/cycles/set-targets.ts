import { newId } from '@kaoping/db/ids';
import { cycleTargets } from '@kaoping/db/schema';
import { cycleRollupsChanged } from '@kaoping/db/scoring-work';
import { eq } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import type { FieldError } from '../../lib/problem.ts';
import { requireUnits } from './create.ts';
import { packOfCycle } from './cycle-pack.ts';
import { fieldError, invalid } from './errors.ts';
import { presentTarget } from './present.ts';
import {
  bumpCycle,
  cycleForWrite,
  cycleGuard,
  cycleView,
  staleToPrecondition,
} from './versioned-write.ts';

export interface TargetInput {
  org_unit_id: string;
  unit_kind: string;
  rate_percent: number;
  count?: number | null | undefined;
}

/** A percentage as the exact decimal text the rollups compare ("75", "66.67"). */
export function percentText(rate: number): string {
  return String(Number(rate.toFixed(2)));
}

/**
 * Replace a cycle's targets (If-Match): designation rates per unit kind per org subtree, as
 * 000_… states them ("充分就业社区建设率达到75%(即2个社区)、充分就业村建设率达到70%以上(即21条村)"),
 * with the count when the source gives one. The cycle's rollups are recomputed.
 */
export async function setCycleTargets({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cycleId: string; expectedVersion: number; targets: TargetInput[] };
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await cycleForWrite(tdb, input.cycleId, input.expectedVersion);
  const pack = await packOfCycle(tdb, cycle);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.targets.forEach((t, i) => {
    const key = `${t.org_unit_id}\u0000${t.unit_kind}`;
    if (seen.has(key)) {
      errors.push(
        fieldError(
          `body.targets.${i}`,
          'duplicate',
          'one target per unit and kind',
          '同一单位同一类型只能有一个目标',
        ),
      );
    }
    seen.add(key);
    if (!(pack.unitKinds as readonly string[]).includes(t.unit_kind)) {
      errors.push(
        fieldError(
          `body.targets.${i}.unit_kind`,
          'not_assessed',
          `the pack assesses ${pack.unitKinds.join(', ')}`,
          `该标准包考核 ${pack.unitKinds.join('、')}`,
        ),
      );
    }
  });
  if (errors.length > 0) throw invalid(errors);
  await requireUnits(
    tdb,
    input.targets.map((t) => t.org_unit_id),
  );
  const at = ctx.now.toISOString();
  const before = (await cycleView(ctx, cycle.id)).targets;
  const rows = input.targets.map((t) => ({
    id: newId('target'),
    cycleId: cycle.id,
    orgUnitId: t.org_unit_id,
    unitKind: t.unit_kind,
    ratePercent: percentText(t.rate_percent),
    count: t.count ?? null,
    createdAt: at,
  }));
  try {
    await commitWithAudit(
      ctx,
      [
        cycleGuard(tdb, cycle.id, input.expectedVersion),
        bumpCycle(tdb, cycle.id, input.expectedVersion, at),
        tdb.delete(cycleTargets, eq(cycleTargets.cycleId, cycle.id)),
        ...tdb.insertMany(cycleTargets, rows),
        cycleRollupsChanged(tdb, { cycleId: cycle.id, at }),
      ],
      [
        {
          action: 'cycle.targets_set',
          entityType: 'cycle',
          entityId: cycle.id,
          before,
          after: rows.map((r) => presentTarget({ ...r, tenantId: tdb.tenantId })),
        },
      ],
    );
  } catch (err) {
    throw staleToPrecondition(err);
  }
  return cycleView(ctx, cycle.id);
}
