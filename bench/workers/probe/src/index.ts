/**
 * The bench's hands inside workerd (bench only, never deployed): beside the real scheduler in
 * one `wrangler dev` session, on the same local D1. Routes:
 * - POST /tick: the scheduler's dev-only POST /__dev/tick (service binding), its outcome;
 * - GET /progress?cycle=: is the cycle's work done (no dirty rows, no stale rollup
 *   contributions, no queued chunks, no running run), with the run rows;
 * - POST /change?cycle=&every=: changes the inputs of every n-th stage row the way the API does
 *   (updateStageData from packages/db: row_version + 1, dirty = 1), one batch per 200 rows;
 * - POST /bare-insert?cycle=: inserts the cycle's snapshot rows again, into a copy of
 *   score_snapshots with the same indexes, 200 rows a statement through json_each as the
 *   scheduler does, one batch per 200 rows; answers the time spent in those batches only;
 * - GET /digest?cycle=: SHA-256 over the cycle's current snapshots in unit order, and counts;
 * - POST /redeliver?cycle=: after a killed session, sends the messages of the cycle's chunks
 *   still queued again — what a durable Queue does with unacknowledged messages (local queues
 *   are in memory and die with the session).
 */
import { getDb } from '../../../../packages/db/src/client.ts';
import { updateStageData } from '../../../../packages/db/src/scoring-work.ts';
import { TenantDb } from '../../../../packages/db/src/tenant-db.ts';

interface Env {
  DB: D1Database;
  SCHEDULER: Fetcher;
  SCORING_QUEUE: Queue;
}

const PAGE = 200;
const BARE = 'bench_bare_snapshots';
const SNAPSHOT_COLUMNS = [
  'id',
  'tenant_id',
  'cycle_id',
  'submission_id',
  'org_unit_id',
  'stage',
  'pack_key',
  'pack_version',
  'pack_hash',
  'input_hash',
  'engine_version',
  'total',
  'max',
  'designation_met',
  'complete',
  'scorecard',
  'run_id',
  'created_at',
];

async function cycleTenant(db: D1Database, cycleId: string): Promise<string> {
  const row = await db.prepare('SELECT tenant_id FROM cycles WHERE id = ?').bind(cycleId).first();
  if (!row) throw new Error(`no cycle ${cycleId}`);
  return String(row.tenant_id);
}

async function progress(db: D1Database, cycleId: string) {
  const work = await db
    .prepare(
      `SELECT
         (SELECT count(*) FROM submission_stages WHERE cycle_id = ?1 AND dirty = 1) AS dirty,
         (SELECT count(*) FROM submission_stages WHERE cycle_id = ?1) AS rows,
         (SELECT count(*) FROM rollup_contributions WHERE cycle_id = ?1 AND stale > 0) AS stale,
         (SELECT count(*) FROM scoring_chunks WHERE cycle_id = ?1 AND status = 'queued') AS queued,
         (SELECT count(*) FROM scoring_runs WHERE status = 'running') AS running`,
    )
    .bind(cycleId)
    .first<{ dirty: number; rows: number; stale: number; queued: number; running: number }>();
  const runs = await db
    .prepare(
      'SELECT id, trigger, status, total, done, written, errors FROM scoring_runs ORDER BY started_at',
    )
    .all();
  const w = work!;
  return { ...w, done: w.dirty + w.stale + w.queued + w.running === 0, runs: runs.results };
}

async function change(db: D1Database, cycleId: string, every: number, at: string) {
  const tenantId = await cycleTenant(db, cycleId);
  const tdb = new TenantDb(getDb({ DB: db }, tenantId), tenantId);
  const { results } = await db
    .prepare(
      `SELECT submission_id, stage, inputs, assessments, updated_by FROM (
         SELECT ss.*, row_number() OVER (ORDER BY submission_id, stage) AS n
         FROM submission_stages ss WHERE cycle_id = ?) WHERE n % ? = 0`,
    )
    .bind(cycleId, every)
    .all<{
      submission_id: string;
      stage: string;
      inputs: string;
      assessments: string;
      updated_by: string;
    }>();
  for (let i = 0; i < results.length; i += PAGE) {
    await tdb.batch(
      results.slice(i, i + PAGE).map((r) => {
        const inputs = JSON.parse(r.inputs) as Record<string, unknown>;
        // A reporter corrects one figure: the sign on the service window.
        inputs.windowHasSign = !inputs.windowHasSign;
        return updateStageData(tdb, {
          submissionId: r.submission_id,
          stage: r.stage,
          inputs,
          assessments: JSON.parse(r.assessments) as Record<string, unknown>,
          updatedBy: r.updated_by,
          at,
        });
      }),
    );
  }
  return { changed: results.length };
}

