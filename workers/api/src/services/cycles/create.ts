import { newId } from '@kaoping/db/ids';
import { cycles, orgUnits } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { requireAdmin, requireUser } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { randomSecret } from '../../lib/crypto.ts';
import type { FieldError } from '../../lib/problem.ts';
import { parameterErrors, referenceErrors, usablePack } from './cycle-pack.ts';
import { fieldError, invalid, unitsNotFound } from './errors.ts';
import { inIds } from './id-list.ts';
import { type CycleJson, presentCycle } from './present.ts';
import { buildChain, type StageRequest } from './review-chain.ts';
import { cycleView } from './versioned-write.ts';

export interface CreateCycleInput {
  name: string;
  pack_key: string;
  pack_version: string;
  parameters?: Record<string, unknown> | undefined;
  references?: Record<string, unknown> | undefined;
  period_start: string;
  period_end: string;
  stages?: StageRequest[] | undefined;
}

/** Every unit id a request names must be one of this tenant's units; else 404, whole. */
export async function requireUnits(tdb: TenantDb, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<string, typeof orgUnits.$inferSelect>();
  const found = new Map(
    (await tdb.select(orgUnits, inIds(orgUnits.id, wanted))).map((u) => [u.id, u]),
  );
  if (wanted.some((id) => !found.has(id))) throw unitsNotFound();
  return found;
}

export function periodErrors(start: string, end: string, path = 'body'): FieldError[] {
  return start > end
    ? [
        fieldError(
          `${path}.period_end`,
          'before_start',
          'the reporting period ends before it starts',
          '报告期结束日期早于开始日期',
        ),
      ]
    : [];
}

/**
 * A new cycle (draft): a usable pack version, parameters and references checked against it,
 * a reporting period and the review chain (the pack's, the default 自评 → 镇评估推荐 → 区核定 →
 * 公示 → 市公布, or one the request spells out). Units, targets and milestones come next.
 */
export async function createCycle({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateCycleInput;
}): Promise<CycleJson & { rowVersion: number }> {
  requireAdmin(ctx.principal);
  requireUser(ctx.principal);
  const { tdb } = ctx;
  const resolved = await usablePack(
    ctx,
    { key: input.pack_key, version: input.pack_version },
    input.period_end,
  );
  const parameters = input.parameters ?? {};
  const references = input.references ?? {};
  const refs = referenceErrors(resolved.pack, references, 'body.references');
  const chain = buildChain(resolved.pack, input.stages, 'body.stages');
  const errors = [
    ...parameterErrors(resolved.pack, parameters, 'body.parameters'),
    ...refs.errors,
    ...periodErrors(input.period_start, input.period_end),
    ...chain.errors,
  ];
  if (errors.length > 0) throw invalid(errors);
  await requireUnits(tdb, refs.unitIds);

  const id = newId('cycle');
  const at = ctx.now.toISOString();
  const row = {
    id,
    name: input.name,
    packKey: resolved.pack.key,
    packVersion: resolved.pack.version,
    packHash: resolved.hash,
    parameters,
    references,
    stages: chain.chain,
    periodStart: input.period_start,
    periodEnd: input.period_end,
    status: 'draft' as const,
    publicToken: randomSecret('kpo_'),
    scoringEpoch: 1,
    createdBy: ctx.principal.userId,
    createdAt: at,
    updatedAt: at,
    rowVersion: 1,
  };
  await commitWithAudit(
    ctx,
    [tdb.insert(cycles, row)],
    [
      {
        action: 'cycle.create',
        entityType: 'cycle',
        entityId: id,
        after: presentCycle(
          { ...row, tenantId: tdb.tenantId },
          { targets: [], milestones: [], unitCount: 0, admin: false },
        ),
      },
    ],
  );
  return cycleView(ctx, id);
}
