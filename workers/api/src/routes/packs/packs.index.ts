import { createRouter } from '../../lib/create-app.ts';
import { createPackPin, deletePackPin, listPackPins } from './pack-pins.handlers.ts';
import { createPinRoute, deletePinRoute, listPinsRoute } from './pack-pins.routes.ts';
import {
  deleteDraft,
  derive,
  diffVersions,
  getPackVersion,
  importPack,
  lintBody,
  lintVersion,
  listPacks,
  publish,
  scorePreview,
  updateDraft,
} from './packs.handlers.ts';
import {
  deletePackDraftRoute,
  derivePackRoute,
  diffPackVersionsRoute,
  getPackVersionRoute,
  importPackRoute,
  lintPackBodyRoute,
  lintPackVersionRoute,
  listPacksRoute,
  publishPackDraftRoute,
  scorePreviewRoute,
  updatePackDraftRoute,
} from './packs.routes.ts';

/** The pack catalog, lint and diff, tailoring, selection (pins) and the score preview. */
export const packsRouter = createRouter()
  .openapi(listPacksRoute, listPacks)
  .openapi(lintPackBodyRoute, lintBody)
  .openapi(importPackRoute, importPack)
  .openapi(getPackVersionRoute, getPackVersion)
  .openapi(diffPackVersionsRoute, diffVersions)
  .openapi(lintPackVersionRoute, lintVersion)
  .openapi(scorePreviewRoute, scorePreview)
  .openapi(derivePackRoute, derive)
  .openapi(updatePackDraftRoute, updateDraft)
  .openapi(publishPackDraftRoute, publish)
  .openapi(deletePackDraftRoute, deleteDraft)
  .openapi(listPinsRoute, listPackPins)
  .openapi(createPinRoute, createPackPin)
  .openapi(deletePinRoute, deletePackPin);
