// Cycles (考核/创建周期): pack version, parameters, period, scope, targets, milestones.
import type { Text } from '../i18n/messages.ts';
import { authed } from '../session/session.ts';
import { allPages } from './paging.ts';
import { newIdempotencyKey } from './transport.ts';
import type { OrgUnitKind, Page } from './types.ts';

export const STEPS = ['submit', 'recommend', 'verify', 'publicise', 'publish'] as const;
export type Step = (typeof STEPS)[number];
export type CycleStatus = 'draft' | 'open' | 'closed';

export interface Stage {
  key: string;
  title: Text;
  step: Step;
  actor: 'reporter' | 'reviewer';
  pack_stage: string;
}

export interface Target {
  id: string;
  org_unit_id: string;
  unit_kind: OrgUnitKind;
  rate_percent: number;
  count: number | null;
}

export const MILESTONE_KINDS = [
  'self_assessment',
  'submission',
  'review',
  'publicity_end',
  'progress_report',
  'custom',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface Recurrence {
  weekday: number;
  time: string;
  timezone: string;
  starts: string;
  until?: string;
}

export interface Milestone {
  id: string;
  type: MilestoneKind;
  title: Text;
  due_at: string;
  required_status: string | null;
  recurrence: Recurrence | null;
}

export type ParameterValue = string | number | boolean;

export interface PackRef {
  key: string;
  version: string;
  content_hash: string;
}

export interface Cycle {
  id: string;
  name: string;
  status: CycleStatus;
  pack: PackRef;
  parameters: Record<string, ParameterValue>;
  references: Record<string, number | Record<string, number>>;
  period: { start: string; end: string };
  stages: Stage[];
  targets: Target[];
  milestones: Milestone[];
  unit_count: number;
  public_objection_path: string | null;
  scoring_epoch: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  etag: string;
}

export interface CycleSummary {
  id: string;
  name: string;
  status: CycleStatus;
  pack: PackRef;
  period: { start: string; end: string };
  stages: { key: string; title: Text; step: Step }[];
  created_at: string;
  updated_at: string;
  etag: string;
}

export interface ScopeUnit {
  org_unit_id: string;
  name: string;
  kind: OrgUnitKind;
  unit_kind: OrgUnitKind;
  code: string | null;
  path: string;
  submission: { id: string; status: string; stage: string } | null;
}

const cyclePath = (id: string) => `/v1/cycles/${encodeURIComponent(id)}`;

export const listCycles = (status: CycleStatus | 'all' = 'all') =>
  allPages((cursor) =>
    authed<Page<CycleSummary>>('/v1/cycles', { query: { status, cursor, limit: 100 } }),
  );

export const readCycle = (id: string) => authed<Cycle>(cyclePath(id));

export interface NewCycle {
  name: string;
  pack_key: string;
  pack_version: string;
  parameters?: Record<string, ParameterValue>;
  references?: Cycle['references'];
  period_start: string;
  period_end: string;
}

export const createCycle = (input: NewCycle) =>
  authed<Cycle>('/v1/cycles', { json: input, idempotencyKey: newIdempotencyKey() });

export interface CycleChanges {
  name?: string;
  parameters?: Record<string, ParameterValue>;
  references?: Cycle['references'];
  period_start?: string;
  period_end?: string;
  status?: CycleStatus;
}

export const updateCycle = (cycle: Cycle, changes: CycleChanges) =>
  authed<Cycle>(cyclePath(cycle.id), { method: 'PATCH', json: changes, ifMatch: cycle.etag });

export const listCycleUnits = (id: string) =>
  allPages((cursor) =>
    authed<Page<ScopeUnit>>(`${cyclePath(id)}/units`, { query: { cursor, limit: 200 } }),
  );

export interface ScopeChange {
  added: number;
  kind_changed: number;
  unchanged: number;
  etag: string;
}

export const addCycleUnits = (
  cycle: Cycle,
  units: { org_unit_id: string; unit_kind?: OrgUnitKind }[],
) => authed<ScopeChange>(`${cyclePath(cycle.id)}/units`, { json: { units }, ifMatch: cycle.etag });

export const removeCycleUnits = (cycle: Cycle, orgUnitIds: string[]) =>
  authed<{ removed: number; etag: string }>(`${cyclePath(cycle.id)}/units/remove`, {
    json: { org_unit_ids: orgUnitIds },
    ifMatch: cycle.etag,
  });

export interface TargetInput {
  org_unit_id: string;
  unit_kind: OrgUnitKind;
  rate_percent: number;
  count?: number | null;
}

export const setTargets = (cycle: Cycle, targets: TargetInput[]) =>
  authed<Cycle>(`${cyclePath(cycle.id)}/targets`, {
    method: 'PUT',
    json: { targets },
    ifMatch: cycle.etag,
  });

export interface MilestoneInput {
  type?: MilestoneKind;
  title: Text;
  due_at?: string;
  required_status?: string | null;
  recurrence?: Recurrence | null;
}

export const createMilestone = (cycle: Cycle, input: MilestoneInput) =>
  authed<Cycle>(`${cyclePath(cycle.id)}/milestones`, { json: input, ifMatch: cycle.etag });

export const deleteMilestone = (cycle: Cycle, milestone: Milestone) =>
  authed<Cycle>(`${cyclePath(cycle.id)}/milestones/${encodeURIComponent(milestone.id)}`, {
    method: 'DELETE',
    ifMatch: cycle.etag,
  });

export interface RescoreTotals {
  total: number;
  complete: boolean;
  designated: boolean | null;
}

export interface SwitchPreview {
  step: 'preview' | 'confirm';
  from: PackRef;
  to: PackRef;
  parameters: Record<string, unknown>;
  summary: {
    units: number;
    gain: number;
    lose: number;
    same: number;
    designationGained: number;
    designationLost: number;
  };
  truncated: boolean;
  units: {
    org_unit_id: string;
    name: string;
    submission_id: string;
    stage: string;
    old: RescoreTotals;
    new: RescoreTotals;
    delta: number;
    moved: { id: string; old: number | null; new: number | null; delta: number | null }[];
  }[];
  etag: string;
}

/** Preview who gains or loses under another version; confirming needs the preview's ETag. */
export const switchVersion = (
  cycle: Cycle,
  body: { step: 'preview' | 'confirm'; pack_version: string },
  etag?: string,
) =>
  authed<SwitchPreview>(`${cyclePath(cycle.id)}/switch-version`, {
    json: body,
    ifMatch: body.step === 'confirm' ? etag : undefined,
  });
