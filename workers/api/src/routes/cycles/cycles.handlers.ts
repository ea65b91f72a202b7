import { serviceContext } from '../../lib/context.ts';
import { formatETag, parseIfMatch, preconditionFailed, requireIfMatch } from '../../lib/etag.ts';
import type { Handler as H } from '../../lib/types.ts';
import { addCycleUnits } from '../../services/cycles/add-units.ts';
import { createCycle } from '../../services/cycles/create.ts';
import { createMilestone } from '../../services/cycles/create-milestone.ts';
import { deleteMilestone } from '../../services/cycles/delete-milestone.ts';
import { listCycles } from '../../services/cycles/list.ts';
import { listCycleUnits } from '../../services/cycles/list-units.ts';
import { removeCycleUnits } from '../../services/cycles/remove-units.ts';
import { setCycleTargets } from '../../services/cycles/set-targets.ts';
import { switchCycleVersion } from '../../services/cycles/switch-version.ts';
import { updateCycle } from '../../services/cycles/update.ts';
import { updateMilestone } from '../../services/cycles/update-milestone.ts';
import { cycleView, findCycle } from '../../services/cycles/versioned-write.ts';
import type {
  addCycleUnitsRoute,
  createCycleRoute,
  createMilestoneRoute,
  deleteMilestoneRoute,
  getCycleRoute,
  listCyclesRoute,
  listCycleUnitsRoute,
  removeCycleUnitsRoute,
  setTargetsRoute,
  switchVersionRoute,
  updateCycleRoute,
  updateMilestoneRoute,
} from './cycles.routes.ts';

/** The cycle as answered: the view without its internal version, with its ETag. */
function answer<T extends { rowVersion: number }>(view: T) {
  const { rowVersion, ...body } = view;
  return { body, headers: { ETag: formatETag(rowVersion) } };
}

export const createCycleHandler: H<typeof createCycleRoute> = async (c) => {
  const view = await createCycle({ ctx: serviceContext(c), input: c.req.valid('json') });
  const { body, headers } = answer(view);
  return c.json(body, 201, { ...headers, Location: `/v1/cycles/${view.id}` });
};

export const listCyclesHandler: H<typeof listCyclesRoute> = async (c) =>
  c.json(await listCycles({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);

export const getCycleHandler: H<typeof getCycleRoute> = async (c) => {
  const ctx = serviceContext(c);
  const cycle = await findCycle(ctx, c.req.valid('param').cycleId);
  const { body, headers } = answer(await cycleView(ctx, cycle.id));
  return c.json(body, 200, headers);
};

export const updateCycleHandler: H<typeof updateCycleRoute> = async (c) => {
  const view = await updateCycle({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      cycleId: c.req.valid('param').cycleId,
      expectedVersion: requireIfMatch(c),
    },
  });
  const { body, headers } = answer(view);
  return c.json(body, 200, headers);
};

export const switchVersionHandler: H<typeof switchVersionRoute> = async (c) => {
  const body = c.req.valid('json');
  let expectedVersion: number | undefined;
  if (body.step === 'confirm') {
    expectedVersion = requireIfMatch(c);
  } else {
    const header = c.req.header('if-match');
    if (header !== undefined && parseIfMatch(header) === null) throw preconditionFailed();
  }
  const result = await switchCycleVersion({
    ctx: serviceContext(c),
    input: { ...body, cycleId: c.req.valid('param').cycleId, expectedVersion },
  });
  return c.json(result, 200, { ETag: result.etag });
};

export const listCycleUnitsHandler: H<typeof listCycleUnitsRoute> = async (c) =>
  c.json(
    await listCycleUnits({
      ctx: serviceContext(c),
      input: { ...c.req.valid('query'), cycleId: c.req.valid('param').cycleId },
    }),
    200,
  );

export const addCycleUnitsHandler: H<typeof addCycleUnitsRoute> = async (c) => {
  const result = await addCycleUnits({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      cycleId: c.req.valid('param').cycleId,
      expectedVersion: requireIfMatch(c),
    },
  });
  return c.json(result, 200, { ETag: result.etag });
};

export const removeCycleUnitsHandler: H<typeof removeCycleUnitsRoute> = async (c) => {
  const { r2Keys, ...result } = await removeCycleUnits({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      cycleId: c.req.valid('param').cycleId,
      expectedVersion: requireIfMatch(c),
    },
  });
  // The rows are gone; their files follow (best effort: an orphan file is unreachable).
  if (r2Keys.length > 0) await c.env.EVIDENCE.delete(r2Keys).catch(() => undefined);
  return c.json(result, 200, { ETag: result.etag });
};

export const setTargetsHandler: H<typeof setTargetsRoute> = async (c) => {
  const view = await setCycleTargets({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      cycleId: c.req.valid('param').cycleId,
      expectedVersion: requireIfMatch(c),
    },
  });
  const { body, headers } = answer(view);
  return c.json(body, 200, headers);
};

export const createMilestoneHandler: H<typeof createMilestoneRoute> = async (c) => {
  const { milestoneId, cycle } = await createMilestone({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      cycleId: c.req.valid('param').cycleId,
      expectedVersion: requireIfMatch(c),
    },
  });
  const { body, headers } = answer(cycle);
  return c.json(body, 201, {
    ...headers,
    Location: `/v1/cycles/${cycle.id}/milestones/${milestoneId}`,
  });
};

export const updateMilestoneHandler: H<typeof updateMilestoneRoute> = async (c) => {
  const params = c.req.valid('param');
  const view = await updateMilestone({
    ctx: serviceContext(c),
    input: { ...c.req.valid('json'), ...params, expectedVersion: requireIfMatch(c) },
  });
  const { body, headers } = answer(view);
  return c.json(body, 200, headers);
};

export const deleteMilestoneHandler: H<typeof deleteMilestoneRoute> = async (c) => {
  const view = await deleteMilestone({
    ctx: serviceContext(c),
    input: { ...c.req.valid('param'), expectedVersion: requireIfMatch(c) },
  });
  const { body, headers } = answer(view);
  return c.json(body, 200, headers);
};
