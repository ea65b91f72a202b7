import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../../lib/openapi.ts';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string().openapi({ example: '0.1.0+3f2a9c1' }),
    migration: z.string().nullable().openapi({ example: '0001_append_only_triggers.sql' }),
    migrations_applied: z.number().int(),
  })
  .openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: '健康检查 Health: build version and D1 migration level',
  security: [],
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    500: problemResponses()[500]!,
  },
});
