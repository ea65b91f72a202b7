import { serviceContext } from '../../lib/context.ts';
import { requireIfMatch } from '../../lib/etag.ts';
import type { Handler } from '../../lib/types.ts';
import { listPeople } from '../../services/people/list.ts';
import { whoAmI } from '../../services/people/me.ts';
import { readPerson } from '../../services/people/read.ts';
import { removePerson } from '../../services/people/remove.ts';
import { setGrants } from '../../services/people/set-grants.ts';
import type {
  getPersonRoute,
  listPeopleRoute,
  meRoute,
  removePersonRoute,
  setGrantsRoute,
} from './people.routes.ts';

export const listPeopleHandler: Handler<typeof listPeopleRoute> = async (c) => {
  return c.json(await listPeople({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
};

export const getPersonHandler: Handler<typeof getPersonRoute> = async (c) => {
  const person = await readPerson({ ctx: serviceContext(c), input: c.req.valid('param') });
  return c.json(person, 200, { ETag: person.etag });
};

export const setGrantsHandler: Handler<typeof setGrantsRoute> = async (c) => {
  const person = await setGrants({
    ctx: serviceContext(c),
    input: {
      userId: c.req.valid('param').userId,
      expectedVersion: requireIfMatch(c),
      grants: c.req.valid('json').grants,
    },
  });
  return c.json(person, 200, { ETag: person.etag });
};

export const removePersonHandler: Handler<typeof removePersonRoute> = async (c) => {
  await removePerson({
    ctx: serviceContext(c),
    input: { userId: c.req.valid('param').userId, expectedVersion: requireIfMatch(c) },
  });
  return c.body(null, 204);
};

export const meHandler: Handler<typeof meRoute> = async (c) => {
  return c.json(await whoAmI({ ctx: serviceContext(c) }), 200);
};
