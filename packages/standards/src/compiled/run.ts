import type { CompiledPack } from '../compiled-pack.ts';
import type { CycleUnit } from '../engine.ts';
import { ENGINE_VERSION } from '../engine-version.ts';
import * as x from '../exact.ts';
import type { Expression } from '../expression.ts';
import type { Category, Reference } from '../pack-schema.ts';
import type { ParameterValue } from '../parameters.ts';
import type { CompiledOutcome, CompiledPeerValues } from '../rules/compiled-rule.ts';
import type { PeerScope } from '../rules/rule-context.ts';
import type {
  CategoryResult,
  DesignationResult,
  EligibilityResult,
  ItemResult,
  ItemStatus,
  Scorecard,
  ShownValue,
} from '../scorecard.ts';
import type { Text } from '../text.ts';
import type { UnitKind } from '../unit-kind.ts';
import type { Evaluate } from './expressions.ts';
import {
  type CompiledLookup,
  Frame,
  type FrameHost,
  type PointsExpression,
  type PointsTable,
  type Reads,
  releaseReads,
} from './frame.ts';
import {
  type CompiledItem,
  type KindPlan,
  type PlanHost,
  parametersKey,
  planFor,
  type ScoredItem,
} from './plan.ts';
import { readUnitInputs } from './read-inputs.ts';
import { display, type Result, valueJson } from './result.ts';

// The units of one cycle scored by compiled plans: engine.ts's public functions run this. It
// is the interpreter's cycle run (reference-engine.ts) step for step — the same evaluation
// order, so the same reads, issues and missing lists — with plans instead of tree walks.

const NULL_SHOWN: ShownValue = { value: null, display: null };
const ZERO_RANGE = { min: x.ZERO, max: x.ZERO };

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function shown(result: Result, digits?: number): ShownValue {
  if (result.status !== 'value') return NULL_SHOWN;
  return { value: valueJson(result.value), display: display(result.value, digits) };
}

function aggregate(
  kind: Extract<Reference['source'], { from: 'units' }>['aggregate'],
  values: x.Exact[],
): x.Exact | null {
  if (kind === 'count') return x.int(values.length);
  if (values.length === 0) return null;
  const sorted = [...values].sort(x.compare);
  switch (kind) {
    case 'sum':
      return x.sum(values);
    case 'mean':
      return x.div(x.sum(values), x.int(values.length));
    case 'min':
      return sorted[0] as x.Exact;
    case 'max':
      return sorted[sorted.length - 1] as x.Exact;
    case 'median': {
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? (sorted[middle] as x.Exact)
        : x.div(x.add(sorted[middle - 1] as x.Exact, sorted[middle] as x.Exact), x.int(2));
    }
  }
}

/** Sorts small arrays of indexes by their rank (insertion sort: they hold a few entries). */
function sortByRank(indexes: number[], rank: readonly number[]): void {
  for (let i = 1; i < indexes.length; i++) {
    const value = indexes[i] as number;
    const key = rank[value] as number;
    let j = i - 1;
    while (j >= 0 && (rank[indexes[j] as number] as number) > key) {
      indexes[j + 1] = indexes[j] as number;
      j--;
    }
    indexes[j + 1] = value;
  }
}

/** The plans of one run, by unit kind (the parameter set's key worked out once). */
class Plans {
  private readonly compiled: CompiledPack;
  private readonly parameters: Readonly<Record<string, ParameterValue>>;
  private readonly key: string;
  private last: KindPlan | null = null;

  constructor(compiled: CompiledPack, parameters: Readonly<Record<string, ParameterValue>>) {
    this.compiled = compiled;
    this.parameters = parameters;
    this.key = parametersKey(parameters);
  }

  for(kind: UnitKind | undefined): KindPlan {
    const last = this.last;
    if (last !== null && last.kind === kind) return last;
    const plan = planFor(this.compiled, this.parameters, kind, this.key);
    this.last = plan;
    return plan;
  }
}

const bonusMaxima = new WeakMap<readonly Category[], number>();

