import { CompiledRun } from './compiled/run.ts';
import { compilePack } from './compiled-pack.ts';
import { ENGINE_VERSION } from './engine-version.ts';
import type { Pack } from './pack-schema.ts';
import { resolveParameters } from './parameters.ts';
import type { Assessment } from './rules/rule-context.ts';
import type { Scorecard } from './scorecard.ts';
import type { UnitKind } from './unit-kind.ts';

// Scoring: each pack is compiled once per parameter set and unit kind into closures
// (compiled/plan.ts) and units are scored by running them (compiled/run.ts). The scorecards are
// those of the interpreter in reference-engine.ts, byte for byte; see docs/performance.md.

export { ENGINE_VERSION } from './engine-version.ts';

/** One unit of a cycle, as scoring sees it. */
export interface CycleUnit {
  readonly id: string;
  readonly unitKind?: UnitKind;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Assessors' judgements for `assessed` rules, by key (the item id by default). */
  readonly assessments?: Readonly<Record<string, Assessment>>;
  /** Cycle-supplied reference values for this unit (e.g. its county's average), as numbers. */
  readonly references?: Readonly<Record<string, number>>;
}

export interface CycleOptions {
  /** Cycle-supplied reference values for every unit (a unit's own override them). */
  readonly references?: Readonly<Record<string, number>>;
}

export interface ScoreOptions {
  readonly unitId?: string;
  /** Defaults to the pack's only unit kind, if it has one. */
  readonly unitKind?: UnitKind;
  readonly assessments?: Readonly<Record<string, Assessment>>;
  /** Reference values: cycle-supplied ones, or computed ones when `peers` are not given. */
  readonly references?: Readonly<Record<string, number>>;
  /** The cycle's other units, for `rank` rules and references computed over units. */
  readonly peers?: readonly CycleUnit[];
}

export interface CycleScore {
  readonly pack: Scorecard['pack'];
  readonly engine: string;
  readonly parameters: Scorecard['parameters'];
  /** One scorecard per unit, sorted by unit id. */
  readonly units: readonly Scorecard[];
}

const SELF_ID = 'self';

/**
 * Scores every unit of a cycle together, so `rank` rules and references computed over
 * units see the same peers (sorted by unit id) and give the same answer for every unit.
 * Throws a PackError for an unusable pack and a ParameterError for bad parameters; problems
 * with a unit's data are reported in its scorecard's `issues`.
 */
export function scoreCycle(
  pack: Pack,
  parameters: Readonly<Record<string, unknown>> | undefined,
  units: readonly CycleUnit[],
  options: CycleOptions = {},
): CycleScore {
  const compiled = compilePack(pack);
  const resolved = resolveParameters(pack, parameters);
  const run = new CompiledRun(compiled, resolved, units, true, options.references ?? {});
  return {
    pack: { key: pack.key, version: pack.version, contentHash: compiled.hash },
    engine: ENGINE_VERSION,
    parameters: { ...resolved },
    units: run.frames.map((frame) => run.scorecard(frame, frame.unit.id)),
  };
}

/**
 * Scores one unit. Without `options.peers`, peer-relative rules are missing `peers` and
 * references computed over units take the values in `options.references`, if any.
 * Deterministic: the same arguments give the same scorecard, byte for byte.
 */
export function score(
  pack: Pack,
  parameters: Readonly<Record<string, unknown>> | undefined,
  inputs: Readonly<Record<string, unknown>>,
  options: ScoreOptions = {},
): Scorecard {
  const compiled = compilePack(pack);
  const resolved = resolveParameters(pack, parameters);
  const id = options.unitId ?? SELF_ID;
  const self: CycleUnit = {
    id,
    inputs,
    ...(options.unitKind ? { unitKind: options.unitKind } : {}),
    ...(options.assessments ? { assessments: options.assessments } : {}),
    ...(options.references ? { references: options.references } : {}),
  };
  const units = options.peers ? [self, ...options.peers] : [self];
  const run = new CompiledRun(compiled, resolved, units, options.peers !== undefined, {});
  const frame = run.frames.find((f) => f.unit === self);
  if (!frame) throw new Error('score: the unit was not read');
  return run.scorecard(frame, options.unitId ?? null);
}
