import { createRouter } from '../../lib/create-app.ts';
import { health } from './health.handlers.ts';
import { healthRoute } from './health.routes.ts';

export const healthRouter = createRouter().openapi(healthRoute, health);
