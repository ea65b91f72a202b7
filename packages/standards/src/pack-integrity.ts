import { type Expression, walkExpression } from './expression.ts';
import { type Pack, type PackInput, packSchema } from './pack-schema.ts';
import { type Rule, ruleExpressions, walkRules } from './rules/rule.ts';
import type { Text } from './text.ts';

// Integrity: what must hold for a pack to be scored at all — every name it reads is declared,
// expressions have the types their rules need, metrics do not depend on themselves. The
// engine refuses a pack with problems; the linter adds judgement (bounds, gaps, totals).

export interface PackProblem {
  /** Where: "items[一.3].rule.bands[0].threshold", "metrics[rate]". */
  readonly path: string;
  readonly message: Text;
}

/** A pack that cannot be used; `problems` says why. */
export class PackError extends Error {
  override name = 'PackError';
  readonly problems: readonly PackProblem[];
  constructor(problems: readonly PackProblem[]) {
    super(`invalid pack:\n${problems.map((p) => `  ${p.path}: ${p.message.en}`).join('\n')}`);
    this.problems = problems;
  }
}

type StaticType = 'number' | 'boolean' | 'text' | 'unknown';

/** Where an expression sits: only designation requirements may read points. */
type Site = 'designation' | 'other';

class Checker {
  readonly problems: PackProblem[] = [];
  private readonly inputs: Map<string, Pack['inputs'][number]>;
  private readonly params: Map<string, Pack['parameters'][number]>;
  private readonly references: Map<string, Pack['references'][number]>;
  private readonly metrics: Map<string, Pack['metrics'][number]>;
  private readonly metricTypes = new Map<string, StaticType>();
  private readonly metricsInProgress = new Set<string>();
  private readonly pack: Pack;

  constructor(pack: Pack) {
    this.pack = pack;
    this.inputs = this.index('inputs', pack.inputs);
    this.params = this.index('parameters', pack.parameters);
    this.references = this.index('references', pack.references);
    this.metrics = this.index('metrics', pack.metrics);
  }

  problem(path: string, zh: string, en: string): void {
    this.problems.push({ path, message: { zh, en } });
  }

  index<T extends { id: string }>(what: string, list: readonly T[]): Map<string, T> {
    const map = new Map<string, T>();
    for (const entry of list) {
      if (map.has(entry.id)) {
        this.problem(`${what}[${entry.id}]`, `重复的标识 ${entry.id}`, `duplicate id ${entry.id}`);
      }
      map.set(entry.id, entry);
    }
    return map;
  }

  expect(expr: Expression, want: StaticType | StaticType[], path: string, site: Site = 'other') {
    const got = this.typeOf(expr, path, site);
    const wanted = Array.isArray(want) ? want : [want];
    if (got !== 'unknown' && !wanted.includes(got)) {
      this.problem(
        path,
        `应为${wanted.join('或')}，实为${got}`,
        `expected ${wanted.join(' or ')}, got ${got}`,
      );
    }
  }

  metricType(id: string, path: string): StaticType {
    const known = this.metricTypes.get(id);
    if (known) return known;
    const metric = this.metrics.get(id);
    if (!metric) {
      this.problem(path, `未声明的指标 ${id}`, `unknown metric ${id}`);
      return 'unknown';
    }
    if (this.metricsInProgress.has(id)) {
      this.problem(`metrics[${id}]`, `指标 ${id} 依赖自身`, `metric ${id} depends on itself`);
      return 'unknown';
    }
    this.metricsInProgress.add(id);
    const type = this.typeOf(metric.expression, `metrics[${id}].expression`, 'other');
    this.metricsInProgress.delete(id);
    this.metricTypes.set(id, type);
    return type;
  }

