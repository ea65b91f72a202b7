import { createRoute, z } from '@hono/zod-openapi';
import { ORG_UNIT_KINDS } from '@kaoping/db/schema';
import { IfNoneMatchHeaders, notModifiedResponses, readETagHeader } from '../../lib/conditional.ts';
import { bearerSecurity, problemResponses } from '../../lib/openapi.ts';
import { cursorQuery, limitQuery } from '../../lib/pagination.ts';
import { CycleParams } from '../cycles/cycles.routes.ts';
import { json } from '../cycles/cycles.schemas.ts';
import { queryId, UNIT_ID_EXAMPLE } from '../scores/scores.schemas.ts';

const READ_PROBLEMS = ['unauthorized', 'forbidden', 'not_found'] as const;

const unitKindQuery = z.enum([...ORG_UNIT_KINDS, '*']).openapi({
  param: { name: 'unit_kind', in: 'query' },
  description: 'A unit kind, or * for all kinds together',
  example: 'village',
});

const rollupExample = {
  org_unit: { id: UNIT_ID_EXAMPLE, name: '良口镇', kind: 'town' },
  unit_kind: 'community',
  in_scope: 3,
  submitted: 3,
  by_status: { published: 2, verified: 1 },
  designated: 2,
  rate_percent: '66.67',
  target: { rate_percent: '75', met: false, needed_units: 1 },
  stats: null,
  computed_at: '2026-11-22T08:05:13.001Z',
};

export const RollupSchema = z
  .object({
    org_unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    unit_kind: z.string().openapi({ description: 'A unit kind, or * for all kinds together' }),
    in_scope: z.number().int(),
    submitted: z.number().int(),
    by_status: z.record(z.string(), z.number().int()).openapi({
      description: 'Units at each status of the review chain; none: no submission yet',
    }),
    designated: z.number().int(),
    rate_percent: z.string().nullable().openapi({
      description: 'Designation rate, exact to 2 places ("66.67"); null when none in scope',
    }),
    target: z
      .object({
        rate_percent: z.string(),
        met: z.boolean().nullable(),
        needed_units: z.number().int().nullable().openapi({
          description: 'How many more units must be designated to meet the target',
        }),
      })
      .nullable(),
    stats: z.record(z.string(), z.unknown()).nullable().openapi({
      description: 'The statistics pack’s figures rolled up the tree (sums, means, rates)',
    }),
    computed_at: z.string(),
  })
  .openapi('Rollup', { example: rollupExample });

export const listRollupsRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/rollups',
  tags: ['rollups'],
  summary:
    '汇总统计 Rollups of a cycle: progress and designation rate vs target, per unit and kind',
  description:
    'One row per org unit (each in-scope unit and every ancestor) and unit kind (* for all): ' +
    'units in scope, submitted, at each status, designated, rate against the nearest target, ' +
    'and the statistics pack’s sums and means up the tree. Written by the scheduler after ' +
    'each run; subtree readers see the rows of units inside their subtrees.',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfNoneMatchHeaders,
    query: z.strictObject({
      org_unit_id: queryId('org_unit_id', UNIT_ID_EXAMPLE).optional(),
      unit_kind: unitKindQuery.optional(),
      cursor: cursorQuery,
      limit: limitQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of rollup rows',
      headers: readETagHeader,
      content: json(
        z
          .object({ items: z.array(RollupSchema), next_cursor: z.string().nullable() })
          .openapi('RollupPage'),
      ),
    },
    ...notModifiedResponses,
    ...problemResponses(...READ_PROBLEMS),
  },
});

const column = <T extends z.ZodType>(item: T) => z.array(item);

