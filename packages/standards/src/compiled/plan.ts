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
import { compileRule, ruleBounds, walkRules } from '../rules/rule.ts';
import type { PeerScope } from '../rules/rule-context.ts';
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
  type CompiledValue,
  display,
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

/** An item compiled: either the same unscored result for every unit, or its rule. */
export interface CompiledItem {
  readonly item: Item;
  readonly index: number;
  /** Item min and max as exact numbers, and the range of its rule within them. */
  readonly min: x.Exact;
  readonly max: x.Exact;
  readonly bounds: { readonly min: x.Exact; readonly max: x.Exact };
  readonly rule: CompiledRule | null;
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
    const input = s.input;
    let value: CompiledValue;
    let shown: Text | undefined;
    switch (input.kind) {
      case 'count':
      case 'number':
        value = numberValue(x.fromNumber(given as number), input.kind);
        break;
      case 'percent':
        value = numberValue(x.div(x.fromNumber(given as number), HUNDRED), 'percent');
        break;
      case 'boolean':
        value = given ? TRUE : FALSE;
        break;
      case 'evidence': {
        value = TRUE;
        const count = Array.isArray(given) ? given.length : 1;
        shown = { zh: `已提供${count}份`, en: `${count} provided` };
        break;
      }
      case 'enum':
        value = { type: 'text', value: given as string };
        shown = input.options.find((o) => o.value === given)?.label;
        break;
      default:
        value = { type: 'text', value: given as string };
    }
    shown ??= display(value);
    return known(value, shown, labelled(s.label, shown));
  }

  evaluateMetric(index: number, frame: Frame): Result {
    let compiled = this.metricExpressions[index];
    const metric = this.pack.metrics[index] as Metric;
    if (compiled === undefined) {
      compiled = compileExpression(metric.expression, WANT_INLINE, this);
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

  private ruleContext(itemId: string): RuleCompileContext {
    const cx: RuleCompileContext = {
      itemId,
      labels: this.labels,
      expression: (expr: Expression, want: Want) => compileExpression(expr, want, this),
      rule: (rule) => compileRule(rule, cx),
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
        unscored: {
          status: 'missing-inputs',
          explanation: this.missingText(['unit-kind']),
          missing: ['unit-kind'],
        },
      };
    }
    return { ...base, rule: compileRule(item.rule, this.ruleContext(item.id)), unscored: null };
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

/** The plan for a pack (already checked), a resolved parameter set and a unit kind. */
export function planFor(
  compiled: CompiledPack,
  parameters: Readonly<Record<string, ParameterValue>>,
  kind: UnitKind | undefined,
): KindPlan {
  let perPack = plans.get(compiled.pack);
  if (!perPack) {
    perPack = new Map();
    plans.set(compiled.pack, perPack);
  }
  const key = `${kind ?? '*'}\u0000${JSON.stringify(parameters)}`;
  let plan = perPack.get(key);
  if (!plan) {
    if (perPack.size >= PLAN_LIMIT) perPack.clear();
    plan = new KindPlan(compiled, parameters, kind);
    perPack.set(key, plan);
  }
  return plan;
}
