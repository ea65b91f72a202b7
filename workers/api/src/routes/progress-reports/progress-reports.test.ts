import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dueOccurrences,
  parseRecurrence,
} from '../../../../scheduler/src/deadlines/occurrences.ts';
import { chinaDate, freshCycle, weeklyReports } from '../../../test/campaign.ts';
import { createTestTenant, databaseFingerprint, type TestTenant } from '../../../test/factories.ts';
import { call, callJson } from '../../../test/http.ts';

/**
 * Weekly progress reports (003_…: "从7月起…每周四下午4点前将创建推进情况…报送"): a unit's
 * reporters file one a week; it counts for the first occurrence of the cycle's weekly milestone
 * not yet past, which is what the scheduler's deadline sweep looks for (progress_reports.due_at,
 * with a `progress_report` transition and a stale rollup in the same batch).
 */

let t: TestTenant;
let cycleId: string;
let milestone: { id: string; due_at: string; recurrence: Record<string, unknown> };

interface Report {
  id: string;
  due_at: string;
  text: string;
  figures: Record<string, number>;
  personal_data_removed: boolean;
}

beforeAll(async () => {
  t = await createTestTenant();
  const cycle = await freshCycle(t, {
    units: [{ org_unit_id: t.units.village.id }, { org_unit_id: t.units.siblingVillage.id }],
    milestones: [weeklyReports()],
  });
  cycleId = cycle.id;
  const view = await callJson<{ milestones: (typeof milestone)[] }>(`/v1/cycles/${cycleId}`, {
    token: t.tokens.admin,
  });
  milestone = view.milestones[0]!;
});

describe('weekly progress reports', () => {
  it('count for the next Thursday 16:00 (China time) the scheduler checks', async () => {
    const res = await call(`/v1/cycles/${cycleId}/progress-reports`, {
      token: t.tokens.reporter,
      body: {
        org_unit_id: t.units.village.id,
        text: '本周完成劳动力摸查120户，新开发公益性岗位2个；难点：部分外出务工人员联系不上。',
        figures: { householdsVisited: 120, postsCreated: 2 },
      },
    });
    expect(res.status).toBe(201);
    const report = (await res.json()) as Report;
    const due = new Date(report.due_at);
    const local = new Date(due.getTime() + 8 * 3600_000);
    expect(local.getUTCDay()).toBe(4);
    expect(local.toISOString().slice(11, 16)).toBe('16:00');
    expect(due.getTime()).toBeGreaterThanOrEqual(Date.now() - 1000);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    // The scheduler's own occurrence arithmetic names this very instant.
    const week = dueOccurrences(
      milestone.due_at,
      parseRecurrence(JSON.stringify(milestone.recurrence)),
      null,
      Date.now() + 7 * 86_400_000,
    );
    expect(week.due).toContain(report.due_at);
    // The same batch recorded the transition and marked the unit's rollup.
    const transition = await env.DB.prepare(
      `SELECT t.action FROM transitions t JOIN submissions s ON s.id = t.submission_id
       WHERE t.tenant_id = ? AND s.org_unit_id = ? AND s.cycle_id = ?`,
    )
      .bind(t.id, t.units.village.id, cycleId)
      .all<{ action: string }>();
    expect(transition.results.map((r) => r.action)).toEqual(['progress_report']);
    const stale = await env.DB.prepare(
      'SELECT stale FROM rollup_contributions WHERE tenant_id = ? AND cycle_id = ? AND org_unit_id = ?',
    )
      .bind(t.id, cycleId, t.units.village.id)
      .first<{ stale: number }>();
    expect(stale!.stale).toBeGreaterThan(0);
  });

  it('filing again in the same week replaces the report (one row), with personal data removed', async () => {
    const res = await call(`/v1/cycles/${cycleId}/progress-reports`, {
      token: t.tokens.reporter,
      body: { org_unit_id: t.units.village.id, text: '更正：走访130户，联系人电话13512345678。' },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.personal_data_removed).toBe(true);
    expect(report.text).not.toContain('13512345678');
    const list = await callJson<{ items: Report[] }>(`/v1/cycles/${cycleId}/progress-reports`, {
      token: t.tokens.admin,
    });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.figures).toEqual({});
  });

  it('are for a unit’s own reporters: another unit’s reporter, a reviewer and a viewer are refused', async () => {
    const before = await databaseFingerprint();
    const send = (token: string, unit: string) =>
      call(`/v1/cycles/${cycleId}/progress-reports`, {
        token,
        body: { org_unit_id: unit, text: '进度' },
      });
    expect((await send(t.tokens.reporter, t.units.siblingVillage.id)).status).toBe(404);
    expect((await send(t.tokens.reviewer, t.units.village.id)).status).toBe(403);
    expect((await send(t.tokens.viewer, t.units.village.id)).status).toBe(403);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('need a progress-report milestone, and stop when its series ends', async () => {
    const none = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }] });
    const res = await call(`/v1/cycles/${none.id}/progress-reports`, {
      token: t.tokens.reporter,
      body: { org_unit_id: t.units.village.id, text: '进度' },
    });
    expect(res.status).toBe(409);
    const ended = await freshCycle(t, {
      units: [{ org_unit_id: t.units.village.id }],
      milestones: [
        {
          ...weeklyReports(),
          recurrence: {
            weekday: 4,
            time: '16:00',
            timezone: 'Asia/Shanghai',
            starts: chinaDate(-60),
            until: chinaDate(-20),
          },
        },
      ],
    });
    const late = await call(`/v1/cycles/${ended.id}/progress-reports`, {
      token: t.tokens.reporter,
      body: { org_unit_id: t.units.village.id, text: '进度' },
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('已截止');
  });
});
