import type { CompiledPack } from '../compiled-pack.ts';
import * as x from '../exact.ts';
import type { Expression } from '../expression.ts';
import { describeExpression } from '../expression-describe.ts';
import type { InputValue } from '../input-value.ts';
import type { Input, Item, Metric, Pack, Parameter } from '../pack-schema.ts';
import type { ParameterValue } from '../parameters.ts';
import {
  type CompiledPeerValues,
  type CompiledRule,
  conditionSentencer,
  type RuleCompileContext,
} from '../rules/compiled-rule.ts';
import { compileRule, type Rule, ruleBounds, walkRules } from '../rules/rule.ts';
import type { PeerScope } from '../rules/rule-context.ts';
import type { ItemResult, ShownValue } from '../scorecard.ts';
import type { Text } from '../text.ts';
import { type UnitKind, unitKindLabels } from '../unit-kind.ts';
import { missingLabel } from '../unit-scope.ts';
import {
  type CompiledExpression,
  compileExpression,
  type Evaluate,
  type ExpressionContext,
} from './expressions.ts';
import type { Frame, FramePlan } from './frame.ts';
import {
  ATOM,
  type CompiledValue,
  display,
  EMPTY,
  FALSE,
  type Known,
  known,
  labelled,
  numberValue,
  type Result,
  same,
  TRUE,
  type Unresolved,
  WANT_FACTS,
  WANT_INLINE,
  WANT_NOTHING,
  type Want,
} from './result.ts';
import {
  type DependencyLookup,
  dependencySlots,
  expressionSlots,
  inputsRead,
  memoizedRule,
} from './rule-memo.ts';
import { ValueTable } from './value-table.ts';

// A pack compiled for one parameter set and one unit kind: inputs by slot, metrics by index,
// every item's rule as a closure, eligibility and designation conditions. Built on first use
// and kept per pack object (packs are immutable), so a cycle — or a benchmark — pays for it once.

/** How an input is read for this kind: its label, and its results when absent or not applicable. */
interface Slot {
  readonly input: Input;
  readonly label: Text;
  readonly applies: boolean;
  readonly missing: Unresolved;
  readonly notApplicable: Unresolved;
}

/** An item's result for one unit, with what the category sums and the range need. */
export interface ScoredItem {
  readonly result: ItemResult;
  readonly points: x.Exact | null;
  readonly resolved: boolean;
  readonly range: { readonly min: x.Exact; readonly max: x.Exact };
}

/** The keys of a kept result's records, listed once. */
export interface KeptKeys {
  readonly inputKeys: readonly string[];
  readonly metricKeys: readonly string[];
}

/** An item compiled: either the same unscored result for every unit, or its rule. */
export interface CompiledItem {
  readonly item: Item;
  readonly index: number;
  /** Item min and max as exact numbers, and the range of its rule within them. */
  readonly min: x.Exact;
  readonly max: x.Exact;
  readonly bounds: { readonly min: x.Exact; readonly max: x.Exact };
  readonly rule: CompiledRule | null;
  /** Results by the values of the inputs the item depends on, when they are few (value-table.ts). */
  readonly table: ValueTable<ScoredItem & KeptKeys> | null;
  /** For items that do not score here (disabled, not for this kind, kind unknown). */
  readonly unscored: {
    readonly status: 'disabled' | 'not-applicable' | 'missing-inputs';
    readonly explanation: Text;
    readonly missing: readonly string[];
  } | null;
}

export interface CompiledCheck {
  readonly id: string;
  readonly title: Text;
  readonly when: CompiledExpression;
  readonly sentence: (result: Known) => Text;
}

export interface PlanHost {
  peers(frame: Frame, self: Evaluate, expr: Expression, scope: PeerScope): CompiledPeerValues;
}

const HUNDRED = x.int(100);

