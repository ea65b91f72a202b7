// Rollups (progress, designation rate against target), deadline flags, scoring runs.
import type { Text } from '../i18n/messages.ts';
import { authed } from '../session/session.ts';
import { newIdempotencyKey } from './transport.ts';
import type { OrgUnitKind } from './types.ts';

export interface Rollup {
  org_unit: { id: string; name: string; kind: OrgUnitKind };
  unit_kind: OrgUnitKind | '*';
  in_scope: number;
  submitted: number;
  by_status: Record<string, number>;
  designated: number;
  /** Exact to 2 places ("66.67"); null when no unit is in scope. */
  rate_percent: string | null;
  target: { rate_percent: string; met: boolean | null; needed_units: number | null } | null;
  computed_at: string;
}

export interface RollupSeries {
  cycle_id: string;
  unit_kind: OrgUnitKind | '*';
  org_unit: { id: string; name: string; kind: OrgUnitKind };
  total: Rollup | null;
  children: {
    org_unit_id: string[];
    name: string[];
    kind: OrgUnitKind[];
    in_scope: number[];
    submitted: number[];
    designated: number[];
    rate_percent: (number | null)[];
    target_percent: (number | null)[];
    target_met: (boolean | null)[];
    needed_units: (number | null)[];
  };
  truncated: boolean;
}

const cyclePath = (id: string) => `/v1/cycles/${encodeURIComponent(id)}`;

export const rollupSeries = (cycleId: string, unitKind: OrgUnitKind | '*', orgUnitId?: string) =>
  authed<RollupSeries>(`${cyclePath(cycleId)}/rollups/series`, {
    query: { unit_kind: unitKind, org_unit_id: orgUnitId },
  });

export interface DeadlineFlag {
  milestone: { id: string; type: string; title: Text };
  level: 'unit' | 'cycle';
  org_unit: { id: string; name: string; kind: OrgUnitKind } | null;
  due_at: string;
  flagged_at: string;
  resolved_at: string | null;
  open: boolean;
}

export const listDeadlineFlags = (cycleId: string, status: 'open' | 'resolved' | 'all' = 'open') =>
  authed<{ items: DeadlineFlag[]; next_cursor: string | null }>(
    `${cyclePath(cycleId)}/deadline-flags`,
    { query: { status, limit: 100 } },
  );

export interface ScoringRun {
  id: string;
  cycle_id: string | null;
  trigger: 'cron' | 'manual' | 'queue';
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  progress: number;
  written: number;
  errors: number;
  last_error: string | null;
  started_at: string;
  finished_at: string | null;
}

export const rescore = (cycleId: string) =>
  authed<ScoringRun>(`${cyclePath(cycleId)}/rescore`, {
    method: 'POST',
    idempotencyKey: newIdempotencyKey(),
  });

export const listRuns = (cycleId: string) =>
  authed<{ items: ScoringRun[] }>('/v1/runs', { query: { cycle_id: cycleId, limit: 10 } }).then(
    (r) => r.items,
  );
