import { env } from 'cloudflare:workers';
import { newId } from '@kaoping/db/ids';
import { milestones, progressReports, submissions } from '@kaoping/db/schema';
import { milestoneChanged, submissionStatusChanged } from '@kaoping/db/scoring-work';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { AT, addMilestone, type Campaign, mintCampaign } from '../../test/factories.ts';
import { tickOutcome } from '../../test/harness.ts';

// Deadline flags per unit and per cycle ('*'), raised when a milestone falls due with its step
// not done, resolved when it is done.

afterEach(async () => {
  await env.DB.prepare('DELETE FROM leases').run();
});

interface Flag {
  org_unit_id: string;
  due_at: string;
  resolved: number;
}

async function flags(campaign: Campaign, milestoneId: string): Promise<Flag[]> {
  const { results } = await env.DB.prepare(
    `SELECT org_unit_id, due_at, resolved_at IS NOT NULL AS resolved FROM deadline_flags
     WHERE tenant_id = ? AND milestone_id = ? ORDER BY due_at, org_unit_id`,
  )
    .bind(campaign.tenantId, milestoneId)
    .all<Flag>();
  return results;
}

async function setStatus(campaign: Campaign, index: number, status: 'draft' | 'submitted') {
  const unit = campaign.units[index];
  if (!unit) throw new Error(`unit ${index}`);
  await campaign.tdb.batch([
    campaign.tdb.update(submissions, { status }, eq(submissions.id, unit.submissionId)),
    submissionStatusChanged(campaign.tdb, {
      cycleId: campaign.cycleId,
      orgUnitId: unit.id,
      at: AT,
    }),
  ]);
}

describe('deadline flags', () => {
  it('a submission deadline past due flags each unit not submitted, and the cycle', async () => {
    const campaign = await mintCampaign({ units: 4 });
    await setStatus(campaign, 1, 'draft');
    await setStatus(campaign, 3, 'draft');
    // 2024年10月15日前 … 提交自评材料 (000_…txt), 23:59 in UTC+8.
    const due = '2024-10-15T15:59:59.000Z';
    const milestoneId = await addMilestone(campaign, {
      kind: 'submission',
      dueAt: due,
      requiredStatus: 'submitted',
    });
    const first = await tickOutcome();
    expect(first.flagged).toBe(2);
    const late = [campaign.units[1]?.id, campaign.units[3]?.id] as string[];
    expect(await flags(campaign, milestoneId)).toEqual(
      ['*', ...late].sort().map((org_unit_id) => ({ org_unit_id, due_at: due, resolved: 0 })),
    );
    // Looked at once: the next tick does not read it again.
    const milestone = await env.DB.prepare('SELECT next_check_at FROM milestones WHERE id = ?')
      .bind(milestoneId)
      .first();
    expect(milestone).toEqual({ next_check_at: '9999-12-31T23:59:59.999Z' });

    // One unit submits late: its flag is resolved, the cycle's stays open.
    await setStatus(campaign, 1, 'submitted');
    expect((await tickOutcome()).resolved).toBe(1);
    const open = (await flags(campaign, milestoneId)).filter((f) => !f.resolved);
    expect(open.map((f) => f.org_unit_id).sort()).toEqual(['*', campaign.units[3]?.id].sort());
    // The last one submits: its flag and the cycle's are resolved.
    await setStatus(campaign, 3, 'submitted');
    expect((await tickOutcome()).resolved).toBe(2);
    expect((await flags(campaign, milestoneId)).every((f) => f.resolved)).toBe(true);
    expect((await tickOutcome()).outcome).toBe('idle');

    // A deadline moved is looked at afresh.
    await campaign.tdb.batch([
      campaign.tdb.update(
        milestones,
        { dueAt: '2024-10-20T15:59:59.000Z' },
        eq(milestones.id, milestoneId),
      ),
      milestoneChanged(campaign.tdb, { milestoneId }),
    ]);
    expect((await tickOutcome()).outcome).toBe('ran');
    expect((await flags(campaign, milestoneId)).filter((f) => !f.resolved)).toEqual([]);
  });

  it('a weekly progress report (每周四下午4点前): each missed week is flagged; a report resolves it', async () => {
    const campaign = await mintCampaign({ units: 3 });
    const [steady, once, silent] = campaign.units;
    if (!steady || !once || !silent) throw new Error('units');
    // Thursdays 16:00 in UTC+8, starting a month ago; four occurrences are past.
    const now = Date.now();
    const first = new Date(now - 25 * 24 * 3600_000);
    first.setUTCHours(8, 0, 0, 0);
    const week = 7 * 24 * 3600_000;
    const occurrences = [0, 1, 2, 3].map((k) => new Date(first.getTime() + k * week).toISOString());
    const milestoneId = await addMilestone(campaign, {
      kind: 'progress_report',
      dueAt: occurrences[0] as string,
      recurrence: { weekday: 4, time: '16:00', timezone: 'Asia/Shanghai' },
    });
    // A report is filed under the first occurrence not yet past (issue 5's progress_reports).
    const report = (unit: typeof steady, dueAt: string) =>
      campaign.tdb.insert(progressReports, {
        id: newId('progressReport'),
        cycleId: campaign.cycleId,
        milestoneId,
        orgUnitId: unit.id,
        submissionId: unit.submissionId,
        dueAt,
        body: '本周推进情况',
        figures: {},
        createdBy: 'usr_test',
        createdAt: AT,
        updatedAt: AT,
      });
    await campaign.tdb.batch([
      // Every week.
      ...occurrences.map((d) => report(steady, d)),
      // Only in the third week.
      report(once, occurrences[2] as string),
    ]);
    const outcome = await tickOutcome();
    // `once` misses weeks 1, 2 and 4; `silent` all four.
    expect(outcome.flagged).toBe(7);
    const all = await flags(campaign, milestoneId);
    const of = (unit: { id: string }) =>
      all.filter((f) => f.org_unit_id === unit.id).map((f) => [f.due_at, f.resolved]);
    expect(of(steady)).toEqual([]);
    expect(of(silent).map(([d]) => d)).toEqual(occurrences);
    // `once`'s week-3 report came after weeks 1 and 2: those are resolved by it.
    expect(of(once)).toEqual([
      [occurrences[0], 1],
      [occurrences[1], 1],
      [occurrences[3], 0],
    ]);
    expect(all.filter((f) => f.org_unit_id === '*')).toHaveLength(4);
    const next = await env.DB.prepare('SELECT next_check_at FROM milestones WHERE id = ?')
      .bind(milestoneId)
      .first<{ next_check_at: string }>();
    expect(next?.next_check_at).toBe(
      new Date(Date.parse(occurrences[3] as string) + week).toISOString(),
    );

    // `silent` reports now (late, so for the coming week); the contract marks the unit so its
    // flags are looked at again.
    const coming = new Date(Date.parse(occurrences[3] as string) + week).toISOString();
    await campaign.tdb.batch([
      report(silent, coming),
      submissionStatusChanged(campaign.tdb, {
        cycleId: campaign.cycleId,
        orgUnitId: silent.id,
        at: AT,
      }),
    ]);
    await tickOutcome();
    const afterReport = await flags(campaign, milestoneId);
    expect(afterReport.filter((f) => f.org_unit_id === silent.id).every((f) => f.resolved)).toBe(
      true,
    );
  });
});
