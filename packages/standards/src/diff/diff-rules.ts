import { canonicalJson } from '../canonical-json.ts';
import type { Expression } from '../expression.ts';
import { describeExpression, type LabelLookup } from '../expression-describe.ts';
import * as q from '../rational.ts';
import { describeRule, type Rule } from '../rules/rule.ts';
import { formatPoints } from '../rules/rule-context.ts';
import type { Text } from '../text.ts';

// What changed inside an item's rule, field by field, in words: "第1档阈值：90% → 92%".
// Rules of the same kind are compared field by field (nested rules recursively); a rule
// whose kind changed is one change, described whole.

export type ChangeKind =
  | 'threshold'
  | 'points'
  | 'rule-kind'
  | 'condition'
  | 'value'
  | 'structure'
  | 'rule'
  | 'max'
  | 'min'
  | 'applicability'
  | 'title'
  | 'category'
  | 'disabled'
  | 'tailoring'
  | 'source'
  | 'notes'
  | 'declaration';

export interface FieldChange {
  readonly path: string;
  readonly kind: ChangeKind;
  readonly from: Text;
  readonly to: Text;
  /** "第1档阈值：90% → 92%" / "band 1 threshold: 90% → 92%". */
  readonly message: Text;
}

export interface DiffLabels {
  readonly from: LabelLookup;
  readonly to: LabelLookup;
}

const EXPRESSION_FIELDS: Readonly<Record<string, ChangeKind>> = {
  threshold: 'threshold',
  atLeast: 'threshold',
  step: 'threshold',
  target: 'threshold',
  when: 'condition',
  value: 'value',
  amount: 'value',
  count: 'value',
};
const POINTS_FIELDS = new Set([
  'points',
  'otherwise',
  'base',
  'cap',
  'floor',
  'max',
  'maxTotal',
  'min',
]);
const ENTRY_LISTS = new Set(['bands', 'steps', 'deductions', 'positions', 'shares']);

const FIELD_NAMES: Readonly<Record<string, Text>> = {
  threshold: { zh: '阈值', en: 'threshold' },
  atLeast: { zh: '门槛', en: 'threshold' },
  step: { zh: '步长', en: 'step' },
  target: { zh: '目标', en: 'target' },
  when: { zh: '条件', en: 'condition' },
  value: { zh: '考核值', en: 'measured value' },
  amount: { zh: '扣分依据', en: 'deducted for' },
  count: { zh: '计次依据', en: 'counted' },
  points: { zh: '分值', en: 'points' },
  otherwise: { zh: '否则得分', en: 'otherwise' },
  base: { zh: '基础分', en: 'base' },
  cap: { zh: '封顶', en: 'cap' },
  floor: { zh: '最低分', en: 'floor' },
  max: { zh: '上限', en: 'cap' },
  maxTotal: { zh: '扣分总上限', en: 'total deduction cap' },
  min: { zh: '最低分', en: 'minimum' },
  operator: { zh: '比较方式', en: 'comparison' },
  top: { zh: '名次', en: 'rank' },
  rounding: { zh: '计步方式', en: 'step rounding' },
  label: { zh: '标签', en: 'label' },
  onZeroTarget: { zh: '目标为0时', en: 'zero target' },
  order: { zh: '排序方向', en: 'order' },
  peers: { zh: '比较范围', en: 'peers' },
  stages: { zh: '评估阶段', en: 'stages' },
  guidance: { zh: '评估依据', en: 'guidance' },
  key: { zh: '评估键', en: 'assessment key' },
  failNote: { zh: '不满足说明', en: 'failure note' },
  unit: { zh: '计量单位', en: 'unit' },
  by: { zh: '赋分方式', en: 'award' },
  award: { zh: '名次赋分', en: 'award' },
};

/** "第1档" / "band 1" for a path segment, or the field's name. */
function segmentName(segment: string): Text {
  const entry = /^(\w+)\[(\d+)\]$/.exec(segment);
  if (entry) {
    const n = Number(entry[2]) + 1;
    switch (entry[1]) {
      case 'bands':
        return { zh: `第${n}档`, en: `band ${n}` };
      case 'steps':
        return { zh: `第${n}级`, en: `step ${n}` };
      case 'deductions':
        return { zh: `第${n}项扣分`, en: `deduction ${n}` };
      case 'parts':
        return { zh: `第${n}部分`, en: `part ${n}` };
      case 'positions':
      case 'shares':
        return { zh: `第${n}名次档`, en: `rank band ${n}` };
    }
  }
  if (segment === 'rule') return { zh: '内层规则', en: 'inner rule' };
  return FIELD_NAMES[segment] ?? { zh: segment, en: segment };
}

/** The words for a path inside a rule: ".base.bands[0].threshold" → "基础第1档阈值". */
export function describeRulePath(relative: string): Text {
  const segments = relative.split('.').filter((s) => s !== '');
  if (segments.length === 0) return { zh: '评分规则', en: 'rule' };
  const names = segments.map(segmentName);
  return { zh: names.map((n) => n.zh).join(''), en: names.map((n) => n.en).join(' ') };
}

function isExpression(x: unknown): x is Expression {
  return typeof x === 'object' && x !== null && 'op' in x;
}