  typeOf(expr: Expression, path: string, site: Site): StaticType {
    const numbers = (args: readonly Expression[]) => {
      for (const [i, arg] of args.entries()) this.expect(arg, 'number', `${path}[${i}]`, site);
      return 'number' as const;
    };
    switch (expr.op) {
      case 'number':
      case 'percent':
        if (!Number.isFinite(expr.value)) this.problem(path, '数值无效', 'not a finite number');
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'text':
        return 'text';
      case 'input':
      case 'provided': {
        const input = this.inputs.get(expr.id);
        if (!input) {
          this.problem(path, `未声明的输入项 ${expr.id}`, `unknown input ${expr.id}`);
          return 'unknown';
        }
        if (expr.op === 'provided') return 'boolean';
        if (input.kind === 'count' || input.kind === 'number' || input.kind === 'percent') {
          return 'number';
        }
        return input.kind === 'boolean' || input.kind === 'evidence' ? 'boolean' : 'text';
      }
      case 'param': {
        const param = this.params.get(expr.id);
        if (!param) {
          this.problem(path, `未声明的参数 ${expr.id}`, `unknown parameter ${expr.id}`);
          return 'unknown';
        }
        return param.kind === 'enum' ? 'text' : param.kind;
      }
      case 'reference':
        if (!this.references.has(expr.id)) {
          this.problem(path, `未声明的参照值 ${expr.id}`, `unknown reference ${expr.id}`);
          return 'unknown';
        }
        return 'number';
      case 'metric':
        return this.metricType(expr.id, path);
      case 'unit-kind':
        return 'text';
      case 'total':
      case 'item-points':
      case 'category-points':
        if (site !== 'designation') {
          this.problem(
            path,
            '只有认定条件可以引用得分',
            'only designation requirements may read points',
          );
        }
        if (expr.op === 'item-points' && !this.pack.items.some((i) => i.id === expr.id)) {
          this.problem(path, `未声明的指标项 ${expr.id}`, `unknown item ${expr.id}`);
        }
        if (expr.op === 'category-points' && !this.pack.categories.some((c) => c.id === expr.id)) {
          this.problem(path, `未声明的类别 ${expr.id}`, `unknown category ${expr.id}`);
        }
        return 'number';
      case 'add':
      case 'mul':
      case 'min':
      case 'max':
        return numbers(expr.args);
      case 'sub':
      case 'div':
        return numbers([expr.left, expr.right]);
      case 'ratio':
        return numbers([expr.numerator, expr.denominator]);
      case 'compare': {
        const left = this.typeOf(expr.left, `${path}.left`, site);
        const right = this.typeOf(expr.right, `${path}.right`, site);
        if (left !== 'unknown' && right !== 'unknown' && left !== right) {
          this.problem(
            path,
            `不能比较${left}与${right}`,
            `cannot compare a ${left} with a ${right}`,
          );
        }
        const ordering = !['=', '!='].includes(expr.operator);
        if (ordering && [left, right].some((t) => t !== 'number' && t !== 'unknown')) {
          this.problem(
            path,
            `${expr.operator} 只能比较数值`,
            `${expr.operator} compares numbers only`,
          );
        }
        return 'boolean';
      }
      case 'and':
      case 'or':
        for (const [i, arg] of expr.args.entries()) {
          this.expect(arg, 'boolean', `${path}.args[${i}]`, site);
        }
        return 'boolean';
      case 'not':
        this.expect(expr.arg, 'boolean', `${path}.arg`, site);
        return 'boolean';
      case 'if': {
        this.expect(expr.test, 'boolean', `${path}.test`, site);
        return this.same(
          [expr.ifTrue, expr.ifFalse],
          [`${path}.ifTrue`, `${path}.ifFalse`],
          path,
          site,
        );
      }
      case 'switch': {
        const on = this.typeOf(expr.on, `${path}.on`, site);
        if (on === 'number')
          this.problem(`${path}.on`, '不能按数值分支', 'cannot switch on a number');
        this.checkCases(expr, path);
        const branches = [
          ...expr.cases.map((c) => c.value),
          ...(expr.otherwise ? [expr.otherwise] : []),
        ];
        const paths = branches.map((_, i) => `${path}.cases[${i}]`);
        return this.same(branches, paths, path, site);
      }
    }
  }

