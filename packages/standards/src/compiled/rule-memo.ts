import type { Expression } from '../expression.ts';
import { walkExpression } from '../expression.ts';
import type { Metric } from '../pack-schema.ts';
import type { CompiledOutcome, CompiledRule } from '../rules/compiled-rule.ts';
import { childRules, type Rule, ruleExpressions } from '../rules/rule.ts';
import { type Frame, releaseReads } from './frame.ts';
import { tableFits, ValueTable } from './value-table.ts';

// A rule is a pure function of the input values it can read — given the plan's parameters and
// unit kind — unless it reads what is not an input: a reference (cycle data, and a bad one is
// reported as an issue), an assessment (checked and reported), its peers (rank) or points
// already scored. Units of a cycle answer the same few checks the same way, so a rule's outcome
// and what it read are kept per combination of those values, and replayed: the unit notes the
// same reads (its scorecard lists the same inputs and metrics) and gets the same outcome.

interface Kept {
  readonly outcome: CompiledOutcome;
  readonly inputs: readonly number[];
  readonly metrics: readonly number[];
}

/** How dependencies are looked up in a plan. */
export interface DependencyLookup {
  slotOf(id: string): number;
  metricOf(id: string): Metric | undefined;
  yesNo(slot: number): boolean;
}

/**
 * The input slots `exprs` can read (through metrics too), sorted; null when their values may
 * depend on anything else (a reference, points), or on too many inputs to be worth keeping.
 */
export function expressionSlots(
  exprs: readonly Expression[],
  lookup: DependencyLookup,
): number[] | null {
  const slots = inputsRead(exprs, lookup);
  if (slots === null) return null;
  const sorted = [...slots].sort((a, b) => a - b);
  return tableFits(sorted.map((slot) => lookup.yesNo(slot))) ? sorted : null;
}

/** The input slots `exprs` can read, through metrics too; null if they read anything else. */
export function inputsRead(
  exprs: readonly Expression[],
  lookup: Pick<DependencyLookup, 'slotOf' | 'metricOf'>,
): Set<number> | null {
  const slots = new Set<number>();
  const seenMetrics = new Set<string>();
  const readsOnlyInputs = (expr: Expression): boolean => {
    for (const node of walkExpression(expr)) {
      switch (node.op) {
        case 'input':
        case 'provided':
          slots.add(lookup.slotOf(node.id));
          break;
        case 'metric': {
          if (seenMetrics.has(node.id)) break;
          seenMetrics.add(node.id);
          const metric = lookup.metricOf(node.id);
          if (!metric || !readsOnlyInputs(metric.expression)) return false;
          break;
        }
        case 'reference':
        case 'total':
        case 'item-points':
        case 'category-points':
          return false;
        default:
          break;
      }
    }
    return true;
  };
  for (const expr of exprs) if (!readsOnlyInputs(expr)) return null;
  return slots;
}

/**
 * The input slots `rule` can read, as {@link expressionSlots}; null also for a rule that reads
 * an assessment or its peers.
 */
export function dependencySlots(rule: Rule, lookup: DependencyLookup): number[] | null {
  const exprs: Expression[] = [];
  const stack: Rule[] = [rule];
  while (stack.length > 0) {
    const r = stack.pop() as Rule;
    if (r.kind === 'assessed' || r.kind === 'rank') return null;
    exprs.push(...ruleExpressions(r));
    stack.push(...childRules(r));
  }
  return expressionSlots(exprs, lookup);
}

/**
 * A copy of an outcome for the table. V8 decides per allocation site whether new objects go
 * straight to the old generation, from how many of them survive; kept outcomes built by the
 * rules' own code would teach it that every outcome lives long, and every unit's outcomes would
 * then be allocated old and drag their young parts through each minor collection (measured:
 * a pack scored after gz.full-employment ran 1.7× slower). Copies are made here instead.
 */
function keep(outcome: CompiledOutcome): CompiledOutcome {
  switch (outcome.status) {
    case 'scored':
      return {
        status: 'scored',
        points: outcome.points,
        explanation: { zh: outcome.explanation.zh, en: outcome.explanation.en },
      };
    case 'missing':
      return { status: 'missing', missing: [...outcome.missing], awaiting: [...outcome.awaiting] };
    case 'awaiting-assessment':
      return { status: 'awaiting-assessment', awaiting: [...outcome.awaiting] };
    case 'not-applicable':
      return {
        status: 'not-applicable',
        reason: { zh: outcome.reason.zh, en: outcome.reason.en },
      };
  }
}

/** `compiled`, keeping its outcome per combination of the values at `slots`. */
export function memoizedRule(
  compiled: CompiledRule,
  slots: readonly number[],
  lookup: DependencyLookup,
): CompiledRule {
  const table = new ValueTable<Kept>(
    slots,
    slots.map((slot) => lookup.yesNo(slot)),
  );
  return (frame: Frame) => {
    if (!table.active) return compiled(frame);
    const known = table.get(frame.values);
    if (known !== undefined) {
      for (const slot of known.inputs) frame.noteInput(slot);
      for (const index of known.metrics) frame.noteMetric(index);
      return known.outcome;
    }
    const reads = frame.track();
    let outcome: CompiledOutcome;
    try {
      outcome = compiled(frame);
    } finally {
      frame.untrack(reads);
    }
    const entry: Kept = {
      outcome: keep(outcome),
      inputs: reads.inputs.slice(),
      metrics: reads.metrics.slice(),
    };
    releaseReads(reads);
    table.set(frame.values, entry);
    for (const slot of entry.inputs) frame.noteInput(slot);
    for (const index of entry.metrics) frame.noteMetric(index);
    return outcome;
  };
}
