/**
 * The scoring queue's messages (workers/scheduler consumes them; the scheduler and the API's
 * on-demand functions send them). Checked on receipt with parseScoringMessage: a body that
 * does not parse is poison and ends in the dead-letter queue. (packages/db carries no zod;
 * the shape is small enough to check by hand, and one checker serves both ends.)
 */

export const SCORING_QUEUE = 'kaoping-scoring';
export const SCORING_DEAD_LETTER_QUEUE = 'kaoping-scoring-dlq';

/** A stage row's key within a cycle: [submission id, stage]. */
export type StageKey = readonly [string, string];

/** What a run scores a cycle with, fixed when the run planned it. */
export interface CyclePin {
  readonly packKey: string;
  readonly packVersion: string;
  /** 64 hex digits. */
  readonly packHash: string;
  readonly epoch: number;
}

/** Score the dirty stage rows of one cycle in (after, through], in key order. */
export interface ChunkMessage {
  readonly kind: 'chunk';
  readonly runId: string;
  /** The chunk's number within its run (1, 2, …; 0 is a re-score's planning step). */
  readonly seq: number;
  readonly tenantId: string;
  readonly cycleId: string;
  readonly pin: CyclePin;
  /** Exclusive lower bound; null: from the first row. */
  readonly after: StageKey | null;
  /** Inclusive upper bound; null: to the last row. */
  readonly through: StageKey | null;
  /** 0 when first sent; n for the n-th replay from the dead letters. */
  readonly replay: number;
}

/** Cut a cycle's rows to score into chunks (an on-demand re-score). */
export interface PlanMessage {
  readonly kind: 'plan';
  readonly runId: string;
  readonly tenantId: string;
  readonly cycleId: string;
  readonly replay: number;
}

export type ScoringMessage = ChunkMessage | PlanMessage;

type Shape = Record<string, unknown>;

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function keys(value: Shape, allowed: readonly string[]): boolean {
  return Object.keys(value).every((k) => allowed.includes(k));
}

function stageKey(value: unknown): value is StageKey | null {
  return value === null || (Array.isArray(value) && value.length === 2 && value.every(text));
}

function pin(value: unknown): value is CyclePin {
  if (!value || typeof value !== 'object') return false;
  const p = value as Shape;
  return (
    keys(p, ['packKey', 'packVersion', 'packHash', 'epoch']) &&
    text(p.packKey) &&
    text(p.packVersion) &&
    typeof p.packHash === 'string' &&
    /^[0-9a-f]{64}$/.test(p.packHash) &&
    count(p.epoch)
  );
}

/** The message, or null when `value` is not exactly one (unknown fields are refused). */
export function parseScoringMessage(value: unknown): ScoringMessage | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const m = value as Shape;
  const common = text(m.runId) && text(m.tenantId) && text(m.cycleId) && count(m.replay);
  if (!common) return null;
  if (m.kind === 'plan') {
    return keys(m, ['kind', 'runId', 'tenantId', 'cycleId', 'replay'])
      ? (m as unknown as PlanMessage)
      : null;
  }
  if (m.kind === 'chunk') {
    const ok =
      keys(m, [
        'kind',
        'runId',
        'seq',
        'tenantId',
        'cycleId',
        'pin',
        'after',
        'through',
        'replay',
      ]) &&
      count(m.seq) &&
      pin(m.pin) &&
      stageKey(m.after) &&
      stageKey(m.through);
    return ok ? (m as unknown as ChunkMessage) : null;
  }
  return null;
}

/** The part of a Queue producer binding the senders use. */
export interface ScoringQueue {
  send(body: ScoringMessage, options?: { delaySeconds?: number }): Promise<unknown>;
  sendBatch(messages: Iterable<{ body: ScoringMessage; delaySeconds?: number }>): Promise<unknown>;
}

/**
 * `(submission_id, stage)` of table `alias` after `after` and up to `through`, as SQL text with
 * `?` placeholders and the values to bind in order. Written as OR/AND rather than row values so
 * SQLite walks submission_stages_work_idx.
 */
export function stageKeyRange(
  alias: string,
  after: StageKey | null,
  through: StageKey | null,
): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (after) {
    parts.push(
      `(${alias}.submission_id > ? OR (${alias}.submission_id = ? AND ${alias}.stage > ?))`,
    );
    params.push(after[0], after[0], after[1]);
  }
  if (through) {
    parts.push(
      `(${alias}.submission_id < ? OR (${alias}.submission_id = ? AND ${alias}.stage <= ?))`,
    );
    params.push(through[0], through[0], through[1]);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}
