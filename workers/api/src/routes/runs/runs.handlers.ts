import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import {
  listScoringDeadLetters,
  listScoringRuns,
  readScoringRun,
  replayScoringDeadLetter,
  rescoreCycle,
} from '../../services/runs/runs.ts';
import type {
  getRunRoute,
  listDeadLettersRoute,
  listRunsRoute,
  replayDeadLetterRoute,
  rescoreRoute,
} from './runs.routes.ts';

export const rescoreHandler: H<typeof rescoreRoute> = async (c) =>
  c.json(
    await rescoreCycle({
      ctx: serviceContext(c),
      input: c.req.valid('param'),
      queue: c.env.SCORING_QUEUE,
    }),
    202,
  );

export const listRunsHandler: H<typeof listRunsRoute> = async (c) => {
  const q = c.req.valid('query');
  return c.json(
    await listScoringRuns({
      ctx: serviceContext(c),
      input: { cycleId: q.cycle_id, limit: q.limit },
    }),
    200,
  );
};

export const getRunHandler: H<typeof getRunRoute> = async (c) =>
  c.json(await readScoringRun({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);

export const listDeadLettersHandler: H<typeof listDeadLettersRoute> = async (c) =>
  c.json(
    await listScoringDeadLetters({ ctx: serviceContext(c), input: c.req.valid('query') }),
    200,
  );

export const replayDeadLetterHandler: H<typeof replayDeadLetterRoute> = async (c) =>
  c.json(
    await replayScoringDeadLetter({
      ctx: serviceContext(c),
      input: c.req.valid('param'),
      queue: c.env.SCORING_QUEUE,
    }),
    200,
  );
