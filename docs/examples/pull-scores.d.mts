// Types for docs/examples/pull-scores.mjs (the test that runs it is TypeScript).

export interface ScoreChange {
  change_seq: number;
  changed_at: string;
  snapshot_id: string;
  submission_id: string;
  stage: string;
  org_unit: { id: string; name: string; kind: string; code: string | null };
  total: number | null;
  designation_met: boolean | null;
  scorecard?: unknown;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function fetchToken(options: {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: Fetch;
}): Promise<{ token: string; expiresAt: number }>;

export function pullChanges(options: {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  cursor?: string | null;
  cycleId?: string | null;
  view?: 'full' | 'summary';
  onChange: (change: ScoreChange) => unknown;
  fetch?: Fetch;
}): Promise<{ cursor: string; pulled: number }>;
