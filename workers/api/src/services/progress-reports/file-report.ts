import { newId } from '@kaoping/db/ids';
import {
  milestones,
  orgUnits,
  progressReports,
  submissions,
  transitions,
} from '@kaoping/db/schema';
import { submissionStatusChanged } from '@kaoping/db/scoring-work';
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { canReadUnit, canReportFor, forbidden } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/problem.ts';
import { cycleClosed, cycleNotOpen, fieldError, invalid } from '../cycles/errors.ts';
import { findCycle } from '../cycles/versioned-write.ts';
import { redactPersonalData } from '../objections/raise.ts';
import { presentReport } from './present.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface FileReportInput {
  cycleId: string;
  org_unit_id: string;
  milestone_id?: string | undefined;
  text: string;
  figures?: Record<string, number> | undefined;
}

const noReportMilestone = () =>
  new AppError('conflict', {
    zh: '本周期没有进度报告节点',
    en: 'This cycle has no progress-report milestone',
  });

const seriesEnded = () =>
  new AppError('conflict', {
    zh: '进度报告已截止（每周报送期已结束）',
    en: 'The weekly progress reports have ended',
  });

/** The end of a weekly series (a bare date: through that day, UTC+8), in ms. */
function untilMs(recurrence: unknown): number {
  const until = (recurrence as { until?: unknown } | null)?.until;
  if (typeof until !== 'string') return Number.POSITIVE_INFINITY;
  return /^\d{4}-\d{2}-\d{2}$/.test(until)
    ? Date.parse(`${until}T23:59:59.999+08:00`)
    : Date.parse(until);
}

/**
 * The occurrence a report made at `nowMs` counts for: the first one not yet past (a weekly
 * series steps by 7 days from due_at) — the scheduler's window (due − 7 days, due]. A one-off
 * milestone has one occurrence, which a late report still answers.
 */
export function occurrenceFor(dueAt: string, recurrence: unknown, nowMs: number): string | null {
  const first = Date.parse(dueAt);
  if (!recurrence) return new Date(first).toISOString();
  const k = Math.max(0, Math.ceil((nowMs - first) / WEEK_MS));
  const at = first + k * WEEK_MS;
  return at <= untilMs(recurrence) ? new Date(at).toISOString() : null;
}

/**
 * A unit's progress report (003_…: 每周四下午4点前报送创建推进情况、疑难问题及解决建议) — text and
 * optional figures, filed by its reporters for the current week's occurrence; filing again in
 * the same week replaces it. The same batch records a `progress_report` transition on the
 * unit's submission, which is what the scheduler's deadline sweep reads to flag missed weeks,
 * and marks the unit's rollup stale. ID-card and mobile numbers are removed from the text.
 */
export async function fileProgressReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: FileReportInput;
}) {
  const cycle = await findCycle(ctx, input.cycleId);
  const { tdb } = ctx;
  const unit = await tdb.first(orgUnits, eq(orgUnits.id, input.org_unit_id));
  const submission = unit
    ? await tdb.first(
        submissions,
        eq(submissions.cycleId, cycle.id),
        eq(submissions.orgUnitId, unit.id),
      )
    : undefined;
  if (
    !unit ||
    !submission ||
    !(canReadUnit(ctx.principal, unit.path) || canReportFor(ctx.principal, unit.path))
  ) {
    throw notFound({ zh: '本周期的该单位', en: 'Unit in this cycle' });
  }
  if (!canReportFor(ctx.principal, unit.path)) throw forbidden();
  if (cycle.status === 'draft') throw cycleNotOpen();
  if (cycle.status === 'closed') throw cycleClosed();

  const candidates = await tdb.select(
    milestones,
    eq(milestones.cycleId, cycle.id),
    eq(milestones.kind, 'progress_report'),
  );
  const milestone = input.milestone_id
    ? candidates.find((m) => m.id === input.milestone_id)
    : candidates.length === 1
      ? candidates[0]
      : undefined;
  if (candidates.length === 0) throw noReportMilestone();
  if (!milestone) {
    throw invalid([
      fieldError(
        'body.milestone_id',
        input.milestone_id ? 'not_found' : 'required',
        input.milestone_id
          ? 'not a progress-report milestone of this cycle'
          : 'the cycle has several progress-report milestones: name one',
        input.milestone_id ? '不是本周期的进度报告节点' : '本周期有多个进度报告节点，请指定一个',
      ),
    ]);
  }
  const dueAt = occurrenceFor(milestone.dueAt, milestone.recurrence, ctx.now.getTime());
  if (!dueAt) throw seriesEnded();

  const at = ctx.now.toISOString();
  const by = actorOf(ctx.principal).id;
  const clean = redactPersonalData(input.text.trim());
  const figures = input.figures ?? {};
  const existing = await tdb.first(
    progressReports,
    eq(progressReports.milestoneId, milestone.id),
    eq(progressReports.orgUnitId, unit.id),
    eq(progressReports.dueAt, dueAt),
  );
  const id = existing?.id ?? newId('progressReport');
  const statements: BatchItem<'sqlite'>[] = [
    existing
      ? tdb.update(
          progressReports,
          {
            body: clean.text,
            figures,
            updatedAt: at,
            rowVersion: sql`${progressReports.rowVersion} + 1`,
          },
          and(eq(progressReports.id, existing.id)),
        )
      : tdb
          .insert(progressReports, {
            id,
            cycleId: cycle.id,
            milestoneId: milestone.id,
            orgUnitId: unit.id,
            submissionId: submission.id,
            dueAt,
            body: clean.text,
            figures,
            createdBy: by,
            createdAt: at,
            updatedAt: at,
            rowVersion: 1,
          })
          .onConflictDoUpdate({
            target: [
              progressReports.tenantId,
              progressReports.milestoneId,
              progressReports.orgUnitId,
              progressReports.dueAt,
            ],
            set: { body: clean.text, figures, updatedAt: at },
          }),
    tdb.insert(transitions, {
      id: newId('transition'),
      submissionId: submission.id,
      fromStatus: submission.status,
      toStatus: submission.status,
      action: 'progress_report',
      fromStage: submission.stage,
      toStage: submission.stage,
      reason: null,
      actorId: by,
      at,
    }),
    submissionStatusChanged(tdb, { cycleId: cycle.id, orgUnitId: unit.id, at }),
  ];
  await commitWithAudit(ctx, statements, [
    {
      action: existing ? 'progress_report.replace' : 'progress_report.file',
      entityType: 'progress_report',
      entityId: id,
      ...(existing ? { before: presentReport(existing) } : {}),
      after: { cycle_id: cycle.id, org_unit_id: unit.id, due_at: dueAt, text: clean.text, figures },
    },
  ]);
  const saved = await tdb.first(progressReports, eq(progressReports.id, id));
  return {
    report: { ...presentReport(saved!), personal_data_removed: clean.redacted },
    created: !existing,
  };
}
