import type { ScoringQueue } from '@kaoping/db/scoring-messages';
import { z } from 'zod';

/**
 * The scheduler's bindings and knobs, validated once per invocation. The knobs have measured
 * defaults (docs/ARCHITECTURE.md, "Scoring runs: the numbers"); tests lower them to exercise
 * chunking and fan-out on small campaigns.
 */
const knobs = z.object({
  ENVIRONMENT: z.string().default('production'),
  /** Stage rows scored per chunk: one read and one batch() of ~10 statements. */
  SCORING_CHUNK_ROWS: z.coerce.number().int().min(1).max(1000).default(200),
  /** Stage rows one cron invocation scores itself; more than that goes to the queue. */
  SCORING_INLINE_MAX_ROWS: z.coerce.number().int().min(0).default(4000),
  /** D1 queries one invocation may use (Workers paid: 1,000); the run stops short of it. */
  SCORING_QUERY_BUDGET: z.coerce.number().int().min(20).default(900),
  /**
   * Units per page of a whole rollup refresh: one read and one batch each. Measured at 26,842
   * units (the scheduler isolate's live heap, `pnpm bench scheduler`): pages of 2,000 lifted it
   * from ~19 MB while scoring to 41 MB during the refresh, pages of 500 to 23 MB. 500 costs
   * ~110 queries for 26,842 units, well inside the budget (a refresh that runs out is redone
   * whole next tick).
   */
  ROLLUP_PAGE_UNITS: z.coerce.number().int().min(1).max(5000).default(500),
});

export type Knobs = z.infer<typeof knobs>;

export interface SchedulerEnv {
  readonly DB: D1Database;
  readonly SCORING_QUEUE: ScoringQueue;
  readonly knobs: Knobs;
}

/** Reads the worker's env; throws on a missing binding or a malformed knob. */
export function schedulerEnv(env: Record<string, unknown>): SchedulerEnv {
  const db = env.DB as D1Database | undefined;
  const queue = env.SCORING_QUEUE as ScoringQueue | undefined;
  if (!db || typeof db.prepare !== 'function') throw new Error('scheduler: DB binding missing');
  if (!queue || typeof queue.send !== 'function') {
    throw new Error('scheduler: SCORING_QUEUE binding missing');
  }
  const parsed = knobs.safeParse(env);
  if (!parsed.success) throw new Error(`scheduler: bad settings: ${parsed.error.message}`);
  return { DB: db, SCORING_QUEUE: queue, knobs: parsed.data };
}