export class CompiledRun implements FrameHost, PlanHost {
  readonly compiled: CompiledPack;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly frames: Frame[];
  private readonly peersKnown: boolean;
  private readonly cycleReferences: Readonly<Record<string, number>>;
  private readonly peerResults = new Map<Expression, Map<string, Result>>();
  private readonly computed = new Map<string, CompiledLookup>();
  private readonly computing = new Set<string>();

  constructor(
    compiled: CompiledPack,
    parameters: Readonly<Record<string, ParameterValue>>,
    units: readonly CycleUnit[],
    peersKnown: boolean,
    cycleReferences: Readonly<Record<string, number>>,
  ) {
    this.compiled = compiled;
    this.parameters = parameters;
    this.peersKnown = peersKnown;
    this.cycleReferences = cycleReferences;
    const pack = compiled.pack;
    const onlyKind = pack.unitKinds.length === 1 ? pack.unitKinds[0] : undefined;
    const sorted = units.length > 1 ? [...units].sort((a, b) => compareIds(a.id, b.id)) : units;
    const seen = new Set<string>();
    const plans = new Plans(compiled, parameters);
    this.frames = sorted.map((unit) => {
      if (seen.has(unit.id)) throw new RangeError(`duplicate unit id ${unit.id}`);
      seen.add(unit.id);
      const kind = unit.unitKind ?? onlyKind;
      if (kind && !pack.unitKinds.includes(kind)) {
        throw new RangeError(`unit ${unit.id}: the pack does not assess a ${kind}`);
      }
      const read = readUnitInputs(compiled, kind, unit.inputs);
      const plan = plans.for(kind);
      return new Frame(unit, kind, plan, this, read.values, read.issues);
    });
  }

  /** The value of `expr` for a unit, evaluated once per cycle. */
  private peerResult(frame: Frame, expr: Expression): Result {
    let perUnit = this.peerResults.get(expr);
    if (!perUnit) {
      perUnit = new Map();
      this.peerResults.set(expr, perUnit);
    }
    const cached = perUnit.get(frame.unit.id);
    if (cached) return cached;
    const result = (frame.plan as KindPlan).peerExpression(expr).evaluate(frame);
    perUnit.set(frame.unit.id, result);
    return result;
  }

  private peersOf(frame: Frame, scope: PeerScope): Frame[] {
    return scope === 'all' || frame.kind === undefined
      ? this.frames
      : this.frames.filter((f) => f.kind === frame.kind);
  }

  reference(frame: Frame, id: string): CompiledLookup {
    const reference = this.compiled.references.get(id);
    if (!reference) throw new Error(`unknown reference ${id}`);
    const supplied = frame.unit.references?.[id] ?? this.cycleReferences[id];
    if (reference.source.from === 'cycle' || !this.peersKnown) {
      if (supplied === undefined) return { status: 'missing', missing: [`reference:${id}`] };
      if (typeof supplied !== 'number' || !Number.isFinite(supplied)) {
        frame.issues.push({
          field: `reference:${id}`,
          message: {
            zh: `参照值“${reference.label.zh}”不是有效数字`,
            en: `reference "${reference.label.en}" is not a finite number`,
          },
        });
        return { status: 'missing', missing: [`reference:${id}`] };
      }
      const exact = x.fromNumber(supplied);
      return {
        status: 'value',
        value: {
          type: 'number',
          value: reference.format === 'percent' ? x.div(exact, x.int(100)) : exact,
          format: reference.format,
        },
      };
    }
    const source = reference.source;
    const key = `${id}\u0000${source.peers === 'all' ? '*' : (frame.kind ?? '*')}`;
    const known = this.computed.get(key);
    if (known) return known;
    if (this.computing.has(key)) throw new Error(`reference ${id} depends on itself`);
    this.computing.add(key);
    const values: x.Exact[] = [];
    for (const peer of this.peersOf(frame, source.peers)) {
      const result = this.peerResult(peer, source.of);
      if (result.status === 'value' && result.value.type === 'number') {
        values.push(result.value.value);
      }
    }
    this.computing.delete(key);
    const value = aggregate(source.aggregate, values);
    const lookup: CompiledLookup =
      value === null
        ? { status: 'missing', missing: [`reference:${id}`] }
        : { status: 'value', value: { type: 'number', value, format: reference.format } };
    this.computed.set(key, lookup);
    return lookup;
  }

