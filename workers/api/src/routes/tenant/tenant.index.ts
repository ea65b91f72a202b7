import { createRouter } from '../../lib/create-app.ts';
import {
  exportHandler,
  getCorsOriginsHandler,
  importHandler,
  setCorsOriginsHandler,
} from './tenant.handlers.ts';
import {
  exportRoute,
  getCorsOriginsRoute,
  importRoute,
  setCorsOriginsRoute,
} from './tenant.routes.ts';

export const tenantRouter = createRouter()
  .openapi(getCorsOriginsRoute, getCorsOriginsHandler)
  .openapi(setCorsOriginsRoute, setCorsOriginsHandler)
  .openapi(exportRoute, exportHandler)
  .openapi(importRoute, importHandler);
