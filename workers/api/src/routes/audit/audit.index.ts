import { createRouter } from '../../lib/create-app.ts';
import { listAuditHandler, verifyAuditHandler } from './audit.handlers.ts';
import { listAuditRoute, verifyAuditRoute } from './audit.routes.ts';

export const auditRouter = createRouter()
  .openapi(verifyAuditRoute, verifyAuditHandler)
  .openapi(listAuditRoute, listAuditHandler);