  peers(frame: Frame, self: Evaluate, expr: Expression, scope: PeerScope): CompiledPeerValues {
    const own = self(frame);
    if (own.status !== 'value') return own;
    if (!this.peersKnown) return { status: 'missing', missing: ['peers'] };
    const peers: { unitId: string; value: x.Exact }[] = [];
    for (const peer of this.peersOf(frame, scope)) {
      const result = peer === frame ? own : this.peerResult(peer, expr);
      if (result.status === 'value' && result.value.type === 'number') {
        peers.push({ unitId: peer.unit.id, value: result.value.value });
      }
    }
    return { status: 'value', self: own, peers };
  }

  scorecard(frame: Frame, unitId: string | null): Scorecard {
    const plan = frame.plan as KindPlan;
    const pack = plan.pack;
    const eligibility = this.eligibility(frame);
    const items = plan.items.map((item) => this.item(frame, item));
    this.checkAssessmentKeys(frame);

    const categories: CategoryResult[] = [];
    const categoryPoints: { id: string; points: x.Exact; min: x.Exact; max: x.Exact }[] = [];
    for (let c = 0; c < pack.categories.length; c++) {
      const category = pack.categories[c] as Category;
      let sum: x.Exact = x.ZERO;
      let least: x.Exact = x.ZERO;
      let most: x.Exact = x.ZERO;
      let complete = true;
      for (const index of plan.categoryItems[c] as readonly number[]) {
        const i = items[index] as ScoredItem;
        if (i.points !== null) sum = x.add(sum, i.points);
        least = x.add(least, i.range.min);
        most = x.add(most, i.range.max);
        if (!i.resolved) complete = false;
      }
      const max = plan.categoryMax[c] as x.Exact;
      const capped = x.gt(sum, max);
      categories.push({
        id: category.id,
        title: category.title,
        bonus: category.bonus,
        max: category.max,
        points: x.toNumber(capped ? max : sum),
        itemPoints: x.toNumber(sum),
        capped,
        complete,
      });
      categoryPoints.push({
        id: category.id,
        points: x.min(sum, max),
        min: x.min(least, max),
        max: x.min(most, max),
      });
    }
    let total: x.Exact = x.ZERO;
    let rangeMin: x.Exact = x.ZERO;
    let rangeMax: x.Exact = x.ZERO;
    for (const c of categoryPoints) {
      total = x.add(total, c.points);
      rangeMin = x.add(rangeMin, c.min);
      rangeMax = x.add(rangeMax, c.max);
    }
    let complete = true;
    for (const i of items) if (!i.resolved) complete = false;

    // A table, not a closure: a closure kept on the frame keeps V8 from collecting the
    // scorecards of earlier units in minor collections (measured: 5× slower).
    frame.points = new ScoredPoints(items, categoryPoints, total, complete);
    const designation = this.designation(frame, total, complete, eligibility);

    const metricShown = new Array<ShownValue>(plan.metricCount);
    for (let index = 0; index < plan.metricCount; index++) {
      metricShown[index] = this.metricShown(frame, index);
    }
    const metrics: Record<string, ShownValue> = {};
    for (const index of plan.metricOrder) {
      metrics[plan.metricId(index)] = copyShown(metricShown[index] as ShownValue);
    }
    const lookups = pack.references.map((reference) => frame.reference(reference.id));
    const references: Record<string, ShownValue> = {};
    for (const index of plan.referenceOrder) {
      const lookup = lookups[index] as CompiledLookup;
      references[(pack.references[index] as Reference).id] =
        lookup.status === 'value'
          ? { value: valueJson(lookup.value), display: display(lookup.value) }
          : { value: null, display: null };
    }

    return {
      pack: { key: pack.key, version: pack.version, contentHash: this.compiled.hash },
      engine: ENGINE_VERSION,
      unit: { id: unitId, kind: frame.kind ?? null },
      parameters: { ...this.parameters },
      eligibility,
      items: items.map((i) => i.result),
      categories,
      total: x.toNumber(total),
      max: pack.total,
      bonusMax: bonusMaxOf(pack.categories),
      range: { min: x.toNumber(rangeMin), max: x.toNumber(rangeMax) },
      complete,
      designation,
      metrics,
      references,
      issues: [...frame.issues],
    };
  }

