import type { TenantDb } from '@kaoping/db/tenant-db';
import { sql } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.ts';
import { cachedAnswer, rememberAnswer } from './read-cache.ts';
import { scorecardTexts } from './scorecards.ts';

/**
 * One score snapshot as the score routes list it: the snapshot's identity and what produced it
 * (pack version and content hash, input hash, engine), its totals, the unit it scores, and —
 * in the full view — the scorecard with its items and explanations in zh and en.
 */

/** The snapshot (`ss`) and unit (`o`) columns every score query selects. */
export const SCORE_COLUMNS = sql.raw(`ss.seq AS seq, ss.id AS id, ss.cycle_id AS cycle_id,
  ss.submission_id AS submission_id, ss.org_unit_id AS org_unit_id, ss.stage AS stage,
  ss.pack_key AS pack_key, ss.pack_version AS pack_version, ss.pack_hash AS pack_hash,
  ss.input_hash AS input_hash, ss.engine_version AS engine_version, ss.total AS total,
  ss.max AS max, ss.designation_met AS designation_met, ss.complete AS complete,
  ss.created_at AS created_at, ss.run_id AS run_id,
  o.name AS unit_name, o.kind AS unit_kind, o.code AS unit_code`);

export interface ScoreRow {
  seq: number;
  id: string;
  cycle_id: string;
  submission_id: string;
  org_unit_id: string;
  stage: string;
  pack_key: string;
  pack_version: string;
  pack_hash: string;
  input_hash: string;
  engine_version: string;
  total: number | null;
  max: number | null;
  designation_met: number | null;
  complete: number;
  created_at: string;
  run_id: string | null;
  unit_name: string;
  unit_kind: string;
  unit_code: string | null;
}

export type ScoreView = 'full' | 'summary';

/** The snapshot's fields other than the scorecard, in the order the schema lists them. */
export function scoreMeta(r: ScoreRow) {
  return {
    snapshot_id: r.id,
    snapshot_seq: r.seq,
    cycle_id: r.cycle_id,
    submission_id: r.submission_id,
    stage: r.stage,
    org_unit: { id: r.org_unit_id, name: r.unit_name, kind: r.unit_kind, code: r.unit_code },
    pack: { key: r.pack_key, version: r.pack_version, content_hash: r.pack_hash },
    input_hash: r.input_hash,
    engine_version: r.engine_version,
    total: r.total,
    max: r.max,
    complete: r.complete === 1,
    designation_met: r.designation_met === null ? null : r.designation_met === 1,
    created_at: r.created_at,
    run_id: r.run_id,
  };
}

/** An object's JSON with `"key": <raw JSON text>` pairs appended (the text is not re-parsed). */
export function withRaw(value: object, raw: Record<string, string>): string {
  const head = JSON.stringify(value);
  const tail = Object.entries(raw)
    .map(([k, text]) => `,${JSON.stringify(k)}:${text}`)
    .join('');
  return tail === '' ? head : `${head.slice(0, -1)}${tail}}`;
}

/**
 * The JSON text of each row as an item: `extra(row)` fields first (a change's position, a
 * history entry's cycle), then the snapshot; with `view` full, `redacted` and `scorecard`.
 */
export async function scoreItems<R extends ScoreRow>(
  tdb: TenantDb,
  principal: Principal,
  rows: readonly R[],
  view: ScoreView,
  extra: (row: R) => object = () => ({}),
): Promise<string[]> {
  if (view === 'summary') return rows.map((r) => JSON.stringify({ ...extra(r), ...scoreMeta(r) }));
  const cards = await scorecardTexts(
    tdb,
    principal,
    rows.map((r) => ({
      seq: r.seq,
      packKey: r.pack_key,
      packVersion: r.pack_version,
      packHash: r.pack_hash,
    })),
  );
  return rows.map((r) => {
    const card = cards.get(r.seq);
    // A snapshot row always has its scorecard; `null` only if storage lost it.
    return withRaw(
      { ...extra(r), ...scoreMeta(r), redacted: card?.redacted ?? [] },
      { scorecard: card?.json ?? 'null' },
    );
  });
}

/**
 * The answer's bytes for `etag`: from the isolate's cache when the same answer was built
 * before (read-cache.ts), else built, encoded once and remembered.
 */
export async function cachedBody(
  tenantId: string,
  etag: string,
  build: () => Promise<string>,
): Promise<Uint8Array> {
  const known = cachedAnswer(tenantId, etag);
  if (known) return known;
  const body = new TextEncoder().encode(await build());
  rememberAnswer(tenantId, etag, body);
  return body;
}

/** `{"items":[…], …fields}` from item texts. */
export function listBody(items: readonly string[], fields: Record<string, unknown>): string {
  const rest = JSON.stringify(fields).slice(1);
  return `{"items":[${items.join(',')}]${rest === '}' ? '}' : `,${rest}`}`;
}
