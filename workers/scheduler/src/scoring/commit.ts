import type { StageKey } from '@kaoping/db/scoring-messages';
import type { Sql } from '../d1.ts';
import { type ChunkProgress, chunkStatements } from './chunk-writes.ts';
import { type CycleContext, loadCycle, pinOf, samePin } from './cycle-context.ts';
import { dirtyStages, keyOf, readDirtyRows, readWholeStage } from './read-rows.ts';
import { type ScoredRows, type StageRow, scoreRows } from './score-rows.ts';

/** Dictionaries this isolate has seen committed, by tenant and id. */
const committedDictionaries = new Set<string>();

export interface Committed {
  readonly handled: number;
  readonly failed: number;
  /** Rows whose dirty flag the batch cleared: fewer than scored when rows changed meanwhile. */
  readonly cleared: number;
}

/** Scores nothing new; commits the scored result in one batch. */
export async function commitScored(
  sql: Sql,
  ctx: CycleContext,
  result: ScoredRows,
  progress: ChunkProgress,
): Promise<Committed> {
  const dictionaryKey = `${ctx.tenantId}\u0000${ctx.dictionary.id}`;
  const withDictionary = result.scored.length > 0 && !committedDictionaries.has(dictionaryKey);
  const nowMs = Date.now();
  const batch = chunkStatements({
    ctx,
    result,
    progress,
    time: { iso: new Date(nowMs).toISOString(), ms: nowMs },
    withDictionary,
  });
  const results = await sql.batch(batch.statements);
  if (withDictionary) committedDictionaries.add(dictionaryKey);
  const cleared = batch.clearAt === null ? 0 : (results[batch.clearAt]?.meta.changes ?? 0);
  return {
    handled: result.scored.length + result.failed.length,
    failed: result.failed.length,
    cleared,
  };
}

/** True when the cycle's configuration moved away from the pin (the run must not go on). */
export async function pinMoved(sql: Sql, ctx: CycleContext): Promise<boolean> {
  const cycle = await loadCycle(sql, ctx.tenantId, ctx.cycleId);
  return !cycle || !samePin(pinOf(cycle), ctx.pin);
}

export interface RangeOutcome {
  readonly handled: number;
  readonly failed: number;
  /** Every row of the range was handled. */
  readonly finished: boolean;
  /** The last key handled (where an unfinished walk stopped). */
  readonly after: StageKey | null;
  /** The cycle changed under the run: the rest is left for the next run. */
  readonly superseded: boolean;
}

export interface RangeOptions {
  readonly after: StageKey | null;
  readonly through: StageKey | null;
  readonly chunkRows: number;
  /** Called before each chunk; false stops the walk (out of budget). */
  readonly mayContinue: () => boolean;
  readonly progress: (after: StageKey | null, last: boolean) => ChunkProgress;
  /** Commit a last, empty batch (a queued chunk must still be marked done). */
  readonly finalCommit: boolean;
}

/**
 * Walks a cycle's rows to score in (after, through], a chunk at a time: read, score, one batch.
 * A peer-relative pack scores each stage whole and commits it in chunk-sized batches.
 */
export async function scoreRange(
  sql: Sql,
  ctx: CycleContext,
  options: RangeOptions,
): Promise<RangeOutcome> {
  if (ctx.peerRelative) return scorePeerStages(sql, ctx, options);
  let after = options.after;
  let handled = 0;
  let failed = 0;
  for (;;) {
    if (!options.mayContinue())
      return { handled, failed, finished: false, after, superseded: false };
    const rows = await readDirtyRows(
      sql,
      ctx.tenantId,
      ctx.cycleId,
      after,
      options.through,
      options.chunkRows,
    );
    const last = rows.length < options.chunkRows;
    const lastKey = rows.length > 0 ? keyOf(rows[rows.length - 1] as StageRow) : after;
    const result = await scoreRows(ctx, rows);
    if (rows.length > 0 || (last && options.finalCommit)) {
      const committed = await commitScored(sql, ctx, result, options.progress(lastKey, last));
      handled += committed.handled;
      failed += committed.failed;
      if (committed.cleared < rows.length - committed.failed && (await pinMoved(sql, ctx))) {
        return { handled, failed, finished: false, after: lastKey, superseded: true };
      }
    }
    after = lastKey;
    if (last) return { handled, failed, finished: true, after, superseded: false };
  }
}

async function scorePeerStages(
  sql: Sql,
  ctx: CycleContext,
  options: RangeOptions,
): Promise<RangeOutcome> {
  let handled = 0;
  let failed = 0;
  const stages = await dirtyStages(sql, ctx.tenantId, ctx.cycleId);
  for (const [i, stage] of stages.entries()) {
    const rows = await readWholeStage(sql, ctx.tenantId, ctx.cycleId, stage, 2000);
    const result = await scoreRows(ctx, rows);
    for (let at = 0; at < Math.max(1, result.scored.length); at += options.chunkRows) {
      const part: ScoredRows = {
        scored: result.scored.slice(at, at + options.chunkRows),
        failed: at === 0 ? result.failed : [],
      };
      const lastPart = at + options.chunkRows >= result.scored.length;
      const committed = await commitScored(
        sql,
        ctx,
        part,
        options.progress(null, lastPart && i === stages.length - 1),
      );
      handled += committed.handled;
      failed += committed.failed;
    }
  }
  if (stages.length === 0 && options.finalCommit) {
    await commitScored(sql, ctx, { scored: [], failed: [] }, options.progress(null, true));
  }
  return { handled, failed, finished: true, after: null, superseded: false };
}
