import { milestones } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { type FieldError, notFound } from '../../lib/problem.ts';
import type { CycleRow } from './cycle-pack.ts';
import { fieldError, invalid } from './errors.ts';
import { firstOccurrence, type RecurrenceInput, recurrenceErrors } from './recurrence.ts';
import { parseChain, STATUS_AFTER } from './review-chain.ts';

export const MILESTONE_KINDS = [
  'self_assessment',
  'submission',
  'review',
  'publicity_end',
  'progress_report',
  'custom',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const REQUIRED_STATUSES = [
  'submitted',
  'recommended',
  'verified',
  'publicised',
  'published',
] as const;

export interface MilestoneInput {
  kind?: MilestoneKind | undefined;
  title?: { zh: string; en: string } | undefined;
  due_at?: string | undefined;
  required_status?: (typeof REQUIRED_STATUSES)[number] | null | undefined;
  recurrence?: RecurrenceInput | null | undefined;
}

export const milestoneNotFound = () => notFound({ zh: '时间节点', en: 'Milestone' });

/** Checks a milestone as it will be stored; returns its due_at. */
export function checkMilestone(
  cycle: CycleRow,
  m: Required<Pick<MilestoneInput, 'kind'>> & MilestoneInput,
) {
  const errors: FieldError[] = [];
  const reachable = new Set(parseChain(cycle.stages).map((s) => STATUS_AFTER[s.step]));
  if (m.required_status && !reachable.has(m.required_status)) {
    errors.push(
      fieldError(
        'body.required_status',
        'not_in_chain',
        `this cycle’s review chain never reaches ${m.required_status}`,
        `本周期的审核流程没有“${m.required_status}”这一步`,
      ),
    );
  }
  let dueAt = m.due_at;
  if (m.recurrence) {
    errors.push(...recurrenceErrors(m.recurrence, m.due_at, 'body'));
    dueAt ??= firstOccurrence(m.recurrence);
  }
  if (dueAt === undefined) {
    errors.push(
      fieldError(
        'body.due_at',
        'required',
        'a due date, or a weekly recurrence',
        '需要截止时间或每周规则',
      ),
    );
  }
  if (m.kind === 'progress_report' && m.required_status) {
    errors.push(
      fieldError(
        'body.required_status',
        'not_for_reports',
        'a progress report is done by reporting, not by a status',
        '进度报告以报送为准，不设状态要求',
      ),
    );
  }
  if (errors.length > 0) throw invalid(errors);
  return new Date(dueAt!).toISOString();
}

/** The cycle's milestone, or 404. */
export async function milestoneOf(ctx: ServiceContext, cycle: CycleRow, milestoneId: string) {
  const m = await ctx.tdb.first(
    milestones,
    eq(milestones.id, milestoneId),
    eq(milestones.cycleId, cycle.id),
  );
  if (!m) throw milestoneNotFound();
  return m;
}
