import { createRoute, z } from '@hono/zod-openapi';
import { publicContext } from '../../lib/context.ts';
import { pathId } from '../../lib/fields.ts';
import { publicIdempotency } from '../../lib/idempotency.ts';
import {
  bearerSecurity,
  IdempotencyHeaders,
  noSecurity,
  problemResponses,
} from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';
import { clientAddress, rateLimit } from '../../lib/rate-limit.ts';
import { objectionKeyScope } from '../../services/objections/raise.ts';
import { CycleParams } from '../cycles/cycles.routes.ts';
import { json, TextSchema } from '../cycles/cycles.schemas.ts';

const TokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'token', in: 'path' }, example: 'kpo_Xq…' }),
});
const ObjectionParams = z.object({
  objectionId: pathId('objectionId', 'obj_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f'),
});

/** Per address and link: a burst of objections from one place gets 429 with Retry-After. */
const limited = rateLimit(
  'OBJECTION_LIMITER',
  (c) => `${clientAddress(c)}\u0000${c.req.param('token') ?? ''}`,
);

/** A retried objection (same Idempotency-Key) gets its first receipt back, and files nothing. */
const keyedByLink = publicIdempotency((c) =>
  objectionKeyScope(publicContext(c), c.req.param('token') ?? ''),
);

export const ObjectionSchema = z
  .object({
    id: z.string(),
    cycle_id: z.string(),
    submission_id: z.string(),
    unit_name: z.string().optional(),
    text: z.string(),
    status: z.enum(['open', 'upheld', 'dismissed']),
    resolution: z.string().nullable(),
    resolved_by: z.string().nullable(),
    resolved_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('Objection');

export const publicPageRoute = createRoute({
  method: 'get',
  path: '/v1/public/objections/{token}',
  tags: ['public'],
  summary: '公示 What a cycle’s public link shows: the units under publicity (no sign-in)',
  security: noSecurity,
  middleware: [limited] as const,
  request: { params: TokenParams },
  responses: {
    200: {
      description: 'Units under publicity',
      content: json(
        z
          .object({
            cycle: z.object({
              name: z.string(),
              period: z.object({ start: z.string(), end: z.string() }),
            }),
            units: z.array(
              z.object({
                submission_id: z.string(),
                unit_name: z.string(),
                unit_kind: z.string(),
                publicity_ends_at: z.string(),
                total: z.number().nullable(),
                max: z.number().nullable(),
                designated: z.boolean().nullable(),
              }),
            ),
          })
          .openapi('PublicityPage'),
      ),
    },
    ...problemResponses('not_found', 'rate_limited'),
  },
});

const RaiseBody = z
  .strictObject({
    submission_id: z.string().min(1).max(80),
    text: z.string().trim().min(5).max(2000).openapi({
      description: 'The objection; ID-card and mobile numbers are removed before it is stored',
    }),
  })
  .openapi('RaiseObjection');

export const raiseObjectionRoute = createRoute({
  method: 'post',
  path: '/v1/public/objections/{token}',
  tags: ['public'],
  summary: '提出异议 Object to a publicised result (no sign-in, rate-limited)',
  security: noSecurity,
  middleware: [limited, keyedByLink] as const,
  request: {
    params: TokenParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: json(RaiseBody) },
  },
  responses: {
    201: {
      description: 'Received (the text is not repeated back)',
      content: json(
        z
          .object({
            id: z.string(),
            status: z.literal('open'),
            received_at: z.string(),
            personal_data_removed: z.boolean(),
            message: TextSchema,
          })
          .openapi('ObjectionReceipt'),
      ),
    },
    ...problemResponses(
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'unprocessable',
      'rate_limited',
    ),
  },
});

export const listObjectionsRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/objections',
  tags: ['objections'],
  summary: '异议列表 Objections raised in a cycle (people)',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    query: z.strictObject({
      status: z.enum(['open', 'upheld', 'dismissed', 'all']).default('all'),
      ...pageQuery,
    }),
  },
  responses: {
    200: { description: 'Oldest first', content: json(pageSchema(ObjectionSchema)) },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

const ResolveBody = z
  .strictObject({
    decision: z.enum(['uphold', 'dismiss']),
    reason: z.string().trim().min(1).max(1000),
  })
  .openapi('ResolveObjection');

export const resolveObjectionRoute = createRoute({
  method: 'post',
  path: '/v1/objections/{objectionId}/resolve',
  tags: ['objections'],
  summary: '处理异议 Uphold (returns the unit for correction) or dismiss, with a reason',
  security: bearerSecurity,
  request: { params: ObjectionParams, body: { required: true, content: json(ResolveBody) } },
  responses: {
    200: { description: 'Resolved', content: json(ObjectionSchema) },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'precondition_failed',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});