/** A copy of score_snapshots with the same indexes (names prefixed), emptied. */
async function bareTable(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE tbl_name = 'score_snapshots' AND type IN ('table', 'index') AND sql IS NOT NULL`,
    )
    .all<{ type: string; name: string; sql: string }>();
  const statements = [db.prepare(`DROP TABLE IF EXISTS ${BARE}`)];
  for (const r of results.sort((a, b) => (a.type === 'table' ? -1 : b.type === 'table' ? 1 : 0))) {
    const sql = r.sql
      .replace(/`score_snapshots`/g, `\`${BARE}\``)
      .replace(/`(score_snapshots_\w+)`/g, '`bench_$1`');
    statements.push(db.prepare(sql));
  }
  await db.batch(statements);
}

async function bareInsert(db: D1Database, cycleId: string) {
  const tenantId = await cycleTenant(db, cycleId);
  await bareTable(db);
  const columns = SNAPSHOT_COLUMNS.join(', ');
  const extracts = SNAPSHOT_COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ');
  let after = 0;
  let rows = 0;
  let batches = 0;
  let insertMs = 0;
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT seq, ${columns} FROM score_snapshots WHERE tenant_id = ? AND cycle_id = ? AND seq > ?
         ORDER BY seq LIMIT ${PAGE}`,
      )
      .bind(tenantId, cycleId, after)
      .all<Record<string, unknown>>();
    if (results.length === 0) break;
    after = Number(results.at(-1)!.seq);
    const json = JSON.stringify(results.map((r) => SNAPSHOT_COLUMNS.map((c) => r[c])));
    const t0 = performance.now();
    await db.batch([
      db
        .prepare(`INSERT OR IGNORE INTO ${BARE} (${columns}) SELECT ${extracts} FROM json_each(?)`)
        .bind(json),
    ]);
    insertMs += performance.now() - t0;
    rows += results.length;
    batches++;
  }
  await db.prepare(`DROP TABLE IF EXISTS ${BARE}`).run();
  return { rows, batches, insertMs };
}

async function digest(db: D1Database, cycleId: string) {
  const tenantId = await cycleTenant(db, cycleId);
  const parts: string[] = [];
  let after = '';
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT c.submission_id, c.stage, s.input_hash, s.total, s.scorecard
         FROM current_scores c CROSS JOIN score_snapshots s
         WHERE c.tenant_id = ? AND c.cycle_id = ? AND (c.submission_id || '|' || c.stage) > ?
           AND s.seq = c.snapshot_seq
         ORDER BY c.submission_id, c.stage LIMIT 500`,
      )
      .bind(tenantId, cycleId, after)
      .all<Record<string, string | number>>();
    if (results.length === 0) break;
    for (const r of results) {
      parts.push(`${r.submission_id}|${r.stage}|${r.input_hash}|${r.total}|${r.scorecard}`);
    }
    const last = results.at(-1)!;
    after = `${last.submission_id}|${last.stage}`;
  }
  const counts = await db
    .prepare(
      'SELECT count(*) AS snapshots FROM score_snapshots WHERE tenant_id = ? AND cycle_id = ?',
    )
    .bind(tenantId, cycleId)
    .first<{ snapshots: number }>();
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n')));
  return {
    current: parts.length,
    snapshots: counts?.snapshots ?? 0,
    sha256: [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join(''),
  };
}

async function redeliver(db: D1Database, queue: Queue, cycleId: string) {
  const { results } = await db
    .prepare(`SELECT message FROM scoring_chunks WHERE cycle_id = ? AND status = 'queued'`)
    .bind(cycleId)
    .all<{ message: string }>();
  for (let i = 0; i < results.length; i += 100) {
    await queue.sendBatch(results.slice(i, i + 100).map((r) => ({ body: JSON.parse(r.message) })));
  }
  return { redelivered: results.length };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const cycle = url.searchParams.get('cycle') ?? '';
    try {
      if (request.method === 'POST' && url.pathname === '/tick') {
        const t0 = performance.now();
        const res = await env.SCHEDULER.fetch('http://scheduler/__dev/tick', { method: 'POST' });
        const outcome = res.ok ? await res.json() : { status: res.status, body: await res.text() };
        return Response.json({ outcome, ms: performance.now() - t0 });
      }
      if (url.pathname === '/progress') return Response.json(await progress(env.DB, cycle));
      if (request.method === 'POST' && url.pathname === '/change') {
        const every = Number(url.searchParams.get('every') ?? 100);
        return Response.json(await change(env.DB, cycle, every, new Date().toISOString()));
      }
      if (request.method === 'POST' && url.pathname === '/bare-insert') {
        return Response.json(await bareInsert(env.DB, cycle));
      }
      if (request.method === 'POST' && url.pathname === '/redeliver') {
        return Response.json(await redeliver(env.DB, env.SCORING_QUEUE, cycle));
      }
      if (url.pathname === '/digest') return Response.json(await digest(env.DB, cycle));
      return new Response('Not found', { status: 404 });
    } catch (err) {
      return Response.json({ error: String(err) }, { status: 500 });
    }
  },
} satisfies ExportedHandler<Env>;
