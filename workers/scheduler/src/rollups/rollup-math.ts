import * as q from '@kaoping/standards/rational';

/**
 * Rollups per cycle × org unit (the unit itself and each ancestor) × unit kind (and '*'), as
 * pure arithmetic over unit contributions — the same code for a full recompute and for an
 * incremental update by difference, so both give the same rows. Percentages and sums are exact
 * (rationals): 2 of 3 designated is "66.67"; a 75 % target over 23 units needs 18.
 */

export const ALL_KINDS = '*';

/** How a statistics input rolls up (the pack's `aggregate`, where declared). */
export type StatAggregate = 'sum' | 'min' | 'max' | 'all' | 'any' | { weightedMeanBy: string };

export interface StatDeclaration {
  readonly id: string;
  readonly aggregate: StatAggregate;
}

/** One unit's value of a statistics input: an exact decimal (with its weight) or a flag. */
export type StatFact =
  | { readonly value: string; readonly weight?: string }
  | { readonly flag: boolean };

export interface Contribution {
  readonly orgUnitId: string;
  readonly unitKind: string;
  /** "/root/…/self/". */
  readonly path: string;
  /** The submission's status; 'none' when the unit has no submission yet. */
  readonly status: string;
  readonly submitted: 0 | 1;
  readonly designated: 0 | 1;
  readonly stats: Readonly<Record<string, StatFact>>;
}

export interface StatAccumulator {
  units: number;
  sum: q.Rational;
  weight: q.Rational;
  trues: number;
  /** Only for min/max, which cannot be taken apart again (full recompute only). */
  extreme: q.Rational | null;
}

export interface Accumulator {
  inScope: number;
  submitted: number;
  designated: number;
  byStatus: Map<string, number>;
  stats: Map<string, StatAccumulator>;
}

export interface Target {
  readonly orgUnitId: string;
  readonly unitKind: string;
  /** Decimal percent, e.g. "75". */
  readonly ratePercent: string;
  readonly count: number | null;
}

export interface StatOut {
  readonly aggregate: string;
  readonly units: number;
  readonly sum?: string;
  readonly weight?: string;
  readonly trues?: number;
  readonly value: number | boolean | null;
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
  readonly stats: Record<string, StatOut> | null;
}

export function rowKey(orgUnitId: string, unitKind: string): string {
  return `${orgUnitId}\u0000${unitKind}`;
}

