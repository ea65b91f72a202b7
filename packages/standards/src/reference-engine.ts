// The engine as an interpreter: it walks each pack's rules and expressions for every unit, with
// bigint rationals throughout. It defines what a scorecard is; the compiled engine behind
// engine.ts's score and scoreCycle must give the same scorecards byte for byte, and the
// differential tests (engine-compiled.test.ts) hold it to that on random units of every pack.

import { type CompiledPack, compilePack } from './compiled-pack.ts';
import type { CycleOptions, CycleScore, CycleUnit, ScoreOptions } from './engine.ts';
import { ENGINE_VERSION } from './engine-version.ts';
import type { Expression, ExpressionOf } from './expression.ts';
import type { Evaluated, Lookup } from './expression-eval.ts';
import type { InputValue } from './input-value.ts';
import type { Item, Pack, Reference } from './pack-schema.ts';
import { type ParameterValue, resolveParameters } from './parameters.ts';
import * as q from './rational.ts';
import { evaluateRule, ruleBounds, walkRules } from './rules/rule.ts';
import {
  conditionSentence,
  formatPoints,
  type PeerScope,
  type PeerValues,
  type RuleContext,
  type RuleOutcome,
} from './rules/rule-context.ts';
import type {
  CategoryResult,
  DesignationResult,
  EligibilityResult,
  ItemResult,
  ItemStatus,
  Scorecard,
  ShownValue,
} from './scorecard.ts';
import type { Text } from './text.ts';
import { type UnitKind, unitKindLabels } from './unit-kind.ts';
import { missingLabel, type Reads, UnitScope } from './unit-scope.ts';
import { readInputs } from './validate-inputs.ts';
import { displayValue, type Value, valueToJson } from './value.ts';

/** A unit of a cycle while it is being scored. */
interface UnitState {
  readonly unit: CycleUnit;
  readonly kind: UnitKind | undefined;
  readonly inputs: ReadonlyMap<string, InputValue>;
  readonly issues: { field: string; message: Text }[];
  readonly scope: UnitScope;
}

const SELF_ID = 'self';

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const list = [...entries];
  if (list.length > 1) list.sort((a, b) => compareIds(a[0], b[0]));
  const record: Record<string, T> = {};
  for (const [key, value] of list) record[key] = value;
  return record;
}

function shown(result: Evaluated, digits?: number): ShownValue {
  if (result.status !== 'value') return { value: null, display: null };
  return { value: valueToJson(result.value), display: displayValue(result.value, digits) };
}

function aggregate(
  kind: Extract<Reference['source'], { from: 'units' }>['aggregate'],
  values: q.Rational[],
): q.Rational | null {
  if (kind === 'count') return q.rational(values.length);
  if (values.length === 0) return null;
  const sorted = [...values].sort(q.compare);
  switch (kind) {
    case 'sum':
      return q.sum(values);
    case 'mean':
      return q.div(q.sum(values), values.length);
    case 'min':
      return sorted[0] as q.Rational;
    case 'max':
      return sorted[sorted.length - 1] as q.Rational;
    case 'median': {
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? (sorted[middle] as q.Rational)
        : q.div(q.add(sorted[middle - 1] as q.Rational, sorted[middle] as q.Rational), 2);
    }
  }
}

// Packs and their items are immutable: what depends on them alone is worked out once.
const itemRanges = new WeakMap<Item, { min: q.Rational; max: q.Rational }>();
const packAssessmentKeys = new WeakMap<Pack, ReadonlySet<string>>();

/** The keys assessments are entered under: each assessed rule's key, or its item id. */
function assessmentKeys(pack: Pack): ReadonlySet<string> {
  const known = packAssessmentKeys.get(pack);
  if (known) return known;
  const keys = new Set<string>();
  for (const item of pack.items) {
    for (const rule of walkRules(item.rule)) {
      if (rule.kind === 'assessed') keys.add(rule.key ?? item.id);
    }
  }
  packAssessmentKeys.set(pack, keys);
  return keys;
}