export function shownValue(x: unknown, labels: LabelLookup): Text {
  if (x === undefined) return { zh: '（无）', en: '(none)' };
  if (typeof x === 'number') {
    const shown = formatPoints(q.fromNumber(x));
    return { zh: shown, en: shown };
  }
  if (isExpression(x)) return describeExpression(x, labels);
  if (typeof x === 'object' && x !== null && 'zh' in x && 'en' in x) return x as Text;
  if (typeof x === 'object' && x !== null && 'kind' in x) return describeRule(x as Rule, labels);
  const text = typeof x === 'string' ? x : canonicalJson(x);
  return { zh: text, en: text };
}

export function change(
  path: string,
  kind: ChangeKind,
  name: Text,
  from: Text,
  to: Text,
): FieldChange {
  return {
    path,
    kind,
    from,
    to,
    message: { zh: `${name.zh}：${from.zh} → ${to.zh}`, en: `${name.en}: ${from.en} → ${to.en}` },
  };
}

function fieldKind(field: string): ChangeKind {
  if (field in EXPRESSION_FIELDS) return EXPRESSION_FIELDS[field] as ChangeKind;
  if (POINTS_FIELDS.has(field) || field === 'top') return 'points';
  if (field === 'operator') return 'threshold';
  return 'rule';
}

type Walked = Record<string, unknown>;

function diffObjects(
  a: Walked,
  b: Walked,
  path: string,
  root: string,
  labels: DiffLabels,
  out: FieldChange[],
): void {
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (canonicalJson(x ?? null) === canonicalJson(y ?? null)) continue;
    const at = `${path}.${key}`;
    const relative = at.slice(root.length);
    if ((key === 'parts' || ENTRY_LISTS.has(key)) && Array.isArray(x) && Array.isArray(y)) {
      const shared = Math.min(x.length, y.length);
      for (let i = 0; i < shared; i++) {
        const ex = x[i];
        const ey = y[i];
        if (key === 'parts') diffRuleInto(ex as Rule, ey as Rule, `${at}[${i}]`, root, labels, out);
        else diffObjects(ex as Walked, ey as Walked, `${at}[${i}]`, root, labels, out);
      }
      if (x.length !== y.length) {
        const name = describeRulePath(relative);
        const count = (n: number): Text => ({ zh: `${n}个`, en: String(n) });
        out.push(
          change(
            at,
            'structure',
            { zh: `${name.zh}数`, en: `number of ${name.en}` },
            count(x.length),
            count(y.length),
          ),
        );
        for (let i = shared; i < x.length; i++) {
          out.push(
            change(
              `${at}[${i}]`,
              'structure',
              describeRulePath(`${relative}[${i}]`),
              shownEntry(x[i], labels.from),
              { zh: '（删除）', en: '(removed)' },
            ),
          );
        }
        for (let i = shared; i < y.length; i++) {
          out.push(
            change(
              `${at}[${i}]`,
              'structure',
              describeRulePath(`${relative}[${i}]`),
              { zh: '（无）', en: '(none)' },
              shownEntry(y[i], labels.to),
            ),
          );
        }
      }
      continue;
    }
    if ((key === 'base' || key === 'rule') && isRule(x) && isRule(y)) {
      diffRuleInto(x, y, at, root, labels, out);
      continue;
    }
    if (key === 'award' && isObject(x) && isObject(y) && x.by === y.by) {
      diffObjects(x, y, at, root, labels, out);
      continue;
    }
    out.push(
      change(
        at,
        fieldKind(key),
        describeRulePath(relative),
        shownValue(x, labels.from),
        shownValue(y, labels.to),
      ),
    );
  }
}

function isObject(x: unknown): x is Walked {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isRule(x: unknown): x is Rule {
  return isObject(x) && typeof x.kind === 'string';
}

/** A band, step or deduction in words. */
function shownEntry(entry: unknown, labels: LabelLookup): Text {
  if (!isObject(entry)) return shownValue(entry, labels);
  if (isRule(entry)) return describeRule(entry, labels);
  const points = typeof entry.points === 'number' ? formatPoints(q.fromNumber(entry.points)) : '';
  if ('threshold' in entry && isExpression(entry.threshold)) {
    const t = describeExpression(entry.threshold, labels);
    const op = String(entry.operator ?? '');
    const symbol = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' }[op] ?? op;
    return { zh: `${symbol}${t.zh}得${points}分`, en: `${symbol}${t.en}: ${points}` };
  }
  if ('atLeast' in entry && isExpression(entry.atLeast)) {
    const t = describeExpression(entry.atLeast, labels);
    return { zh: `${t.zh}以上得${points}分`, en: `≥${t.en}: ${points}` };
  }
  if ('label' in entry && isObject(entry.label)) {
    const label = entry.label as Text;
    return { zh: `${label.zh}扣${points}分`, en: `${label.en}: −${points}` };
  }
  const text = canonicalJson(entry);
  return { zh: text, en: text };
}

function diffRuleInto(
  a: Rule,
  b: Rule,
  path: string,
  root: string,
  labels: DiffLabels,
  out: FieldChange[],
): void {
  if (a.kind !== b.kind) {
    out.push(
      change(
        path,
        'rule-kind',
        describeRulePath(path.slice(root.length)),
        describeRule(a, labels.from),
        describeRule(b, labels.to),
      ),
    );
    return;
  }
  diffObjects(a as unknown as Walked, b as unknown as Walked, path, root, labels, out);
}

/** The changes from rule `a` to rule `b`, with paths under `path`. */
export function diffRules(a: Rule, b: Rule, path: string, labels: DiffLabels): FieldChange[] {
  const out: FieldChange[] = [];
  diffRuleInto(a, b, path, path, labels, out);
  return out;
}
