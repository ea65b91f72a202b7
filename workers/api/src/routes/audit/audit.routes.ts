import { createRoute, z } from '@hono/zod-openapi';
import { timestampField } from '../../lib/fields.ts';
import { bearerSecurity, problemResponses } from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const AuditRowSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor_type: z.enum(['user', 'client', 'system', 'public']),
    actor_id: z.string(),
    action: z.string().openapi({ example: 'org_unit.move' }),
    entity_type: z.string(),
    entity_id: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    request_id: z.string().nullable(),
    prev_hash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditRow');

const filter = (max: number) => z.string().min(1).max(max).optional();

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/v1/audit',
  tags: ['audit'],
  summary: '审计日志 The tenant’s audit log, newest first, with filters (admin)',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      entity_type: filter(40).openapi({ example: 'org_unit' }),
      entity_id: filter(80).openapi({ example: 'org_7a0c4e1f9b2d4c8e8a6b1d3f5e7c9a0b' }),
      actor_id: filter(80).openapi({ example: 'usr_2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b' }),
      action: filter(64).openapi({ example: 'org_unit.move' }),
      since: timestampField.optional(),
      until: timestampField.optional(),
      ...pageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of audit rows', content: json(pageSchema(AuditRowSchema)) },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const verifyAuditRoute = createRoute({
  method: 'get',
  path: '/v1/audit/verify',
  tags: ['audit'],
  summary: '校验 Walk the audit hash chain and report the first broken link (admin)',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'The chain report',
      content: json(
        z
          .object({
            ok: z.boolean(),
            checked: z.number().int(),
            head: z.string(),
            broken_at: z
              .object({
                seq: z.number().int(),
                reason: z.enum(['hash_mismatch', 'prev_hash_mismatch']),
              })
              .nullable(),
          })
          .openapi('AuditChainReport'),
      ),
    },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});
