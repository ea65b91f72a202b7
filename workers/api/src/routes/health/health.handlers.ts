import type { RouteHandler } from '@hono/zod-openapi';
import type { AppBindings } from '../../lib/types.ts';
import type { healthRoute } from './health.routes.ts';

export const health: RouteHandler<typeof healthRoute, AppBindings> = async (c) => {
  // wrangler (and the test harness) record applied migrations in d1_migrations.
  const row = await c.env.DB.prepare(
    'SELECT name, (SELECT COUNT(*) FROM d1_migrations) AS n FROM d1_migrations ORDER BY id DESC LIMIT 1',
  ).first<{ name: string; n: number }>();
  return c.json(
    {
      status: 'ok' as const,
      version: c.env.BUILD_VERSION,
      migration: row?.name ?? null,
      migrations_applied: row?.n ?? 0,
    },
    200,
  );
};
