import { compilePack } from './compiled-pack.ts';
import type { InputValue } from './input-value.ts';
import { inputToValue } from './input-value.ts';
import type { Aggregate, Input, Pack } from './pack-schema.ts';
import { resolveParameters } from './parameters.ts';
import * as q from './rational.ts';
import type { ShownValue } from './scorecard.ts';
import type { UnitKind } from './unit-kind.ts';
import { UnitScope } from './unit-scope.ts';
import { readInputs } from './validate-inputs.ts';
import { displayValue, type Value, valueToJson } from './value.ts';

// Rolling a pack's figures up an org tree — a city's statistics from its districts' — as each
// input and metric declares (`aggregate`). A rolled value is known only when every unit gave
// the figures it needs: missing is never 0, and the units that lack it are named.

export interface RollupUnit {
  readonly id: string;
  readonly unitKind?: UnitKind;
  readonly inputs: Readonly<Record<string, unknown>>;
}

export interface RolledValue extends ShownValue {
  readonly aggregate: Aggregate;
  /** Units (by id, sorted) that did not give a figure this value needs. */
  readonly missingFrom: readonly string[];
}

export interface Rollup {
  readonly pack: { readonly key: string; readonly version: string };
  /** The units rolled up, by id, sorted. */
  readonly units: readonly string[];
  /** Every input that rolls up (aggregate other than `none`), by id. */
  readonly inputs: Readonly<Record<string, RolledValue>>;
  /** Every metric that is recomputed, over the rolled-up inputs, by id. */
  readonly metrics: Readonly<Record<string, ShownValue>>;
  /** Inputs and metrics left out: declared `none`, or with no declaration. */
  readonly notRolledUp: readonly string[];
}

function combine(
  input: Input,
  aggregate: Exclude<Aggregate, 'none' | 'recompute'>,
  values: readonly Value[],
  weights: readonly q.Rational[],
): Value | null {
  if (values.length === 0) return null;
  if (aggregate === 'all' || aggregate === 'any') {
    const flags = values.map((v) => v.type === 'boolean' && v.value);
    return {
      type: 'boolean',
      value: aggregate === 'all' ? flags.every(Boolean) : flags.some(Boolean),
    };
  }
  const numbers = values.map((v) => (v.type === 'number' ? v.value : q.ZERO));
  const format = input.kind === 'percent' ? 'percent' : input.kind === 'count' ? 'count' : 'number';
  let result: q.Rational;
  if (typeof aggregate === 'object') {
    const total = q.sum(weights);
    if (q.isZero(total)) return null;
    result = q.div(q.sum(numbers.map((n, i) => q.mul(n, weights[i] ?? q.ZERO))), total);
    return { type: 'number', value: result, format: format === 'count' ? 'number' : format };
  }
  const sorted = [...numbers].sort(q.compare);
  result =
    aggregate === 'sum'
      ? q.sum(numbers)
      : aggregate === 'min'
        ? (sorted[0] as q.Rational)
        : (sorted[sorted.length - 1] as q.Rational);
  return { type: 'number', value: result, format };
}

/**
 * Rolls the units' inputs up as the pack declares, then recomputes the metrics declared
 * `recompute` over the rolled-up inputs. Invalid values are set aside as in scoring (so the
 * figure is missing for that unit). Deterministic: units are taken in id order.
 */
export function rollUp(
  pack: Pack,
  units: readonly RollupUnit[],
  parameters: Readonly<Record<string, unknown>> = {},
): Rollup {
  const compiled = compilePack(pack);
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = sorted.map((u) => u.id);
  if (new Set(ids).size !== ids.length) throw new RangeError('rollUp: duplicate unit ids');
  const read = sorted.map((unit) => ({
    id: unit.id,
    values: readInputs(pack, unit.unitKind, unit.inputs).values,
  }));
  const reported = (input: Input, values: ReadonlyMap<string, InputValue>): Value | null => {
    const given = values.get(input.id);
    return given === undefined ? null : inputToValue(input, given);
  };

  const rolled: Record<string, RolledValue> = {};
  const rolledInputs = new Map<string, InputValue>();
  const notRolledUp: string[] = [];
  for (const input of pack.inputs) {
    const aggregate = input.aggregate;
    if (aggregate === undefined || aggregate === 'none' || aggregate === 'recompute') {
      notRolledUp.push(input.id);
      continue;
    }
    const weightInput =
      typeof aggregate === 'object' ? compiled.inputs.get(aggregate.weightedMeanBy) : undefined;
    const values: Value[] = [];
    const weights: q.Rational[] = [];
    const missingFrom: string[] = [];
    for (const unit of read) {
      const own = reported(input, unit.values);
      const weight = weightInput ? reported(weightInput, unit.values) : null;
      if (own === null || (weightInput && weight === null)) {
        missingFrom.push(unit.id);
        continue;
      }
      values.push(own);
      if (weight?.type === 'number') weights.push(weight.value);
    }
    const value = missingFrom.length > 0 ? null : combine(input, aggregate, values, weights);
    // Metrics read the rolled-up figures as inputs (percentages back as 0..100).
    if (value) rolledInputs.set(input.id, valueToJson(value));
    rolled[input.id] = {
      value: value ? valueToJson(value) : null,
      display: value ? displayValue(value) : null,
      aggregate,
      missingFrom,
    };
  }

  const scope = new UnitScope({
    compiled,
    parameters: resolveParameters(pack, parameters),
    unitKind: undefined,
    inputs: rolledInputs,
    reference: (id) => ({ status: 'missing', missing: [`reference:${id}`] }),
  });
  const metrics: Record<string, ShownValue> = {};
  for (const metric of pack.metrics) {
    if (metric.aggregate !== 'recompute') {
      notRolledUp.push(metric.id);
      continue;
    }
    const lookup = scope.metric(metric.id);
    metrics[metric.id] =
      lookup.result.status === 'value'
        ? {
            value: valueToJson(lookup.result.value),
            display: displayValue(lookup.result.value, lookup.digits),
          }
        : { value: null, display: null };
  }
  return {
    pack: { key: pack.key, version: pack.version },
    units: ids,
    inputs: rolled,
    metrics,
    notRolledUp,
  };
}
