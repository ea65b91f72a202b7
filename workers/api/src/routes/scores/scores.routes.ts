import { createRoute, z } from '@hono/zod-openapi';
import { IfNoneMatchHeaders, notModifiedResponses, readETagHeader } from '../../lib/conditional.ts';
import { pathId } from '../../lib/fields.ts';
import { bearerSecurity, problemResponses } from '../../lib/openapi.ts';
import { cursorQuery, limitQuery } from '../../lib/pagination.ts';
import { json } from '../cycles/cycles.schemas.ts';
import {
  CYCLE_ID_EXAMPLE,
  packVersionQuery,
  queryId,
  ScoreChangesSchema,
  ScoreHistorySchema,
  ScorePageSchema,
  SnapshotSchema,
  stageQuery,
  UNIT_ID_EXAMPLE,
  updatedSinceQuery,
  viewQuery,
} from './scores.schemas.ts';

const READ_PROBLEMS = ['unauthorized', 'forbidden', 'not_found'] as const;

const ok = (description: string, schema: z.ZodType) => ({
  description,
  headers: readETagHeader,
  content: json(schema),
});

export const listScoresRoute = createRoute({
  method: 'get',
  path: '/v1/scores',
  tags: ['scores'],
  summary: '当前评分列表 Current scorecards of a cycle, by subtree, stage and pack version',
  description:
    'One item per (unit, stage): the current snapshot, in unit-id order, with cursor paging. ' +
    'A page holds up to 100 full scorecards (200 in the summary view). People see the units of ' +
    'their subtrees; `scores:read` clients see the whole tenant, without reviewer notes or ' +
    'evidence references. Conditional: send the ETag back in If-None-Match for a 304.',
  security: bearerSecurity,
  request: {
    headers: IfNoneMatchHeaders,
    query: z.strictObject({
      cycle_id: queryId('cycle_id', CYCLE_ID_EXAMPLE),
      org_unit_id: queryId('org_unit_id', UNIT_ID_EXAMPLE)
        .optional()
        .openapi({ description: 'Only this unit and the units below it' }),
      stage: stageQuery,
      pack_version: packVersionQuery,
      view: viewQuery,
      cursor: cursorQuery,
      limit: limitQuery,
    }),
  },
  responses: {
    200: ok('A page of current scores', ScorePageSchema),
    ...notModifiedResponses,
    ...problemResponses(...READ_PROBLEMS),
  },
});

export const scoreChangesRoute = createRoute({
  method: 'get',
  path: '/v1/scores/changes',
  tags: ['scores'],
  summary: '评分变更增量拉取 Incremental pull: every score change after your cursor',
  description:
    'Every move of a current score, oldest first, from a log written in the same batch as the ' +
    'move: pulling with next_cursor again and again never skips or repeats a change, whatever ' +
    'is scored in between. Start with no cursor (everything), or with updated_since. ' +
    'A cursor is bound to the cycle_id and org_unit_id it was issued with. ' +
    'has_more: ask again at once; otherwise poll later with the same next_cursor.',
  security: bearerSecurity,
  request: {
    headers: IfNoneMatchHeaders,
    query: z.strictObject({
      cursor: cursorQuery,
      updated_since: updatedSinceQuery,
      cycle_id: queryId('cycle_id', CYCLE_ID_EXAMPLE).optional(),
      org_unit_id: queryId('org_unit_id', UNIT_ID_EXAMPLE).optional(),
      view: viewQuery,
      limit: limitQuery,
    }),
  },
  responses: {
    200: ok('Changes after the cursor', ScoreChangesSchema),
    ...notModifiedResponses,
    ...problemResponses(...READ_PROBLEMS),
  },
});

export const SnapshotParams = z.object({
  snapshotId: pathId('snapshotId', 'snp_3e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b'),
});

export const getSnapshotRoute = createRoute({
  method: 'get',
  path: '/v1/scores/{snapshotId}',
  tags: ['scores'],
  summary: '读取评分快照 One score snapshot, current or earlier (snapshots never change)',
  security: bearerSecurity,
  request: {
    params: SnapshotParams,
    headers: IfNoneMatchHeaders,
    query: z.strictObject({ view: viewQuery }),
  },
  responses: {
    200: ok('The snapshot', SnapshotSchema),
    ...notModifiedResponses,
    ...problemResponses(...READ_PROBLEMS),
  },
});

export const UnitParams = z.object({ unitId: pathId('unitId', UNIT_ID_EXAMPLE) });

export const unitScoreHistoryRoute = createRoute({
  method: 'get',
  path: '/v1/org-units/{unitId}/scores',
  tags: ['scores'],
  summary: '单位历年评分 A unit’s scores over time, across cycles and pack versions',
  description:
    'Every snapshot of the unit, oldest first, following its lineage (区划调整): the units it ' +
    'came from or turned into are listed too, each snapshot under the unit it scored.',
  security: bearerSecurity,
  request: {
    params: UnitParams,
    headers: IfNoneMatchHeaders,
    query: z.strictObject({
      cycle_id: queryId('cycle_id', CYCLE_ID_EXAMPLE).optional(),
      stage: stageQuery,
      view: viewQuery,
      cursor: cursorQuery,
      limit: limitQuery,
    }),
  },
  responses: {
    200: ok('Snapshots of the unit and its lineage', ScoreHistorySchema),
    ...notModifiedResponses,
    ...problemResponses(...READ_PROBLEMS),
  },
});