export class KindPlan implements FramePlan, ExpressionContext {
  readonly compiled: CompiledPack;
  readonly pack: Pack;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly kind: UnitKind | undefined;
  readonly labels: CompiledPack['labels'];
  readonly inputCount: number;
  readonly metricCount: number;
  readonly slots: readonly Slot[];
  /** Each input slot's position in id order, and each metric's (scorecard records are sorted). */
  readonly inputRank: readonly number[];
  readonly metricRank: readonly number[];
  /** Metric and reference indexes in id order. */
  readonly metricOrder: readonly number[];
  readonly referenceOrder: readonly number[];
  /** The keys assessments are entered under: each assessed rule's key, or its item id. */
  readonly assessmentKeys: ReadonlySet<string>;
  /** How each metric is shown, by the values of the inputs it depends on (when few). */
  readonly metricTables: readonly (ValueTable<ShownValue> | null)[];
  /** Each category's item indexes, and its maximum as an exact number. */
  readonly categoryItems: readonly (readonly number[])[];
  readonly categoryMax: readonly x.Exact[];
  readonly items: readonly CompiledItem[];
  readonly eligibility: readonly CompiledCheck[];
  readonly passMark: CompiledExpression | null;
  readonly requirements: readonly { id: string; title: Text; when: CompiledExpression }[];
  private readonly slotOf = new Map<string, number>();
  private readonly metricOf = new Map<string, number>();
  private readonly metricExpressions: (CompiledExpression | undefined)[];
  private readonly peerExpressions = new Map<Expression, CompiledExpression>();
  private readonly missingTexts = new Map<string, Text>();

  constructor(
    compiled: CompiledPack,
    parameters: Readonly<Record<string, ParameterValue>>,
    kind: UnitKind | undefined,
  ) {
    this.compiled = compiled;
    this.pack = compiled.pack;
    this.parameters = parameters;
    this.kind = kind;
    this.labels = compiled.labels;
    const pack = compiled.pack;
    this.inputCount = pack.inputs.length;
    this.metricCount = pack.metrics.length;
    this.slots = pack.inputs.map((input, slot) => {
      this.slotOf.set(input.id, slot);
      const applies = !input.appliesTo || !kind || input.appliesTo.includes(kind);
      const kindLabel = kind ? unitKindLabels[kind] : null;
      return {
        input,
        label: this.labels('input', input.id) ?? same(input.id),
        applies,
        missing: { status: 'missing', missing: [input.id] },
        notApplicable: {
          status: 'not-applicable',
          reason: kindLabel
            ? {
                zh: `${input.label.zh}不适用于${kindLabel.zh}`,
                en: `${input.label.en} does not apply to a ${kindLabel.en}`,
              }
            : { zh: '', en: '' },
        },
      };
    });
    pack.metrics.forEach((metric, index) => {
      this.metricOf.set(metric.id, index);
    });
    this.metricExpressions = new Array(this.metricCount);
    this.inputRank = ranks(pack.inputs);
    this.metricRank = ranks(pack.metrics);
    this.metricOrder = order(this.metricRank);
    this.referenceOrder = order(ranks(pack.references));
    this.assessmentKeys = new Set(
      pack.items.flatMap((item) =>
        walkRules(item.rule).flatMap((rule) =>
          rule.kind === 'assessed' ? [rule.key ?? item.id] : [],
        ),
      ),
    );
    this.items = pack.items.map((item, index) => this.compileItem(item, index));
    this.metricTables = pack.metrics.map((metric) => {
      const slots = expressionSlots([metric.expression], this.dependencies);
      return slots === null
        ? null
        : new ValueTable<ShownValue>(
            slots,
            slots.map((slot) => this.dependencies.yesNo(slot)),
          );
    });
    this.categoryItems = pack.categories.map((category) =>
      pack.items.flatMap((item, index) => (item.category === category.id ? [index] : [])),
    );
    this.categoryMax = pack.categories.map((category) => x.fromNumber(category.max));
    const checks = this.ruleContext('');
    this.eligibility = pack.eligibility.map((gate) => ({
      id: gate.id,
      title: gate.title,
      when: compileExpression(gate.when, WANT_FACTS, this),
      sentence: conditionSentencer(gate.when, gate.title, checks),
    }));
    const designation = pack.designation;
    this.passMark = designation
      ? compileExpression(designation.passMark, WANT_NOTHING, this)
      : null;
    this.requirements = (designation?.requirements ?? []).map((r) => ({
      id: r.id,
      title: r.title,
      when: compileExpression(r.when, WANT_NOTHING, this),
    }));
  }

