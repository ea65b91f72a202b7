import { conditionalJson } from '../../lib/conditional.ts';
import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { listScoreChanges } from '../../services/scores/changes.ts';
import { unitScoreHistory } from '../../services/scores/history.ts';
import { listCurrentScores } from '../../services/scores/list-current.ts';
import { readSnapshot } from '../../services/scores/read-snapshot.ts';
import type {
  getSnapshotRoute,
  listScoresRoute,
  scoreChangesRoute,
  unitScoreHistoryRoute,
} from './scores.routes.ts';

// Score reads answer JSON text the services assemble (scorecards spliced, not re-encoded),
// or 304 when If-None-Match names the page's ETag.

export const listScoresHandler: H<typeof listScoresRoute> = async (c) => {
  const q = c.req.valid('query');
  const read = await listCurrentScores({
    ctx: serviceContext(c),
    input: {
      cycleId: q.cycle_id,
      orgUnitId: q.org_unit_id,
      stage: q.stage,
      packVersion: q.pack_version,
      view: q.view,
      cursor: q.cursor,
      limit: q.limit,
    },
  });
  return (await conditionalJson(c, read)) as never;
};

export const scoreChangesHandler: H<typeof scoreChangesRoute> = async (c) => {
  const q = c.req.valid('query');
  const read = await listScoreChanges({
    ctx: serviceContext(c),
    input: {
      cursor: q.cursor,
      updatedSince: q.updated_since,
      cycleId: q.cycle_id,
      orgUnitId: q.org_unit_id,
      view: q.view,
      limit: q.limit,
    },
  });
  return (await conditionalJson(c, read)) as never;
};

export const getSnapshotHandler: H<typeof getSnapshotRoute> = async (c) => {
  const read = await readSnapshot({
    ctx: serviceContext(c),
    input: { snapshotId: c.req.valid('param').snapshotId, view: c.req.valid('query').view },
  });
  return (await conditionalJson(c, read)) as never;
};

export const unitScoreHistoryHandler: H<typeof unitScoreHistoryRoute> = async (c) => {
  const q = c.req.valid('query');
  const read = await unitScoreHistory({
    ctx: serviceContext(c),
    input: {
      unitId: c.req.valid('param').unitId,
      cycleId: q.cycle_id,
      stage: q.stage,
      view: q.view,
      cursor: q.cursor,
      limit: q.limit,
    },
  });
  return (await conditionalJson(c, read)) as never;
};
