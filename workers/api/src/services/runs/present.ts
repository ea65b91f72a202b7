import { parseScoringMessage } from '@kaoping/db/scoring-messages';
import type { DeadLetterView, RunView } from '@kaoping/db/scoring-runs';

/** A scoring run for admins: progress (stage rows done of total), outcome, queue chunks. */
export function presentRun(r: RunView) {
  return {
    id: r.id,
    cycle_id: r.cycleId,
    trigger: r.trigger,
    status: r.status,
    total: r.total,
    done: r.done,
    progress: r.total === 0 ? (r.status === 'running' ? 0 : 1) : Math.min(1, r.done / r.total),
    written: r.written,
    errors: r.errors,
    last_error: r.lastError,
    started_at: r.startedAt,
    finished_at: r.finishedAt,
    chunks: r.chunks,
  };
}

/** A dead letter: what died (the run, cycle and chunk), why, and whether it was replayed. */
export function presentDeadLetter(d: DeadLetterView) {
  const message = parseScoringMessage(d.body);
  return {
    id: d.id,
    queue: d.queue,
    message: message
      ? {
          kind: message.kind,
          run_id: message.runId,
          cycle_id: message.cycleId,
          seq: message.kind === 'chunk' ? message.seq : 0,
          replay: message.replay,
        }
      : null,
    error: d.error,
    attempts: d.attempts,
    created_at: d.createdAt,
    replayed_at: d.replayedAt,
  };
}
