import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity, ProblemSchema, problemResponses } from '../../lib/openapi.ts';
import { CycleParams } from '../cycles/cycles.routes.ts';
import { queryId, UNIT_ID_EXAMPLE } from '../scores/scores.schemas.ts';

export const exportCycleRoute = createRoute({
  method: 'get',
  path: '/v1/cycles/{cycleId}/export',
  tags: ['exports'],
  summary: '导出考核表 Export a cycle as CSV or XLSX, laid out like its source table',
  description:
    'The columns of the table the pack came from — province: 项目 / 子项目 / 分值 / 目标要求 / ' +
    '评分办法 / 自评分 / 省厅初评分 / 省厅审定考核分; Guangzhou: 一级指标 / 二级指标 / 分值 / … ' +
    'or 建设项目 / 建设内容 / …; Yichun: 序号 / 指标类别 / 创建指标 / 具体指标内容及分值 / ' +
    '考核内容及评分标准 — then points per stage. layout=detail: a row per item per unit (XLSX: ' +
    'a summary sheet and a sheet per unit); layout=summary: a row per unit (totals per stage, ' +
    'designation). CSV is UTF-8 with a BOM and RFC 4180 quoting; XLSX cells are typed. Capped: ' +
    '500 units (CSV summary: 30,000); over the cap → 422 naming both numbers. Scoped like score ' +
    'reads (subtree readers export their subtrees).',
  security: bearerSecurity,
  request: {
    params: CycleParams,
    query: z.strictObject({
      format: z
        .enum(['csv', 'xlsx'])
        .default('xlsx')
        .openapi({ param: { name: 'format', in: 'query' }, example: 'xlsx' }),
      layout: z
        .enum(['detail', 'summary'])
        .default('detail')
        .openapi({ param: { name: 'layout', in: 'query' }, example: 'detail' }),
      org_unit_id: queryId('org_unit_id', UNIT_ID_EXAMPLE)
        .optional()
        .openapi({ description: 'Only the units below this one' }),
    }),
  },
  responses: {
    200: {
      description: 'The file, as an attachment',
      content: {
        'text/csv': {
          schema: z.string().openapi({ example: '\uFEFF单位,项目,子项目,分值,…\r\n' }),
        },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
    422: {
      description: 'More units than the export may hold; the problem names the count and the cap',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});
