import { serviceContext } from '../../lib/context.ts';
import { requireIfMatch } from '../../lib/etag.ts';
import type { Handler } from '../../lib/types.ts';
import { exportPage } from '../../services/tenant-data/export-page.ts';
import { importPage } from '../../services/tenant-data/restore-page.ts';
import { readCorsOrigins, setCorsOrigins } from '../../services/tenants/cors-origins.ts';
import type {
  exportRoute,
  getCorsOriginsRoute,
  importRoute,
  setCorsOriginsRoute,
} from './tenant.routes.ts';

export const getCorsOriginsHandler: Handler<typeof getCorsOriginsRoute> = async (c) => {
  const { origins, etag } = await readCorsOrigins({ ctx: serviceContext(c) });
  return c.json({ origins }, 200, { ETag: etag });
};

export const setCorsOriginsHandler: Handler<typeof setCorsOriginsRoute> = async (c) => {
  const ctx = serviceContext(c);
  const expectedRowVersion = requireIfMatch(c);
  const { origins, etag } = await setCorsOrigins({
    ctx,
    input: { origins: c.req.valid('json').origins, expectedRowVersion },
  });
  return c.json({ origins }, 200, { ETag: etag });
};

export const exportHandler: Handler<typeof exportRoute> = async (c) => {
  const query = c.req.valid('query');
  const page = await exportPage({
    ctx: serviceContext(c),
    input: { cursor: query.cursor, limit: query.limit, buildVersion: c.env.BUILD_VERSION },
  });
  // Every page is the tenant's data: never cached anywhere.
  return c.json(page, 200, { 'Cache-Control': 'no-store' });
};

export const importHandler: Handler<typeof importRoute> = async (c) => {
  const result = await importPage({
    ctx: serviceContext(c),
    input: c.req.valid('json'),
    bucket: c.env.EVIDENCE,
  });
  return c.json(result, 200);
};
