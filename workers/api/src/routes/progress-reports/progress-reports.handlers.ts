import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { fileProgressReport } from '../../services/progress-reports/file-report.ts';
import { listProgressReports } from '../../services/progress-reports/list.ts';
import type { fileReportRoute, listReportsRoute } from './progress-reports.routes.ts';

export const fileReportHandler: H<typeof fileReportRoute> = async (c) => {
  const { report, created } = await fileProgressReport({
    ctx: serviceContext(c),
    input: { ...c.req.valid('json'), cycleId: c.req.valid('param').cycleId },
  });
  return created ? c.json(report, 201) : c.json(report, 200);
};

export const listReportsHandler: H<typeof listReportsRoute> = async (c) =>
  c.json(
    await listProgressReports({
      ctx: serviceContext(c),
      input: { ...c.req.valid('query'), cycleId: c.req.valid('param').cycleId },
    }),
    200,
  );
