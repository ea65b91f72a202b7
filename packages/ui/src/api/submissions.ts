// Submissions: one per unit in a cycle, moving along the review chain with data per stage.
import type { Text } from '../i18n/messages.ts';
import { authed, authedFull } from '../session/session.ts';
import type { Stage, Step } from './cycles.ts';
import { allPages } from './paging.ts';
import type { OrgUnitKind, Page } from './types.ts';

export const SUBMISSION_STATUSES = [
  'draft',
  'submitted',
  'recommended',
  'verified',
  'publicised',
  'published',
  'returned',
  'revoked',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const ACTIONS = [
  'submit',
  'recommend',
  'verify',
  'publicise',
  'publish',
  'return',
  'revoke',
] as const;
export type Action = (typeof ACTIONS)[number];

export type InputValue = number | boolean | string | string[] | null;

export interface Assessment {
  points: number;
  reason?: string;
  by?: string;
  at?: string;
  stage?: string;
}

export interface Correction {
  from: InputValue;
  to: InputValue;
  reason: string;
  by: string;
  at: string;
}

export interface StageData {
  stage: string;
  inputs: Record<string, InputValue>;
  assessments: Record<string, Assessment>;
  corrections: Record<string, Correction>;
  updated_by: string | null;
  updated_at: string;
}

interface SubmissionRow {
  id: string;
  cycle_id: string;
  org_unit_id: string;
  status: SubmissionStatus;
  stage: string;
  return_reason: string | null;
  publicity_ends_at: string | null;
  sealed_hash: string | null;
  published_at: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  created_at: string;
  updated_at: string;
  etag: string;
}

export interface SubmissionSummary extends SubmissionRow {
  unit_name: string;
}

export interface Submission extends SubmissionRow {
  unit: { id: string; name: string; kind: OrgUnitKind; path: string };
  unit_kind: OrgUnitKind;
  current_stage: { key: string; title: Text; step: Step; actor: Stage['actor'] };
  stages: {
    key: string;
    title: Text;
    step: Step;
    actor: Stage['actor'];
    state: 'done' | 'current' | 'ahead';
  }[];
  data: StageData;
  actions: Action[];
}

export interface StageScore extends StageData {
  title: Text;
  data_hash: string;
  score: {
    snapshot_id: string;
    total: number | null;
    max: number | null;
    complete: boolean;
    designation_met: boolean | null;
    pack_version: string;
    scored_at: string;
    current: boolean;
  } | null;
}

export interface Transition {
  id: string;
  action: string;
  from_status: string;
  to_status: string;
  from_stage: string | null;
  to_stage: string | null;
  reason: string | null;
  actor_id: string | null;
  at: string;
}

const submissionPath = (id: string) => `/v1/submissions/${encodeURIComponent(id)}`;

export const listSubmissions = (
  cycleId: string,
  filters: { status?: SubmissionStatus | 'all'; stage?: string; org_unit_id?: string } = {},
) =>
  allPages((cursor) =>
    authed<Page<SubmissionSummary>>(`/v1/cycles/${encodeURIComponent(cycleId)}/submissions`, {
      query: { ...filters, cursor, limit: 200 },
    }),
  );

export const readSubmission = (id: string) => authed<Submission>(submissionPath(id));

/** Saved inputs: the stage's data and the submission's new ETag (a header only). */
export const saveInputs = (
  id: string,
  etag: string,
  inputs: Record<string, InputValue>,
  reason?: string,
) =>
  authedFull<StageData>(`${submissionPath(id)}/inputs`, {
    method: 'PATCH',
    json: reason ? { inputs, reason } : { inputs },
    ifMatch: etag,
  });

export const saveAssessments = (
  id: string,
  etag: string,
  assessments: Record<string, { points: number; reason: string } | null>,
) =>
  authedFull<StageData>(`${submissionPath(id)}/assessments`, {
    method: 'PATCH',
    json: { assessments },
    ifMatch: etag,
  });

export const transition = (id: string, etag: string, action: Action, reason?: string) =>
  authed<Submission>(`${submissionPath(id)}/transitions`, {
    json: reason ? { action, reason } : { action },
    ifMatch: etag,
  });

export const listTransitions = (id: string) =>
  authed<{ items: Transition[] }>(`${submissionPath(id)}/transitions`).then((r) => r.items);

export const readStage = (id: string, stage: string) =>
  authed<StageScore>(`${submissionPath(id)}/stages/${encodeURIComponent(stage)}`);
