import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { dbFor } from './client.ts';
import { newId } from './ids.ts';
import { cycles, milestones, submissionStages } from './schema.ts';
import {
  cycleRollupsChanged,
  cycleScoringChanged,
  DIRTY,
  insertStageRow,
  milestoneChanged,
  stageDataHash,
  submissionStatusChanged,
  updateStageData,
} from './scoring-work.ts';
import { TenantDb } from './tenant-db.ts';

// The write-side contract: what each kind of change leaves for the scheduler to find.

const at = '2026-11-22T00:00:00.000Z';

async function setup() {
  const tdb = new TenantDb(dbFor(env.DB), newId('tenant'));
  const cycleId = newId('cycle');
  const submissionIds = [newId('submission'), newId('submission')];
  await tdb.batch([
    tdb.insert(cycles, {
      id: cycleId,
      name: 'c',
      packKey: 'gz.full-employment',
      packVersion: '2024.1',
      packHash: '0'.repeat(64),
      parameters: {},
      references: {},
      stages: [],
      periodStart: '2023-10-01',
      periodEnd: '2024-09-30',
      createdBy: 'usr_test',
      createdAt: at,
      updatedAt: at,
    }),
    ...submissionIds.map((submissionId) =>
      insertStageRow(tdb, {
        submissionId,
        cycleId,
        stage: 'self',
        inputs: { staffCount: 1 },
        assessments: {},
        updatedBy: 'usr_test',
        at,
      }),
    ),
  ]);
  return { tdb, cycleId, submissionIds };
}

async function stageRows(tdb: TenantDb) {
  return (await tdb.select(submissionStages)).map((r) => ({
    submissionId: r.submissionId,
    dirty: r.dirty,
    rowVersion: r.rowVersion,
    dataHash: r.dataHash,
  }));
}

async function staleOf(tdb: TenantDb, orgUnitId: string) {
  const row = await env.DB.prepare(
    'SELECT stale FROM rollup_contributions WHERE tenant_id = ? AND org_unit_id = ?',
  )
    .bind(tdb.tenantId, orgUnitId)
    .first<{ stale: number }>();
  return row?.stale ?? 0;
}

describe('the write-side contract', () => {
  it('a new stage row is to score; an edit marks it again and bumps its row_version', async () => {
    const { tdb, submissionIds } = await setup();
    const [first] = submissionIds as [string];
    expect((await stageRows(tdb)).every((r) => r.dirty === DIRTY.toScore)).toBe(true);
    await env.DB.prepare('UPDATE submission_stages SET dirty = 0 WHERE tenant_id = ?')
      .bind(tdb.tenantId)
      .run();
    await tdb.batch([
      updateStageData(tdb, {
        submissionId: first,
        stage: 'self',
        inputs: { staffCount: 2 },
        assessments: {},
        updatedBy: 'usr_test',
        at,
      }),
    ]);
    const rows = await stageRows(tdb);
    expect(rows.find((r) => r.submissionId === first)).toEqual({
      submissionId: first,
      dirty: 1,
      rowVersion: 2,
      dataHash: stageDataHash({ staffCount: 2 }, {}),
    });
    expect(rows.filter((r) => r.submissionId !== first).map((r) => r.dirty)).toEqual([0]);
    // A stale expected row_version changes nothing.
    await tdb.batch([
      updateStageData(tdb, {
        submissionId: first,
        stage: 'self',
        inputs: { staffCount: 3 },
        assessments: {},
        updatedBy: 'usr_test',
        at,
        expectedRowVersion: 1,
      }),
    ]);
    expect((await stageRows(tdb)).find((r) => r.submissionId === first)?.rowVersion).toBe(2);
  });

  it('a cycle whose pack or parameters changed: epoch+1, every row to score, rollups whole', async () => {
    const { tdb, cycleId } = await setup();
    await env.DB.prepare('UPDATE submission_stages SET dirty = 0 WHERE tenant_id = ?')
      .bind(tdb.tenantId)
      .run();
    await tdb.batch(cycleScoringChanged(tdb, { cycleId, at }));
    const rows = await stageRows(tdb);
    expect(rows.map((r) => r.dirty)).toEqual([1, 1]);
    // row_version is the reporter's ETag: untouched.
    expect(rows.map((r) => r.rowVersion)).toEqual([1, 1]);
    expect((await tdb.first(cycles))?.scoringEpoch).toBe(2);
    expect(await staleOf(tdb, '*')).toBe(1);
    await tdb.batch([cycleRollupsChanged(tdb, { cycleId, at })]);
    expect(await staleOf(tdb, '*')).toBe(2);
  });

  it('a status change marks the unit’s rollup contribution, not its scores', async () => {
    const { tdb, cycleId } = await setup();
    await env.DB.prepare('UPDATE submission_stages SET dirty = 0 WHERE tenant_id = ?')
      .bind(tdb.tenantId)
      .run();
    await tdb.batch([submissionStatusChanged(tdb, { cycleId, orgUnitId: 'org_a', at })]);
    await tdb.batch([submissionStatusChanged(tdb, { cycleId, orgUnitId: 'org_a', at })]);
    expect(await staleOf(tdb, 'org_a')).toBe(2);
    expect((await stageRows(tdb)).map((r) => r.dirty)).toEqual([0, 0]);
  });

  it('a moved deadline is looked at afresh', async () => {
    const { tdb, cycleId } = await setup();
    const milestoneId = newId('milestone');
    await tdb.insert(milestones, {
      id: milestoneId,
      cycleId,
      kind: 'submission',
      title: { zh: '提交', en: 'Submit' },
      dueAt: at,
      nextCheckAt: '9999-12-31T23:59:59.999Z',
      createdAt: at,
    });
    await tdb.batch([milestoneChanged(tdb, { milestoneId })]);
    expect((await tdb.first(milestones))?.nextCheckAt).toBeNull();
  });
});
