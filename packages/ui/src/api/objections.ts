// Objections raised during publicity (公示), resolved by the publicity stage's reviewers.
import { authed } from '../session/session.ts';
import { allPages } from './paging.ts';
import type { Page } from './types.ts';

export interface Objection {
  id: string;
  cycle_id: string;
  submission_id: string;
  unit_name?: string;
  text: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

export const listObjections = (cycleId: string, status: Objection['status'] | 'all' = 'open') =>
  allPages((cursor) =>
    authed<Page<Objection>>(`/v1/cycles/${encodeURIComponent(cycleId)}/objections`, {
      query: { status, cursor, limit: 100 },
    }),
  );

export const resolveObjection = (
  objection: Objection,
  decision: 'uphold' | 'dismiss',
  reason: string,
) =>
  authed<Objection>(`/v1/objections/${encodeURIComponent(objection.id)}/resolve`, {
    json: { decision, reason },
  });
