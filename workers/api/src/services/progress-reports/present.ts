import type { progressReports } from '@kaoping/db/schema';

export type ProgressReportRow = typeof progressReports.$inferSelect;

export function presentReport(r: ProgressReportRow) {
  return {
    id: r.id,
    cycle_id: r.cycleId,
    milestone_id: r.milestoneId,
    org_unit_id: r.orgUnitId,
    submission_id: r.submissionId,
    due_at: r.dueAt,
    text: r.body,
    figures: r.figures,
    created_by: r.createdBy,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}
