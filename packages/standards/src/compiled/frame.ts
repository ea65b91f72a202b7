import type { CycleUnit } from '../engine.ts';
import type { ExpressionOf } from '../expression.ts';
import type { InputValue } from '../input-value.ts';
import type { ShownValue } from '../scorecard.ts';
import type { Text } from '../text.ts';
import type { UnitKind } from '../unit-kind.ts';
import { type CompiledValue, EMPTY, type Result } from './result.ts';

// One unit while it is scored by a compiled plan (unit-scope.ts's UnitScope, compiled): its
// input values by slot, each input's and metric's result worked out once, and what each
// evaluation reads. Reads are recorded as in UnitScope — every enclosing tracking frame of the
// unit sees them — with stamped marks instead of sets, so nothing is allocated per read.

/** A value looked up by name: present (with how it is shown, if not the default), or not. */
export type CompiledLookup =
  | { readonly status: 'value'; readonly value: CompiledValue; readonly display?: Text }
  | { readonly status: 'missing'; readonly missing: readonly string[] }
  | { readonly status: 'not-applicable'; readonly reason: Text };

export type PointsExpression = ExpressionOf<'total' | 'item-points' | 'category-points'>;

/** The points a unit scored, for designation requirements to read. */
export interface PointsTable {
  lookup(expr: PointsExpression): CompiledLookup;
}

/** What a frame needs of its plan: how to read inputs, evaluate metrics, label them. */
export interface FramePlan {
  readonly inputCount: number;
  readonly metricCount: number;
  /** The result of reading input `slot` whose value is `value` (given, or its default). */
  inputResult(slot: number, value: InputValue | undefined): Result;
  /** The same without how it is shown (no inline display, no fact). */
  inputValueResult(slot: number, value: InputValue | undefined): Result;
  /**
   * Evaluates metric `index` in `frame` (format override applied), untracked. A metric that
   * reads inputs only may come without its formula (inline): see metricFormula.
   */
  evaluateMetric(index: number, frame: Frame): Result;
  /** The formula of metric `index` ("43 ÷ (50 − 2)"), or null when evaluateMetric gives it. */
  metricFormula(index: number, frame: Frame): Text | null;
  metricId(index: number): string;
  metricDeclaration(index: number): { readonly label: Text; readonly digits?: number };
}

/** What a frame asks of the cycle it belongs to. */
export interface FrameHost {
  reference(frame: Frame, id: string): CompiledLookup;
}

/** The reads of one tracking frame: input slots and metric indexes, each once. */
export class Reads {
  stamp = 0;
  readonly inputs: number[] = [];
  readonly metrics: number[] = [];
  inputMarks = new Float64Array(0);
  metricMarks = new Float64Array(0);
}

let stamps = 0;
const spare: Reads[] = [];

function acquire(inputCount: number, metricCount: number): Reads {
  const reads = spare.pop() ?? new Reads();
  if (reads.inputMarks.length < inputCount) reads.inputMarks = new Float64Array(inputCount);
  if (reads.metricMarks.length < metricCount) reads.metricMarks = new Float64Array(metricCount);
  reads.stamp = ++stamps;
  reads.inputs.length = 0;
  reads.metrics.length = 0;
  return reads;
}

/** Gives a tracking frame back once its reads have been used. */
export function releaseReads(reads: Reads): void {
  spare.push(reads);
}

export interface MetricMemo {
  readonly result: Result;
  readonly inputs: readonly number[];
  readonly metrics: readonly number[];
}

export class Frame {
  readonly unit: CycleUnit;
  readonly kind: UnitKind | undefined;
  readonly plan: FramePlan;
  readonly host: FrameHost;
  /** Usable input values by slot (defaults applied); undefined when not given. */
  readonly values: readonly (InputValue | undefined)[];
  readonly issues: { field: string; message: Text }[];
  /** Per metric: the result of the metric node (value with its statement), once built. */
  readonly metricNodes: (Result | undefined)[];
  /** Per metric: how the scorecard shows it, once built. */
  readonly metricShown: (ShownValue | undefined)[];
  private readonly metricFormulas: (Text | undefined)[];
  /** Set once items are scored, for designation requirements. */
  points: PointsTable | null = null;
  private readonly inputResults: (Result | undefined)[];
  private readonly valueResults: (Result | undefined)[];
  private readonly memo: (MetricMemo | undefined)[];
  private readonly busy: boolean[];
  /** Tracking frames, innermost last; reads are noted in the innermost (see untrack). */
  private readonly stack: Reads[] = [];
  private top: Reads | null = null;

