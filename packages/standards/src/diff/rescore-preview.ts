import { type CycleUnit, scoreCycle } from '../engine.ts';
import type { Pack } from '../pack-schema.ts';
import * as q from '../rational.ts';
import type { Scorecard } from '../scorecard.ts';

// "Who would gain or lose" when a cycle switches version: every unit scored under both
// versions with the same data, totals side by side, and the items whose points moved.

export interface MovedItem {
  readonly id: string;
  /** Points under the old and new version; null when not scored there (absent, missing…). */
  readonly old: number | null;
  readonly new: number | null;
  /** new − old, exactly; null unless both are scored. */
  readonly delta: number | null;
}

export interface UnitRescore {
  readonly unitId: string;
  readonly old: {
    readonly total: number;
    readonly complete: boolean;
    readonly designated: boolean | null;
  };
  readonly new: {
    readonly total: number;
    readonly complete: boolean;
    readonly designated: boolean | null;
  };
  /** new total − old total (exact). Totals of incomplete scorecards count scored items only. */
  readonly delta: number;
  readonly moved: MovedItem[];
}

export interface RescorePreview {
  readonly from: { readonly key: string; readonly version: string };
  readonly to: { readonly key: string; readonly version: string };
  /** Sorted by unit id. */
  readonly units: UnitRescore[];
  readonly summary: {
    readonly units: number;
    readonly gain: number;
    readonly lose: number;
    readonly same: number;
    readonly designationGained: number;
    readonly designationLost: number;
  };
}

export interface RescoreOptions {
  /** The cycle's parameters; each version gets those it declares. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly references?: Readonly<Record<string, number>>;
}

function declaredOnly(pack: Pack, parameters: Readonly<Record<string, unknown>> | undefined) {
  const known = new Set(pack.parameters.map((p) => p.id));
  return Object.fromEntries(Object.entries(parameters ?? {}).filter(([id]) => known.has(id)));
}

const exactDelta = (a: number, b: number) => q.toNumber(q.sub(q.fromNumber(b), q.fromNumber(a)));

function moved(before: Scorecard, after: Scorecard): MovedItem[] {
  const old = new Map(before.items.map((i) => [i.id, i]));
  const now = new Map(after.items.map((i) => [i.id, i]));
  const ids = [
    ...before.items.map((i) => i.id),
    ...after.items.map((i) => i.id).filter((id) => !old.has(id)),
  ];
  const out: MovedItem[] = [];
  for (const id of ids) {
    const a = old.get(id)?.points ?? null;
    const b = now.get(id)?.points ?? null;
    if (a === b) continue;
    out.push({ id, old: a, new: b, delta: a === null || b === null ? null : exactDelta(a, b) });
  }
  return out;
}

export function rescorePreview(
  oldPack: Pack,
  newPack: Pack,
  units: readonly CycleUnit[],
  options: RescoreOptions = {},
): RescorePreview {
  const cycle = options.references ? { references: options.references } : {};
  const before = scoreCycle(oldPack, declaredOnly(oldPack, options.parameters), units, cycle);
  const after = scoreCycle(newPack, declaredOnly(newPack, options.parameters), units, cycle);
  const rows = before.units.map((a, index) => {
    const b = after.units[index] as Scorecard;
    return {
      unitId: a.unit.id ?? '',
      old: { total: a.total, complete: a.complete, designated: a.designation?.met ?? null },
      new: { total: b.total, complete: b.complete, designated: b.designation?.met ?? null },
      delta: exactDelta(a.total, b.total),
      moved: moved(a, b),
    };
  });
  return {
    from: { key: oldPack.key, version: oldPack.version },
    to: { key: newPack.key, version: newPack.version },
    units: rows,
    summary: {
      units: rows.length,
      gain: rows.filter((r) => r.delta > 0).length,
      lose: rows.filter((r) => r.delta < 0).length,
      same: rows.filter((r) => r.delta === 0).length,
      designationGained: rows.filter((r) => r.old.designated !== true && r.new.designated === true)
        .length,
      designationLost: rows.filter((r) => r.old.designated === true && r.new.designated !== true)
        .length,
    },
  };
}