  /**
   * How a metric is shown for a unit, worked out once per unit — or taken from the plan's table
   * for the values it depends on (the caller copies it where it is placed).
   */
  private metricShown(frame: Frame, index: number): ShownValue {
    let known = frame.metricShown[index];
    if (known !== undefined) return known;
    const plan = frame.plan as KindPlan;
    const table = plan.metricTables[index];
    if (table?.active) known = table.get(frame.values);
    if (known === undefined) {
      known = shown(frame.metric(index), plan.metricDeclaration(index).digits);
      if (table?.active) table.set(frame.values, keepShown(known));
    }
    frame.metricShown[index] = known;
    return known;
  }

  private eligibility(frame: Frame): EligibilityResult {
    const plan = frame.plan as KindPlan;
    const checks = plan.eligibility.map((gate) => {
      const result = gate.when.evaluate(frame);
      if (result.status === 'value') {
        const passed = result.value.type === 'boolean' && result.value.value;
        return {
          id: gate.id,
          title: gate.title,
          passed,
          explanation: gate.sentence(result),
          missing: [],
        };
      }
      const missing = result.status === 'missing' ? [...result.missing] : [];
      const explanation =
        result.status === 'missing'
          ? plan.missingText(missing)
          : { zh: result.reason.zh, en: result.reason.en };
      // An empty denominator under `full-points` counts as met; not-applicable as unknown.
      return {
        id: gate.id,
        title: gate.title,
        passed: result.status === 'full-points' ? true : null,
        explanation,
        missing,
      };
    });
    const eligible = checks.some((c) => c.passed === false)
      ? false
      : checks.every((c) => c.passed === true)
        ? true
        : null;
    return { eligible, checks };
  }

  private item(frame: Frame, compiled: CompiledItem): ScoredItem {
    const fixed = compiled.unscored;
    if (fixed !== null) {
      return unscoredItem(compiled, fixed.status, fixed.explanation, {
        missing: [...fixed.missing],
      });
    }
    const table = compiled.table;
    if (table?.active) {
      const kept = table.get(frame.values);
      if (kept !== undefined) return copyScored(kept);
    }
    const reads = frame.track();
    let outcome: CompiledOutcome;
    try {
      outcome = (compiled.rule as (f: Frame) => CompiledOutcome)(frame);
    } finally {
      frame.untrack(reads);
    }
    const used = this.usedValues(frame, reads);
    releaseReads(reads);
    const scored = this.finishItem(frame, compiled, outcome, used);
    if (table?.active) table.set(frame.values, keepScored(scored));
    return scored;
  }