  same(exprs: readonly Expression[], paths: readonly string[], path: string, site: Site) {
    const types = exprs.map((e, i) => this.typeOf(e, paths[i] ?? path, site));
    const known = [...new Set(types.filter((t) => t !== 'unknown'))];
    if (known.length > 1) {
      this.problem(
        path,
        `各分支类型不一致：${known.join('、')}`,
        `branches differ in type: ${known.join(', ')}`,
      );
    }
    return known[0] ?? 'unknown';
  }

  checkCases(expr: Extract<Expression, { op: 'switch' }>, path: string) {
    let allowed: readonly (string | boolean)[] | null = null;
    if (expr.on.op === 'unit-kind') allowed = this.pack.unitKinds;
    if (expr.on.op === 'param') {
      const param = this.params.get(expr.on.id);
      if (param?.kind === 'enum') allowed = param.options.map((o) => o.value);
      if (param?.kind === 'boolean') allowed = [true, false];
    }
    if (expr.on.op === 'input') {
      const input = this.inputs.get(expr.on.id);
      if (input?.kind === 'enum') allowed = input.options.map((o) => o.value);
      if (input?.kind === 'boolean') allowed = [true, false];
    }
    if (!allowed) return;
    for (const branch of expr.cases) {
      if (!allowed.includes(branch.is)) {
        this.problem(
          path,
          `分支值 ${String(branch.is)} 不在可选值中`,
          `case ${String(branch.is)} is not a possible value`,
        );
      }
    }
    const uncovered = allowed.filter((v) => !expr.cases.some((c) => c.is === v));
    if (uncovered.length > 0 && !expr.otherwise) {
      this.problem(
        path,
        `缺少分支：${uncovered.map(String).join('、')}`,
        `no case for ${uncovered.map(String).join(', ')} and no otherwise`,
      );
    }
  }

  rule(rule: Rule, path: string): void {
    const expressions = ruleExpressions(rule);
    switch (rule.kind) {
      case 'band':
        this.expect(rule.value, 'number', `${path}.value`);
        for (const [i, b] of rule.bands.entries()) {
          this.expect(b.threshold, 'number', `${path}.bands[${i}].threshold`);
        }
        break;
      case 'ladder':
        this.expect(rule.value, 'number', `${path}.value`);
        for (const [i, s] of rule.steps.entries()) {
          this.expect(s.atLeast, 'number', `${path}.steps[${i}].atLeast`);
        }
        break;
      case 'check':
      case 'gate':
        this.expect(rule.when, 'boolean', `${path}.when`);
        break;
      case 'deduct':
        rule.deductions.forEach((d, i) => {
          this.expect(d.amount, ['number', 'boolean'], `${path}.deductions[${i}].amount`);
          if (d.step) this.expect(d.step, 'number', `${path}.deductions[${i}].step`);
        });
        break;
      case 'each':
        this.expect(rule.count, ['number', 'boolean'], `${path}.count`);
        break;
      case 'proportional':
        this.expect(rule.value, 'number', `${path}.value`);
        this.expect(rule.target, 'number', `${path}.target`);
        break;
      case 'rank':
        this.expect(rule.value, 'number', `${path}.value`);
        break;
      default:
        if (expressions.length > 0) throw new Error(`integrity: unchecked ${rule.kind}`);
    }
    const children =
      rule.kind === 'sum' || rule.kind === 'best'
        ? rule.parts.map((part, i) => [part, `${path}.parts[${i}]`] as const)
        : rule.kind === 'deduct' && typeof rule.base !== 'number'
          ? [[rule.base, `${path}.base`] as const]
          : rule.kind === 'gate'
            ? [[rule.rule, `${path}.rule`] as const]
            : [];
    for (const [child, childPath] of children) this.rule(child, childPath);
  }

  /** Names (metrics expanded) an expression reads, to find computed references inside others. */
  readsComputedReference(expr: Expression, seen = new Set<string>()): string | null {
    for (const node of walkExpression(expr)) {
      if (node.op === 'reference' && this.references.get(node.id)?.source.from === 'units') {
        return node.id;
      }
      if (node.op === 'metric' && !seen.has(node.id)) {
        seen.add(node.id);
        const metric = this.metrics.get(node.id);
        const found = metric ? this.readsComputedReference(metric.expression, seen) : null;
        if (found) return found;
      }
    }
    return null;
  }

