import { conditionalJson } from '../../lib/conditional.ts';
import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { listDeadlineFlags } from '../../services/deadlines/list-flags.ts';
import { listRollups } from '../../services/rollups/list.ts';
import { rollupSeries } from '../../services/rollups/series.ts';
import type {
  listDeadlineFlagsRoute,
  listRollupsRoute,
  rollupSeriesRoute,
} from './rollups.routes.ts';

export const listRollupsHandler: H<typeof listRollupsRoute> = async (c) => {
  const q = c.req.valid('query');
  const read = await listRollups({
    ctx: serviceContext(c),
    input: {
      cycleId: c.req.valid('param').cycleId,
      orgUnitId: q.org_unit_id,
      unitKind: q.unit_kind,
      cursor: q.cursor,
      limit: q.limit,
    },
  });
  return (await conditionalJson(c, read)) as never;
};

export const rollupSeriesHandler: H<typeof rollupSeriesRoute> = async (c) => {
  const q = c.req.valid('query');
  const read = await rollupSeries({
    ctx: serviceContext(c),
    input: {
      cycleId: c.req.valid('param').cycleId,
      orgUnitId: q.org_unit_id,
      unitKind: q.unit_kind,
    },
  });
  return (await conditionalJson(c, read)) as never;
};

export const listDeadlineFlagsHandler: H<typeof listDeadlineFlagsRoute> = async (c) => {
  const q = c.req.valid('query');
  const read = await listDeadlineFlags({
    ctx: serviceContext(c),
    input: {
      cycleId: c.req.valid('param').cycleId,
      orgUnitId: q.org_unit_id,
      milestoneId: q.milestone_id,
      status: q.status,
      cursor: q.cursor,
      limit: q.limit,
    },
  });
  return (await conditionalJson(c, read)) as never;
};
