import { createRouter } from '../../lib/create-app.ts';
import { lineageHandler, recordChangeHandler } from './org-lineage.handlers.ts';
import { lineageRoute, recordChangeRoute } from './org-lineage.routes.ts';

/** Mounted before the org-units router, so "/v1/org-units/changes" is never read as an id. */
export const orgLineageRouter = createRouter()
  .openapi(recordChangeRoute, recordChangeHandler)
  .openapi(lineageRoute, lineageHandler);
