import { dbFor } from '@kaoping/db/client';
import { resolvePack } from '@kaoping/db/pack-store';
import { TenantDb } from '@kaoping/db/tenant-db';
import { type Pack, rollUp, type UnitKind, unitKinds } from '@kaoping/standards';
import { type Sql, type Statement, stmt } from '../d1.ts';
import { holdLease, type Lease } from '../run/lease.ts';
import { type CycleRow, loadCycle, stageKeys } from '../scoring/cycle-context.ts';
import {
  type Contribution,
  computeRollups,
  PathOrderedRollups,
  type RollupRow,
  rowKey,
  sameContribution,
  sameRow,
  type Target,
  touchedKeys,
  updateRollups,
} from './rollup-math.ts';

/**
 * Refreshes a cycle's rollups from its units' contributions (rollup_contributions):
 * incrementally — only the units marked stale, their difference applied to their ancestors'
 * rows — or in full when the cycle's marker ('*') is stale (pack, parameters, targets or scope
 * changed), on the first refresh, when the pack rolls statistics up (the engine's rollUp needs
 * every unit of a subtree; statistics cycles are counties and districts, not 27,000 villages),
 * or when many units changed. Runs under the scheduler's lease (the only writer of rollups),
 * so reading rows and writing them back cannot interleave with another refresh.
 */

/** Beyond this many changed units a full recompute is cheaper than reading their ancestors. */
const INCREMENTAL_MAX_UNITS = 2000;
/** Statements per batch besides the lease's. */
const PER_BATCH = 40;
const JSON_BYTES = 900_000;

interface FactRow {
  org_unit_id: string;
  unit_kind: string;
  path: string;
  status: string | null;
  revoked_at: string | null;
  designation_met: number | null;
  stats_inputs: string | null;
  stale: number | null;
}

interface ContributionRow {
  org_unit_id: string;
  unit_kind: string | null;
  path: string | null;
  status: string | null;
  submitted: number | null;
  designated: number | null;
  stats: string | null;
  stale: number;
}

interface StoredRollup {
  org_unit_id: string;
  unit_kind: string;
  in_scope: number;
  submitted: number;
  by_status: string;
  designated: number;
  rate_percent: string | null;
  target_percent: string | null;
  target_met: number | null;
  needed_units: number | null;
  stats: string | null;
}

const NOT_SUBMITTED = new Set(['none', 'draft', 'returned']);

/** Whether the pack rolls figures up an org tree (inputs or metrics declaring `aggregate`). */
export function rollsUp(pack: Pack | null): boolean {
  if (!pack) return false;
  return (
    pack.inputs.some((i) => i.aggregate !== undefined && i.aggregate !== 'none') ||
    pack.metrics.some((m) => m.aggregate === 'recompute')
  );
}

function contributionOf(row: FactRow): Contribution {
  const status = row.status ?? 'none';
  return {
    orgUnitId: row.org_unit_id,
    unitKind: row.unit_kind,
    path: row.path,
    status,
    submitted: NOT_SUBMITTED.has(status) ? 0 : 1,
    designated:
      status === 'published' && row.revoked_at === null && row.designation_met === 1 ? 1 : 0,
    inputs: row.stats_inputs ? (JSON.parse(row.stats_inputs) as Record<string, unknown>) : null,
  };
}

function storedContribution(row: ContributionRow): Contribution | null {
  if (row.unit_kind === null || row.path === null || row.status === null) return null;
  return {
    orgUnitId: row.org_unit_id,
    unitKind: row.unit_kind,
    path: row.path,
    status: row.status,
    submitted: row.submitted === 1 ? 1 : 0,
    designated: row.designated === 1 ? 1 : 0,
    inputs: row.stats ? (JSON.parse(row.stats) as Record<string, unknown>) : null,
  };
}

function storedRollup(row: StoredRollup): RollupRow {
  return {
    orgUnitId: row.org_unit_id,
    unitKind: row.unit_kind,
    inScope: row.in_scope,
    submitted: row.submitted,
    byStatus: JSON.parse(row.by_status) as Record<string, number>,
    designated: row.designated,
    ratePercent: row.rate_percent,
    targetPercent: row.target_percent,
    targetMet: row.target_met === null ? null : row.target_met === 1 ? 1 : 0,
    neededUnits: row.needed_units,
    stats: row.stats ? (JSON.parse(row.stats) as Record<string, unknown>) : null,
  };
}

