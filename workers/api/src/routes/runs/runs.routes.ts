import { createRoute, z } from '@hono/zod-openapi';
import { pathId } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import { bearerSecurity, IdempotencyHeaders, problemResponses } from '../../lib/openapi.ts';
import { limitQuery } from '../../lib/pagination.ts';
import { CycleParams } from '../cycles/cycles.routes.ts';
import { json } from '../cycles/cycles.schemas.ts';
import { CYCLE_ID_EXAMPLE, queryId } from '../scores/scores.schemas.ts';

const RUN_ID_EXAMPLE = 'run_1a2b3c4d5e6f708192a3b4c5d6e7f809';

export const RunSchema = z
  .object({
    id: z.string(),
    cycle_id: z.string().nullable(),
    trigger: z.enum(['cron', 'manual', 'queue']),
    status: z.enum(['running', 'done', 'failed']),
    total: z.number().int().openapi({ description: 'Stage rows the run set out to score' }),
    done: z.number().int().openapi({ description: 'Stage rows handled so far' }),
    progress: z.number().openapi({ description: 'done ÷ total, 0..1' }),
    written: z.number().int().openapi({ description: 'New snapshots written' }),
    errors: z.number().int(),
    last_error: z.string().nullable(),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    chunks: z.record(z.string(), z.number().int()).openapi({
      description: 'Queue chunks by status (queued, done, dead, superseded)',
    }),
  })
  .openapi('ScoringRun', {
    example: {
      id: RUN_ID_EXAMPLE,
      cycle_id: CYCLE_ID_EXAMPLE,
      trigger: 'manual',
      status: 'running',
      total: 2684,
      done: 1200,
      progress: 0.447,
      written: 1198,
      errors: 0,
      last_error: null,
      started_at: '2026-11-22T08:00:00.000Z',
      finished_at: null,
      chunks: { done: 6, queued: 8 },
    },
  });

export const DeadLetterSchema = z
  .object({
    id: z.string(),
    queue: z.string(),
    message: z
      .object({
        kind: z.enum(['plan', 'chunk']),
        run_id: z.string(),
        cycle_id: z.string(),
        seq: z.number().int(),
        replay: z.number().int(),
      })
      .nullable()
      .openapi({ description: 'The scoring message that died (null: not a scoring message)' }),
    error: z.string(),
    attempts: z.number().int(),
    created_at: z.string(),
    replayed_at: z.string().nullable(),
  })
  .openapi('DeadLetter', {
    example: {
      id: 'dlq_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      queue: 'kaoping-scoring',
      message: {
        kind: 'chunk',
        run_id: RUN_ID_EXAMPLE,
        cycle_id: CYCLE_ID_EXAMPLE,
        seq: 3,
        replay: 0,
      },
      error: 'ParameterError: unknown parameter designation',
      attempts: 6,
      created_at: '2026-11-22T08:03:00.000Z',
      replayed_at: null,
    },
  });

export const rescoreRoute = createRoute({
  method: 'post',
  path: '/v1/cycles/{cycleId}/rescore',
  tags: ['runs'],
  summary: '立即重新评分 Re-score a cycle now (admin): the scheduler plans and scores it',
  description:
    'Marks every stage row of the cycle to score, records a manual run and queues its plan ' +
    '(the scheduler cuts it into chunks). Answers the run at once; follow it at /v1/runs/{runId}. ' +
    'Unchanged data writes no new snapshot.',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: { params: CycleParams, headers: IdempotencyHeaders },
  responses: {
    202: { description: 'Accepted: the run, just started', content: json(RunSchema) },
    ...problemResponses('unauthorized', 'forbidden', 'not_found', 'conflict', 'unprocessable'),
  },
});

export const listRunsRoute = createRoute({
  method: 'get',
  path: '/v1/runs',
  tags: ['runs'],
  summary: '评分任务列表 Recent scoring runs of the tenant, newest first (admin)',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      cycle_id: queryId('cycle_id', CYCLE_ID_EXAMPLE).optional(),
      limit: limitQuery,
    }),
  },
  responses: {
    200: {
      description: 'Runs with their progress',
      content: json(z.object({ items: z.array(RunSchema) }).openapi('ScoringRunList')),
    },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const RunParams = z.object({ runId: pathId('runId', RUN_ID_EXAMPLE) });

export const getRunRoute = createRoute({
  method: 'get',
  path: '/v1/runs/{runId}',
  tags: ['runs'],
  summary: '评分任务进度 A scoring run: progress (done / total) and outcome (admin)',
  security: bearerSecurity,
  request: { params: RunParams },
  responses: {
    200: { description: 'The run', content: json(RunSchema) },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const listDeadLettersRoute = createRoute({
  method: 'get',
  path: '/v1/dead-letters',
  tags: ['runs'],
  summary: '死信列表 Scoring messages that exhausted their retries, newest first (admin)',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      status: z
        .enum(['pending', 'all'])
        .default('pending')
        .openapi({ param: { name: 'status', in: 'query' }, example: 'pending' }),
      limit: limitQuery,
    }),
  },
  responses: {
    200: {
      description: 'Dead letters',
      content: json(z.object({ items: z.array(DeadLetterSchema) }).openapi('DeadLetterList')),
    },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const DeadLetterParams = z.object({
  deadLetterId: pathId('deadLetterId', 'dlq_0a1b2c3d4e5f60718293a4b5c6d7e8f9'),
});

export const replayDeadLetterRoute = createRoute({
  method: 'post',
  path: '/v1/dead-letters/{deadLetterId}/replay',
  tags: ['runs'],
  summary:
    '重新投递死信 Send a dead letter’s work again, under the cycle’s current version (admin)',
  description:
    'Its rows leave quarantine, its chunk and run re-open, and the message is queued again ' +
    '(scored under the cycle’s current pack version). 409 if it was already replayed.',
  security: bearerSecurity,
  request: { params: DeadLetterParams },
  responses: {
    200: {
      description: 'Replayed',
      content: json(
        z
          .object({ id: z.string(), replayed_at: z.string(), run: RunSchema.nullable() })
          .openapi('DeadLetterReplay', {
            example: {
              id: 'dlq_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
              replayed_at: '2026-11-22T09:00:00.000Z',
              run: {
                id: RUN_ID_EXAMPLE,
                cycle_id: CYCLE_ID_EXAMPLE,
                trigger: 'manual',
                status: 'running',
                total: 2684,
                done: 2484,
                progress: 0.925,
                written: 2480,
                errors: 1,
                last_error: 'ParameterError: unknown parameter designation',
                started_at: '2026-11-22T08:00:00.000Z',
                finished_at: null,
                chunks: { done: 13, queued: 1 },
              },
            },
          }),
      ),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found', 'conflict'),
  },
});
