import { createRouter } from '../../lib/create-app.ts';
import {
  getSnapshotHandler,
  listScoresHandler,
  scoreChangesHandler,
  unitScoreHistoryHandler,
} from './scores.handlers.ts';
import {
  getSnapshotRoute,
  listScoresRoute,
  scoreChangesRoute,
  unitScoreHistoryRoute,
} from './scores.routes.ts';

// /v1/scores/changes is registered before /v1/scores/{snapshotId}, which would match it.
export const scoresRouter = createRouter()
  .openapi(listScoresRoute, listScoresHandler)
  .openapi(scoreChangesRoute, scoreChangesHandler)
  .openapi(getSnapshotRoute, getSnapshotHandler)
  .openapi(unitScoreHistoryRoute, unitScoreHistoryHandler);