  private finishItem(
    frame: Frame,
    compiled: CompiledItem,
    outcome: CompiledOutcome,
    used: Pick<ItemResult, 'inputs' | 'metrics'>,
  ): ScoredItem {
    const plan = frame.plan as KindPlan;
    switch (outcome.status) {
      case 'not-applicable':
        return unscoredItem(compiled, 'not-applicable', own(outcome.reason), used);
      case 'missing': {
        const text = plan.missingText(outcome.missing);
        const explanation =
          outcome.awaiting.length > 0
            ? {
                zh: `${text.zh}；待评估：${outcome.awaiting.join('、')}`,
                en: `${text.en}; awaiting assessment: ${outcome.awaiting.join(', ')}`,
              }
            : text;
        return unscoredItem(compiled, 'missing-inputs', explanation, {
          ...used,
          missing: [...outcome.missing],
          awaiting: [...outcome.awaiting],
        });
      }
      case 'awaiting-assessment':
        return unscoredItem(
          compiled,
          'awaiting-assessment',
          {
            zh: `待评估：${outcome.awaiting.join('、')}`,
            en: `awaiting assessment: ${outcome.awaiting.join(', ')}`,
          },
          { ...used, awaiting: [...outcome.awaiting] },
        );
      case 'scored': {
        // The item's own range is the last word: a rule that over-awards is capped (the linter
        // reports such rules), and points are rounded to 2 places, halves away from zero.
        const clamped = x.clamp(outcome.points, compiled.min, compiled.max);
        const points = x.round(clamped, 2);
        let explanation = outcome.explanation;
        if (!x.eq(clamped, outcome.points)) {
          const limit = x.formatPoints(clamped);
          explanation = {
            zh: `${explanation.zh}；按本项分值范围计${limit}分`,
            en: `${explanation.en}; limited to the item's range: ${limit}`,
          };
        }
        const item = compiled.item;
        const result: ItemResult = {
          id: item.id,
          category: item.category,
          title: item.title,
          status: 'scored',
          points: x.toNumber(points),
          max: item.max,
          min: item.min,
          inputs: used.inputs,
          metrics: used.metrics,
          missing: [],
          awaiting: [],
          explanation: own(explanation),
        };
        return { result, points, resolved: true, range: { min: points, max: points } };
      }
    }
  }

  private usedValues(frame: Frame, reads: Reads): Pick<ItemResult, 'inputs' | 'metrics'> {
    const plan = frame.plan as KindPlan;
    const inputs: Record<string, ItemResult['inputs'][string]> = {};
    const slots = reads.inputs;
    if (slots.length > 1) sortByRank(slots, plan.inputRank);
    for (const slot of slots) {
      const value = frame.values[slot];
      if (value !== undefined) {
        inputs[plan.slots[slot]?.input.id as string] = value as ItemResult['inputs'][string];
      }
    }
    const metrics: Record<string, ShownValue> = {};
    const indexes = reads.metrics;
    if (indexes.length > 1) sortByRank(indexes, plan.metricRank);
    for (const index of indexes) {
      metrics[plan.metricId(index)] = copyShown(this.metricShown(frame, index));
    }
    return { inputs, metrics };
  }

  private checkAssessmentKeys(frame: Frame): void {
    const assessments = frame.unit.assessments;
    if (!assessments) return;
    const keys = (frame.plan as KindPlan).assessmentKeys;
    let unknown = false;
    for (const key in assessments) if (!keys.has(key)) unknown = true;
    if (!unknown) return;
    for (const key of Object.keys(assessments).sort()) {
      if (!keys.has(key)) {
        frame.issues.push({
          field: key,
          message: {
            zh: `评估 ${key}：本标准没有对应的酌情评分项`,
            en: `assessment ${key}: no assessed rule has this key`,
          },
        });
      }
    }
  }

