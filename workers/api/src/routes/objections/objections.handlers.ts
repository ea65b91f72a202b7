import { publicContext, serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { listObjections } from '../../services/objections/list.ts';
import { publicObjectionPage } from '../../services/objections/public-list.ts';
import { raiseObjection } from '../../services/objections/raise.ts';
import { resolveObjection } from '../../services/objections/resolve.ts';
import type {
  listObjectionsRoute,
  publicPageRoute,
  raiseObjectionRoute,
  resolveObjectionRoute,
} from './objections.routes.ts';

export const publicPageHandler: H<typeof publicPageRoute> = async (c) =>
  c.json(await publicObjectionPage({ ctx: publicContext(c), input: c.req.valid('param') }), 200, {
    'cache-control': 'no-store',
  });

export const raiseObjectionHandler: H<typeof raiseObjectionRoute> = async (c) =>
  c.json(
    await raiseObjection({
      ctx: publicContext(c),
      input: { ...c.req.valid('json'), token: c.req.valid('param').token },
    }),
    201,
  );

export const listObjectionsHandler: H<typeof listObjectionsRoute> = async (c) =>
  c.json(
    await listObjections({
      ctx: serviceContext(c),
      input: { ...c.req.valid('query'), cycleId: c.req.valid('param').cycleId },
    }),
    200,
  );

export const resolveObjectionHandler: H<typeof resolveObjectionRoute> = async (c) =>
  c.json(
    await resolveObjection({
      ctx: serviceContext(c),
      input: { ...c.req.valid('json'), objectionId: c.req.valid('param').objectionId },
    }),
    200,
  );
