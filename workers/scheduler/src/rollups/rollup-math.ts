import * as q from '@kaoping/standards/rational';

/**
 * Rollups per cycle × org unit (the unit itself and each ancestor) × unit kind (and '*'), as
 * pure arithmetic over unit contributions — the same code for a full recompute and for an
 * incremental update by difference, so both give the same rows. Percentages are exact
 * (rationals): 2 of 3 designated is "66.67"; a 75 % target over 23 units needs 18. A pack's
 * statistics (inputs and metrics that declare `aggregate`) are rolled up by the engine's own
 * rollUp over each row's units, in a full recompute.
 */

export const ALL_KINDS = '*';

export interface Contribution {
  readonly orgUnitId: string;
  readonly unitKind: string;
  /** "/root/…/self/". */
  readonly path: string;
  /** The submission's status; 'none' when the unit has no submission yet. */
  readonly status: string;
  readonly submitted: 0 | 1;
  readonly designated: 0 | 1;
  /** The unit's current-stage inputs, kept only when the pack rolls figures up. */
  readonly inputs: Readonly<Record<string, unknown>> | null;
}

export interface Accumulator {
  inScope: number;
  submitted: number;
  designated: number;
  byStatus: Map<string, number>;
}

export interface Target {
  readonly orgUnitId: string;
  readonly unitKind: string;
  /** Decimal percent, e.g. "75". */
  readonly ratePercent: string;
  readonly count: number | null;
}

/** A rollups row as stored (computed_at aside). */
export interface RollupRow {
  readonly orgUnitId: string;
  readonly unitKind: string;
  readonly inScope: number;
  readonly submitted: number;
  readonly byStatus: Record<string, number>;
  readonly designated: number;
  readonly ratePercent: string | null;
  readonly targetPercent: string | null;
  readonly targetMet: 0 | 1 | null;
  readonly neededUnits: number | null;
  /** The engine's rollUp of the row's units: {inputs, metrics}; null when the pack has none. */
  readonly stats: Record<string, unknown> | null;
}

export function rowKey(orgUnitId: string, unitKind: string): string {
  return `${orgUnitId}\u0000${unitKind}`;
}

