import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultyD1 } from '../../test/d1-faults.ts';
import { mintCampaign } from '../../test/factories.ts';
import { count, snapshots, tickOutcome } from '../../test/harness.ts';
import { MOVES } from '../scoring/chunk-writes.ts';
import { QUERIES_PER_CHUNK } from './tick.ts';

// The numbers behind the knobs (docs/ARCHITECTURE.md, "Scoring runs: the numbers"): what a
// chunk costs in D1 queries, what an idle tick costs, how big a snapshot is, and the plans of
// the hot queries (each must walk an index).

afterEach(async () => {
  await env.DB.prepare('DELETE FROM leases').run();
});

async function plan(sql: string, ...params: unknown[]): Promise<string> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail).join('\n');
}

async function measuredRun(units: number, stages: string[]) {
  await mintCampaign({ units, stages });
  const d1 = new FaultyD1(env.DB);
  const started = Date.now();
  // The first sight of a cycle also refreshes its rollups whole: one page, so the two sizes
  // differ by their chunks alone.
  const outcome = await tickOutcome({ DB: d1.binding, ROLLUP_PAGE_UNITS: '5000' });
  return { outcome, d1, ms: Date.now() - started };
}

describe('what a run costs', () => {
  it('a chunk of 200 rows takes one read and one batch of ≤ 10 statements', async () => {
    const one = await measuredRun(100, ['self', 'town']);
    const five = await measuredRun(500, ['self', 'town']);
    expect(one.outcome.scored).toBe(200);
    expect(five.outcome.scored).toBe(1000);
    const callsPerChunk = (five.d1.calls - one.d1.calls) / 4;
    const statementsPerChunk = (five.d1.statements - one.d1.statements) / 4;
    const rows = await snapshots((await mintCampaign({ units: 0 })).tenantId);
    expect(rows).toHaveLength(0);
    const { bytes } = (await env.DB.prepare(
      'SELECT avg(length(scorecard)) AS bytes FROM score_snapshots',
    ).first<{ bytes: number }>()) ?? { bytes: 0 };
    console.info(
      [
        'scoring run, 1,000 stage rows in 5 chunks of 200:',
        `  D1 calls per chunk ${callsPerChunk}, statements per chunk ${statementsPerChunk}`,
        `  whole run: ${five.d1.calls} calls, ${five.d1.statements} statements, ${five.d1.rowsRead} rows read, ${five.d1.rowsWritten} rows written`,
        `  wall time ${five.ms} ms (${(five.ms / 1000).toFixed(2)} ms per row, local workerd + D1)`,
        `  stored scorecard ${Math.round(bytes)} B on average`,
      ].join('\n'),
    );
    console.info(
      [...five.d1.readsBySql.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([sql, rows]) => `${rows}\t${sql}`)
        .join('\n'),
    );
    expect(callsPerChunk).toBe(2);
    expect(statementsPerChunk).toBeLessThanOrEqual(QUERIES_PER_CHUNK - 1);
    expect(bytes).toBeLessThan(2000);
    // The default inline budget (4,000 rows = 20 chunks) stays far inside 1,000 queries.
    expect(one.d1.statements + 19 * statementsPerChunk + 20).toBeLessThan(500);
  });

  it('an idle tick is one query that reads next to nothing and writes nothing', async () => {
    await mintCampaign({ units: 3 });
    await tickOutcome();
    const d1 = new FaultyD1(env.DB);
    expect((await tickOutcome({ DB: d1.binding })).outcome).toBe('idle');
    console.info(
      `idle tick: ${d1.calls} query, ${d1.rowsRead} rows read, ${d1.rowsWritten} written`,
    );
    expect(d1.calls).toBe(1);
    expect(d1.rowsWritten).toBe(0);
    expect(d1.rowsRead).toBeLessThanOrEqual(4);
  });
});

describe('the hot queries walk indexes', () => {
  it('finding work, reading a chunk, settling it, finding due milestones', async () => {
    await mintCampaign({ units: 3 });
    expect(await plan('SELECT 1 FROM submission_stages WHERE dirty = 1 LIMIT 1')).toMatch(
      /USING COVERING INDEX submission_stages_dirty_idx/,
    );
    expect(await plan('SELECT 1 FROM rollup_contributions WHERE stale > 0 LIMIT 1')).toMatch(
      /USING COVERING INDEX rollup_contributions_stale_idx/,
    );
    const due = await plan(
      `SELECT id FROM milestones WHERE next_check_at <= ?1
       UNION ALL SELECT id FROM milestones WHERE next_check_at IS NULL AND due_at <= ?1`,
      '2026-01-01',
    );
    expect(due).toMatch(/milestones_next_check_idx/);
    expect(due).not.toMatch(/SCAN/);
    expect(
      await plan(
        `SELECT ss.submission_id FROM submission_stages ss
         WHERE ss.tenant_id = ? AND ss.cycle_id = ? AND ss.dirty = 1
           AND (ss.submission_id > ? OR (ss.submission_id = ? AND ss.stage > ?))
         ORDER BY ss.submission_id, ss.stage LIMIT 200`,
        't',
        'c',
        's',
        's',
        'self',
      ),
    ).toMatch(/USING (COVERING )?INDEX submission_stages_work_idx/);
    const settle = await plan(
      `UPDATE submission_stages SET dirty = 0
       WHERE tenant_id = ? AND (submission_id, stage, row_version) IN (
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
                json_extract(value, '$[3]') FROM json_each(?))`,
      't',
      '[]',
    );
    expect(settle).toMatch(/submission_stages_(uq|work_idx)/);
    expect(settle).not.toMatch(/SCAN submission_stages/);
    const snapshotKey = await plan(
      `SELECT 1 FROM score_snapshots s WHERE s.tenant_id = ? AND s.submission_id = ?
         AND s.stage = ? AND s.pack_hash = ? AND s.input_hash = ? AND s.engine_version = ?`,
      't',
      's',
      'self',
      'p',
      'i',
      'e',
    );
    expect(snapshotKey).toMatch(/score_snapshots_key_uq/);
    // Moving pointers: the chunk's keys drive the loop, every table is reached by its key.
    const moves = (await plan(`SELECT s.seq ${MOVES}`, '[]', 't', 'c', 1, 'p', 'p', 'e')).split(
      '\n',
    );
    expect(moves[0]).toMatch(/^SCAN j/);
    expect(moves.slice(1).join('\n')).not.toMatch(/SCAN/);
    expect(moves.join('\n')).toMatch(/score_snapshots_key_uq \(tenant_id=\? AND submission_id=\?/);
    const stale = await plan(
      `SELECT * FROM (SELECT org_unit_id FROM rollup_contributions
         INDEXED BY rollup_contributions_stale_idx
         WHERE stale > 0 AND tenant_id = ?1 AND cycle_id = ?2 AND org_unit_id <> '*' LIMIT 10)
       UNION ALL SELECT org_unit_id FROM rollup_contributions
         WHERE tenant_id = ?1 AND cycle_id = ?2 AND org_unit_id = '*'`,
      't',
      'c',
    );
    expect(stale).toMatch(/rollup_contributions_stale_idx/);
    expect(stale).toMatch(
      /rollup_contributions_uq \(tenant_id=\? AND cycle_id=\? AND org_unit_id=\?\)/,
    );
    expect(await count('SELECT count(*) AS n FROM leases')).toBe(0);
  });
});