/** JSON arrays for json_each, split so each bound value stays well under D1's 2 MB. */
function jsonChunks(items: readonly unknown[]): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const item of items) {
    const text = JSON.stringify(item);
    if (bytes + text.length > JSON_BYTES && part.length > 0) {
      out.push(`[${part.join(',')}]`);
      part = [];
      bytes = 0;
    }
    part.push(text);
    bytes += text.length + 1;
  }
  if (part.length > 0) out.push(`[${part.join(',')}]`);
  return out;
}

function factsQuery(
  tenantId: string,
  cycleId: string,
  finalStage: string | null,
  withStats: boolean,
  where: string,
  ...params: (string | number | null)[]
): Statement {
  return stmt(
    `SELECT cu.org_unit_id, cu.unit_kind, o.path, s.status, s.revoked_at, snap.designation_met,
            ${withStats ? 'ss.inputs' : 'NULL'} AS stats_inputs, rc.stale
     FROM cycle_units cu
     JOIN org_units o ON o.tenant_id = cu.tenant_id AND o.id = cu.org_unit_id
     LEFT JOIN submissions s ON s.tenant_id = cu.tenant_id AND s.cycle_id = cu.cycle_id
       AND s.org_unit_id = cu.org_unit_id
     LEFT JOIN current_scores c ON c.tenant_id = cu.tenant_id AND c.submission_id = s.id
       AND c.stage = ?
     LEFT JOIN score_snapshots snap ON snap.seq = c.snapshot_seq
     ${
       withStats
         ? `LEFT JOIN submission_stages ss ON ss.tenant_id = cu.tenant_id
              AND ss.submission_id = s.id AND ss.stage = s.stage`
         : ''
     }
     LEFT JOIN rollup_contributions rc ON rc.tenant_id = cu.tenant_id
       AND rc.cycle_id = cu.cycle_id AND rc.org_unit_id = cu.org_unit_id
     WHERE cu.tenant_id = ? AND cu.cycle_id = ? AND ${where}`,
    finalStage,
    tenantId,
    cycleId,
    ...params,
  );
}

function contributionUpserts(
  tenantId: string,
  cycleId: string,
  units: readonly { orgUnitId: string; contribution: Contribution | null }[],
  at: string,
): Statement[] {
  return jsonChunks(
    units.map((u) => [
      u.orgUnitId,
      u.contribution?.unitKind ?? null,
      u.contribution?.path ?? null,
      u.contribution?.status ?? null,
      u.contribution?.submitted ?? null,
      u.contribution?.designated ?? null,
      u.contribution?.inputs ? JSON.stringify(u.contribution.inputs) : null,
    ]),
  ).map((json) =>
    stmt(
      `INSERT INTO rollup_contributions (tenant_id, cycle_id, org_unit_id, unit_kind, path, status,
         submitted, designated, stats, stale, updated_at)
       SELECT ?, ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
         json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'),
         json_extract(value, '$[5]'), json_extract(value, '$[6]'), 0, ?
       FROM json_each(?) WHERE true
       ON CONFLICT (tenant_id, cycle_id, org_unit_id) DO UPDATE SET unit_kind = excluded.unit_kind,
         path = excluded.path, status = excluded.status, submitted = excluded.submitted,
         designated = excluded.designated, stats = excluded.stats, updated_at = excluded.updated_at`,
      tenantId,
      cycleId,
      at,
      json,
    ),
  );
}

