import { createRouter } from '../../lib/create-app.ts';
import {
  listDeadlineFlagsHandler,
  listRollupsHandler,
  rollupSeriesHandler,
} from './rollups.handlers.ts';
import { listDeadlineFlagsRoute, listRollupsRoute, rollupSeriesRoute } from './rollups.routes.ts';

export const rollupsRouter = createRouter()
  .openapi(rollupSeriesRoute, rollupSeriesHandler)
  .openapi(listRollupsRoute, listRollupsHandler)
  .openapi(listDeadlineFlagsRoute, listDeadlineFlagsHandler);