  /** Rollup declarations fit the values they roll up (see aggregateSchema). */
  aggregates(): void {
    const numeric = ['count', 'number', 'percent'];
    for (const input of this.pack.inputs) {
      const aggregate = input.aggregate;
      if (aggregate === undefined || aggregate === 'none') continue;
      const path = `inputs[${input.id}].aggregate`;
      const fits =
        typeof aggregate === 'object'
          ? numeric.includes(input.kind)
          : aggregate === 'all' || aggregate === 'any'
            ? input.kind === 'boolean'
            : aggregate === 'sum'
              ? input.kind === 'count' || input.kind === 'number'
              : aggregate !== 'recompute' && numeric.includes(input.kind);
      if (!fits) {
        this.problem(
          path,
          `${input.kind}类输入项不能按 ${JSON.stringify(aggregate)} 汇总`,
          `a ${input.kind} input cannot roll up by ${JSON.stringify(aggregate)}`,
        );
      }
      if (typeof aggregate === 'object') {
        const weight = this.inputs.get(aggregate.weightedMeanBy);
        if (!weight || (weight.kind !== 'count' && weight.kind !== 'number')) {
          this.problem(
            path,
            `权重 ${aggregate.weightedMeanBy} 应为数量或数值类输入项`,
            `the weight ${aggregate.weightedMeanBy} must be a count or number input`,
          );
        }
      }
    }
    for (const metric of this.pack.metrics) {
      const path = `metrics[${metric.id}].aggregate`;
      if (metric.aggregate === undefined || metric.aggregate === 'none') continue;
      if (metric.aggregate !== 'recompute') {
        this.problem(
          path,
          '指标只能按重新计算(recompute)汇总或不汇总(none)',
          'a metric rolls up by recompute or not at all (none)',
        );
        continue;
      }
      for (const node of walkExpression(metric.expression)) {
        const rolled =
          node.op === 'input' || node.op === 'provided'
            ? this.inputs.get(node.id)?.aggregate
            : node.op === 'metric'
              ? this.metrics.get(node.id)?.aggregate
              : node.op === 'reference' || node.op === 'unit-kind'
                ? 'none'
                : 'recompute';
        if (rolled === undefined || rolled === 'none') {
          const name = 'id' in node ? node.id : node.op;
          this.problem(
            path,
            `重新计算的指标不能读取不汇总的 ${name}`,
            `a recomputed metric cannot read ${name}, which does not roll up`,
          );
        }
      }
    }
  }