/** The ids on an org path, root first: "/a/b/c/" → ["a", "b", "c"]. */
export function pathIds(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

/** True when min/max stats are declared: those rollups can only be recomputed whole. */
export function needsFullRecompute(declarations: readonly StatDeclaration[]): boolean {
  return declarations.some((d) => d.aggregate === 'min' || d.aggregate === 'max');
}

function aggregateName(aggregate: StatAggregate): string {
  return typeof aggregate === 'string' ? aggregate : `weightedMeanBy:${aggregate.weightedMeanBy}`;
}

export function emptyAccumulator(): Accumulator {
  return { inScope: 0, submitted: 0, designated: 0, byStatus: new Map(), stats: new Map() };
}

function statAccumulator(acc: Accumulator, id: string): StatAccumulator {
  let stat = acc.stats.get(id);
  if (!stat) {
    stat = { units: 0, sum: q.ZERO, weight: q.ZERO, trues: 0, extreme: null };
    acc.stats.set(id, stat);
  }
  return stat;
}

/** Adds (sign 1) or takes away (sign -1) one unit's contribution. */
export function apply(
  acc: Accumulator,
  unit: Contribution,
  sign: 1 | -1,
  declarations: readonly StatDeclaration[],
): void {
  acc.inScope += sign;
  acc.submitted += sign * unit.submitted;
  acc.designated += sign * unit.designated;
  acc.byStatus.set(unit.status, (acc.byStatus.get(unit.status) ?? 0) + sign);
  for (const declaration of declarations) {
    const fact = unit.stats[declaration.id];
    if (!fact) continue;
    const stat = statAccumulator(acc, declaration.id);
    stat.units += sign;
    if ('flag' in fact) {
      if (fact.flag) stat.trues += sign;
      continue;
    }
    const value = q.fromDecimalString(fact.value);
    const aggregate = declaration.aggregate;
    if (aggregate === 'min' || aggregate === 'max') {
      // Only ever added (sign 1): a full recompute.
      stat.extreme =
        stat.extreme === null
          ? value
          : aggregate === 'min'
            ? q.min(stat.extreme, value)
            : q.max(stat.extreme, value);
    } else if (typeof aggregate === 'object') {
      const weight = q.fromDecimalString(fact.weight ?? '0');
      stat.sum = q.add(stat.sum, q.mul(sign, q.mul(value, weight)));
      stat.weight = q.add(stat.weight, q.mul(sign, weight));
    } else {
      stat.sum = q.add(stat.sum, q.mul(sign, value));
    }
  }
}

function decimal(x: q.Rational): string {
  return q.exactDecimalString(x, 12) ?? q.toTrimmedDecimalString(x, 12);
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
  declarations: readonly StatDeclaration[],
  targets: readonly Target[],
): RollupRow {
  const byStatus: Record<string, number> = {};
  for (const status of [...acc.byStatus.keys()].sort()) {
    const count = acc.byStatus.get(status) ?? 0;
    if (count !== 0) byStatus[status] = count;
  }
  let stats: Record<string, StatOut> | null = null;
  for (const declaration of declarations) {
    const stat = acc.stats.get(declaration.id);
    if (!stat || stat.units === 0) continue;
    stats ??= {};
    const aggregate = declaration.aggregate;
    const name = aggregateName(aggregate);
    if (aggregate === 'all' || aggregate === 'any') {
      stats[declaration.id] = {
        aggregate: name,
        units: stat.units,
        trues: stat.trues,
        value: aggregate === 'all' ? stat.trues === stat.units : stat.trues > 0,
      };
    } else if (aggregate === 'min' || aggregate === 'max') {
      stats[declaration.id] = {
        aggregate: name,
        units: stat.units,
        value: stat.extreme === null ? null : q.toNumber(stat.extreme),
      };
    } else if (typeof aggregate === 'object') {
      stats[declaration.id] = {
        aggregate: name,
        units: stat.units,
        sum: decimal(stat.sum),
        weight: decimal(stat.weight),
        value: q.isZero(stat.weight) ? null : q.toNumber(q.div(stat.sum, stat.weight)),
      };
    } else {
      stats[declaration.id] = {
        aggregate: name,
        units: stat.units,
        sum: decimal(stat.sum),
        value: q.toNumber(stat.sum),
      };
    }
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
export function fromRow(row: RollupRow, declarations: readonly StatDeclaration[]): Accumulator {
  const acc = emptyAccumulator();
  acc.inScope = row.inScope;
  acc.submitted = row.submitted;
  acc.designated = row.designated;
  for (const [status, count] of Object.entries(row.byStatus)) acc.byStatus.set(status, count);
  for (const declaration of declarations) {
    const out = row.stats?.[declaration.id];
    if (!out) continue;
    acc.stats.set(declaration.id, {
      units: out.units,
      sum: out.sum ? q.fromDecimalString(out.sum) : q.ZERO,
      weight: out.weight ? q.fromDecimalString(out.weight) : q.ZERO,
      trues: out.trues ?? 0,
      extreme: null,
    });
  }
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

/** Every rollup row of a cycle, from all its units' contributions. */
export function computeRollups(
  units: readonly Contribution[],
  declarations: readonly StatDeclaration[],
  targets: readonly Target[],
): RollupRow[] {
  const accs = new Map<
    string,
    { orgUnitId: string; unitKind: string; path: string; acc: Accumulator }
  >();
  for (const unit of units) {
    for (const key of touchedKeys(unit)) {
      const k = rowKey(key.orgUnitId, key.unitKind);
      let entry = accs.get(k);
      if (!entry) {
        entry = { ...key, acc: emptyAccumulator() };
        accs.set(k, entry);
      }
      apply(entry.acc, unit, 1, declarations);
    }
  }
  return [...accs.values()]
    .map((e) => toRow(e.orgUnitId, e.unitKind, e.path, e.acc, declarations, targets))
    .sort((a, b) => rowKey(a.orgUnitId, a.unitKind).localeCompare(rowKey(b.orgUnitId, b.unitKind)));
}

/**
 * The rows that change when some units' contributions go from `before` to `after` (either
 * may be missing: a unit entering or leaving scope), given the stored rows they touch.
 * Rows left with no unit in scope come back with inScope 0: the caller deletes them.
 */
export function updateRollups(
  changes: readonly { before: Contribution | null; after: Contribution | null }[],
  stored: ReadonlyMap<string, RollupRow>,
  declarations: readonly StatDeclaration[],
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
      found = { ...key, acc: row ? fromRow(row, declarations) : emptyAccumulator() };
      accs.set(k, found);
    }
    return found;
  };
  for (const change of changes) {
    if (change.before) {
      for (const key of touchedKeys(change.before)) {
        apply(entry(key).acc, change.before, -1, declarations);
      }
    }
    if (change.after) {
      for (const key of touchedKeys(change.after)) {
        const found = entry(key);
        // A unit that moved in the tree: its own row now sits at its new path.
        found.path = key.path;
        apply(found.acc, change.after, 1, declarations);
      }
    }
  }
  return [...accs.values()].map((e) =>
    toRow(e.orgUnitId, e.unitKind, e.path, e.acc, declarations, targets),
  );
}

export function sameContribution(a: Contribution | null, b: Contribution | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameRow(a: RollupRow | undefined, b: RollupRow): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