  private designation(
    frame: Frame,
    total: x.Exact,
    complete: boolean,
    eligibility: EligibilityResult,
  ): DesignationResult | null {
    const plan = frame.plan as KindPlan;
    const designation = plan.pack.designation;
    if (!designation || !plan.passMark) return null;
    const totalShown = x.formatPoints(total);
    const passMarkResult = plan.passMark.evaluate(frame);
    const passMark =
      passMarkResult.status === 'value' && passMarkResult.value.type === 'number'
        ? passMarkResult.value.value
        : null;
    const requirements = plan.requirements.map((requirement) => {
      const result = requirement.when.evaluate(frame);
      const met =
        result.status === 'value' && result.value.type === 'boolean' ? result.value.value : null;
      return { id: requirement.id, title: requirement.title, met };
    });
    const decide = (met: boolean | null, reason: Text): DesignationResult => ({
      title: designation.title,
      met,
      passMark: passMark === null ? null : x.toNumber(passMark),
      total: x.toNumber(total),
      reason,
      requirements,
    });
    const failedChecks = eligibility.checks.filter((c) => c.passed === false);
    if (failedChecks.length > 0) {
      return decide(false, {
        zh: `不符合申报条件：${failedChecks.map((c) => c.title.zh).join('、')}`,
        en: `not eligible: ${failedChecks.map((c) => c.title.en).join(', ')}`,
      });
    }
    if (passMark === null) {
      return decide(null, { zh: '未设定达标分数线', en: 'no pass mark has been set' });
    }
    const markShown = x.formatPoints(passMark);
    if (!complete) {
      return decide(null, {
        zh: `尚有项目未评分（缺少数据或待评估），暂无法认定；达标分数线${markShown}分`,
        en: `some items are not scored yet (missing data or awaiting assessment); pass mark ${markShown}`,
      });
    }
    if (eligibility.eligible === null) {
      return decide(null, { zh: '申报条件尚未确定', en: 'eligibility is not yet known' });
    }
    const failedRequirements = requirements.filter((r) => r.met === false);
    const unknownRequirements = requirements.filter((r) => r.met === null);
    if (x.lt(total, passMark)) {
      return decide(false, {
        zh: `总分${totalShown}分，低于达标分数线${markShown}分`,
        en: `total ${totalShown} is below the pass mark ${markShown}`,
      });
    }
    if (failedRequirements.length > 0) {
      return decide(false, {
        zh: `未满足：${failedRequirements.map((r) => r.title.zh).join('、')}`,
        en: `not met: ${failedRequirements.map((r) => r.title.en).join(', ')}`,
      });
    }
    if (unknownRequirements.length > 0) {
      return decide(null, {
        zh: `尚未确定：${unknownRequirements.map((r) => r.title.zh).join('、')}`,
        en: `not yet known: ${unknownRequirements.map((r) => r.title.en).join(', ')}`,
      });
    }
    return decide(true, {
      zh: `总分${totalShown}分，达到达标分数线${markShown}分`,
      en: `total ${totalShown} reaches the pass mark ${markShown}`,
    });
  }
}

// An item whose result depends only on a few inputs keeps its results by their values (the
// plan's ValueTable): a unit answering as an earlier one did gets a copy of that result. Every
// scorecard gets its own objects. The kept ones are copied by their own code, apart from the
// copies handed out, so that V8 (which decides per allocation site whether objects start old)
// sees the long-lived ones apart from the short-lived (see rule-memo.ts).

function copyShown(shown: ShownValue): ShownValue {
  const d = shown.display;
  return { value: shown.value, display: d === null ? null : { zh: d.zh, en: d.en } };
}

function keepShown(shown: ShownValue): ShownValue {
  const d = shown.display;
  return { value: shown.value, display: d === null ? null : { zh: d.zh, en: d.en } };
}

/** An item's result as kept in its table, with its records' keys listed once. */
interface KeptItem extends ScoredItem {
  readonly inputKeys: readonly string[];
  readonly metricKeys: readonly string[];
}

function copyScored(kept: KeptItem): ScoredItem {
  const r = kept.result;
  const inputs: ItemResult['inputs'] = {};
  for (const key of kept.inputKeys) {
    const value = r.inputs[key] as ItemResult['inputs'][string];
    inputs[key] = Array.isArray(value) ? [...value] : value;
  }
  const metrics: ItemResult['metrics'] = {};
  for (const key of kept.metricKeys) {
    const shown = r.metrics[key] as ShownValue;
    const d = shown.display;
    metrics[key] = { value: shown.value, display: d === null ? null : { zh: d.zh, en: d.en } };
  }
  // Key for key in the order finishItem and unscoredItem write them.
  const result: ItemResult =
    r.status === 'scored'
      ? {
          id: r.id,
          category: r.category,
          title: r.title,
          status: r.status,
          points: r.points,
          max: r.max,
          min: r.min,
          inputs,
          metrics,
          missing: [],
          awaiting: [],
          explanation: { zh: r.explanation.zh, en: r.explanation.en },
        }
      : {
          id: r.id,
          category: r.category,
          title: r.title,
          max: r.max,
          min: r.min,
          status: r.status,
          points: r.points,
          inputs,
          metrics,
          missing: [...r.missing],
          awaiting: [...r.awaiting],
          explanation: { zh: r.explanation.zh, en: r.explanation.en },
        };
  return { result, points: kept.points, resolved: kept.resolved, range: kept.range };
}