  run(): PackProblem[] {
    const pack = this.pack;
    const kinds = new Set(pack.unitKinds);
    const checkKinds = (list: readonly string[] | undefined, path: string) => {
      for (const kind of list ?? []) {
        if (!kinds.has(kind as never)) {
          this.problem(
            path,
            `单位类型 ${kind} 不在本标准适用范围内`,
            `unit kind ${kind} is not one of the pack's`,
          );
        }
      }
    };
    for (const param of pack.parameters) {
      const path = `parameters[${param.id}]`;
      if (param.kind === 'enum' && param.default !== undefined) {
        if (!param.options.some((o) => o.value === param.default)) {
          this.problem(path, '默认值不在可选值中', 'the default is not one of the options');
        }
      }
      if (param.kind === 'number' && param.default !== undefined) {
        if (
          (param.min !== undefined && param.default < param.min) ||
          (param.max !== undefined && param.default > param.max)
        ) {
          this.problem(path, '默认值超出范围', 'the default is out of bounds');
        }
      }
    }
    for (const input of pack.inputs) {
      const path = `inputs[${input.id}]`;
      checkKinds(input.appliesTo, `${path}.appliesTo`);
      if ('min' in input && 'max' in input && input.min !== undefined && input.max !== undefined) {
        if (input.min > input.max) this.problem(path, '下限大于上限', 'min is above max');
      }
      if (input.kind === 'enum' && input.default !== undefined) {
        if (!input.options.some((o) => o.value === input.default)) {
          this.problem(path, '默认值不在可选值中', 'the default is not one of the options');
        }
      }
    }
    for (const metric of pack.metrics) this.metricType(metric.id, `metrics[${metric.id}]`);
    for (const reference of pack.references) {
      if (reference.source.from !== 'units') continue;
      const path = `references[${reference.id}].source.of`;
      this.expect(reference.source.of, 'number', path);
      const inner = this.readsComputedReference(reference.source.of);
      if (inner) {
        this.problem(
          path,
          `计算参照值不能依赖计算参照值 ${inner}`,
          `a computed reference cannot read the computed reference ${inner}`,
        );
      }
    }
    this.aggregates();
    const stages = pack.reviewChain ? this.index('reviewChain', reviewStages(pack)) : null;
    const categories = this.index('categories', pack.categories);
    this.index('items', pack.items);
    const assessmentKeys = new Map<string, string>();
    for (const item of pack.items) {
      const path = `items[${item.id}]`;
      if (!categories.has(item.category)) {
        this.problem(path, `未声明的类别 ${item.category}`, `unknown category ${item.category}`);
      }
      if (!item.id.startsWith(`${item.category}.`)) {
        this.problem(
          path,
          `编号应以类别 ${item.category}. 开头`,
          `the id should start with its category "${item.category}."`,
        );
      }
      if (item.min > item.max) this.problem(path, '最低分高于满分', 'min is above max');
      checkKinds(item.appliesTo, `${path}.appliesTo`);
      this.rule(item.rule, `${path}.rule`);
      for (const rule of walkRules(item.rule)) {
        if (rule.kind !== 'assessed') continue;
        const key = rule.key ?? item.id;
        const owner = assessmentKeys.get(key);
        if (owner !== undefined) {
          this.problem(
            path,
            `评估键 ${key} 重复（另见 ${owner}）`,
            `assessment key ${key} is used twice (also in ${owner})`,
          );
        }
        assessmentKeys.set(key, item.id);
        for (const stage of stages ? rule.stages : []) {
          if (!stages?.has(stage)) {
            this.problem(
              `${path}.rule`,
              `评估阶段 ${stage} 不在本标准的评审流程中`,
              `assessment stage ${stage} is not in the pack's review chain`,
            );
          }
        }
      }
    }
    this.index('eligibility', pack.eligibility);
    for (const gate of pack.eligibility)
      this.expect(gate.when, 'boolean', `eligibility[${gate.id}].when`);
    this.index('constraints', pack.constraints);
    for (const c of pack.constraints) this.expect(c.when, 'boolean', `constraints[${c.id}].when`);
    if (pack.designation) {
      this.expect(pack.designation.passMark, 'number', 'designation.passMark', 'designation');
      this.index('designation.requirements', pack.designation.requirements);
      for (const r of pack.designation.requirements) {
        this.expect(r.when, 'boolean', `designation.requirements[${r.id}].when`, 'designation');
      }
    }
    if (pack.effectiveTo !== undefined && pack.effectiveTo < pack.effectiveFrom) {
      this.problem('effectiveTo', '失效日期早于生效日期', 'effectiveTo is before effectiveFrom');
    }
    return this.problems;
  }
}

function reviewStages(pack: Pack): { id: string }[] {
  return (pack.reviewChain ?? []).map((stage) => ({ id: stage.key }));
}

/** Everything that stops a (schema-valid) pack from being scored; empty when it can be. */
export function findPackProblems(pack: Pack): PackProblem[] {
  return new Checker(pack).run();
}

/**
 * Validates an authored pack: schema (defaults applied), then integrity. Throws a
 * {@link PackError} listing every problem.
 */
export function definePack(input: PackInput | unknown): Pack {
  const parsed = packSchema.safeParse(input);
  if (!parsed.success) {
    throw new PackError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(pack)',
        message: { zh: issue.message, en: issue.message },
      })),
    );
  }
  const problems = findPackProblems(parsed.data);
  if (problems.length > 0) throw new PackError(problems);
  return parsed.data;
}