  constructor(
    unit: CycleUnit,
    kind: UnitKind | undefined,
    plan: FramePlan,
    host: FrameHost,
    values: readonly (InputValue | undefined)[],
    issues: { field: string; message: Text }[],
  ) {
    this.unit = unit;
    this.kind = kind;
    this.plan = plan;
    this.host = host;
    this.values = values;
    this.issues = issues;
    this.inputResults = new Array(plan.inputCount);
    this.valueResults = new Array(plan.inputCount);
    this.memo = new Array(plan.metricCount);
    this.metricNodes = new Array(plan.metricCount);
    this.metricShown = new Array(plan.metricCount);
    this.metricFormulas = new Array(plan.metricCount);
    this.busy = new Array(plan.metricCount);
  }

  /** Starts recording reads; pass the result to {@link untrack}. */
  track(): Reads {
    const reads = acquire(this.plan.inputCount, this.plan.metricCount);
    if (this.top !== null) this.stack.push(this.top);
    this.top = reads;
    return reads;
  }

  /**
   * Ends the innermost tracking frame. UnitScope notes a read in every enclosing frame at once;
   * here the only nested frames are a metric's inside an item's, and the metric passes its
   * reads on when it ends (see metric) — the same sets, one mark per read.
   */
  untrack(reads: Reads): void {
    if (this.top !== reads) throw new Error('tracking frames out of order');
    this.top = this.stack.pop() ?? null;
  }

  noteInput(slot: number): void {
    const reads = this.top;
    if (reads !== null && reads.inputMarks[slot] !== reads.stamp) {
      reads.inputMarks[slot] = reads.stamp;
      reads.inputs.push(slot);
    }
  }

  noteMetric(index: number): void {
    const reads = this.top;
    if (reads !== null && reads.metricMarks[index] !== reads.stamp) {
      reads.metricMarks[index] = reads.stamp;
      reads.metrics.push(index);
    }
  }

  /** Input `slot` as an expression sees it (the caller notes the read). */
  input(slot: number): Result {
    let result = this.inputResults[slot];
    if (result === undefined) {
      result = this.plan.inputResult(slot, this.values[slot]);
      this.inputResults[slot] = result;
    }
    return result;
  }

  /** Input `slot`'s value alone (see FramePlan.inputValueResult); the caller notes the read. */
  inputValue(slot: number): Result {
    let result = this.valueResults[slot];
    if (result === undefined) {
      result = this.plan.inputValueResult(slot, this.values[slot]);
      this.valueResults[slot] = result;
    }
    return result;
  }

  /** Metric `index`, evaluated once per unit; notes it and what it read (UnitScope.metric). */
  metric(index: number): Result {
    const known = this.memo[index];
    if (known !== undefined) {
      if (this.top !== null) {
        for (const slot of known.inputs) this.noteInput(slot);
        for (const inner of known.metrics) this.noteMetric(inner);
        this.noteMetric(index);
      }
      return known.result;
    }
    if (this.busy[index]) throw new Error(`metric ${this.plan.metricId(index)} depends on itself`);
    this.busy[index] = true;
    const reads = this.track();
    let result: Result;
    try {
      result = this.plan.evaluateMetric(index, this);
    } finally {
      this.untrack(reads);
      this.busy[index] = false;
    }
    const memo: MetricMemo = {
      result,
      inputs: reads.inputs.slice(),
      metrics: reads.metrics.slice(),
    };
    releaseReads(reads);
    this.memo[index] = memo;
    for (const slot of memo.inputs) this.noteInput(slot);
    for (const inner of memo.metrics) this.noteMetric(inner);
    this.noteMetric(index);
    return result;
  }

  /**
   * The formula of a metric for its statement. Metrics that read inputs only are evaluated
   * without it (most are only shown, or compared); it is worked out when a sentence needs it.
   */
  metricInline(index: number): Text {
    const result = this.metric(index);
    const kept = this.metricFormulas[index];
    if (kept !== undefined) return kept;
    const formula =
      this.plan.metricFormula(index, this) ?? (result.status === 'value' ? result.inline : EMPTY);
    this.metricFormulas[index] = formula;
    return formula;
  }

  reference(id: string): CompiledLookup {
    return this.host.reference(this, id);
  }

  pointsOf(expr: PointsExpression): CompiledLookup {
    if (!this.points) throw new Error('points are only known after scoring');
    return this.points.lookup(expr);
  }
}
