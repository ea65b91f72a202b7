import { newId } from '@kaoping/db/ids';
import { ENGINE_VERSION } from '@kaoping/standards';
import { type SqlValue, type Statement, stmt } from '../d1.ts';
import { holdLease, type Lease } from '../run/lease.ts';
import type { CycleContext } from './cycle-context.ts';
import type { ScoredRows } from './score-rows.ts';

/**
 * The statements that commit one scored chunk, for ONE batch(): either all of it lands or
 * none does, and the dirty flags are the checkpoint. In order:
 *   lease guard + renewal (inline runs) or chunk bookkeeping (queued chunks), counting the
 *   snapshots that are new before inserting them;
 *   INSERT OR IGNORE the snapshots (keyed by what produced them: a retry writes nothing);
 *   for rows still at the row_version and cycle epoch that were scored: mark the unit's
 *   rollup contribution stale, append a score_events row and move the current_scores pointer —
 *   only where the pointer changes;
 *   clear dirty where row_version and epoch still match (an edit that landed meanwhile keeps its
 *   row dirty for the next run); quarantine rows the engine refused.
 */

/** D1 takes values up to 2 MB; stay well under it per statement. */
const SNAPSHOT_JSON_BYTES = 900_000;

export type ChunkProgress =
  | {
      readonly kind: 'inline';
      readonly runId: string;
      readonly lease: Lease;
      readonly cursor: string;
    }
  | {
      readonly kind: 'queued';
      readonly runId: string;
      readonly seq: number;
      readonly replay: number;
      /** The chunk's last batch: mark it done and finish the run if it was the last chunk. */
      readonly last: boolean;
    };

export interface WriteTime {
  readonly iso: string;
  readonly ms: number;
}

/** How many of the chunk's snapshots are not stored yet: counted before the insert. */
const NEW_SNAPSHOTS = `(SELECT count(*) FROM json_each(?) j WHERE NOT EXISTS (
    SELECT 1 FROM score_snapshots s WHERE s.tenant_id = ?
      AND s.submission_id = json_extract(j.value, '$[0]') AND s.stage = json_extract(j.value, '$[1]')
      AND s.pack_hash = ? AND s.input_hash = json_extract(j.value, '$[2]')
      AND s.engine_version = ?))`;

/**
 * Rows of `keys` still at the scored row_version and epoch whose pointer would move. CROSS JOIN
 * fixes the loop order — the chunk's keys outermost, every other table by its unique index —
 * where SQLite would otherwise walk all the tenant's snapshots (measured: 120,000 rows read per
 * statement against 200).
 */
export const MOVES = `FROM json_each(?) j
  CROSS JOIN submission_stages ss
  CROSS JOIN cycles cy
  CROSS JOIN score_snapshots s
  LEFT JOIN current_scores c ON c.tenant_id = ss.tenant_id AND c.submission_id = ss.submission_id
    AND c.stage = ss.stage
  WHERE ss.tenant_id = ? AND ss.submission_id = json_extract(j.value, '$[0]')
    AND ss.stage = json_extract(j.value, '$[1]') AND ss.row_version = json_extract(j.value, '$[3]')
    AND cy.tenant_id = ss.tenant_id AND cy.id = ss.cycle_id AND cy.id = ?
    AND cy.scoring_epoch = ? AND cy.pack_hash = ?
    AND s.tenant_id = ss.tenant_id AND s.submission_id = ss.submission_id AND s.stage = ss.stage
    AND s.pack_hash = ? AND s.input_hash = json_extract(j.value, '$[2]')
    AND s.engine_version = ?
    AND (c.snapshot_seq IS NULL OR c.snapshot_seq <> s.seq)`;

function snapshotStatements(
  ctx: CycleContext,
  result: ScoredRows,
  runId: string,
  at: string,
): Statement[] {
  const statements: Statement[] = [];
  let rows: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (rows.length === 0) return;
    statements.push(
      stmt(
        `INSERT OR IGNORE INTO score_snapshots (id, tenant_id, cycle_id, submission_id, org_unit_id,
           stage, pack_key, pack_version, pack_hash, input_hash, engine_version, total, max,
           designation_met, complete, scorecard, run_id, created_at)
         SELECT json_extract(value, '$[0]'), ?, ?, json_extract(value, '$[1]'),
           json_extract(value, '$[2]'), json_extract(value, '$[3]'), ?, ?, ?,
           json_extract(value, '$[4]'), ?, json_extract(value, '$[5]'), json_extract(value, '$[6]'),
           json_extract(value, '$[7]'), json_extract(value, '$[8]'),
           json_quote(json_extract(value, '$[9]')), ?, ?
         FROM json_each(?)`,
        ctx.tenantId,
        ctx.cycleId,
        ctx.pin.packKey,
        ctx.pin.packVersion,
        ctx.pin.packHash,
        ENGINE_VERSION,
        runId,
        at,
        `[${rows.join(',')}]`,
      ),
    );
    rows = [];
    bytes = 0;
  };
  for (const s of result.scored) {
    const row = JSON.stringify([
      newId('snapshot'),
      s.row.submissionId,
      s.row.orgUnitId,
      s.row.stage,
      s.inputHash,
      s.total,
      s.max,
      s.designationMet,
      s.complete,
      s.encoded,
    ]);
    if (bytes + row.length > SNAPSHOT_JSON_BYTES) flush();
    rows.push(row);
    bytes += row.length + 1;
  }
  flush();
  return statements;
}

