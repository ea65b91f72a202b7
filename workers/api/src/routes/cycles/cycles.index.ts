import { createRouter } from '../../lib/create-app.ts';
import {
  addCycleUnitsHandler,
  createCycleHandler,
  createMilestoneHandler,
  deleteMilestoneHandler,
  getCycleHandler,
  listCyclesHandler,
  listCycleUnitsHandler,
  removeCycleUnitsHandler,
  setTargetsHandler,
  switchVersionHandler,
  updateCycleHandler,
  updateMilestoneHandler,
} from './cycles.handlers.ts';
import {
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

// units/remove is registered before units so it is never read as something else.
export const cyclesRouter = createRouter()
  .openapi(createCycleRoute, createCycleHandler)
  .openapi(listCyclesRoute, listCyclesHandler)
  .openapi(getCycleRoute, getCycleHandler)
  .openapi(updateCycleRoute, updateCycleHandler)
  .openapi(switchVersionRoute, switchVersionHandler)
  .openapi(removeCycleUnitsRoute, removeCycleUnitsHandler)
  .openapi(listCycleUnitsRoute, listCycleUnitsHandler)
  .openapi(addCycleUnitsRoute, addCycleUnitsHandler)
  .openapi(setTargetsRoute, setTargetsHandler)
  .openapi(createMilestoneRoute, createMilestoneHandler)
  .openapi(updateMilestoneRoute, updateMilestoneHandler)
  .openapi(deleteMilestoneRoute, deleteMilestoneHandler);