export const RollupSeriesSchema = z
  .object({
    cycle_id: z.string(),
    unit_kind: z.string(),
    org_unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    total: RollupSchema.nullable(),
    children: z
      .object({
        org_unit_id: column(z.string()),
        name: column(z.string()),
        kind: column(z.string()),
        in_scope: column(z.number().int()),
        submitted: column(z.number().int()),
        designated: column(z.number().int()),
        rate_percent: column(z.number().nullable()),
        target_percent: column(z.number().nullable()),
        target_met: column(z.boolean().nullable()),
        needed_units: column(z.number().int().nullable()),
      })
      .openapi({ description: 'One column per figure, one entry per child unit (by name)' }),
    truncated: z.boolean(),
  })
  .openapi('RollupSeries', {
    example: {
      cycle_id: 'cyc_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f',
      unit_kind: '*',
      org_unit: { id: UNIT_ID_EXAMPLE, name: '从化区', kind: 'district' },
      total: null,
      children: {
        org_unit_id: [
          'org_1a2b3c4d5e6f708192a3b4c5d6e7f809',
          'org_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
        ],
        name: ['良口镇', '吕田镇'],
        kind: ['town', 'town'],
        in_scope: [23, 18],
        submitted: [23, 15],
        designated: [17, 9],
        rate_percent: [73.91, 50],
        target_percent: [75, 75],
        target_met: [false, false],
        needed_units: [1, 5],
      },
      truncated: false,
    },
  });

export const rollupSeriesRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/rollups/series',
  tags: ['rollups'],
  summary: '汇总图表数据 A unit’s rollup and its children’s, as columns for a chart',
  description:
    'Default unit: the tenant root (or the caller’s own subtree). Rates are numbers here, for ' +
    'plotting; the rollup rows keep exact decimal strings.',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfNoneMatchHeaders,
    query: z.strictObject({
      org_unit_id: queryId('org_unit_id', UNIT_ID_EXAMPLE).optional(),
      unit_kind: unitKindQuery.default('*'),
    }),
  },
  responses: {
    200: { description: 'The series', headers: readETagHeader, content: json(RollupSeriesSchema) },
    ...notModifiedResponses,
    ...problemResponses(...READ_PROBLEMS),
  },
});

const TextSchema = z.object({ zh: z.string(), en: z.string() });

export const DeadlineFlagSchema = z
  .object({
    milestone: z.object({ id: z.string(), type: z.string(), title: TextSchema }),
    level: z.enum(['unit', 'cycle']),
    org_unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
    due_at: z.string().openapi({ description: 'The occurrence that was missed' }),
    flagged_at: z.string(),
    resolved_at: z.string().nullable(),
    open: z.boolean(),
  })
  .openapi('DeadlineFlag', {
    example: {
      milestone: {
        id: 'ms_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f',
        type: 'progress_report',
        title: { zh: '每周进度报告', en: 'Weekly progress report' },
      },
      level: 'unit',
      org_unit: { id: UNIT_ID_EXAMPLE, name: '洪江村', kind: 'village' },
      due_at: '2023-06-08T08:00:00.000Z',
      flagged_at: '2023-06-08T08:05:00.000Z',
      resolved_at: null,
      open: true,
    },
  });

export const listDeadlineFlagsRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/deadline-flags',
  tags: ['rollups'],
  summary: '逾期提醒 Milestones past due without the step done, per unit and for the cycle',
  description:
    'Raised and resolved by the scheduler’s deadline sweep (a later report or submission ' +
    'resolves a flag). Cycle-level flags (level cycle) are shown to whole-tenant readers.',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    headers: IfNoneMatchHeaders,
    query: z.strictObject({
      status: z
        .enum(['open', 'resolved', 'all'])
        .default('open')
        .openapi({ param: { name: 'status', in: 'query' }, example: 'open' }),
      org_unit_id: queryId('org_unit_id', UNIT_ID_EXAMPLE).optional(),
      milestone_id: queryId('milestone_id', 'ms_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f').optional(),
      cursor: cursorQuery,
      limit: limitQuery,
    }),
  },
  responses: {
    200: {
      description: 'A page of flags',
      headers: readETagHeader,
      content: json(
        z
          .object({ items: z.array(DeadlineFlagSchema), next_cursor: z.string().nullable() })
          .openapi('DeadlineFlagPage'),
      ),
    },
    ...notModifiedResponses,
    ...problemResponses(...READ_PROBLEMS),
  },
});