/**
 * The tenant's share of the run (scoring_run_cycles): rows handled, refused and newly written
 * for this cycle. `guard` is a condition the batch's own bookkeeping holds (a queued chunk
 * still queued at this replay), so a chunk delivered twice counts once.
 */
function tenantShare(
  ctx: CycleContext,
  runId: string,
  counts: { handled: number; failed: number },
  counted: readonly SqlValue[],
  at: string,
  guard: { sql: string; params: readonly SqlValue[] },
): Statement {
  return stmt(
    `INSERT INTO scoring_run_cycles (run_id, tenant_id, cycle_id, handled, failed, written,
       first_at, last_at)
     SELECT ?, ?, ?, ?, ?, ${NEW_SNAPSHOTS}, ?, ? WHERE ${guard.sql}
     ON CONFLICT (run_id, tenant_id, cycle_id) DO UPDATE SET
       handled = handled + excluded.handled, failed = failed + excluded.failed,
       written = written + excluded.written, last_at = excluded.last_at`,
    runId,
    ctx.tenantId,
    ctx.cycleId,
    counts.handled,
    counts.failed,
    ...counted,
    at,
    at,
    ...guard.params,
  );
}

export interface ChunkStatementsInput {
  readonly ctx: CycleContext;
  readonly result: ScoredRows;
  readonly progress: ChunkProgress;
  readonly time: WriteTime;
  /** Include the dictionary row (the first batch of a cycle in this isolate). */
  readonly withDictionary: boolean;
}

export interface ChunkBatch {
  readonly statements: Statement[];
  /** The position of the statement clearing dirty flags (its `changes` say how many held). */
  readonly clearAt: number | null;
}

