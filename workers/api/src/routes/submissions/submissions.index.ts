import { createRouter } from '../../lib/create-app.ts';
import {
  getSealHandler,
  getStageHandler,
  getSubmissionHandler,
  listSubmissionsHandler,
  listTransitionsHandler,
  saveAssessmentsHandler,
  saveInputsHandler,
  transitionHandler,
} from './submissions.handlers.ts';
import {
  getSealRoute,
  getStageRoute,
  getSubmissionRoute,
  listSubmissionsRoute,
  listTransitionsRoute,
  saveAssessmentsRoute,
  saveInputsRoute,
  transitionRoute,
} from './submissions.routes.ts';

export const submissionsRouter = createRouter()
  .openapi(listSubmissionsRoute, listSubmissionsHandler)
  .openapi(getSubmissionRoute, getSubmissionHandler)
  .openapi(saveInputsRoute, saveInputsHandler)
  .openapi(saveAssessmentsRoute, saveAssessmentsHandler)
  .openapi(transitionRoute, transitionHandler)
  .openapi(listTransitionsRoute, listTransitionsHandler)
  .openapi(getStageRoute, getStageHandler)
  .openapi(getSealRoute, getSealHandler);
