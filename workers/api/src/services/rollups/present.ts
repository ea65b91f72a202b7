import { sql } from 'drizzle-orm';

/**
 * A rollups row as the API shows it: per cycle, org unit and unit kind ('*' for every kind) —
 * units in scope, submitted, how many at each status of the review chain ('none': no
 * submission yet), designated, the designation rate (exact, 2 places, as a decimal string)
 * against the nearest target for that kind (met or not, units still needed), and the
 * statistics pack's figures rolled up the tree (`stats`, the engine's rollUp).
 */

export const ROLLUP_COLUMNS = sql.raw(`r.org_unit_id AS org_unit_id, r.unit_kind AS unit_kind,
  r.in_scope AS in_scope, r.submitted AS submitted, r.by_status AS by_status,
  r.designated AS designated, r.rate_percent AS rate_percent, r.target_percent AS target_percent,
  r.target_met AS target_met, r.needed_units AS needed_units, r.stats AS stats,
  r.computed_at AS computed_at, o.name AS unit_name, o.kind AS org_kind`);

export interface RollupRowRaw {
  org_unit_id: string;
  unit_kind: string;
  in_scope: number;
  submitted: number;
  by_status: string;
  designated: number;
  rate_percent: string | null;
  target_percent: string | null;
  target_met: number | null;
  needed_units: number | null;
  stats: string | null;
  computed_at: string;
  unit_name: string;
  org_kind: string;
}

function parsed<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function presentRollup(r: RollupRowRaw) {
  return {
    org_unit: { id: r.org_unit_id, name: r.unit_name, kind: r.org_kind },
    unit_kind: r.unit_kind,
    in_scope: r.in_scope,
    submitted: r.submitted,
    by_status: parsed<Record<string, number>>(r.by_status, {}),
    designated: r.designated,
    rate_percent: r.rate_percent,
    target:
      r.target_percent === null
        ? null
        : {
            rate_percent: r.target_percent,
            met: r.target_met === null ? null : r.target_met === 1,
            needed_units: r.needed_units,
          },
    stats: parsed<Record<string, unknown> | null>(r.stats, null),
    computed_at: r.computed_at,
  };
}

export type RollupView = ReturnType<typeof presentRollup>;
