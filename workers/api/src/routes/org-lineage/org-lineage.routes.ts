import { createRoute, z } from '@hono/zod-openapi';
import { ORG_UNIT_KINDS } from '@kaoping/db/schema';
import { nameField, pathId, unitCodeField } from '../../lib/fields.ts';
import { bearerSecurity, problemResponses } from '../../lib/openapi.ts';
import { CHANGES } from '../../services/org-lineage/record-change.ts';
import { dateField, json } from '../cycles/cycles.schemas.ts';
import { OrgUnitSchema } from '../org-units/org-units.routes.ts';

const LineageSchema = z
  .object({
    id: z.string(),
    from_unit_id: z.string(),
    to_unit_id: z.string(),
    change: z.enum(CHANGES),
    effective_date: z.string(),
    note: z.string().nullable(),
  })
  .openapi('LineageChange');

const RecordChangeBody = z
  .strictObject({
    change: z.enum(CHANGES),
    effective_date: dateField,
    from_unit_ids: z.array(z.string().min(1).max(80)).min(1).max(20),
    to: z
      .array(
        z.strictObject({
          unit_id: z.string().min(1).max(80).optional(),
          name: nameField(100).optional(),
          name_en: nameField(200).nullable().optional(),
          kind: z.enum(ORG_UNIT_KINDS).optional(),
          code: unitCodeField.nullable().optional(),
          parent_id: z.string().min(1).max(80).optional(),
        }),
      )
      .min(1)
      .max(20),
    note: z.string().trim().max(1000).optional(),
  })
  .openapi('RecordOrgChange');

export const recordChangeRoute = createRoute({
  method: 'post',
  path: '/v1/org-units/changes',
  tags: ['org units'],
  summary: '区划调整 Merge, split, rename or reclassify units between cycles (admin)',
  description:
    'Units that end are archived (valid_to = effective_date) and keep their ids, so their ' +
    'submissions and scores still resolve; new units start at effective_date; the lineage ' +
    'records predecessor → successor. Units with active children or in an open cycle: 409.',
  security: bearerSecurity,
  request: { body: { required: true, content: json(RecordChangeBody) } },
  responses: {
    201: {
      description: 'Recorded',
      content: json(
        z
          .object({
            change: z.enum(CHANGES),
            effective_date: z.string(),
            archived: z.array(z.string()),
            created: z.array(OrgUnitSchema),
            lineage: z.array(LineageSchema),
          })
          .openapi('OrgChangeResult'),
      ),
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

const BriefUnit = z.object({
  id: z.string(),
  name: z.string().nullable(),
  kind: z.string().nullable(),
  code: z.string().nullable(),
  status: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
});

export const lineageRoute = createRoute({
  method: 'get',
  path: '/v1/org-units/{unitId}/lineage',
  tags: ['org units'],
  summary: '沿革 A unit’s lineage and its submissions across cycles (multi-year view)',
  security: bearerSecurity,
  request: {
    params: z.object({ unitId: pathId('unitId', 'org_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f') }),
  },
  responses: {
    200: {
      description: 'The lineage',
      content: json(
        z
          .object({
            unit: BriefUnit,
            units: z.array(BriefUnit),
            changes: z.array(LineageSchema),
            history: z.array(
              z.object({
                cycle_id: z.string(),
                cycle_name: z.string(),
                period: z.object({ start: z.string(), end: z.string() }),
                pack: z.object({ key: z.string(), version: z.string() }),
                submission_id: z.string(),
                org_unit_id: z.string(),
                unit_name: z.string().nullable(),
                status: z.string(),
                published_at: z.string().nullable(),
                revoked_at: z.string().nullable(),
                sealed_hash: z.string().nullable(),
              }),
            ),
          })
          .openapi('UnitLineage'),
      ),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});
