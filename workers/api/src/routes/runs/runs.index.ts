import { createRouter } from '../../lib/create-app.ts';
import {
  getRunHandler,
  listDeadLettersHandler,
  listRunsHandler,
  replayDeadLetterHandler,
  rescoreHandler,
} from './runs.handlers.ts';
import {
  getRunRoute,
  listDeadLettersRoute,
  listRunsRoute,
  replayDeadLetterRoute,
  rescoreRoute,
} from './runs.routes.ts';

export const runsRouter = createRouter()
  .openapi(rescoreRoute, rescoreHandler)
  .openapi(listRunsRoute, listRunsHandler)
  .openapi(getRunRoute, getRunHandler)
  .openapi(listDeadLettersRoute, listDeadLettersHandler)
  .openapi(replayDeadLetterRoute, replayDeadLetterHandler);
