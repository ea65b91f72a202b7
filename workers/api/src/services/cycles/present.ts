import type { cycleTargets, milestones } from '@kaoping/db/schema';
import { formatETag } from '../../lib/etag.ts';
import type { CycleRow } from './cycle-pack.ts';
import { parseChain } from './review-chain.ts';

export type TargetRow = typeof cycleTargets.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;

/** The path of a cycle's public objection link (公示异议), or null before it has one. */
export const publicObjectionPath = (token: string | null) =>
  token ? `/v1/public/objections/${token}` : null;

export function presentTarget(t: TargetRow) {
  return {
    id: t.id,
    org_unit_id: t.orgUnitId,
    unit_kind: t.unitKind,
    rate_percent: Number(t.ratePercent),
    count: t.count,
  };
}

export function presentMilestone(m: MilestoneRow) {
  return {
    id: m.id,
    type: m.kind,
    title: m.title,
    due_at: m.dueAt,
    required_status: m.requiredStatus,
    recurrence: (m.recurrence ?? null) as Record<string, unknown> | null,
  };
}

/**
 * A cycle as the API shows it (and as the audit log records it). The public objection link is
 * shown to admins only: it is published by the tenant, during publicity, on its own terms.
 */
export function presentCycle(
  c: CycleRow,
  extra: { targets: TargetRow[]; milestones: MilestoneRow[]; unitCount: number; admin: boolean },
) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    pack: { key: c.packKey, version: c.packVersion, content_hash: c.packHash },
    parameters: c.parameters,
    references: c.references,
    period: { start: c.periodStart, end: c.periodEnd },
    stages: parseChain(c.stages),
    targets: extra.targets.map(presentTarget),
    milestones: extra.milestones.map(presentMilestone),
    unit_count: extra.unitCount,
    public_objection_path: extra.admin ? publicObjectionPath(c.publicToken) : null,
    scoring_epoch: c.scoringEpoch,
    created_by: c.createdBy,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    etag: formatETag(c.rowVersion),
  };
}

export type CycleJson = ReturnType<typeof presentCycle>;
