import { createApp } from './lib/create-app.ts';
import { healthRouter } from './routes/health/health.index.ts';

/** Every route of the api worker, mounted in one place. */
export function buildApp() {
  const app = createApp();
  app.route('/', healthRouter);
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '考评 Kaoping API',
      version: '1',
      description: '就业工作考评 — employment-work assessment for regions of China',
    },
  });
  return app;
}
