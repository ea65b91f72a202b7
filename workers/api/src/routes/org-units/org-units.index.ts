import { createRouter } from '../../lib/create-app.ts';
import {
  archiveUnit,
  createUnit,
  getUnit,
  importUnits,
  listUnits,
  moveUnit,
  updateUnit,
} from './org-units.handlers.ts';
import {
  archiveOrgUnitRoute,
  createOrgUnitRoute,
  getOrgUnitRoute,
  importOrgUnitsRoute,
  listOrgUnitsRoute,
  moveOrgUnitRoute,
  updateOrgUnitRoute,
} from './org-units.routes.ts';

// import is registered before {unitId} so "/v1/org-units/import" is never read as an id.
export const orgUnitsRouter = createRouter()
  .openapi(importOrgUnitsRoute, importUnits)
  .openapi(createOrgUnitRoute, createUnit)
  .openapi(listOrgUnitsRoute, listUnits)
  .openapi(getOrgUnitRoute, getUnit)
  .openapi(updateOrgUnitRoute, updateUnit)
  .openapi(moveOrgUnitRoute, moveUnit)
  .openapi(archiveOrgUnitRoute, archiveUnit);
