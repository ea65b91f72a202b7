import { parseScoringMessage, SCORING_QUEUE, stageKeyRange } from '@kaoping/db/scoring-messages';
import { sha256Hex } from '@kaoping/standards';
import { Sql, type Statement, stmt } from '../d1.ts';
import type { SchedulerEnv } from '../env.ts';
import { finishFannedOutRun } from '../scoring/chunk-writes.ts';
import { refreshFinishedRuns, retryDelay } from './consumer.ts';

/** One id per (chunk, replay): a dead letter delivered twice is recorded once. */
export function deadLetterId(body: unknown): string {
  const message = parseScoringMessage(body);
  const identity = message
    ? `${message.runId}:${message.kind === 'chunk' ? message.seq : 0}:${message.replay}`
    : JSON.stringify(body);
  return `dlq_${sha256Hex(identity ?? 'undefined').slice(0, 32)}`;
}

/**
 * The dead-letter queue's consumer: a message that exhausted its retries is recorded in
 * dead_letters (with the last error its chunk saw), its chunk marked dead, its rows
 * quarantined (dirty = 2, so the cron does not pick them up again and again) and its run
 * closed if nothing else is out. replayDeadLetter (packages/db) undoes all of that.
 */
export async function consumeDeadLetters(
  batch: MessageBatch<unknown>,
  env: SchedulerEnv,
): Promise<void> {
  const sql = new Sql(env.DB, env.knobs.SCORING_QUERY_BUDGET);
  const runs = new Set<string>();
  for (const item of batch.messages) {
    try {
      const at = new Date().toISOString();
      const message = parseScoringMessage(item.body);
      const id = deadLetterId(item.body);
      const seq = message?.kind === 'chunk' ? message.seq : 0;
      const statements: Statement[] = [
        stmt(
          `INSERT OR IGNORE INTO dead_letters (id, tenant_id, queue, body, error, attempts,
             created_at)
           VALUES (?, ?, ?, ?,
             coalesce((SELECT last_error FROM scoring_chunks WHERE run_id = ? AND seq = ?),
                      'not a scoring message'),
             coalesce((SELECT attempts FROM scoring_chunks WHERE run_id = ? AND seq = ?), ?), ?)`,
          id,
          message?.tenantId ?? null,
          SCORING_QUEUE,
          JSON.stringify(item.body ?? null),
          message?.runId ?? null,
          seq,
          message?.runId ?? null,
          seq,
          item.attempts,
          at,
        ),
      ];
      if (message) {
        const live = `EXISTS (SELECT 1 FROM scoring_chunks WHERE run_id = ? AND seq = ?
          AND status = 'queued' AND replays = ?)`;
        const liveParams = [message.runId, seq, message.replay] as const;
        if (message.kind === 'chunk') {
          const range = stageKeyRange('submission_stages', message.after, message.through);
          statements.push(
            stmt(
              `UPDATE submission_stages SET dirty = 2
               WHERE tenant_id = ? AND cycle_id = ? AND dirty = 1 AND ${range.sql} AND ${live}`,
              message.tenantId,
              message.cycleId,
              ...range.params,
              ...liveParams,
            ),
          );
        }
        statements.push(
          stmt(
            `UPDATE scoring_runs SET errors = errors + 1,
               last_error = coalesce((SELECT last_error FROM scoring_chunks WHERE run_id = ?
                 AND seq = ?), last_error), heartbeat_at = ?
             WHERE id = ? AND ${live}`,
            message.runId,
            seq,
            at,
            message.runId,
            ...liveParams,
          ),
          stmt(
            `UPDATE scoring_chunks SET status = 'dead', updated_at = ?
             WHERE run_id = ? AND seq = ? AND status = 'queued' AND replays = ?`,
            at,
            ...liveParams,
          ),
          finishFannedOutRun(message.runId, at),
        );
        if (message.kind === 'plan') {
          // A plan that died planned nothing: the run ends as failed.
          statements.push(
            stmt(
              `UPDATE scoring_runs SET status = 'failed', finished_at = ? WHERE id = ?
                 AND status = 'running' AND json_extract(cursor, '$.phase') = 'planning'`,
              at,
              message.runId,
            ),
          );
        }
      }
      await sql.batch(statements);
      if (message) runs.add(message.runId);
      item.ack();
    } catch {
      item.retry({ delaySeconds: retryDelay(item.attempts) });
    }
  }
  await refreshFinishedRuns(sql, runs, env.knobs.ROLLUP_PAGE_UNITS).catch(() => undefined);
}
