import { z } from '@hono/zod-openapi';
import { bi } from '../../lib/bilingual-zod.ts';
import { stageField, timestampField } from '../../lib/fields.ts';
import { packVersionField } from '../cycles/cycles.schemas.ts';
import { ScorecardSchema } from '../packs/packs.schemas.ts';

/** An id given in the query string (cycle_id=…, org_unit_id=…). */
export const queryId = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z]+_[0-9a-f]{32}$/, { message: bi('不是有效的编号', 'not a valid id') })
    .openapi({ param: { name, in: 'query' }, example });

export const CYCLE_ID_EXAMPLE = 'cyc_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f';
export const UNIT_ID_EXAMPLE = 'org_7a0c4e1f9b2d4c8e8a6b1d3f5e7c9a0b';

export const viewQuery = z
  .enum(['full', 'summary'])
  .default('full')
  .openapi({
    param: { name: 'view', in: 'query' },
    description:
      'full: each item with its scorecard (items, points, explanations in zh and en); ' +
      'summary: totals and identity only (no scorecard decoded: faster, smaller)',
    example: 'full',
  });

export const stageQuery = stageField.optional().openapi({
  param: { name: 'stage', in: 'query' },
  description: 'A review-chain stage key of the cycle (self, recommended, verified, …)',
  example: 'self',
});

export const packVersionQuery = packVersionField.optional().openapi({
  param: { name: 'pack_version', in: 'query' },
  example: '2024.1',
});

export const updatedSinceQuery = timestampField.optional().openapi({
  param: { name: 'updated_since', in: 'query' },
  description:
    'Start the feed at changes from this time (10 minutes earlier, for clock skew between ' +
    'scheduler runs: a few older changes may repeat, none is skipped); continue with next_cursor',
  example: '2026-11-22T00:00:00Z',
});

const example = {
  snapshot_id: 'snp_3e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b',
  snapshot_seq: 1042,
  cycle_id: CYCLE_ID_EXAMPLE,
  submission_id: 'sub_0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  stage: 'self',
  org_unit: { id: UNIT_ID_EXAMPLE, name: '石岭村', kind: 'village', code: '440117105201' },
  pack: {
    key: 'gz.full-employment',
    version: '2024.1',
    content_hash: '9c1d5e0f7b3a2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d',
  },
  input_hash: '5b7d9f1a3c5e7f9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7f',
  engine_version: '1.0.0',
  total: 86.5,
  max: 100,
  complete: true,
  designation_met: true,
  created_at: '2026-11-22T08:05:12.345Z',
  run_id: 'run_1a2b3c4d5e6f708192a3b4c5d6e7f809',
  redacted: [],
};

/**
 * A score snapshot: immutable, keyed by what produced it. `scorecard` (view=full) is the
 * engine's scorecard exactly as stored, less what the caller may not see (`redacted` names it:
 * reviewer notes and evidence references are withheld from API clients).
 */
export const ScoreSchema = z
  .object({
    snapshot_id: z.string(),
    snapshot_seq: z.number().int(),
    cycle_id: z.string(),
    submission_id: z.string(),
    stage: z.string(),
    org_unit: z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      code: z.string().nullable(),
    }),
    pack: z.object({ key: z.string(), version: z.string(), content_hash: z.string() }),
    input_hash: z.string().openapi({
      description: 'SHA-256 of the inputs, assessments, parameters and references scored',
    }),
    engine_version: z.string(),
    total: z.number().nullable(),
    max: z.number().nullable(),
    complete: z.boolean(),
    designation_met: z.boolean().nullable(),
    created_at: z.string(),
    run_id: z.string().nullable(),
    redacted: z
      .array(z.enum(['assessment_reasons', 'evidence']))
      .optional()
      .openapi({ description: 'What was withheld from this scorecard for this caller' }),
    scorecard: ScorecardSchema.nullable().optional(),
  })
  .openapi('Score', { example });

export const CurrentScoreSchema = ScoreSchema.extend({
  submission_status: z.string().openapi({ example: 'recommended' }),
}).openapi('CurrentScore', { example: { submission_status: 'recommended', ...example } });

export const ScoreChangeSchema = ScoreSchema.extend({
  change_seq: z.number().int().openapi({ description: 'Position in the change log' }),
  changed_at: z.string(),
}).openapi('ScoreChange', {
  example: { change_seq: 2210, changed_at: '2026-11-22T08:05:12.345Z', ...example },
});

export const ScoreHistoryEntrySchema = ScoreSchema.extend({
  current: z.boolean().openapi({ description: 'The current score of its unit and stage' }),
  cycle: z.object({
    id: z.string(),
    name: z.string(),
    period_start: z.string(),
    period_end: z.string(),
  }),
}).openapi('ScoreHistoryEntry');

export const SnapshotSchema = ScoreSchema.extend({ current: z.boolean() }).openapi('ScoreSnapshot');

export const ScorePageSchema = z
  .object({ items: z.array(CurrentScoreSchema), next_cursor: z.string().nullable() })
  .openapi('ScorePage');

export const ScoreChangesSchema = z
  .object({
    items: z.array(ScoreChangeSchema),
    next_cursor: z.string().openapi({
      description: 'Always set: keep it and send it next time to get only what changed since',
      example: 'eyJ2IjoxLCJrIjpbMjIxMCwiIiwiIl19',
    }),
    has_more: z.boolean().openapi({ description: 'More changes are waiting: ask again now' }),
  })
  .openapi('ScoreChanges');

export const ScoreHistorySchema = z
  .object({
    items: z.array(ScoreHistoryEntrySchema),
    next_cursor: z.string().nullable(),
    lineage: z.object({
      unit_ids: z.array(z.string()),
      changes: z.array(
        z.object({
          id: z.string(),
          from_unit_id: z.string(),
          to_unit_id: z.string(),
          change: z.string(),
          effective_date: z.string(),
          note: z.string().nullable(),
        }),
      ),
    }),
  })
  .openapi('ScoreHistory');
