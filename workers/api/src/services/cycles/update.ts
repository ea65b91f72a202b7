import { cycles, cycleUnits } from '@kaoping/db/schema';
import { cycleScoringChanged } from '@kaoping/db/scoring-work';
import { canonicalJson } from '@kaoping/standards';
import { eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { periodErrors, requireUnits } from './create.ts';
import { packOfCycle, parameterErrors, referenceErrors } from './cycle-pack.ts';
import { invalid } from './errors.ts';
import { buildChain, type StageRequest } from './review-chain.ts';
import {
  cycleForWrite,
  cycleGuard,
  cycleView,
  forAudit,
  staleToPrecondition,
} from './versioned-write.ts';

export interface UpdateCycleInput {
  cycleId: string;
  expectedVersion: number;
  name?: string | undefined;
  parameters?: Record<string, unknown> | undefined;
  references?: Record<string, unknown> | undefined;
  period_start?: string | undefined;
  period_end?: string | undefined;
  stages?: StageRequest[] | undefined;
  status?: 'draft' | 'open' | 'closed' | undefined;
}

const NEXT_STATUS: Record<string, string> = { draft: 'open', open: 'closed' };

const badStatusChange = (from: string, to: string) =>
  new AppError('conflict', {
    zh: `周期状态只能依次从草稿到进行中再到结束（当前 ${from}，不能改为 ${to}）`,
    en: `A cycle goes draft → open → closed (it is ${from}; it cannot become ${to})`,
  });

const chainFixed = () =>
  new AppError('conflict', {
    zh: '审核流程只能在草稿状态、尚未纳入单位时修改',
    en: 'The review chain can change only while the cycle is a draft with no units in scope',
  });

/**
 * Change a cycle's name, period, parameters, references, review chain or status (If-Match).
 * New parameters or references re-score the whole cycle through the scoring-work contract
 * (its epoch moves, every stage row is marked to score); a closed cycle refuses everything.
 */
export async function updateCycle({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateCycleInput;
}) {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const cycle = await cycleForWrite(tdb, input.cycleId, input.expectedVersion);
  const pack = await packOfCycle(tdb, cycle);
  const at = ctx.now.toISOString();
  const changes: Partial<typeof cycles.$inferInsert> = {};
  const errors = [];

  if (input.name !== undefined) changes.name = input.name;
  if (input.period_start !== undefined) changes.periodStart = input.period_start;
  if (input.period_end !== undefined) changes.periodEnd = input.period_end;
  errors.push(
    ...periodErrors(changes.periodStart ?? cycle.periodStart, changes.periodEnd ?? cycle.periodEnd),
  );
  if (input.parameters !== undefined) {
    errors.push(...parameterErrors(pack, input.parameters, 'body.parameters'));
    changes.parameters = input.parameters;
  }
  let referenceUnits: string[] = [];
  if (input.references !== undefined) {
    const refs = referenceErrors(pack, input.references, 'body.references');
    errors.push(...refs.errors);
    referenceUnits = refs.unitIds;
    changes.references = input.references;
  }
  if (input.stages !== undefined) {
    const built = buildChain(pack, input.stages, 'body.stages');
    errors.push(...built.errors);
    changes.stages = built.chain;
  }
  if (errors.length > 0) throw invalid(errors);
  await requireUnits(tdb, referenceUnits);

  if (input.status !== undefined && input.status !== cycle.status) {
    if (NEXT_STATUS[cycle.status] !== input.status)
      throw badStatusChange(cycle.status, input.status);
    changes.status = input.status;
  }
  if (changes.stages !== undefined) {
    const inScope = await tdb.first(cycleUnits, eq(cycleUnits.cycleId, cycle.id));
    if (cycle.status !== 'draft' || changes.status === 'open' || inScope) throw chainFixed();
  }

  const rescore =
    (changes.parameters !== undefined &&
      canonicalJson(changes.parameters) !== canonicalJson(cycle.parameters)) ||
    (changes.references !== undefined &&
      canonicalJson(changes.references) !== canonicalJson(cycle.references));
  const before = await cycleView(ctx, cycle.id);
  const statements = [
    cycleGuard(tdb, cycle.id, input.expectedVersion),
    tdb.update(
      cycles,
      { ...changes, updatedAt: at, rowVersion: sql`${cycles.rowVersion} + 1` },
      eq(cycles.id, cycle.id),
      eq(cycles.rowVersion, input.expectedVersion),
    ),
    ...(rescore ? cycleScoringChanged(tdb, { cycleId: cycle.id, at }) : []),
  ];
  try {
    await commitWithAudit(ctx, statements, [
      {
        action: changes.status ? `cycle.${changes.status}` : 'cycle.update',
        entityType: 'cycle',
        entityId: cycle.id,
        before: forAudit(before),
        after: { ...changes, rescored: rescore },
      },
    ]);
  } catch (err) {
    throw staleToPrecondition(err);
  }
  return cycleView(ctx, cycle.id);
}