function keepScored(scored: ScoredItem): KeptItem {
  const r = scored.result;
  const inputKeys = Object.keys(r.inputs);
  const metricKeys = Object.keys(r.metrics);
  const inputs: ItemResult['inputs'] = {};
  for (const key of inputKeys) {
    const value = r.inputs[key] as ItemResult['inputs'][string];
    inputs[key] = Array.isArray(value) ? [...value] : value;
  }
  const metrics: ItemResult['metrics'] = {};
  for (const key of metricKeys) {
    const shown = r.metrics[key] as ShownValue;
    const d = shown.display;
    metrics[key] = { value: shown.value, display: d === null ? null : { zh: d.zh, en: d.en } };
  }
  const result: ItemResult = {
    ...r,
    inputs,
    metrics,
    missing: [...r.missing],
    awaiting: [...r.awaiting],
    explanation: { zh: r.explanation.zh, en: r.explanation.en },
  };
  return {
    result,
    points: scored.points,
    resolved: scored.resolved,
    range: { min: scored.range.min, max: scored.range.max },
    inputKeys,
    metricKeys,
  };
}

/**
 * A scorecard's own copy of a text: outcomes are kept and replayed across units (rule-memo.ts),
 * and no two scorecards should share an object a caller might change.
 */
function own(text: Text): Text {
  return { zh: text.zh, en: text.en };
}

function unscoredItem(
  compiled: CompiledItem,
  status: ItemStatus,
  explanation: Text,
  extra: Partial<ItemResult>,
): ScoredItem {
  const item = compiled.item;
  const resolved = status === 'not-applicable' || status === 'disabled';
  const result: ItemResult = {
    id: item.id,
    category: item.category,
    title: item.title,
    max: item.max,
    min: item.min,
    status,
    points: null,
    inputs: extra.inputs ?? {},
    metrics: extra.metrics ?? {},
    missing: extra.missing ?? [],
    awaiting: extra.awaiting ?? [],
    explanation,
  };
  return { result, points: null, resolved, range: resolved ? ZERO_RANGE : compiled.bounds };
}

/** Points already scored, as designation requirements read them. */
class ScoredPoints implements PointsTable {
  private readonly items: readonly ScoredItem[];
  private readonly categories: readonly { id: string; points: x.Exact }[];
  private readonly total: x.Exact;
  private readonly complete: boolean;

  constructor(
    items: readonly ScoredItem[],
    categories: readonly { id: string; points: x.Exact }[],
    total: x.Exact,
    complete: boolean,
  ) {
    this.items = items;
    this.categories = categories;
    this.total = total;
    this.complete = complete;
  }

  lookup(expr: PointsExpression): CompiledLookup {
    return pointsLookup(expr, this.items, this.categories, this.total, this.complete);
  }
}

function pointsLookup(
  expr: PointsExpression,
  items: readonly ScoredItem[],
  categories: readonly { id: string; points: x.Exact }[],
  total: x.Exact,
  complete: boolean,
): CompiledLookup {
  const number = (value: x.Exact): CompiledLookup => ({
    status: 'value',
    value: { type: 'number', value, format: 'number' },
  });
  if (expr.op === 'total') {
    return complete ? number(total) : { status: 'missing', missing: ['items'] };
  }
  if (expr.op === 'item-points') {
    const item = items.find((i) => i.result.id === expr.id);
    if (!item?.resolved) return { status: 'missing', missing: [`item:${expr.id}`] };
    return number(item.points ?? x.ZERO);
  }
  const own = items.filter((i) => i.result.category === expr.id);
  if (!own.every((i) => i.resolved)) return { status: 'missing', missing: [`category:${expr.id}`] };
  return number(categories.find((c) => c.id === expr.id)?.points ?? x.ZERO);
}

function bonusMaxOf(categories: readonly Category[]): number {
  let known = bonusMaxima.get(categories);
  if (known === undefined) {
    let sum: x.Exact = x.ZERO;
    for (const c of categories) if (c.bonus) sum = x.add(sum, x.fromNumber(c.max));
    known = x.toNumber(sum);
    bonusMaxima.set(categories, known);
  }
  return known;
}
