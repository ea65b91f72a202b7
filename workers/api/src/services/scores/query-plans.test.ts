import { env } from 'cloudflare:workers';
import { dbFor } from '@kaoping/db/client';
import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign, type TestCampaign } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { runScheduler } from '../../../test/scoring.ts';
import { flagsSql } from '../deadlines/list-flags.ts';
import { rollupsSql } from '../rollups/list.ts';
import { childRollupsSql, ownRollupSql } from '../rollups/series.ts';
import { changesSql, seqBeforeSql } from './changes.ts';
import { historySql } from './history.ts';
import { currentScoresSql } from './list-current.ts';
import { snapshotSql } from './read-snapshot.ts';
import { storedScorecardsSql } from './scorecards.ts';

/**
 * The hot read queries use indexes: EXPLAIN QUERY PLAN of each, as the services build it, has
 * no `SCAN <table>` without an index (a full table scan). Scans of the statement's own
 * materialised subqueries (the feed's `hw` and `page`) and of json_each are fine: they hold a
 * row or a page. Sorting a subtree's rows (USE TEMP B-TREE) is allowed; reading a table whole
 * is not.
 */

let t: TestTenant;
let campaign: TestCampaign;

async function plan(query: SQL): Promise<string[]> {
  const rows = (await dbFor(env.DB).all(sql`EXPLAIN QUERY PLAN ${query}`)) as { detail: string }[];
  return rows.map((r) => r.detail);
}

const OWN_SCANS = new Set(['hw', 'page']);

function fullScans(lines: string[]): string[] {
  return lines.filter((line) => {
    const m = /^SCAN (\S+)(.*)$/.exec(line);
    if (!m) return false;
    const [, name, rest] = m;
    if (
      OWN_SCANS.has(name!) ||
      / USING (COVERING )?INDEX | USING INTEGER PRIMARY KEY/.test(`${rest} `)
    ) {
      return false;
    }
    return !/VIRTUAL TABLE/.test(rest!);
  });
}

beforeAll(async () => {
  t = await createTestTenant();
  campaign = await createTestCampaign(t);
  await runScheduler();
});

describe('query plans of the score reads', () => {
  const whole = { all: true } as const;
  const town = () => ({ all: false, paths: [t.units.town.path, t.units.otherTown.path] }) as const;
  const cases: [string, () => SQL][] = [
    [
      'scores by cycle, whole tenant (a page)',
      () =>
        currentScoresSql({
          tenantId: t.id,
          cycleId: campaign.cycleId,
          scope: whole,
          stage: 'self',
          packVersion: '2024.1',
          after: [t.units.village.id, 'self'],
          limit: 101,
        }),
    ],
    [
      'scores by cycle, two subtrees',
      () =>
        currentScoresSql({
          tenantId: t.id,
          cycleId: campaign.cycleId,
          scope: town(),
          after: [t.units.village.id, 'self'],
          limit: 101,
        }),
    ],
    ['stored scorecards of a page', () => storedScorecardsSql(t.id, [1, 2, 3])],
    [
      'changes feed, whole tenant',
      () => changesSql({ tenantId: t.id, afterSeq: 0, scope: whole, limit: 101 }),
    ],
    [
      'changes feed, one cycle, a subtree',
      () =>
        changesSql({
          tenantId: t.id,
          afterSeq: 0,
          cycleId: campaign.cycleId,
          scope: town(),
          limit: 101,
        }),
    ],
    ['updated_since → cursor', () => seqBeforeSql(t.id, '2026-01-01T00:00:00.000Z')],
    [
      'unit history (with lineage)',
      () =>
        historySql({
          tenantId: t.id,
          unitIds: [t.units.village.id, t.units.siblingVillage.id],
          afterSeq: 0,
          cycleId: campaign.cycleId,
          limit: 101,
        }),
    ],
    [
      'unit history, all cycles',
      () => historySql({ tenantId: t.id, unitIds: [t.units.village.id], afterSeq: 0, limit: 101 }),
    ],
    ['one snapshot', () => snapshotSql(t.id, 'snp_00000000000000000000000000000000')],
    [
      'rollups by cycle, whole tenant',
      () =>
        rollupsSql({
          tenantId: t.id,
          cycleId: campaign.cycleId,
          scope: whole,
          unitKind: 'village',
          after: [t.units.town.id, '*'],
          limit: 51,
        }),
    ],
    [
      'rollups by cycle, a subtree',
      () => rollupsSql({ tenantId: t.id, cycleId: campaign.cycleId, scope: town(), limit: 51 }),
    ],
    [
      'rollup series (a unit and its children)',
      () =>
        childRollupsSql({
          tenantId: t.id,
          cycleId: campaign.cycleId,
          parentId: t.units.root.id,
          unitKind: '*',
          limit: 1001,
        }),
    ],
    [
      'rollup of one unit',
      () =>
        ownRollupSql({
          tenantId: t.id,
          cycleId: campaign.cycleId,
          orgUnitId: t.units.root.id,
          unitKind: '*',
        }),
    ],
    [
      'deadline flags of a cycle',
      () =>
        flagsSql({
          tenantId: t.id,
          cycleId: campaign.cycleId,
          scope: whole,
          status: 'open',
          after: [campaign.milestoneId, t.units.village.id, '2024-10-15T08:00:00.000Z'],
          limit: 51,
        }),
    ],
  ];

  it.for(cases)('%s uses indexes', async ([, build]) => {
    const lines = await plan(build());
    expect(lines.length).toBeGreaterThan(0);
    expect(fullScans(lines), lines.join('\n')).toEqual([]);
  });

  it('the checker itself catches a full table scan', async () => {
    const lines = await plan(sql`SELECT * FROM score_snapshots WHERE total > 1`);
    expect(fullScans(lines)).toEqual(['SCAN score_snapshots']);
  });

  it('a page of scores walks its cycle in index order: no sort of the whole cycle', async () => {
    const lines = await plan(
      currentScoresSql({ tenantId: t.id, cycleId: campaign.cycleId, scope: whole, limit: 101 }),
    );
    expect(lines.join('\n')).toMatch(/SEARCH s USING INDEX submissions_uq/);
    expect(lines.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    const history = await plan(
      historySql({
        tenantId: t.id,
        unitIds: [t.units.village.id],
        afterSeq: 0,
        cycleId: campaign.cycleId,
        limit: 101,
      }),
    );
    expect(history.join('\n')).toMatch(/SEARCH ss USING INDEX score_snapshots_unit_idx/);
    const feed = await plan(changesSql({ tenantId: t.id, afterSeq: 0, scope: whole, limit: 101 }));
    expect(feed.join('\n')).toMatch(/SEARCH e USING (COVERING )?INDEX score_events_feed_idx/);
  });
});