/** Scores the units of one cycle together; peer-relative values are shared among them. */
class CycleRun {
  readonly compiled: CompiledPack;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly states: UnitState[];
  private readonly byId = new Map<string, UnitState>();
  /** False when scoring one unit without its peers: peer-relative values are then unknown. */
  private readonly peersKnown: boolean;
  private readonly cycleReferences: Readonly<Record<string, number>>;
  private readonly peerResults = new Map<Expression, Map<string, Evaluated>>();
  private readonly computed = new Map<string, Lookup>();
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
    const sorted = [...units].sort((a, b) => compareIds(a.id, b.id));
    this.states = sorted.map((unit) => {
      if (this.byId.has(unit.id)) throw new RangeError(`duplicate unit id ${unit.id}`);
      const kind = unit.unitKind ?? onlyKind;
      if (kind && !pack.unitKinds.includes(kind)) {
        throw new RangeError(`unit ${unit.id}: the pack does not assess a ${kind}`);
      }
      const read = readInputs(pack, kind, unit.inputs);
      const issues = read.issues.map((issue) => ({ field: issue.field, message: issue.message }));
      const state: UnitState = {
        unit,
        kind,
        inputs: read.values,
        issues,
        scope: new UnitScope({
          compiled,
          parameters,
          unitKind: kind,
          inputs: read.values,
          reference: (id) => this.reference(state, id),
        }),
      };
      this.byId.set(unit.id, state);
      return state;
    });
  }

  /** The value of `expr` for a unit, evaluated once per cycle (no tracking of reads). */
  private peerResult(state: UnitState, expr: Expression): Evaluated {
    let perUnit = this.peerResults.get(expr);
    if (!perUnit) {
      perUnit = new Map();
      this.peerResults.set(expr, perUnit);
    }
    const cached = perUnit.get(state.unit.id);
    if (cached) return cached;
    const result = state.scope.tracking(() => state.scope.evaluate(expr)).result;
    perUnit.set(state.unit.id, result);
    return result;
  }

  private peersOf(state: UnitState, scope: PeerScope): UnitState[] {
    return scope === 'all' || state.kind === undefined
      ? this.states
      : this.states.filter((s) => s.kind === state.kind);
  }

  reference(state: UnitState, id: string): Lookup {
    const reference = this.compiled.references.get(id);
    if (!reference) throw new Error(`unknown reference ${id}`);
    const supplied = state.unit.references?.[id] ?? this.cycleReferences[id];
    if (reference.source.from === 'cycle' || !this.peersKnown) {
      if (supplied === undefined) return { status: 'missing', missing: [`reference:${id}`] };
      if (typeof supplied !== 'number' || !Number.isFinite(supplied)) {
        state.issues.push({
          field: `reference:${id}`,
          message: {
            zh: `参照值“${reference.label.zh}”不是有效数字`,
            en: `reference "${reference.label.en}" is not a finite number`,
          },
        });
        return { status: 'missing', missing: [`reference:${id}`] };
      }
      const exact = q.fromNumber(supplied);
      const value: Value = {
        type: 'number',
        value: reference.format === 'percent' ? q.div(exact, 100) : exact,
        format: reference.format,
      };
      return { status: 'value', value };
    }
    const source = reference.source;
    const key = `${id}\u0000${source.peers === 'all' ? '*' : (state.kind ?? '*')}`;
    const known = this.computed.get(key);
    if (known) return known;
    if (this.computing.has(key)) throw new Error(`reference ${id} depends on itself`);
    this.computing.add(key);
    const values: q.Rational[] = [];
    for (const peer of this.peersOf(state, source.peers)) {
      const result = this.peerResult(peer, source.of);
      if (result.status === 'value' && result.value.type === 'number')
        values.push(result.value.value);
    }
    this.computing.delete(key);
    const value = aggregate(source.aggregate, values);
    const lookup: Lookup =
      value === null
        ? { status: 'missing', missing: [`reference:${id}`] }
        : { status: 'value', value: { type: 'number', value, format: reference.format } };
    this.computed.set(key, lookup);
    return lookup;
  }

  peers(state: UnitState, expr: Expression, scope: PeerScope): PeerValues {
    const self = state.scope.evaluate(expr);
    if (self.status !== 'value') return self;
    if (!this.peersKnown) return { status: 'missing', missing: ['peers'] };
    const peers: { unitId: string; value: q.Rational }[] = [];
    for (const peer of this.peersOf(state, scope)) {
      const result = peer === state ? self : this.peerResult(peer, expr);
      if (result.status === 'value' && result.value.type === 'number') {
        peers.push({ unitId: peer.unit.id, value: result.value.value });
      }
    }
    return { status: 'value', self, peers };
  }

  scorecard(state: UnitState, unitId: string | null): Scorecard {
    const compiled = this.compiled;
    const pack = compiled.pack;
    const scope = state.scope;
    const issues = state.issues;

    const eligibility = this.eligibility(state);
    const items = pack.items.map((item) => this.item(state, item));
    this.checkAssessmentKeys(state);

    const categories: CategoryResult[] = pack.categories.map((category) => {
      const own = items.filter((i) => i.result.category === category.id);
      const itemPoints = q.sum(own.map((i) => i.points ?? q.ZERO));
      const capped = q.gt(itemPoints, category.max);
      return {
        id: category.id,
        title: category.title,
        bonus: category.bonus,
        max: category.max,
        points: q.toNumber(capped ? q.fromNumber(category.max) : itemPoints),
        itemPoints: q.toNumber(itemPoints),
        capped,
        complete: own.every((i) => i.resolved),
      };
    });
    const categoryPoints = pack.categories.map((category) => {
      const own = items.filter((i) => i.result.category === category.id);
      const sum = q.sum(own.map((i) => i.points ?? q.ZERO));
      const least = q.sum(own.map((i) => i.range.min));
      const most = q.sum(own.map((i) => i.range.max));
      return {
        id: category.id,
        points: q.min(sum, category.max),
        min: q.min(least, category.max),
        max: q.min(most, category.max),
      };
    });
    const total = q.sum(categoryPoints.map((c) => c.points));
    const complete = items.every((i) => i.resolved);

    scope.setPoints((expr) => this.pointsLookup(expr, items, categoryPoints, total, complete));
    const designation = this.designation(state, total, complete, eligibility);

    const metrics = sortedRecord(
      pack.metrics.map((metric) => {
        const lookup = scope.tracking(() => scope.metric(metric.id)).result;
        return [metric.id, shown(lookup.result, lookup.digits)] as const;
      }),
    );
    const references = sortedRecord(
      pack.references.map((reference) => {
        const lookup = scope.reference(reference.id);
        return [
          reference.id,
          lookup.status === 'value'
            ? { value: valueToJson(lookup.value), display: displayValue(lookup.value) }
            : { value: null, display: null },
        ] as const;
      }),
    );

    return {
      pack: { key: pack.key, version: pack.version, contentHash: compiled.hash },
      engine: ENGINE_VERSION,
      unit: { id: unitId, kind: state.kind ?? null },
      parameters: { ...this.parameters },
      eligibility,
      items: items.map((i) => i.result),
      categories,
      total: q.toNumber(total),
      max: pack.total,
      bonusMax: q.toNumber(q.sum(pack.categories.filter((c) => c.bonus).map((c) => c.max))),
      range: {
        min: q.toNumber(q.sum(categoryPoints.map((c) => c.min))),
        max: q.toNumber(q.sum(categoryPoints.map((c) => c.max))),
      },
      complete,
      designation,
      metrics,
      references,
      issues: [...issues],
    };
  }

  private missingText(names: readonly string[]): Text {
    const labels = names.map((name) => missingLabel(this.compiled, name));
    return {
      zh: `缺少数据：${labels.map((l) => l.zh).join('、')}`,
      en: `missing: ${labels.map((l) => l.en).join(', ')}`,
    };
  }

  private eligibility(state: UnitState): EligibilityResult {
    const checks = this.compiled.pack.eligibility.map((gate) => {
      const result = state.scope.tracking(() => state.scope.evaluate(gate.when)).result;
      if (result.status === 'value') {
        const passed = result.value.type === 'boolean' && result.value.value;
        return {
          id: gate.id,
          title: gate.title,
          passed,
          explanation: conditionSentence(gate.when, result, gate.title, this.compiled.labels),
          missing: [],
        };
      }
      const missing = result.status === 'missing' ? [...result.missing] : [];
      const explanation =
        result.status === 'missing'
          ? this.missingText(missing)
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

  private item(state: UnitState, item: Item) {
    const compiled = this.compiled;
    const base = {
      id: item.id,
      category: item.category,
      title: item.title,
      max: item.max,
      min: item.min,
    };
    const itemBounds = this.itemBounds(item);
    const unscored = (status: ItemStatus, explanation: Text, extra: Partial<ItemResult> = {}) => {
      const resolved = status === 'not-applicable' || status === 'disabled';
      const result: ItemResult = {
        ...base,
        status,
        points: null,
        inputs: {},
        metrics: {},
        missing: [],
        awaiting: [],
        explanation,
        ...extra,
      };
      return {
        result,
        points: null,
        resolved,
        range: resolved ? { min: q.ZERO, max: q.ZERO } : itemBounds,
      };
    };
    if (item.disabled) {
      return unscored('disabled', { zh: '本项已停用', en: 'this item is disabled' });
    }
    if (item.appliesTo && state.kind && !item.appliesTo.includes(state.kind)) {
      const kind = unitKindLabels[state.kind];
      return unscored('not-applicable', {
        zh: `本项不适用于${kind.zh}`,
        en: `this item does not apply to a ${kind.en}`,
      });
    }
    if (item.appliesTo && !state.kind) {
      return unscored('missing-inputs', this.missingText(['unit-kind']), {
        missing: ['unit-kind'],
      });
    }
    const ctx: RuleContext = {
      itemId: item.id,
      labels: compiled.labels,
      value: (expr) => state.scope.evaluate(expr),
      evaluate: (rule) => evaluateRule(rule, ctx),
      bounds: (rule) => ruleBounds(rule),
      assessment: (key) => state.unit.assessments?.[key],
      peers: (expr, scope) => this.peers(state, expr, scope),
      issue: (message) => state.issues.push({ field: item.id, message }),
    };
    const { result: outcome, reads } = state.scope.tracking(() => evaluateRule(item.rule, ctx));
    const used = this.usedValues(state, reads);
    return this.finishItem(item, outcome, used, unscored);
  }

  private finishItem(
    item: Item,
    outcome: RuleOutcome,
    used: Pick<ItemResult, 'inputs' | 'metrics'>,
    unscored: (
      status: ItemStatus,
      explanation: Text,
      extra?: Partial<ItemResult>,
    ) => {
      result: ItemResult;
      points: null;
      resolved: boolean;
      range: { min: q.Rational; max: q.Rational };
    },
  ) {
    switch (outcome.status) {
      case 'not-applicable':
        return unscored('not-applicable', outcome.reason, used);
      case 'missing': {
        const text = this.missingText(outcome.missing);
        const explanation =
          outcome.awaiting.length > 0
            ? {
                zh: `${text.zh}；待评估：${outcome.awaiting.join('、')}`,
                en: `${text.en}; awaiting assessment: ${outcome.awaiting.join(', ')}`,
              }
            : text;
        return unscored('missing-inputs', explanation, {
          ...used,
          missing: [...outcome.missing],
          awaiting: [...outcome.awaiting],
        });
      }
      case 'awaiting-assessment':
        return unscored(
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
        const clamped = q.clamp(outcome.points, item.min, item.max);
        const points = q.round(clamped, 2);
        let explanation = outcome.explanation;
        if (!q.eq(clamped, outcome.points)) {
          const limit = formatPoints(clamped);
          explanation = {
            zh: `${explanation.zh}；按本项分值范围计${limit}分`,
            en: `${explanation.en}; limited to the item's range: ${limit}`,
          };
        }
        const result: ItemResult = {
          id: item.id,
          category: item.category,
          title: item.title,
          status: 'scored',
          points: q.toNumber(points),
          max: item.max,
          min: item.min,
          ...used,
          missing: [],
          awaiting: [],
          explanation,
        };
        return { result, points, resolved: true, range: { min: points, max: points } };
      }
    }
  }

  /** The range an unscored item can still take: its rule's bounds within its own. */
  private itemBounds(item: Item): { min: q.Rational; max: q.Rational } {
    const known = itemRanges.get(item);
    if (known) return known;
    const b = ruleBounds(item.rule);
    const range = {
      min: q.round(q.clamp(b.min, item.min, item.max), 2),
      max: q.round(q.clamp(b.max, item.min, item.max), 2),
    };
    itemRanges.set(item, range);
    return range;
  }

  private usedValues(state: UnitState, reads: Reads): Pick<ItemResult, 'inputs' | 'metrics'> {
    const inputs = sortedRecord(
      [...reads.inputs].flatMap((id) => {
        const value = state.inputs.get(id);
        return value === undefined ? [] : [[id, value as ItemResult['inputs'][string]] as const];
      }),
    );
    const metrics = sortedRecord(
      [...reads.metrics].map((id) => {
        const lookup = state.scope.metric(id);
        return [id, shown(lookup.result, lookup.digits)] as const;
      }),
    );
    return { inputs, metrics };
  }

  private checkAssessmentKeys(state: UnitState): void {
    const keys = assessmentKeys(this.compiled.pack);
    for (const key of Object.keys(state.unit.assessments ?? {}).sort()) {
      if (!keys.has(key)) {
        state.issues.push({
          field: key,
          message: {
            zh: `评估 ${key}：本标准没有对应的酌情评分项`,
            en: `assessment ${key}: no assessed rule has this key`,
          },
        });
      }
    }
  }

  private pointsLookup(
    expr: ExpressionOf<'total' | 'item-points' | 'category-points'>,
    items: readonly { result: ItemResult; points: q.Rational | null; resolved: boolean }[],
    categories: readonly { id: string; points: q.Rational }[],
    total: q.Rational,
    complete: boolean,
  ): Lookup {
    const number = (value: q.Rational): Lookup => ({
      status: 'value',
      value: { type: 'number', value, format: 'number' },
    });
    if (expr.op === 'total') {
      return complete ? number(total) : { status: 'missing', missing: ['items'] };
    }
    if (expr.op === 'item-points') {
      const item = items.find((i) => i.result.id === expr.id);
      if (!item?.resolved) return { status: 'missing', missing: [`item:${expr.id}`] };
      return number(item.points ?? q.ZERO);
    }
    const own = items.filter((i) => i.result.category === expr.id);
    if (!own.every((i) => i.resolved))
      return { status: 'missing', missing: [`category:${expr.id}`] };
    return number(categories.find((c) => c.id === expr.id)?.points ?? q.ZERO);
  }

  private designation(
    state: UnitState,
    total: q.Rational,
    complete: boolean,
    eligibility: EligibilityResult,
  ): DesignationResult | null {
    const designation = this.compiled.pack.designation;
    if (!designation) return null;
    const scope = state.scope;
    const totalShown = formatPoints(total);
    const passMarkResult = scope.tracking(() => scope.evaluate(designation.passMark)).result;
    const passMark =
      passMarkResult.status === 'value' && passMarkResult.value.type === 'number'
        ? passMarkResult.value.value
        : null;
    const requirements = designation.requirements.map((requirement) => {
      const result = scope.tracking(() => scope.evaluate(requirement.when)).result;
      const met =
        result.status === 'value' && result.value.type === 'boolean' ? result.value.value : null;
      return { id: requirement.id, title: requirement.title, met };
    });
    const decide = (met: boolean | null, reason: Text): DesignationResult => ({
      title: designation.title,
      met,
      passMark: passMark === null ? null : q.toNumber(passMark),
      total: q.toNumber(total),
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
    const markShown = formatPoints(passMark);
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
    if (q.lt(total, passMark)) {
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

/** engine.ts's scoreCycle, interpreted. */
export function referenceScoreCycle(
  pack: Pack,
  parameters: Readonly<Record<string, unknown>> | undefined,
  units: readonly CycleUnit[],
  options: CycleOptions = {},
): CycleScore {
  const compiled = compilePack(pack);
  const resolved = resolveParameters(pack, parameters);
  const run = new CycleRun(compiled, resolved, units, true, options.references ?? {});
  return {
    pack: { key: pack.key, version: pack.version, contentHash: compiled.hash },
    engine: ENGINE_VERSION,
    parameters: { ...resolved },
    units: run.states.map((state) => run.scorecard(state, state.unit.id)),
  };
}

/** engine.ts's score, interpreted. */
export function referenceScore(
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
  const units = [self, ...(options.peers ?? [])];
  const run = new CycleRun(compiled, resolved, units, options.peers !== undefined, {});
  const state = run.states.find((s) => s.unit === self) as UnitState;
  return run.scorecard(state, options.unitId ?? null);
}