export function chunkStatements(input: ChunkStatementsInput): ChunkBatch {
  const { ctx, result, progress, time } = input;
  const at = time.iso;
  const keys = JSON.stringify(
    result.scored.map((s) => [s.row.submissionId, s.row.stage, s.inputHash, s.row.rowVersion]),
  );
  const failedKeys = JSON.stringify(
    result.failed.map((f) => [f.row.submissionId, f.row.stage, null, f.row.rowVersion]),
  );
  const lastError = result.failed[0]
    ? `${result.failed[0].row.submissionId}/${result.failed[0].row.stage}: ${result.failed[0].error}`.slice(
        0,
        1000,
      )
    : null;
  const handled = result.scored.length + result.failed.length;
  const counted = [keys, ctx.tenantId, ctx.pin.packHash, ENGINE_VERSION] as const;
  const statements: Statement[] = [];

  const counts = { handled, failed: result.failed.length };
  if (progress.kind === 'inline') {
    statements.push(...holdLease(progress.lease, time.ms));
    if (handled > 0) {
      // The lease guard above aborts the batch when the lease is lost: nothing more to hold.
      statements.push(
        tenantShare(ctx, progress.runId, counts, counted, at, { sql: '1', params: [] }),
      );
    }
    statements.push(
      stmt(
        `UPDATE scoring_runs SET done = done + ?, total = max(total, done + ?),
           written = written + ${NEW_SNAPSHOTS}, errors = errors + ?,
           last_error = coalesce(?, last_error), cursor = ?, heartbeat_at = ?
         WHERE id = ?`,
        handled,
        handled,
        ...counted,
        result.failed.length,
        lastError,
        progress.cursor,
        at,
        progress.runId,
      ),
    );
  } else {
    const stillQueued = `EXISTS (SELECT 1 FROM scoring_chunks WHERE run_id = ? AND seq = ?
      AND status = 'queued' AND replays = ?)`;
    const queuedNow = [progress.runId, progress.seq, progress.replay] as const;
    if (handled > 0) {
      statements.push(
        tenantShare(ctx, progress.runId, counts, counted, at, {
          sql: stillQueued,
          params: queuedNow,
        }),
      );
    }
    if (result.failed.length > 0) {
      statements.push(
        stmt(
          `UPDATE scoring_runs SET errors = errors + ?, last_error = coalesce(?, last_error),
             heartbeat_at = ? WHERE id = ? AND ${stillQueued}`,
          result.failed.length,
          lastError,
          at,
          progress.runId,
          progress.runId,
          progress.seq,
          progress.replay,
        ),
      );
    }
    statements.push(
      stmt(
        `UPDATE scoring_chunks SET scored = scored + ?, written = written + ${NEW_SNAPSHOTS},
           status = CASE WHEN ? THEN 'done' ELSE status END, updated_at = ?
         WHERE run_id = ? AND seq = ? AND status = 'queued' AND replays = ?`,
        handled,
        ...counted,
        progress.last ? 1 : 0,
        at,
        progress.runId,
        progress.seq,
        progress.replay,
      ),
    );
  }

  if (input.withDictionary) {
    statements.push(
      stmt(
        `INSERT OR IGNORE INTO scorecard_dictionaries
           (tenant_id, id, pack_hash, engine_version, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        ctx.tenantId,
        ctx.dictionary.id,
        ctx.pin.packHash,
        ENGINE_VERSION,
        ctx.dictionary.body,
        at,
      ),
    );
  }

  const progressRunId = progress.runId;
  statements.push(...snapshotStatements(ctx, result, progressRunId, at));

  const moves = [
    keys,
    ctx.tenantId,
    ctx.cycleId,
    ctx.pin.epoch,
    ctx.pin.packHash,
    ctx.pin.packHash,
    ENGINE_VERSION,
  ] as const;
  if (result.scored.length > 0) {
    statements.push(
      stmt(
        `INSERT INTO rollup_contributions (tenant_id, cycle_id, org_unit_id, stale, updated_at)
         SELECT DISTINCT s.tenant_id, s.cycle_id, s.org_unit_id, 1, ? ${MOVES}
         ON CONFLICT (tenant_id, cycle_id, org_unit_id) DO UPDATE
           SET stale = rollup_contributions.stale + 1, updated_at = excluded.updated_at`,
        at,
        ...moves,
      ),
      stmt(
        `INSERT INTO score_events (tenant_id, cycle_id, submission_id, org_unit_id, stage,
           snapshot_seq, snapshot_id, at)
         SELECT s.tenant_id, s.cycle_id, s.submission_id, s.org_unit_id, s.stage, s.seq, s.id, ?
         ${MOVES} ORDER BY j.key`,
        at,
        ...moves,
      ),
      stmt(
        `INSERT INTO current_scores (tenant_id, submission_id, stage, cycle_id, org_unit_id,
           snapshot_seq, snapshot_id, updated_at)
         SELECT s.tenant_id, s.submission_id, s.stage, s.cycle_id, s.org_unit_id, s.seq, s.id, ?
         ${MOVES}
         ON CONFLICT (tenant_id, submission_id, stage) DO UPDATE SET cycle_id = excluded.cycle_id,
           org_unit_id = excluded.org_unit_id, snapshot_seq = excluded.snapshot_seq,
           snapshot_id = excluded.snapshot_id, updated_at = excluded.updated_at`,
        at,
        ...moves,
      ),
    );
  }

  const settle = (json: string, to: number) =>
    stmt(
      `UPDATE submission_stages SET dirty = ?
       WHERE tenant_id = ? AND (submission_id, stage, row_version) IN (
           SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
                  json_extract(value, '$[3]') FROM json_each(?))
         AND dirty = 1 AND cycle_id = ?
         AND EXISTS (SELECT 1 FROM cycles WHERE tenant_id = ? AND id = ? AND scoring_epoch = ?
                     AND pack_hash = ?)`,
      to,
      ctx.tenantId,
      json,
      ctx.cycleId,
      ctx.tenantId,
      ctx.cycleId,
      ctx.pin.epoch,
      ctx.pin.packHash,
    );
  let clearAt: number | null = null;
  if (result.scored.length > 0) {
    clearAt = statements.length;
    statements.push(settle(keys, 0));
  }
  if (result.failed.length > 0) statements.push(settle(failedKeys, 2));

  if (progress.kind === 'queued' && progress.last) {
    statements.push(finishFannedOutRun(progress.runId, at));
  }
  return { statements, clearAt };
}

/**
 * Closes a fanned-out run once planning is over and no chunk is queued: its counts are what
 * it scored inline plus what its chunks did (errors are counted as they happen). Safe to
 * repeat: a replay re-opens the run and this closes it again with the same arithmetic.
 */
export function finishFannedOutRun(runId: string, at: string): Statement {
  return stmt(
    `UPDATE scoring_runs SET status = 'done', finished_at = ?2, heartbeat_at = ?2,
       done = coalesce(json_extract(cursor, '$.inline.done'), 0)
         + (SELECT coalesce(sum(scored), 0) FROM scoring_chunks WHERE run_id = ?1),
       written = coalesce(json_extract(cursor, '$.inline.written'), 0)
         + (SELECT coalesce(sum(written), 0) FROM scoring_chunks WHERE run_id = ?1)
     WHERE id = ?1 AND status = 'running' AND json_extract(cursor, '$.phase') = 'fanned-out'
       AND NOT EXISTS (SELECT 1 FROM scoring_chunks WHERE run_id = ?1 AND status = 'queued')`,
    runId,
    at,
  );
}
