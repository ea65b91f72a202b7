import { z } from '@hono/zod-openapi';
import { ORG_UNIT_KINDS } from '@kaoping/db/schema';
import { bi } from '../../lib/bilingual-zod.ts';
import { nameField, stageField, timestampField } from '../../lib/fields.ts';
import { MILESTONE_KINDS, REQUIRED_STATUSES } from '../../services/cycles/milestone-rules.ts';
import { STEPS } from '../../services/cycles/review-chain.ts';

// Shared request and response schemas of the campaign routes (cycles, scope, targets,
// milestones). Bodies are strict: unknown fields (tenant_id, status, score…) are refused.

export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const TextSchema = z
  .strictObject({ zh: nameField(200), en: nameField(200) })
  .openapi('BilingualText', { example: { zh: '镇评估推荐', en: 'Town recommendation' } });

export const dateField = z.iso
  .date({ message: bi('应为 YYYY-MM-DD 格式的日期', 'must be a date as YYYY-MM-DD') })
  .openapi({ example: '2023-10-01' });

export const packKeyField = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, {
    message: bi('标准包标识如 gz.full-employment', 'a pack key such as gz.full-employment'),
  })
  .openapi({ example: 'gz.full-employment' });

export const packVersionField = z
  .string()
  .max(40)
  .regex(/^\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?$/, {
    message: bi('版本号如 2024.1', 'a version such as 2024.1'),
  })
  .openapi({ example: '2024.1' });

const scalar = z.union([z.number(), z.string().max(200), z.boolean()]);

/** Parameter values, checked against the pack's parameters by the service. */
export const ParametersField = z
  .record(z.string().max(64), scalar)
  .refine((r) => Object.keys(r).length <= 50, {
    message: bi('参数不能超过 50 个', 'at most 50 parameters'),
  })
  .openapi({ example: { passMark: 80 }, description: 'Values for the pack’s parameters' });

/** Cycle-supplied references: a number for every unit, or {orgUnitId: number}. */
export const ReferencesField = z
  .record(z.string().max(64), z.union([z.number(), z.record(z.string().max(80), z.number())]))
  .refine((r) => Object.keys(r).length <= 50, {
    message: bi('参考值不能超过 50 个', 'at most 50 references'),
  })
  .openapi({ example: { countyAverageEmploymentRate: 92.5 } });

export const StageRequestSchema = z
  .strictObject({
    key: stageField,
    step: z.enum(STEPS),
    title: TextSchema.optional(),
    pack_stage: z.string().min(1).max(40).optional().openapi({
      description: 'The pack’s stage whose assessed items are entered here (default: key)',
      example: 'county',
    }),
  })
  .openapi('StageRequest');

export const StagesField = z.array(StageRequestSchema).min(2).max(5);

export const StageSchema = z
  .object({
    key: z.string(),
    title: TextSchema,
    step: z.enum(STEPS),
    actor: z.enum(['reporter', 'reviewer']),
    pack_stage: z.string(),
  })
  .openapi('Stage');

export const TargetSchema = z
  .object({
    id: z.string(),
    org_unit_id: z.string(),
    unit_kind: z.string(),
    rate_percent: z.number(),
    count: z.number().int().nullable(),
  })
  .openapi('Target');

export const RecurrenceSchema = z
  .strictObject({
    weekday: z.number().int().min(1).max(7).openapi({ description: 'ISO weekday, 4 = Thursday' }),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: bi('时刻如 16:00', 'a time such as 16:00') })
      .openapi({ example: '16:00' }),
    timezone: z.string().max(40).openapi({ example: 'Asia/Shanghai' }),
    starts: dateField,
    until: dateField.optional(),
  })
  .openapi('Recurrence');

export const MilestoneSchema = z
  .object({
    id: z.string(),
    type: z.enum(MILESTONE_KINDS),
    title: TextSchema,
    due_at: z.string(),
    required_status: z.string().nullable(),
    recurrence: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Milestone');

const PackRefSchema = z.object({ key: z.string(), version: z.string(), content_hash: z.string() });

export const CycleSchema = z
  .object({
    id: z.string().openapi({ example: 'cyc_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f' }),
    name: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
    pack: PackRefSchema,
    parameters: z.record(z.string(), z.unknown()),
    references: z.record(z.string(), z.unknown()),
    period: z.object({ start: z.string(), end: z.string() }),
    stages: z.array(StageSchema),
    targets: z.array(TargetSchema),
    milestones: z.array(MilestoneSchema),
    unit_count: z.number().int(),
    public_objection_path: z.string().nullable().openapi({
      description: 'The public objection link (admins only): publish it during 公示',
    }),
    scoring_epoch: z.number().int(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    etag: z.string(),
  })
  .openapi('Cycle');

export const CycleSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
    pack: PackRefSchema,
    period: z.object({ start: z.string(), end: z.string() }),
    stages: z.array(z.object({ key: z.string(), title: TextSchema, step: z.enum(STEPS) })),
    created_at: z.string(),
    updated_at: z.string(),
    etag: z.string(),
  })
  .openapi('CycleSummary');

export const unitKindField = z.enum(ORG_UNIT_KINDS);

export const MilestoneBodyFields = {
  title: TextSchema,
  due_at: timestampField.optional(),
  required_status: z.enum(REQUIRED_STATUSES).nullable().optional(),
  recurrence: RecurrenceSchema.nullable().optional(),
};
