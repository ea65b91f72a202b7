// Scorecards: the live preview (stateless) and the scheduler's recorded snapshots.
import type { Text } from '../i18n/messages.ts';
import { authed } from '../session/session.ts';
import type { Assessment, InputValue } from './submissions.ts';
import type { OrgUnitKind } from './types.ts';

export interface MetricValue {
  value: number | null;
  display: Text | null;
}

export interface ScorecardItem {
  id: string;
  category: string;
  title: Text;
  max: number;
  min: number;
  status: string;
  points: number | null;
  inputs: Record<string, unknown>;
  metrics: Record<string, MetricValue>;
  missing: string[];
  awaiting: string[];
  explanation: Text;
}

export interface Scorecard {
  pack: { key: string; version: string };
  engine: string;
  items: ScorecardItem[];
  categories: {
    id: string;
    title: Text;
    bonus: boolean;
    max: number;
    points: number;
    capped: boolean;
    complete: boolean;
  }[];
  total: number;
  max: number;
  bonusMax: number;
  complete: boolean;
  designation: {
    title: Text;
    met: boolean | null;
    passMark: number | null;
    total: number;
    reason: Text;
  } | null;
  issues: { id?: string; message: Text }[];
}

export interface PreviewRequest {
  unitKind: OrgUnitKind;
  parameters?: Record<string, string | number | boolean>;
  inputs: Record<string, InputValue>;
  assessments?: Record<string, Assessment>;
  references?: Record<string, number>;
}

export const previewScore = (
  key: string,
  version: string,
  body: PreviewRequest,
  signal?: AbortSignal,
) =>
  authed<Scorecard>(
    `/v1/packs/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}/score`,
    { json: body, signal },
  );

export interface CurrentScore {
  snapshot_id: string;
  cycle_id: string;
  submission_id: string;
  submission_status: string;
  stage: string;
  org_unit: { id: string; name: string; kind: OrgUnitKind; code: string | null };
  pack: { key: string; version: string; content_hash: string };
  total: number | null;
  max: number | null;
  complete: boolean;
  designation_met: boolean | null;
  created_at: string;
  scorecard?: Scorecard | null;
}

export const listScores = (query: {
  cycle_id: string;
  org_unit_id?: string;
  stage?: string;
  view?: 'full' | 'summary';
  cursor?: string;
}) =>
  authed<{ items: CurrentScore[]; next_cursor: string | null }>('/v1/scores', {
    query: { ...query, limit: query.view === 'summary' ? 200 : 50 },
  });

export const readSnapshot = (id: string) =>
  authed<CurrentScore>(`/v1/scores/${encodeURIComponent(id)}`);
