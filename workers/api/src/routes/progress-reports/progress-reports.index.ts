import { createRouter } from '../../lib/create-app.ts';
import { fileReportHandler, listReportsHandler } from './progress-reports.handlers.ts';
import { fileReportRoute, listReportsRoute } from './progress-reports.routes.ts';

export const progressReportsRouter = createRouter()
  .openapi(fileReportRoute, fileReportHandler)
  .openapi(listReportsRoute, listReportsHandler);
