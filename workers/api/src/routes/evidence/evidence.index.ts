import { createRouter } from '../../lib/create-app.ts';
import {
  deleteEvidenceHandler,
  downloadEvidenceHandler,
  listEvidenceHandler,
  uploadEvidenceHandler,
} from './evidence.handlers.ts';
import {
  deleteEvidenceRoute,
  downloadEvidenceRoute,
  listEvidenceRoute,
  uploadEvidenceRoute,
} from './evidence.routes.ts';

export const evidenceRouter = createRouter()
  .openapi(uploadEvidenceRoute, uploadEvidenceHandler)
  .openapi(listEvidenceRoute, listEvidenceHandler)
  .openapi(downloadEvidenceRoute, downloadEvidenceHandler)
  .openapi(deleteEvidenceRoute, deleteEvidenceHandler);
