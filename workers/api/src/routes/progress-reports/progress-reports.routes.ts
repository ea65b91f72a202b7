import { createRoute, z } from '@hono/zod-openapi';
import { bi } from '../../lib/bilingual-zod.ts';
import { bearerSecurity, problemResponses } from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';
import { CycleParams } from '../cycles/cycles.routes.ts';
import { json } from '../cycles/cycles.schemas.ts';

export const ProgressReportSchema = z
  .object({
    id: z.string(),
    cycle_id: z.string(),
    milestone_id: z.string(),
    org_unit_id: z.string(),
    submission_id: z.string(),
    due_at: z.string().openapi({ description: 'The weekly occurrence the report counts for' }),
    text: z.string(),
    figures: z.record(z.string(), z.number()),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('ProgressReport');

const FileReportBody = z
  .strictObject({
    org_unit_id: z.string().min(1).max(80),
    milestone_id: z.string().min(1).max(80).optional(),
    text: z.string().trim().min(1).max(4000).openapi({
      description: '创建推进情况、疑难问题及解决建议 — progress, problems and proposed solutions',
    }),
    figures: z
      .record(z.string().max(64), z.number())
      .refine((r) => Object.keys(r).length <= 50, {
        message: bi('最多 50 项数字', 'at most 50 figures'),
      })
      .optional(),
  })
  .openapi('FileProgressReport');

export const fileReportRoute = createRoute({
  method: 'post',
  path: '/v1/cycles/{cycleId}/progress-reports',
  tags: ['progress reports'],
  summary: '进度报告 File this week’s progress report for a unit (its reporters)',
  description:
    'Counts for the first occurrence of the cycle’s weekly progress-report milestone not yet ' +
    'past (003_…: every Thursday 16:00 from July); filing again the same week replaces it ' +
    '(200). The scheduler flags units that miss a week.',
  security: bearerSecurity,
  request: { params: CycleParams, body: { required: true, content: json(FileReportBody) } },
  responses: {
    201: {
      description: 'Filed',
      content: json(ProgressReportSchema.extend({ personal_data_removed: z.boolean() })),
    },
    200: {
      description: 'Replaced this week’s report',
      content: json(ProgressReportSchema.extend({ personal_data_removed: z.boolean() })),
    },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});

export const listReportsRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/progress-reports',
  tags: ['progress reports'],
  summary: '进度报告列表 A cycle’s progress reports, newest week first',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    query: z.strictObject({
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
      description: 'A page of reports',
      content: json(pageSchema(ProgressReportSchema.extend({ unit_name: z.string() }))),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});
