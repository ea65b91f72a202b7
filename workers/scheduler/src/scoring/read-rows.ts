import { type StageKey, stageKeyRange } from '@kaoping/db/scoring-messages';
import { type Sql, stmt } from '../d1.ts';
import type { StageRow } from './score-rows.ts';

interface RawRow {
  submission_id: string;
  stage: string;
  inputs: string;
  assessments: string;
  row_version: number;
  org_unit_id: string;
  unit_kind: string | null;
}

const COLUMNS = `ss.submission_id, ss.stage, ss.inputs, ss.assessments, ss.row_version,
  s.org_unit_id, coalesce(cu.unit_kind, o.kind) AS unit_kind`;
const JOINS = `JOIN submissions s ON s.tenant_id = ss.tenant_id AND s.id = ss.submission_id
  LEFT JOIN cycle_units cu ON cu.tenant_id = ss.tenant_id AND cu.cycle_id = ss.cycle_id
    AND cu.org_unit_id = s.org_unit_id
  LEFT JOIN org_units o ON o.tenant_id = ss.tenant_id AND o.id = s.org_unit_id`;

function toRow(raw: RawRow): StageRow {
  return {
    submissionId: raw.submission_id,
    stage: raw.stage,
    orgUnitId: raw.org_unit_id,
    rowVersion: raw.row_version,
    inputs: JSON.parse(raw.inputs) as Record<string, unknown>,
    assessments: JSON.parse(raw.assessments) as Record<string, unknown>,
    unitKind: raw.unit_kind,
  };
}

export function keyOf(row: StageRow): StageKey {
  return [row.submissionId, row.stage];
}

/**
 * Up to `limit` stage rows of a cycle marked to score (dirty = 1) in (after, through], in key
 * order — one walk of submission_stages_work_idx.
 */
export async function readDirtyRows(
  sql: Sql,
  tenantId: string,
  cycleId: string,
  after: StageKey | null,
  through: StageKey | null,
  limit: number,
): Promise<StageRow[]> {
  const range = stageKeyRange('ss', after, through);
  const rows = await sql.all<RawRow>(
    stmt(
      `SELECT ${COLUMNS} FROM submission_stages ss ${JOINS}
       WHERE ss.tenant_id = ? AND ss.cycle_id = ? AND ss.dirty = 1 AND ${range.sql}
       ORDER BY ss.submission_id, ss.stage LIMIT ?`,
      tenantId,
      cycleId,
      ...range.params,
      limit,
    ),
  );
  return rows.map(toRow);
}

/** The stages of a cycle that have rows to score (peer-relative packs score a stage whole). */
export async function dirtyStages(sql: Sql, tenantId: string, cycleId: string): Promise<string[]> {
  const rows = await sql.all<{ stage: string }>(
    stmt(
      `SELECT DISTINCT stage FROM submission_stages
       WHERE tenant_id = ? AND cycle_id = ? AND dirty = 1 ORDER BY stage`,
      tenantId,
      cycleId,
    ),
  );
  return rows.map((r) => r.stage);
}

/** Every row of one stage of a cycle, dirty or not, read `page` rows at a time. */
export async function readWholeStage(
  sql: Sql,
  tenantId: string,
  cycleId: string,
  stage: string,
  page: number,
): Promise<StageRow[]> {
  const out: StageRow[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: RawRow[] = await sql.all<RawRow>(
      stmt(
        `SELECT ${COLUMNS} FROM submission_stages ss ${JOINS}
         WHERE ss.tenant_id = ? AND ss.cycle_id = ? AND ss.stage = ? AND ss.dirty < 2
           AND (? IS NULL OR ss.submission_id > ?)
         ORDER BY ss.submission_id LIMIT ?`,
        tenantId,
        cycleId,
        stage,
        after,
        after,
        page,
      ),
    );
    out.push(...rows.map(toRow));
    if (rows.length < page) return out;
    after = rows[rows.length - 1]?.submission_id ?? null;
  }
}

/** Keys of a cycle's rows to score after `after`, for planning chunks (index only). */
export async function readDirtyKeys(
  sql: Sql,
  tenantId: string,
  cycleId: string,
  after: StageKey | null,
  limit: number,
): Promise<StageKey[]> {
  const range = stageKeyRange('ss', after, null);
  const rows = await sql.all<{ submission_id: string; stage: string }>(
    stmt(
      `SELECT ss.submission_id, ss.stage FROM submission_stages ss
       WHERE ss.tenant_id = ? AND ss.cycle_id = ? AND ss.dirty = 1 AND ${range.sql}
       ORDER BY ss.submission_id, ss.stage LIMIT ?`,
      tenantId,
      cycleId,
      ...range.params,
      limit,
    ),
  );
  return rows.map((r) => [r.submission_id, r.stage]);
}