  /** How the dependencies of rules and metrics are found (rule-memo.ts). */
  private readonly dependencies: DependencyLookup = {
    slotOf: (id) => this.inputSlot(id),
    metricOf: (id) => this.compiled.metrics.get(id),
    // A yes/no input holds a validated boolean or nothing.
    yesNo: (slot) => (this.slots[slot] as Slot).input.kind === 'boolean',
  };

  // ExpressionContext

  parameter(id: string): Parameter | undefined {
    return this.compiled.parameters.get(id);
  }

  inputSlot(id: string): number {
    const slot = this.slotOf.get(id);
    if (slot === undefined) throw new Error(`unknown input ${id}`);
    return slot;
  }

  metricIndex(id: string): number {
    const index = this.metricOf.get(id);
    if (index === undefined) throw new Error(`unknown metric ${id}`);
    return index;
  }

  // FramePlan

  inputResult(slot: number, given: InputValue | undefined): Result {
    const s = this.slots[slot] as Slot;
    if (!s.applies) return s.notApplicable;
    if (given === undefined) return s.missing;
    // Yes/no answers, options and small counts repeat across units: their results are built
    // once per plan (by their own code: see rule-memo.ts on V8 and objects that live long).
    const common = commonKey(s.input, given);
    if (common !== null) {
      let results = this.commonResults[slot];
      if (results === undefined) {
        results = new Map();
        this.commonResults[slot] = results;
      }
      let result = results.get(common);
      if (result === undefined) {
        result = keptKnown(this.readInput(s, given));
        results.set(common, result);
      }
      return result;
    }
    return this.readInput(s, given);
  }

  inputValueResult(slot: number, given: InputValue | undefined): Result {
    const s = this.slots[slot] as Slot;
    if (!s.applies) return s.notApplicable;
    if (given === undefined) return s.missing;
    const common = commonKey(s.input, given);
    if (common !== null) {
      let results = this.commonValues[slot];
      if (results === undefined) {
        results = new Map();
        this.commonValues[slot] = results;
      }
      let result = results.get(common);
      if (result === undefined) {
        result = keptValue(inputValue(s.input, given));
        results.set(common, result);
      }
      return result;
    }
    return known(inputValue(s.input, given), EMPTY, null);
  }

  private readonly commonValues: (Map<string | number | boolean, Known> | undefined)[] = [];

  private readInput(s: Slot, given: InputValue): Known {
    const input = s.input;
    const value = inputValue(input, given);
    let shown: Text | undefined;
    if (input.kind === 'evidence') {
      const count = Array.isArray(given) ? given.length : 1;
      shown = { zh: `已提供${count}份`, en: `${count} provided` };
    } else if (input.kind === 'enum') {
      shown = input.options.find((o) => o.value === given)?.label;
    }
    shown ??= display(value);
    return known(value, shown, labelled(s.label, shown));
  }

  private readonly commonResults: (Map<string | number | boolean, Known> | undefined)[] = [];

  evaluateMetric(index: number, frame: Frame): Result {
    let compiled = this.metricExpressions[index];
    const metric = this.pack.metrics[index] as Metric;
    if (compiled === undefined) {
      // A metric no sentence states, reading inputs only, goes without its formula (evaluating
      // it again for one would have no effect beyond the reads the metric already noted).
      const want = this.formulaDeferred(index) ? WANT_NOTHING : WANT_INLINE;
      compiled = compileExpression(metric.expression, want, this);
      this.metricExpressions[index] = compiled;
    }
    const result = compiled.evaluate(frame);
    if (result.status === 'value' && metric.format && result.value.type === 'number') {
      return known(
        numberValue(result.value.value, metric.format),
        result.inline,
        result.facts,
        result.precedence,
      );
    }
    return result;
  }

  metricStatementShown(index: number): void {
    this.statementsShown[index] = true;
  }

  /** Metrics whose statements are shown (compiled with their formula, evaluated once). */
  private readonly statementsShown: boolean[] = [];

  /** Whether a metric is evaluated without its formula (pure, and no sentence shows it). */
  private formulaDeferred(index: number): boolean {
    return this.statementsShown[index] !== true && this.metricPure(index);
  }

  metricFormula(index: number, frame: Frame): Text | null {
    if (!this.formulaDeferred(index)) return null;
    let compiled = this.metricFormulas[index];
    if (compiled === undefined) {
      compiled = compileExpression(
        (this.pack.metrics[index] as Metric).expression,
        WANT_INLINE,
        this,
      );
      this.metricFormulas[index] = compiled;
    }
    const result = compiled.evaluate(frame);
    return result.status === 'value' ? result.inline : null;
  }

