import { createRoute, z } from '@hono/zod-openapi';
import { SUBMISSION_STATUSES } from '@kaoping/db/schema';
import { bi } from '../../lib/bilingual-zod.ts';
import { pathId, stageField, timestampField } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import {
  bearerSecurity,
  etagHeader,
  IdempotencyHeaders,
  IfMatchHeaders,
  problemResponses,
} from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';
import { STEPS } from '../../services/cycles/review-chain.ts';
import { ACTIONS } from '../../services/submissions/present.ts';
import { CycleParams } from '../cycles/cycles.routes.ts';
import { json, TextSchema } from '../cycles/cycles.schemas.ts';

export const SubmissionParams = z.object({
  submissionId: pathId('submissionId', 'sub_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f'),
});
const StageParams = SubmissionParams.extend({
  stage: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'stage', in: 'path' }, example: 'recommended' }),
});

const WRITE_PROBLEMS = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'payload_too_large',
  'unsupported_media_type',
] as const;

const SubmissionRowFields = {
  id: z.string().openapi({ example: 'sub_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f' }),
  cycle_id: z.string(),
  org_unit_id: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  stage: z.string(),
  return_reason: z.string().nullable(),
  publicity_ends_at: z.string().nullable(),
  sealed_hash: z.string().nullable(),
  published_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  revoke_reason: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  etag: z.string(),
};

const StageDataSchema = z
  .object({
    stage: z.string(),
    inputs: z.record(z.string(), z.unknown()),
    assessments: z.record(z.string(), z.unknown()).openapi({
      description: '{key: {points, reason, by, at, stage}} — reasons and names for people only',
    }),
    corrections: z.record(z.string(), z.unknown()).openapi({
      description: 'Reviewers’ corrections of reported inputs: {input: {from, to, reason, by, at}}',
    }),
    updated_by: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('StageData');

const SubmissionSchema = z
  .object({
    ...SubmissionRowFields,
    unit: z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.string() }),
    unit_kind: z.string(),
    current_stage: z.object({
      key: z.string(),
      title: TextSchema,
      step: z.enum(STEPS),
      actor: z.enum(['reporter', 'reviewer']),
    }),
    stages: z.array(
      z.object({
        key: z.string(),
        title: TextSchema,
        step: z.enum(STEPS),
        actor: z.enum(['reporter', 'reviewer']),
        state: z.enum(['done', 'current', 'ahead']),
      }),
    ),
    data: StageDataSchema,
    actions: z.array(z.enum(ACTIONS)).openapi({ description: 'What the caller may do now' }),
  })
  .openapi('Submission');

const submissionResponse = (description: string) => ({
  description,
  headers: etagHeader,
  content: json(SubmissionSchema),
});