/** Clears `stale` where it still has the value read: a change marked meanwhile stays. */
function staleClears(
  tenantId: string,
  cycleId: string,
  seen: readonly { orgUnitId: string; stale: number }[],
): Statement[] {
  return jsonChunks(seen.filter((s) => s.stale > 0).map((s) => [s.orgUnitId, s.stale])).map(
    (json) =>
      stmt(
        `UPDATE rollup_contributions SET stale = 0
         WHERE tenant_id = ? AND cycle_id = ? AND (org_unit_id, stale) IN (
           SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
        tenantId,
        cycleId,
        json,
      ),
  );
}

function rollupUpserts(
  tenantId: string,
  cycleId: string,
  rows: readonly RollupRow[],
  at: string,
): Statement[] {
  return jsonChunks(
    rows.map((r) => [
      r.orgUnitId,
      r.unitKind,
      r.inScope,
      r.submitted,
      JSON.stringify(r.byStatus),
      r.designated,
      r.ratePercent,
      r.targetPercent,
      r.targetMet,
      r.neededUnits,
      r.stats === null ? null : JSON.stringify(r.stats),
    ]),
  ).map((json) =>
    stmt(
      `INSERT INTO rollups (tenant_id, cycle_id, org_unit_id, unit_kind, in_scope, submitted,
         by_status, designated, rate_percent, target_percent, target_met, needed_units, stats,
         computed_at)
       SELECT ?, ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
         json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'),
         json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
         json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, '$[10]'), ?
       FROM json_each(?) WHERE true
       ON CONFLICT (tenant_id, cycle_id, org_unit_id, unit_kind) DO UPDATE SET
         in_scope = excluded.in_scope, submitted = excluded.submitted,
         by_status = excluded.by_status, designated = excluded.designated,
         rate_percent = excluded.rate_percent, target_percent = excluded.target_percent,
         target_met = excluded.target_met, needed_units = excluded.needed_units,
         stats = excluded.stats, computed_at = excluded.computed_at`,
      tenantId,
      cycleId,
      at,
      json,
    ),
  );
}

/** The engine's rollUp of a row's units: their figures and the metrics recomputed from them. */
function statsOf(
  pack: Pack,
  parameters: Record<string, unknown>,
  members: readonly Contribution[],
): Record<string, unknown> {
  const rolled = rollUp(
    pack,
    members.map((m) => ({
      id: m.orgUnitId,
      ...((unitKinds as readonly string[]).includes(m.unitKind)
        ? { unitKind: m.unitKind as UnitKind }
        : {}),
      inputs: m.inputs ?? {},
    })),
    parameters,
  );
  return { inputs: rolled.inputs, metrics: rolled.metrics };
}

async function cyclePack(sql: Sql, cycle: CycleRow): Promise<Pack | null> {
  try {
    sql.charge(1);
    const resolved = await resolvePack(
      new TenantDb(dbFor(sql.db), cycle.tenant_id),
      { key: cycle.pack_key, version: cycle.pack_version },
      { hash: cycle.pack_hash },
    );
    return resolved.pack;
  } catch {
    // A pack that cannot be resolved has no statistics to roll up; counts still refresh.
    return null;
  }
}

async function readTargets(sql: Sql, tenantId: string, cycleId: string): Promise<Target[]> {
  const rows = await sql.all<{
    org_unit_id: string;
    unit_kind: string;
    rate_percent: string;
    count: number | null;
  }>(
    stmt(
      `SELECT org_unit_id, unit_kind, rate_percent, count FROM cycle_targets
       WHERE tenant_id = ? AND cycle_id = ?`,
      tenantId,
      cycleId,
    ),
  );
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    unitKind: r.unit_kind,
    ratePercent: r.rate_percent,
    count: r.count,
  }));
}

export type RefreshKind = 'full' | 'incremental' | 'nothing';

export interface RefreshOptions {
  readonly lease: Lease;
  readonly at: string;
  readonly nowMs: number;
  /** Recompute the whole cycle whatever changed (tests compare both ways). */
  readonly forceFull?: boolean;
  /** Units per page of a full recompute (the ROLLUP_PAGE_UNITS knob). */
  readonly pageUnits: number;
}

/** Refreshes one cycle's rollups; returns how. */
export async function refreshCycleRollups(
  sql: Sql,
  tenantId: string,
  cycleId: string,
  options: RefreshOptions,
): Promise<RefreshKind> {
  // The cycle's marker by its key, the changed units by the stale index: neither walks the
  // cycle's other contributions.
  const columns = 'org_unit_id, unit_kind, path, status, submitted, designated, stats, stale';
  const stale = await sql.all<ContributionRow>(
    stmt(
      `SELECT * FROM (SELECT ${columns} FROM rollup_contributions
         INDEXED BY rollup_contributions_stale_idx
         WHERE stale > 0 AND tenant_id = ?1 AND cycle_id = ?2 AND org_unit_id <> '*' LIMIT ?3)
       UNION ALL
       SELECT ${columns} FROM rollup_contributions
         WHERE tenant_id = ?1 AND cycle_id = ?2 AND org_unit_id = '*'`,
      tenantId,
      cycleId,
      INCREMENTAL_MAX_UNITS + 1,
    ),
  );
  const marker = stale.find((r) => r.org_unit_id === '*');
  const units = stale.filter((r) => r.org_unit_id !== '*');
  if (!options.forceFull && marker && marker.stale === 0 && units.length === 0) return 'nothing';

  const cycle = await loadCycle(sql, tenantId, cycleId);
  const pack = cycle ? await cyclePack(sql, cycle) : null;
  const withStats = rollsUp(pack);
  const finalStage = cycle ? (stageKeys(cycle.stages).at(-1) ?? null) : null;
  const targets = await readTargets(sql, tenantId, cycleId);
  const full =
    options.forceFull ||
    !marker ||
    marker.stale > 0 ||
    units.length > INCREMENTAL_MAX_UNITS ||
    withStats;
  const markerSeen = { orgUnitId: '*', stale: marker?.stale ?? 0 };

  if (full) {
    const parameters = cycle ? (JSON.parse(cycle.parameters) as Record<string, unknown>) : {};
    const stats =
      pack && withStats
        ? (members: readonly Contribution[]) => statsOf(pack, parameters, members)
        : undefined;
    await refreshFull(sql, tenantId, cycleId, finalStage, withStats, targets, stats, {
      ...options,
      markerSeen,
      markerExists: marker !== undefined,
    });
    return 'full';
  }

  // Incremental: the changed units' new facts against the facts last applied.
  const facts = await sql.all<FactRow>(
    factsQuery(
      tenantId,
      cycleId,
      finalStage,
      withStats,
      `cu.org_unit_id IN (SELECT value FROM json_each(?))`,
      JSON.stringify(units.map((u) => u.org_unit_id)),
    ),
  );
  const now = new Map(facts.map((f) => [f.org_unit_id, contributionOf(f)]));
  const changes = units
    .map((u) => ({
      orgUnitId: u.org_unit_id,
      before: storedContribution(u),
      after: now.get(u.org_unit_id) ?? null,
    }))
    .filter((c) => !sameContribution(c.before, c.after));

  const keys = new Map<string, [string, string]>();
  for (const change of changes) {
    for (const c of [change.before, change.after]) {
      if (!c) continue;
      for (const k of touchedKeys(c))
        keys.set(rowKey(k.orgUnitId, k.unitKind), [k.orgUnitId, k.unitKind]);
    }
  }
  const stored = new Map<string, RollupRow>();
  if (keys.size > 0) {
    const rows = await sql.all<StoredRollup>(
      stmt(
        `SELECT org_unit_id, unit_kind, in_scope, submitted, by_status, designated, rate_percent,
                target_percent, target_met, needed_units, stats
         FROM rollups WHERE tenant_id = ? AND cycle_id = ? AND (org_unit_id, unit_kind) IN (
           SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
        tenantId,
        cycleId,
        JSON.stringify([...keys.values()]),
      ),
    );
    for (const row of rows) stored.set(rowKey(row.org_unit_id, row.unit_kind), storedRollup(row));
  }
  const updated = updateRollups(changes, stored, targets);
  const emptied = updated.filter((r) => r.inScope === 0);
  const changed = updated.filter(
    (r) => r.inScope > 0 && !sameRow(stored.get(rowKey(r.orgUnitId, r.unitKind)), r),
  );

  const statements: Statement[] = [
    ...holdLease(options.lease, options.nowMs),
    ...contributionUpserts(
      tenantId,
      cycleId,
      changes.map((c) => ({ orgUnitId: c.orgUnitId, contribution: c.after })),
      options.at,
    ),
    ...staleClears(
      tenantId,
      cycleId,
      units.map((u) => ({ orgUnitId: u.org_unit_id, stale: u.stale })),
    ),
    ...rollupUpserts(tenantId, cycleId, changed, options.at),
  ];
  if (emptied.length > 0) {
    statements.push(
      stmt(
        `DELETE FROM rollups WHERE tenant_id = ? AND cycle_id = ? AND (org_unit_id, unit_kind) IN (
           SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
        tenantId,
        cycleId,
        JSON.stringify(emptied.map((r) => [r.orgUnitId, r.unitKind])),
      ),
    );
  }
  await sql.batch(statements);
  return 'incremental';
}

async function refreshFull(
  sql: Sql,
  tenantId: string,
  cycleId: string,
  finalStage: string | null,
  withStats: boolean,
  targets: readonly Target[],
  stats: ((units: readonly Contribution[]) => Record<string, unknown> | null) | undefined,
  options: RefreshOptions & {
    markerSeen: { orgUnitId: string; stale: number };
    markerExists: boolean;
  },
): Promise<void> {
  const { at } = options;
  const { pageUnits } = options;
  // Several batches for a large cycle: each is safe to repeat, and the cycle's marker is cleared
  // only by the last, so a refresh cut short is recomputed whole next time.
  const write = async (statements: readonly Statement[]) => {
    for (let i = 0; i < statements.length; i += PER_BATCH) {
      await sql.batch([
        ...holdLease(options.lease, options.nowMs),
        ...statements.slice(i, i + PER_BATCH),
      ]);
    }
  };
  // Counts fold unit by unit in path order, each row written once its subtree is passed, so
  // memory stays flat however large the cycle. Statistics need all of a row's units at once
  // (the engine's rollUp), so those cycles — counties and districts, not villages — are kept
  // whole until the end.
  const streamed = stats ? null : new PathOrderedRollups(targets);
  const kept: Contribution[] = [];
  let after = '';
  for (;;) {
    const page = await sql.all<FactRow>(
      factsQuery(
        tenantId,
        cycleId,
        finalStage,
        withStats,
        `cu.org_unit_id IN (SELECT pu.org_unit_id FROM cycle_units pu
           JOIN org_units po ON po.tenant_id = pu.tenant_id AND po.id = pu.org_unit_id
           WHERE pu.tenant_id = ? AND pu.cycle_id = ? AND po.path > ?
           ORDER BY po.path LIMIT ?)
         ORDER BY o.path`,
        tenantId,
        cycleId,
        after,
        pageUnits,
      ),
    );
    const contributions = page.map(contributionOf);
    if (!streamed) kept.push(...contributions);
    await write([
      ...contributionUpserts(
        tenantId,
        cycleId,
        contributions.map((c) => ({ orgUnitId: c.orgUnitId, contribution: c })),
        at,
      ),
      ...rollupUpserts(
        tenantId,
        cycleId,
        streamed ? contributions.flatMap((c) => streamed.add(c)) : [],
        at,
      ),
      ...staleClears(
        tenantId,
        cycleId,
        page.map((row) => ({ orgUnitId: row.org_unit_id, stale: row.stale ?? 0 })),
      ),
    ]);
    if (page.length < pageUnits) break;
    after = page[page.length - 1]?.path ?? after;
  }
  const rest = streamed ? streamed.finish() : computeRollups(kept, targets, stats);
  await write(rollupUpserts(tenantId, cycleId, rest, at));

  const closing: Statement[] = [
    // Units no longer in scope contribute nothing.
    stmt(
      `UPDATE rollup_contributions SET unit_kind = NULL, path = NULL, status = NULL,
         submitted = NULL, designated = NULL, stats = NULL, updated_at = ?
       WHERE tenant_id = ? AND cycle_id = ? AND org_unit_id <> '*' AND updated_at <> ?
         AND unit_kind IS NOT NULL`,
      at,
      tenantId,
      cycleId,
      at,
    ),
    stmt(
      'DELETE FROM rollups WHERE tenant_id = ? AND cycle_id = ? AND computed_at <> ?',
      tenantId,
      cycleId,
      at,
    ),
  ];
  if (!options.markerExists) {
    closing.push(
      stmt(
        `INSERT INTO rollup_contributions (tenant_id, cycle_id, org_unit_id, stale, updated_at)
         VALUES (?, ?, '*', 0, ?) ON CONFLICT (tenant_id, cycle_id, org_unit_id) DO NOTHING`,
        tenantId,
        cycleId,
        at,
      ),
    );
  }
  closing.push(...staleClears(tenantId, cycleId, [options.markerSeen]));
  await sql.batch([...holdLease(options.lease, options.nowMs), ...closing]);
}
