import { createRouter } from '../../lib/create-app.ts';
import { exportCycleHandler } from './exports.handlers.ts';
import { exportCycleRoute } from './exports.routes.ts';

export const exportsRouter = createRouter().openapi(exportCycleRoute, exportCycleHandler);