  /** Whether a metric reads inputs only (no references, no points), through other metrics too. */
  private metricPure(index: number): boolean {
    let pure = this.pureMetrics[index];
    if (pure === undefined) {
      pure =
        inputsRead([(this.pack.metrics[index] as Metric).expression], this.dependencies) !== null;
      this.pureMetrics[index] = pure;
    }
    return pure;
  }

  private readonly metricFormulas: (CompiledExpression | undefined)[] = [];
  private readonly pureMetrics: (boolean | undefined)[] = [];

  metricId(index: number): string {
    return (this.pack.metrics[index] as Metric).id;
  }

  metricDeclaration(index: number): Metric {
    return this.pack.metrics[index] as Metric;
  }

  /** `expr` compiled for values only (peers' values, references over units), once per plan. */
  peerExpression(expr: Expression): CompiledExpression {
    let compiled = this.peerExpressions.get(expr);
    if (!compiled) {
      compiled = compileExpression(expr, WANT_NOTHING, this);
      this.peerExpressions.set(expr, compiled);
    }
    return compiled;
  }

  /** "缺少数据：…" for a list of missing names. */
  missingText(names: readonly string[]): Text {
    const key = names.join('\u0000');
    let text = this.missingTexts.get(key);
    if (!text) {
      const labels = names.map((name) => missingLabel(this.compiled, name));
      text = {
        zh: `缺少数据：${labels.map((l) => l.zh).join('、')}`,
        en: `missing: ${labels.map((l) => l.en).join(', ')}`,
      };
      if (this.missingTexts.size > 256) this.missingTexts.clear();
      this.missingTexts.set(key, text);
    }
    return text;
  }

  /**
   * A rule compiled, and kept per combination of the inputs it depends on where it can be (see
   * rule-memo.ts): the outermost such rule of an item is, the rules inside it need not be.
   */
  private compileRuleKept(
    rule: Rule,
    itemId: string,
    insideKept: boolean,
    keptByItem = false,
  ): CompiledRule {
    const slots = insideKept || keptByItem ? null : dependencySlots(rule, this.dependencies);
    // An item kept whole by its table still keeps its parts: on a miss they may repeat.
    const compiled = compileRule(rule, this.ruleContext(itemId, insideKept || slots !== null));
    return slots === null ? compiled : memoizedRule(compiled, slots, this.dependencies);
  }

  private ruleContext(itemId: string, insideKept = false): RuleCompileContext {
    const cx: RuleCompileContext = {
      itemId,
      labels: this.labels,
      expression: (expr: Expression, want: Want) => compileExpression(expr, want, this),
      rule: (rule) => this.compileRuleKept(rule, itemId, insideKept),
      describe: (expr) => describeExpression(expr, this.labels),
      peers: (expr: Expression, want: Want, scope: PeerScope) => {
        const self = compileExpression(expr, want, this).evaluate;
        return (frame: Frame) =>
          (frame.host as unknown as PlanHost).peers(frame, self, expr, scope);
      },
    };
    return cx;
  }

  private compileItem(item: Item, index: number): CompiledItem {
    const min = x.fromNumber(item.min);
    const max = x.fromNumber(item.max);
    const b = ruleBounds(item.rule);
    const bounds = {
      min: x.round(x.clamp(x.fromRational(b.min), min, max), 2),
      max: x.round(x.clamp(x.fromRational(b.max), min, max), 2),
    };
    const base = { item, index, min, max, bounds };
    const kind = this.kind;
    if (item.disabled) {
      return {
        ...base,
        rule: null,
        table: null,
        unscored: {
          status: 'disabled',
          explanation: { zh: '本项已停用', en: 'this item is disabled' },
          missing: [],
        },
      };
    }
    if (item.appliesTo && kind && !item.appliesTo.includes(kind)) {
      const label = unitKindLabels[kind];
      return {
        ...base,
        rule: null,
        table: null,
        unscored: {
          status: 'not-applicable',
          explanation: {
            zh: `本项不适用于${label.zh}`,
            en: `this item does not apply to a ${label.en}`,
          },
          missing: [],
        },
      };
    }
    if (item.appliesTo && !kind) {
      return {
        ...base,
        rule: null,
        table: null,
        unscored: {
          status: 'missing-inputs',
          explanation: this.missingText(['unit-kind']),
          missing: ['unit-kind'],
        },
      };
    }
    const slots = dependencySlots(item.rule, this.dependencies);
    return {
      ...base,
      rule: this.compileRuleKept(item.rule, item.id, false, slots !== null),
      table:
        slots === null
          ? null
          : new ValueTable<ScoredItem & KeptKeys>(
              slots,
              slots.map((slot) => this.dependencies.yesNo(slot)),
            ),
      unscored: null,
    };
  }
}

