import { createRoute, z } from '@hono/zod-openapi';
import { bi } from '../../lib/bilingual-zod.ts';
import { nameField, pathId, timestampField } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import {
  bearerSecurity,
  etagHeader,
  IdempotencyHeaders,
  IfMatchHeaders,
  problemResponses,
} from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';
import { MILESTONE_KINDS } from '../../services/cycles/milestone-rules.ts';
import {
  CycleSchema,
  CycleSummarySchema,
  dateField,
  json,
  MilestoneBodyFields,
  ParametersField,
  packKeyField,
  packVersionField,
  RecurrenceSchema,
  ReferencesField,
  StagesField,
  TextSchema,
  unitKindField,
} from './cycles.schemas.ts';

export const CycleParams = z.object({
  cycleId: pathId('cycleId', 'cyc_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f'),
});
const MilestoneParams = CycleParams.extend({
  milestoneId: pathId('milestoneId', 'ms_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f'),
});

const cycleResponse = (description: string) => ({
  description,
  headers: etagHeader,
  content: json(CycleSchema),
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

const CreateCycleBody = z
  .strictObject({
    name: nameField(200),
    pack_key: packKeyField,
    pack_version: packVersionField,
    parameters: ParametersField.optional(),
    references: ReferencesField.optional(),
    period_start: dateField,
    period_end: dateField,
    stages: StagesField.optional().openapi({
      description:
        'The review chain; default: the pack’s own, else 自评 self → 镇评估推荐 recommended → 区核定 verified → 公示 publicised → 市公布 published',
    }),
  })
  .openapi('CreateCycle');

export const createCycleRoute = createRoute({
  method: 'post',
  path: '/v1/cycles',
  tags: ['cycles'],
  summary: '新建考核周期 Create a cycle: pack version, parameters, period, review chain (admin)',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: json(CreateCycleBody) },
  },
  responses: {
    201: cycleResponse('Created (draft)'),
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'unprocessable',
    ),
  },
});

export const listCyclesRoute = createRoute({
  method: 'get',
  path: '/v1/cycles',
  tags: ['cycles'],
  summary: '考核周期列表 List the tenant’s cycles, newest first',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      status: z.enum(['draft', 'open', 'closed', 'all']).default('all'),
      ...pageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of cycles', content: json(pageSchema(CycleSummarySchema)) },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const getCycleRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}',
  tags: ['cycles'],
  summary: '读取考核周期 Read a cycle with its chain, targets and milestones',
  security: bearerSecurity,
  request: { params: CycleParams },
  responses: {
    200: cycleResponse('The cycle'),
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

const UpdateCycleBody = z
  .strictObject({
    name: nameField(200).optional(),
    parameters: ParametersField.optional(),
    references: ReferencesField.optional(),
    period_start: dateField.optional(),
    period_end: dateField.optional(),
    stages: StagesField.optional(),
    status: z.enum(['draft', 'open', 'closed']).optional().openapi({
      description: 'draft → open → closed; a closed cycle refuses every write but revocation',
    }),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: bi('至少修改一个字段', 'change at least one field'),
  })
  .openapi('UpdateCycle');

export const updateCycleRoute = createRoute({
  method: 'patch',
  path: '/v1/cycles/{cycleId}',
  tags: ['cycles'],
  summary:
    '修改考核周期 Change name, period, parameters, references, chain or status (admin, If-Match)',
  description:
    'New parameters or references re-score every unit of the cycle (the scheduler picks them up). ' +
    'The review chain can change only while the cycle is a draft with no units in scope.',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(UpdateCycleBody) },
  },
  responses: { 200: cycleResponse('Updated'), ...problemResponses(...WRITE_PROBLEMS) },
});

const SwitchVersionBody = z
  .strictObject({
    step: z.enum(['preview', 'confirm']),
    pack_key: packKeyField.optional(),
    pack_version: packVersionField,
    parameters: ParametersField.optional(),
  })
  .openapi('SwitchVersion');

const MovedItemSchema = z.object({
  id: z.string(),
  old: z.number().nullable(),
  new: z.number().nullable(),
  delta: z.number().nullable(),
});
const TotalsSchema = z.object({
  total: z.number(),
  complete: z.boolean(),
  designated: z.boolean().nullable(),
});

const SwitchVersionResult = z
  .object({
    step: z.enum(['preview', 'confirm']),
    from: z.object({ key: z.string(), version: z.string(), content_hash: z.string() }),
    to: z.object({ key: z.string(), version: z.string(), content_hash: z.string() }),
    parameters: z.record(z.string(), z.unknown()),
    summary: z.object({
      units: z.number().int(),
      gain: z.number().int(),
      lose: z.number().int(),
      same: z.number().int(),
      designationGained: z.number().int(),
      designationLost: z.number().int(),
    }),
    truncated: z.boolean(),
    units: z.array(
      z.object({
        org_unit_id: z.string(),
        name: z.string(),
        submission_id: z.string(),
        stage: z.string(),
        old: TotalsSchema,
        new: TotalsSchema,
        delta: z.number(),
        moved: z.array(MovedItemSchema),
      }),
    ),
    etag: z.string(),
  })
  .openapi('SwitchVersionResult');

/** If-Match for the confirm step only (the preview reads). */
const ConfirmIfMatch = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({
      param: { in: 'header', required: false, description: 'Required to confirm' },
      example: '"3"',
    }),
});