export const listSubmissionsRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/submissions',
  tags: ['submissions'],
  summary: '填报列表 A cycle’s submissions the caller may read, in tree order',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    query: z.strictObject({
      status: z.enum([...SUBMISSION_STATUSES, 'all']).default('all'),
      stage: stageField.optional(),
      org_unit_id: z
        .string()
        .min(1)
        .max(80)
        .optional()
        .openapi({ example: 'org_7a0c4e1f9b2d4c8e8a6b1d3f5e7c9a0b' }),
      ...pageQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of submissions',
      content: json(
        pageSchema(
          z.object({ ...SubmissionRowFields, unit_name: z.string() }).openapi('SubmissionSummary'),
        ),
      ),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const getSubmissionRoute = createRoute({
  method: 'get',
  path: '/v1/submissions/{submissionId}',
  tags: ['submissions'],
  summary: '读取填报 A submission, its current stage’s data and the caller’s possible actions',
  security: bearerSecurity,
  request: { params: SubmissionParams },
  responses: {
    200: submissionResponse('The submission'),
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

const inputValue = z.union([
  z.number(),
  z.boolean(),
  z.string().max(10_000),
  z.array(z.string().max(80)).max(50),
  z.null(),
]);

/** A pack's input ids are identifiers: a letter, then letters, digits or _ (no "__proto__"). */
const inputId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    message: bi('不是标准包的字段名', 'not an input id of a pack'),
  });

/** Assessment keys are rule keys or item ids ("一.3", "失业保险.8"): no spaces, no leading _. */
const assessmentKey = z
  .string()
  .max(64)
  .regex(/^[^\s_][^\s]*$/u, {
    message: bi('不是酌情评分指标的标识', 'not an assessed item’s key'),
  });

const SaveInputsBody = z
  .strictObject({
    inputs: z
      .record(inputId, inputValue)
      .refine((r) => Object.keys(r).length <= 500, {
        message: bi('一次最多 500 个字段', 'at most 500 inputs at once'),
      })
      .openapi({
        description:
          'Values to set, by the pack’s input ids; null clears one; inputs not named keep their value',
        example: { registeredUnemployed: 48, unemployedReemployed: 43 },
      }),
    reason: z.string().trim().min(1).max(1000).optional().openapi({
      description: 'Why a reviewer corrects reported figures (required at reviewer stages)',
    }),
  })
  .openapi('SaveInputs');

export const saveInputsRoute = createRoute({
  method: 'patch',
  path: '/v1/submissions/{submissionId}/inputs',
  tags: ['submissions'],
  summary: '填报数据 Enter or correct inputs at the current stage (If-Match)',
  description:
    'Validated by the pack’s own input schema (draft mode: anything may still be missing); ' +
    'a wrong type or a value out of bounds is a 400 naming `body.inputs.<id>` in zh and en. ' +
    'Reporters (and clients with submissions:write) write at the first stage, each stage’s ' +
    'reviewers at theirs, with a reason.',
  security: bearerSecurity,
  request: {
    params: SubmissionParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(SaveInputsBody) },
  },
  responses: {
    200: { description: 'Saved', headers: etagHeader, content: json(StageDataSchema) },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

const SaveAssessmentsBody = z
  .strictObject({
    assessments: z
      .record(
        assessmentKey,
        z
          .strictObject({
            points: z.number(),
            reason: z.string().trim().min(1).max(1000),
          })
          .nullable(),
      )
      .refine((r) => Object.keys(r).length <= 200, {
        message: bi('一次最多 200 项', 'at most 200 items at once'),
      })
      .openapi({ example: { trainingBrand: { points: 2, reason: '有省级知名培训品牌' } } }),
  })
  .openapi('SaveAssessments');

export const saveAssessmentsRoute = createRoute({
  method: 'patch',
  path: '/v1/submissions/{submissionId}/assessments',
  tags: ['submissions'],
  summary: '酌情评分 Enter assessed items at the current stage (people, If-Match)',
  security: bearerSecurity,
  request: {
    params: SubmissionParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(SaveAssessmentsBody) },
  },
  responses: {
    200: { description: 'Saved', headers: etagHeader, content: json(StageDataSchema) },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

const TransitionBody = z
  .strictObject({
    action: z.enum(ACTIONS),
    reason: z.string().trim().min(1).max(1000).optional().openapi({
      description: 'Required to return or revoke',
    }),
    publicity_ends_at: timestampField.optional().openapi({
      description: 'When publicity (公示) ends; default: the cycle’s publicity_end milestone',
    }),
  })
  .openapi('Transition');

export const transitionRoute = createRoute({
  method: 'post',
  path: '/v1/submissions/{submissionId}/transitions',
  tags: ['submissions'],
  summary: '流转 Submit, recommend, verify, publicise, publish, return or revoke (If-Match)',
  description:
    'Each step is taken by its stage’s actor: the unit’s reporters submit (clients with ' +
    'submissions:write may too, and nothing more), each stage’s reviewers take theirs. Out of ' +
    'order is 409; someone else’s step is 403. Completing a stage needs every required input. ' +
    'Publishing waits for the publicity window to end and its objections to be resolved, and ' +
    'seals the result (see GET …/seal). Revocation (复查) needs a reason. A client that lost ' +
    'the answer may send the step again with the same Idempotency-Key and gets the first ' +
    'answer, instead of a 412 for an ETag its own step made stale.',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    params: SubmissionParams,
    headers: IfMatchHeaders.extend(IdempotencyHeaders.shape),
    body: { required: true, content: json(TransitionBody) },
  },
  responses: {
    200: submissionResponse('Moved'),
    ...problemResponses(...WRITE_PROBLEMS, 'unprocessable'),
  },
});

export const listTransitionsRoute = createRoute({
  method: 'get',
  path: '/v1/submissions/{submissionId}/transitions',
  tags: ['submissions'],
  summary: '流转记录 The submission’s history along the chain',
  security: bearerSecurity,
  request: { params: SubmissionParams },
  responses: {
    200: {
      description: 'Oldest first',
      content: json(
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              action: z.string(),
              from_status: z.string(),
              to_status: z.string(),
              from_stage: z.string().nullable(),
              to_stage: z.string().nullable(),
              reason: z.string().nullable(),
              actor_id: z.string().nullable(),
              at: z.string(),
            }),
          ),
        }),
      ),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const getStageRoute = createRoute({
  method: 'get',
  path: '/v1/submissions/{submissionId}/stages/{stage}',
  tags: ['submissions'],
  summary: '阶段数据与得分 One stage’s own data and current score (自评分 / 初评分 / 审定分)',
  security: bearerSecurity,
  request: { params: StageParams },
  responses: {
    200: {
      description: 'The stage',
      content: json(
        StageDataSchema.extend({
          title: TextSchema,
          data_hash: z.string(),
          score: z
            .object({
              snapshot_id: z.string(),
              total: z.number().nullable(),
              max: z.number().nullable(),
              complete: z.boolean(),
              designation_met: z.boolean().nullable(),
              pack_version: z.string(),
              scored_at: z.string(),
              current: z.boolean(),
            })
            .nullable(),
        }).openapi('StageScore'),
      ),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const getSealRoute = createRoute({
  method: 'get',
  path: '/v1/submissions/{submissionId}/seal',
  tags: ['submissions'],
  summary: '封存结果 The sealed published result and its SHA-256, to verify',
  description:
    '`hash` = SHA-256 (hex) of the UTF-8 bytes of `document` in canonical JSON: object keys ' +
    'sorted by UTF-16 code unit at every level, no whitespace, numbers and strings as ' +
    'JSON.stringify writes them (RFC 8785 gives the same bytes). See docs/campaigns.md.',
  security: bearerSecurity,
  request: { params: SubmissionParams },
  responses: {
    200: {
      description: 'The seal',
      content: json(
        z
          .object({
            algorithm: z.literal('SHA-256'),
            canonicalization: z.string(),
            hash: z.string(),
            status: z.enum(SUBMISSION_STATUSES),
            revoked_at: z.string().nullable(),
            document: z.record(z.string(), z.unknown()),
          })
          .openapi('Seal'),
      ),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});