/** Position of each entry when sorted by id (code units, as the scorecard's records are). */
function ranks(list: readonly { id: string }[]): number[] {
  const order = list.map((entry, index) => ({ id: entry.id, index }));
  order.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank = new Array<number>(list.length);
  order.forEach((entry, position) => {
    rank[entry.index] = position;
  });
  return rank;
}

/** A value whose result is worth sharing among units: a boolean, an option, a small count. */
function commonKey(input: Input, given: InputValue): string | number | boolean | null {
  switch (input.kind) {
    case 'boolean':
      return given as boolean;
    case 'enum':
      return given as string;
    case 'count':
      return (given as number) < 256 ? (given as number) : null;
    default:
      return null;
  }
}

/** An input's value as expressions see it (input-value.ts's inputToValue). */
function inputValue(input: Input, given: InputValue): CompiledValue {
  switch (input.kind) {
    case 'count':
    case 'number':
      return numberValue(x.fromNumber(given as number), input.kind);
    case 'percent':
      return numberValue(x.div(x.fromNumber(given as number), HUNDRED), 'percent');
    case 'boolean':
      return given ? TRUE : FALSE;
    case 'evidence':
      return TRUE;
    default:
      return { type: 'text', value: given as string };
  }
}

/** A value-only input result for the plan to keep (its own objects: see rule-memo.ts). */
function keptValue(value: CompiledValue): Known {
  const copy: CompiledValue =
    value.type === 'number'
      ? { type: 'number', value: value.value, format: value.format }
      : value.type === 'boolean'
        ? value
        : { type: 'text', value: value.value };
  return { status: 'value', value: copy, inline: EMPTY, facts: null, precedence: ATOM };
}

/** A copy of an input's result for the plan to keep (its own objects: see rule-memo.ts). */
function keptKnown(result: Known): Known {
  const v = result.value;
  const value: CompiledValue =
    v.type === 'number'
      ? { type: 'number', value: v.value, format: v.format }
      : v.type === 'boolean'
        ? v
        : { type: 'text', value: v.value };
  const facts = result.facts as Text;
  return {
    status: 'value',
    value,
    inline: { zh: result.inline.zh, en: result.inline.en },
    facts: { zh: facts.zh, en: facts.en },
    precedence: result.precedence,
  };
}

/** The indexes in rank order. */
function order(rank: readonly number[]): number[] {
  const out = new Array<number>(rank.length);
  rank.forEach((position, index) => {
    out[position] = index;
  });
  return out;
}

// Plans are kept per pack object, parameter set and unit kind.
const plans = new WeakMap<Pack, Map<string, KindPlan>>();
const PLAN_LIMIT = 64;

/** What tells parameter sets apart (resolved sets list their keys in the pack's order). */
export function parametersKey(parameters: Readonly<Record<string, ParameterValue>>): string {
  return JSON.stringify(parameters);
}

/** The plan for a pack (already checked), a resolved parameter set and a unit kind. */
export function planFor(
  compiled: CompiledPack,
  parameters: Readonly<Record<string, ParameterValue>>,
  kind: UnitKind | undefined,
  parameterKey: string = parametersKey(parameters),
): KindPlan {
  let perPack = plans.get(compiled.pack);
  if (!perPack) {
    perPack = new Map();
    plans.set(compiled.pack, perPack);
  }
  const key = `${kind ?? '*'}\u0000${parameterKey}`;
  let plan = perPack.get(key);
  if (!plan) {
    if (perPack.size >= PLAN_LIMIT) perPack.clear();
    plan = new KindPlan(compiled, parameters, kind);
    perPack.set(key, plan);
  }
  return plan;
}