export const switchVersionRoute = createRoute({
  method: 'post',
  path: '/v1/cycles/{cycleId}/switch-version',
  tags: ['cycles'],
  summary: '切换标准包版本 Switch a cycle to another pack version: preview, then confirm (admin)',
  description:
    '`step: preview` scores every unit’s current stage data under both versions and lists who ' +
    'would gain or lose points and designations, with the cycle’s ETag. `step: confirm` with ' +
    'that ETag in If-Match switches the cycle; every score is recomputed by the scheduler and ' +
    'the old snapshots stay as they are.',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: ConfirmIfMatch,
    body: { required: true, content: json(SwitchVersionBody) },
  },
  responses: {
    200: { description: 'Preview, or the confirmed switch', content: json(SwitchVersionResult) },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

// Scope.

const ScopeUnitSchema = z
  .object({
    org_unit_id: z.string(),
    name: z.string(),
    kind: z.string(),
    unit_kind: z.string(),
    code: z.string().nullable(),
    path: z.string(),
    submission: z.object({ id: z.string(), status: z.string(), stage: z.string() }).nullable(),
  })
  .openapi('CycleUnit');

export const listCycleUnitsRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/units',
  tags: ['cycles'],
  summary: '周期范围内的单位 Units in scope, in tree order, with their submission',
  security: bearerSecurity,
  request: { params: CycleParams, query: z.strictObject({ ...pageQuery }) },
  responses: {
    200: { description: 'A page of units', content: json(pageSchema(ScopeUnitSchema)) },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

const AddUnitsBody = z
  .strictObject({
    units: z
      .array(
        z.strictObject({
          org_unit_id: z.string().min(1).max(80),
          unit_kind: unitKindField.optional(),
        }),
      )
      .min(1)
      .max(1000),
  })
  .openapi('AddCycleUnits');

const ScopeResult = z
  .object({
    added: z.number().int(),
    kind_changed: z.number().int(),
    unchanged: z.number().int(),
    etag: z.string(),
  })
  .openapi('CycleUnitsAdded');

export const addCycleUnitsRoute = createRoute({
  method: 'post',
  path: '/v1/cycles/{cycleId}/units',
  tags: ['cycles'],
  summary: '纳入单位 Put units in scope, each with its submission (admin, If-Match)',
  description: 'One missing or foreign id refuses the whole list (404).',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(AddUnitsBody) },
  },
  responses: {
    200: { description: 'Scope updated', headers: etagHeader, content: json(ScopeResult) },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

const RemoveUnitsBody = z
  .strictObject({ org_unit_ids: z.array(z.string().min(1).max(80)).min(1).max(1000) })
  .openapi('RemoveCycleUnits');

export const removeCycleUnitsRoute = createRoute({
  method: 'post',
  path: '/v1/cycles/{cycleId}/units/remove',
  tags: ['cycles'],
  summary: '移出单位 Take units out of scope while their submission is with them (admin, If-Match)',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(RemoveUnitsBody) },
  },
  responses: {
    200: {
      description: 'Removed',
      headers: etagHeader,
      content: json(z.object({ removed: z.number().int(), etag: z.string() })),
    },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

const SetTargetsBody = z
  .strictObject({
    targets: z
      .array(
        z.strictObject({
          org_unit_id: z.string().min(1).max(80),
          unit_kind: unitKindField,
          rate_percent: z.number().min(0).max(100),
          count: z.number().int().min(0).max(1_000_000).nullable().optional(),
        }),
      )
      .max(500),
  })
  .openapi('SetCycleTargets');

export const setTargetsRoute = createRoute({
  method: 'put',
  path: '/v1/cycles/{cycleId}/targets',
  tags: ['cycles'],
  summary: '建设目标 Replace the designation-rate targets (admin, If-Match)',
  description:
    'Rates per unit kind per org subtree, e.g. 75 % of communities and 70 % of villages under 良口镇.',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(SetTargetsBody) },
  },
  responses: { 200: cycleResponse('Targets replaced'), ...problemResponses(...WRITE_PROBLEMS) },
});

const CreateMilestoneBody = z
  .strictObject({ type: z.enum(MILESTONE_KINDS), ...MilestoneBodyFields })
  .openapi('CreateMilestone');

export const createMilestoneRoute = createRoute({
  method: 'post',
  path: '/v1/cycles/{cycleId}/milestones',
  tags: ['cycles'],
  summary: '时间节点 Add a milestone, one-off or weekly (admin, If-Match on the cycle)',
  description:
    'A weekly milestone (`recurrence`: weekday, time, Asia/Shanghai, starts, until) falls due on ' +
    'each occurrence; `due_at` defaults to the first. `required_status` is what units must have ' +
    'reached by then; progress-report milestones are met by filing a report that week.',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(CreateMilestoneBody) },
  },
  responses: { 201: cycleResponse('Added'), ...problemResponses(...WRITE_PROBLEMS) },
});

const UpdateMilestoneBody = z
  .strictObject({
    title: TextSchema.optional(),
    due_at: timestampField.optional(),
    required_status: MilestoneBodyFields.required_status,
    recurrence: RecurrenceSchema.nullable().optional(),
  })
  .openapi('UpdateMilestone');

export const updateMilestoneRoute = createRoute({
  method: 'patch',
  path: '/v1/cycles/{cycleId}/milestones/{milestoneId}',
  tags: ['cycles'],
  summary: '修改时间节点 Change a milestone (admin, If-Match on the cycle)',
  security: bearerSecurity,
  request: {
    params: MilestoneParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(UpdateMilestoneBody) },
  },
  responses: { 200: cycleResponse('Changed'), ...problemResponses(...WRITE_PROBLEMS) },
});

export const deleteMilestoneRoute = createRoute({
  method: 'delete',
  path: '/v1/cycles/{cycleId}/milestones/{milestoneId}',
  tags: ['cycles'],
  summary: '删除时间节点 Delete a milestone no report was filed against (admin, If-Match)',
  security: bearerSecurity,
  request: { params: MilestoneParams, headers: IfMatchHeaders },
  responses: {
    200: cycleResponse('Deleted'),
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'precondition_failed',
      'precondition_required',
    ),
  },
});
