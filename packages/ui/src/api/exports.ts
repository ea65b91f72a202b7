// A cycle's table as the source documents lay it out, as CSV (UTF-8 with BOM) or XLSX.
import { authedFile } from '../session/session.ts';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportLayout = 'detail' | 'summary';

export const exportCycle = (
  cycleId: string,
  format: ExportFormat,
  layout: ExportLayout,
  orgUnitId?: string,
) =>
  authedFile(`/v1/cycles/${encodeURIComponent(cycleId)}/export`, {
    query: { format, layout, org_unit_id: orgUnitId },
  });