/** The ids on an org path, root first: "/a/b/c/" → ["a", "b", "c"]. */
export function pathIds(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

export function emptyAccumulator(): Accumulator {
  return { inScope: 0, submitted: 0, designated: 0, byStatus: new Map() };
}

/** Adds (sign 1) or takes away (sign -1) one unit's contribution. */
export function apply(acc: Accumulator, unit: Contribution, sign: 1 | -1): void {
  acc.inScope += sign;
  acc.submitted += sign * unit.submitted;
  acc.designated += sign * unit.designated;
  acc.byStatus.set(unit.status, (acc.byStatus.get(unit.status) ?? 0) + sign);
}

/** The nearest target set on the unit or an ancestor for this unit kind. */
export function targetFor(
  path: string,
  unitKind: string,
  targets: readonly Target[],
): Target | undefined {
  const ids = pathIds(path);
  for (let i = ids.length - 1; i >= 0; i--) {
    const found = targets.find((t) => t.orgUnitId === ids[i] && t.unitKind === unitKind);
    if (found) return found;
  }
  return undefined;
}

/** Designation rate vs target: exact; "needed" is how many more designated units reach it. */
export function targetArithmetic(
  designated: number,
  inScope: number,
  target: Target | undefined,
): Pick<RollupRow, 'ratePercent' | 'targetPercent' | 'targetMet' | 'neededUnits'> {
  const ratePercent =
    inScope > 0 ? q.toDecimalString(q.div(q.mul(designated, 100), inScope), 2) : null;
  if (!target) return { ratePercent, targetPercent: null, targetMet: null, neededUnits: null };
  const share = q.ceil(q.div(q.mul(q.fromDecimalString(target.ratePercent), inScope), 100));
  const required = Math.max(Number(share), target.count ?? 0);
  const needed = Math.max(0, required - designated);
  return {
    ratePercent,
    targetPercent: target.ratePercent,
    targetMet: needed === 0 ? 1 : 0,
    neededUnits: needed,
  };
}

export function toRow(
  orgUnitId: string,
  unitKind: string,
  path: string,
  acc: Accumulator,
  targets: readonly Target[],
  stats: Record<string, unknown> | null = null,
): RollupRow {
  const byStatus: Record<string, number> = {};
  for (const status of [...acc.byStatus.keys()].sort()) {
    const count = acc.byStatus.get(status) ?? 0;
    if (count !== 0) byStatus[status] = count;
  }
  return {
    orgUnitId,
    unitKind,
    inScope: acc.inScope,
    submitted: acc.submitted,
    byStatus,
    designated: acc.designated,
    ...targetArithmetic(acc.designated, acc.inScope, targetFor(path, unitKind, targets)),
    stats,
  };
}

/** A stored row back into an accumulator, to update it by difference. */
export function fromRow(row: RollupRow): Accumulator {
  const acc = emptyAccumulator();
  acc.inScope = row.inScope;
  acc.submitted = row.submitted;
  acc.designated = row.designated;
  for (const [status, count] of Object.entries(row.byStatus)) acc.byStatus.set(status, count);
  return acc;
}

/** The rollup rows a contribution touches: each org unit on its path × its kind and '*'. */
export function touchedKeys(
  unit: Contribution,
): { orgUnitId: string; unitKind: string; path: string }[] {
  const ids = pathIds(unit.path);
  return ids.flatMap((id, i) => {
    const path = `/${ids.slice(0, i + 1).join('/')}/`;
    return [
      { orgUnitId: id, unitKind: unit.unitKind, path },
      { orgUnitId: id, unitKind: ALL_KINDS, path },
    ];
  });
}

/**
 * Every rollup row of a cycle, from all its units' contributions; `stats` rolls a row's
 * units' figures up (the engine's rollUp) when the pack has any.
 */
export function computeRollups(
  units: readonly Contribution[],
  targets: readonly Target[],
  stats?: (units: readonly Contribution[]) => Record<string, unknown> | null,
): RollupRow[] {
  const rows = new Map<
    string,
    { orgUnitId: string; unitKind: string; path: string; acc: Accumulator; units: Contribution[] }
  >();
  for (const unit of units) {
    for (const key of touchedKeys(unit)) {
      const k = rowKey(key.orgUnitId, key.unitKind);
      let entry = rows.get(k);
      if (!entry) {
        entry = { ...key, acc: emptyAccumulator(), units: [] };
        rows.set(k, entry);
      }
      apply(entry.acc, unit, 1);
      // Kept only for the statistics: without them a row needs its counts alone.
      if (stats) entry.units.push(unit);
    }
  }
  return [...rows.values()]
    .map((e) =>
      toRow(e.orgUnitId, e.unitKind, e.path, e.acc, targets, stats ? stats(e.units) : null),
    )
    .sort((a, b) => rowKey(a.orgUnitId, a.unitKind).localeCompare(rowKey(b.orgUnitId, b.unitKind)));
}

/**
 * The same rows as `computeRollups` (without statistics), from contributions that arrive in
 * path order — the org tree depth first, as `ORDER BY path` gives it. The units of a subtree are
 * then consecutive (every path under "/a/b/" starts with it, and the trailing slash keeps
 * "/a/bc/" out), so a row is complete as soon as a unit outside its subtree arrives: it is
 * handed out then and forgotten. What is held is one root-to-unit chain of rows, however many
 * units the cycle has — a full refresh of 26,842 villages keeps a handful of rows, not 60,000.
 */
export class PathOrderedRollups {
  private readonly chain: { orgUnitId: string; path: string; accs: Map<string, Accumulator> }[] =
    [];
  private lastPath = '';
  private readonly targets: readonly Target[];

  constructor(targets: readonly Target[]) {
    this.targets = targets;
  }

  /** Folds in the next unit; returns the rows its arrival completed. */
  add(unit: Contribution): RollupRow[] {
    if (unit.path <= this.lastPath) {
      throw new Error(`units out of path order: ${unit.path} after ${this.lastPath}`);
    }
    this.lastPath = unit.path;
    const done: RollupRow[] = [];
    while (this.chain.length > 0 && !unit.path.startsWith(this.chain.at(-1)?.path ?? '')) {
      done.push(...this.close());
    }
    // What is left of the chain is the unit's ancestors from the root: add the rest of its path.
    const ids = pathIds(unit.path);
    for (let depth = this.chain.length; depth < ids.length; depth++) {
      this.chain.push({
        orgUnitId: ids[depth] as string,
        path: `/${ids.slice(0, depth + 1).join('/')}/`,
        accs: new Map(),
      });
    }
    for (const level of this.chain) {
      for (const kind of [unit.unitKind, ALL_KINDS]) {
        let acc = level.accs.get(kind);
        if (!acc) {
          acc = emptyAccumulator();
          level.accs.set(kind, acc);
        }
        apply(acc, unit, 1);
      }
    }
    return done;
  }

  /** The rows still open: call once after the last unit. */
  finish(): RollupRow[] {
    const done: RollupRow[] = [];
    while (this.chain.length > 0) done.push(...this.close());
    return done;
  }

  private close(): RollupRow[] {
    const level = this.chain.pop();
    if (!level) return [];
    return [...level.accs].map(([kind, acc]) =>
      toRow(level.orgUnitId, kind, level.path, acc, this.targets),
    );
  }
}

/**
 * The rows that change when some units' contributions go from `before` to `after` (either
 * may be missing: a unit entering or leaving scope), given the stored rows they touch.
 * Rows left with no unit in scope come back with inScope 0: the caller deletes them. For
 * packs without statistics (a pack with them is always recomputed whole).
 */
export function updateRollups(
  changes: readonly { before: Contribution | null; after: Contribution | null }[],
  stored: ReadonlyMap<string, RollupRow>,
  targets: readonly Target[],
): RollupRow[] {
  const accs = new Map<
    string,
    { orgUnitId: string; unitKind: string; path: string; acc: Accumulator }
  >();
  const entry = (key: { orgUnitId: string; unitKind: string; path: string }) => {
    const k = rowKey(key.orgUnitId, key.unitKind);
    let found = accs.get(k);
    if (!found) {
      const row = stored.get(k);
      found = { ...key, acc: row ? fromRow(row) : emptyAccumulator() };
      accs.set(k, found);
    }
    return found;
  };
  for (const change of changes) {
    if (change.before) {
      for (const key of touchedKeys(change.before)) {
        apply(entry(key).acc, change.before, -1);
      }
    }
    if (change.after) {
      for (const key of touchedKeys(change.after)) {
        const found = entry(key);
        // A unit that moved in the tree: its own row now sits at its new path.
        found.path = key.path;
        apply(found.acc, change.after, 1);
      }
    }
  }
  return [...accs.values()].map((e) => toRow(e.orgUnitId, e.unitKind, e.path, e.acc, targets));
}

export function sameContribution(a: Contribution | null, b: Contribution | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameRow(a: RollupRow | undefined, b: RollupRow): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
