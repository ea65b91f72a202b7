import type { CompiledPack } from './compiled-pack.ts';
import type { ExpressionOf } from './expression.ts';
import {
  type Evaluated,
  type ExpressionScope,
  evaluateExpression,
  type Lookup,
  type MetricLookup,
} from './expression-eval.ts';
import { type InputValue, inputToValue } from './input-value.ts';
import { type ParameterValue, parameterToValue } from './parameters.ts';
import type { Text } from './text.ts';
import { type UnitKind, unitKindLabels } from './unit-kind.ts';
import type { Value } from './value.ts';

/** What one evaluation read: inputs and metrics, for a scorecard's "inputs used". */
export interface Reads {
  readonly inputs: Set<string>;
  readonly metrics: Set<string>;
}

interface MetricMemo {
  readonly lookup: MetricLookup;
  readonly reads: Reads;
}

export interface UnitScopeOptions {
  readonly compiled: CompiledPack;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly unitKind: UnitKind | undefined;
  readonly inputs: ReadonlyMap<string, InputValue>;
  readonly reference: (id: string) => Lookup;
  readonly points?: (expr: ExpressionOf<'total' | 'item-points' | 'category-points'>) => Lookup;
}

/**
 * The expression scope of one unit in one cycle: its inputs, the cycle's parameters and
 * references, and its metrics (each computed once). It records what each evaluation reads.
 */
export class UnitScope implements ExpressionScope {
  readonly labels: ExpressionScope['labels'];
  private readonly options: UnitScopeOptions;
  private readonly memo = new Map<string, MetricMemo>();
  private readonly inProgress = new Set<string>();
  private readonly frames: Reads[] = [];
  private pointsLookup: UnitScopeOptions['points'];

  constructor(options: UnitScopeOptions) {
    this.options = options;
    this.labels = options.compiled.labels;
    this.pointsLookup = options.points;
  }

  get unitKindValue(): UnitKind | undefined {
    return this.options.unitKind;
  }

  /** Lets designation requirements read points once items are scored. */
  setPoints(points: NonNullable<UnitScopeOptions['points']>): void {
    this.pointsLookup = points;
  }

  /** Runs `fn`, collecting the inputs and metrics it reads. */
  tracking<T>(fn: () => T): { result: T; reads: Reads } {
    const reads: Reads = { inputs: new Set(), metrics: new Set() };
    this.frames.push(reads);
    try {
      return { result: fn(), reads };
    } finally {
      this.frames.pop();
    }
  }

  private note(kind: keyof Reads, id: string): void {
    for (const frame of this.frames) frame[kind].add(id);
  }

  evaluate(expr: Parameters<typeof evaluateExpression>[0]): Evaluated {
    return evaluateExpression(expr, this);
  }

  input(id: string): Lookup {
    this.note('inputs', id);
    const input = this.options.compiled.inputs.get(id);
    if (!input) throw new Error(`unknown input ${id}`);
    const kind = this.options.unitKind;
    if (input.appliesTo && kind && !input.appliesTo.includes(kind)) {
      const kindLabel = unitKindLabels[kind];
      return {
        status: 'not-applicable',
        reason: {
          zh: `${input.label.zh}不适用于${kindLabel.zh}`,
          en: `${input.label.en} does not apply to a ${kindLabel.en}`,
        },
      };
    }
    const given = this.options.inputs.get(id);
    if (given === undefined) return { status: 'missing', missing: [id] };
    const value = inputToValue(input, given);
    if (input.kind === 'enum') {
      const option = input.options.find((o) => o.value === given);
      return option
        ? { status: 'value', value, display: option.label }
        : { status: 'value', value };
    }
    if (input.kind === 'evidence') {
      const count = Array.isArray(given) ? given.length : 1;
      return {
        status: 'value',
        value,
        display: { zh: `已提供${count}份`, en: `${count} provided` },
      };
    }
    return { status: 'value', value };
  }

  provided(id: string): boolean {
    this.note('inputs', id);
    return this.options.inputs.has(id);
  }

  param(id: string): Lookup {
    const parameter = this.options.compiled.parameters.get(id);
    if (!parameter) throw new Error(`unknown parameter ${id}`);
    const given = this.options.parameters[id];
    if (given === undefined) return { status: 'missing', missing: [`parameter:${id}`] };
    const value = parameterToValue(parameter, given);
    const option =
      parameter.kind === 'enum' ? parameter.options.find((o) => o.value === given) : undefined;
    return option ? { status: 'value', value, display: option.label } : { status: 'value', value };
  }

  reference(id: string): Lookup {
    return this.options.reference(id);
  }

  unitKind(): Lookup {
    const kind = this.options.unitKind;
    if (!kind) return { status: 'missing', missing: ['unit-kind'] };
    const value: Value = { type: 'text', value: kind };
    return { status: 'value', value, display: unitKindLabels[kind] };
  }

  points(expr: ExpressionOf<'total' | 'item-points' | 'category-points'>): Lookup {
    if (!this.pointsLookup) throw new Error('points are only known after scoring');
    return this.pointsLookup(expr);
  }

  metric(id: string): MetricLookup {
    const memo = this.memo.get(id);
    if (memo) {
      for (const input of memo.reads.inputs) this.note('inputs', input);
      for (const metric of memo.reads.metrics) this.note('metrics', metric);
      this.note('metrics', id);
      return memo.lookup;
    }
    const metric = this.options.compiled.metrics.get(id);
    if (!metric) throw new Error(`unknown metric ${id}`);
    if (this.inProgress.has(id)) throw new Error(`metric ${id} depends on itself`);
    this.inProgress.add(id);
    let tracked: { result: Evaluated; reads: Reads };
    try {
      tracked = this.tracking(() => evaluateExpression(metric.expression, this));
    } finally {
      this.inProgress.delete(id);
    }
    let result = tracked.result;
    if (result.status === 'value' && metric.format && result.value.type === 'number') {
      result = { ...result, value: { ...result.value, format: metric.format } };
    }
    const lookup: MetricLookup = {
      result,
      label: metric.label,
      ...(metric.digits === undefined ? {} : { digits: metric.digits }),
    };
    this.memo.set(id, { lookup, reads: tracked.reads });
    for (const input of tracked.reads.inputs) this.note('inputs', input);
    for (const inner of tracked.reads.metrics) this.note('metrics', inner);
    this.note('metrics', id);
    return lookup;
  }
}

/** Labels for the names in a `missing` list: inputs, references, parameters, peers. */
export function missingLabel(compiled: CompiledPack, name: string): Text {
  const [kind, id] = name.includes(':') ? (name.split(':', 2) as [string, string]) : ['', name];
  if (kind === 'reference') return compiled.references.get(id)?.label ?? { zh: id, en: id };
  if (kind === 'parameter') {
    const label = compiled.parameters.get(id)?.label ?? { zh: id, en: id };
    return { zh: `参数“${label.zh}”`, en: `parameter "${label.en}"` };
  }
  if (name === 'unit-kind') return { zh: '单位类型', en: 'unit kind' };
  if (name === 'peers') return { zh: '同周期其他单位的数据', en: "the cycle's other units" };
  return compiled.inputs.get(name)?.label ?? { zh: name, en: name };
}
