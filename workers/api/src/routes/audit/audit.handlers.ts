import { serviceContext } from '../../lib/context.ts';
import type { Handler } from '../../lib/types.ts';
import { listAudit } from '../../services/audit/list.ts';
import { verifyAuditChain } from '../../services/audit/verify.ts';
import type { listAuditRoute, verifyAuditRoute } from './audit.routes.ts';

export const listAuditHandler: Handler<typeof listAuditRoute> = async (c) => {
  return c.json(await listAudit({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
};

export const verifyAuditHandler: Handler<typeof verifyAuditRoute> = async (c) => {
  return c.json(await verifyAuditChain({ ctx: serviceContext(c) }), 200);
};
