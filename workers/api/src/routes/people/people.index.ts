import { createRouter } from '../../lib/create-app.ts';
import {
  getPersonHandler,
  listPeopleHandler,
  meHandler,
  removePersonHandler,
  setGrantsHandler,
} from './people.handlers.ts';
import {
  getPersonRoute,
  listPeopleRoute,
  meRoute,
  removePersonRoute,
  setGrantsRoute,
} from './people.routes.ts';

export const peopleRouter = createRouter()
  .openapi(meRoute, meHandler)
  .openapi(listPeopleRoute, listPeopleHandler)
  .openapi(getPersonRoute, getPersonHandler)
  .openapi(setGrantsRoute, setGrantsHandler)
  .openapi(removePersonRoute, removePersonHandler);
