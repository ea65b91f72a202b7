import { canonicalJson } from '../canonical-json.ts';
import { contentHash } from '../content-hash.ts';
import type { LabelLookup } from '../expression-describe.ts';
import { packLabels } from '../pack-labels.ts';
import type { Item, Pack } from '../pack-schema.ts';
import type { Text } from '../text.ts';
import { unitKindLabels } from '../unit-kind.ts';
import {
  type ChangeKind,
  change,
  type DiffLabels,
  diffRules,
  type FieldChange,
  shownValue,
} from './diff-rules.ts';

// The difference between two versions of a standard (or a tailored version and its parent):
// items added, removed and changed — max, min, thresholds, points, rule kind, applicability,
// titles —, parameters, inputs, metrics and categories added, removed and changed; every change
// in zh and en. Items and declarations are matched by id.

export interface PackRef {
  readonly key: string;
  readonly version: string;
  readonly contentHash: string;
}

export interface Named {
  readonly id: string;
  readonly title: Text;
}

export interface ChangedEntry extends Named {
  readonly changes: FieldChange[];
}

export interface DeclarationsDiff {
  readonly added: Named[];
  readonly removed: Named[];
  readonly changed: ChangedEntry[];
}

export interface PackDiff {
  readonly from: PackRef;
  readonly to: PackRef;
  /** Same content hash: nothing at all differs. */
  readonly identical: boolean;
  /** Pack-level fields: titles, total, dates, unit kinds, designation, eligibility. */
  readonly pack: FieldChange[];
  readonly items: DeclarationsDiff;
  readonly categories: DeclarationsDiff;
  readonly parameters: DeclarationsDiff;
  readonly inputs: DeclarationsDiff;
  readonly metrics: DeclarationsDiff;
  readonly references: DeclarationsDiff;
  readonly summary: Text;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function ref(pack: Pack): PackRef {
  return { key: pack.key, version: pack.version, contentHash: contentHash(pack) };
}

function kinds(list: readonly string[] | undefined, all: readonly string[]): Text {
  const shown = (list ?? all).map(
    (k) => unitKindLabels[k as keyof typeof unitKindLabels] ?? { zh: k, en: k },
  );
  return {
    zh: list ? shown.map((s) => s.zh).join('、') : `全部（${shown.map((s) => s.zh).join('、')}）`,
    en: list ? shown.map((s) => s.en).join(', ') : `all (${shown.map((s) => s.en).join(', ')})`,
  };
}

const ITEM_FIELDS: readonly [keyof Item, ChangeKind, Text][] = [
  ['title', 'title', { zh: '标题', en: 'title' }],
  ['category', 'category', { zh: '类别', en: 'category' }],
  ['max', 'max', { zh: '满分', en: 'max' }],
  ['min', 'min', { zh: '最低分', en: 'min' }],
  ['disabled', 'disabled', { zh: '停用', en: 'disabled' }],
  ['mandatory', 'tailoring', { zh: '必选', en: 'mandatory' }],
  ['tightenOnly', 'tailoring', { zh: '只许收紧', en: 'tighten only' }],
  ['source', 'source', { zh: '出处', en: 'source' }],
  ['notes', 'notes', { zh: '说明', en: 'notes' }],
];

function itemChanges(a: Item, b: Item, from: Pack, to: Pack, labels: DiffLabels): FieldChange[] {
  const path = `items[${a.id}]`;
  const out: FieldChange[] = [];
  for (const [field, kind, name] of ITEM_FIELDS) {
    const x = a[field];
    const y = b[field];
    if (same(x, y)) continue;
    const show = (v: unknown, l: LabelLookup): Text => {
      if (field === 'source' && v && typeof v === 'object' && 'quote' in v) {
        const quote = String((v as { quote: string }).quote);
        return { zh: `“${quote}”`, en: `"${quote}"` };
      }
      if (field === 'notes' && Array.isArray(v)) {
        return { zh: `${v.length}条`, en: `${v.length}` };
      }
      if (typeof v === 'boolean') return v ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
      return shownValue(v, l);
    };
    out.push(change(`${path}.${field}`, kind, name, show(x, labels.from), show(y, labels.to)));
  }
  if (!same(a.appliesTo, b.appliesTo)) {
    out.push(
      change(
        `${path}.appliesTo`,
        'applicability',
        { zh: '适用单位', en: 'applies to' },
        kinds(a.appliesTo, from.unitKinds),
        kinds(b.appliesTo, to.unitKinds),
      ),
    );
  }
  out.push(...diffRules(a.rule, b.rule, `${path}.rule`, labels));
  return out;
}

const DECLARATION_FIELDS: Readonly<Record<string, Text>> = {
  default: { zh: '默认值', en: 'default' },
  label: { zh: '名称', en: 'label' },
  title: { zh: '标题', en: 'title' },
  kind: { zh: '类型', en: 'kind' },
  min: { zh: '下限', en: 'min' },
  max: { zh: '上限', en: 'max' },
  required: { zh: '必填', en: 'required' },
  options: { zh: '可选值', en: 'options' },
  expression: { zh: '计算式', en: 'expression' },
  appliesTo: { zh: '适用单位', en: 'applies to' },
  unit: { zh: '计量单位', en: 'unit' },
  bonus: { zh: '加分项', en: 'bonus' },
  source: { zh: '出处', en: 'source' },
  format: { zh: '显示格式', en: 'format' },
  digits: { zh: '小数位', en: 'digits' },
  description: { zh: '说明', en: 'description' },
  help: { zh: '填报说明', en: 'help' },
  aggregate: { zh: '汇总方式', en: 'roll-up' },
};

function declarations<T extends { id: string }>(
  list: string,
  a: readonly T[],
  b: readonly T[],
  title: (x: T) => Text,
  labels: DiffLabels,
): DeclarationsDiff {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  const changed: ChangedEntry[] = [];
  for (const x of a) {
    const y = after.get(x.id);
    if (!y || same(x, y)) continue;
    const fields = [...Object.keys(x), ...Object.keys(y).filter((k) => !(k in x))];
    const changes = fields
      .filter((f) => !same((x as Record<string, unknown>)[f], (y as Record<string, unknown>)[f]))
      .map((f) =>
        change(
          `${list}[${x.id}].${f}`,
          'declaration',
          DECLARATION_FIELDS[f] ?? { zh: f, en: f },
          shownValue((x as Record<string, unknown>)[f], labels.from),
          shownValue((y as Record<string, unknown>)[f], labels.to),
        ),
      );
    changed.push({ id: x.id, title: title(y), changes });
  }
  return {
    added: b.filter((y) => !before.has(y.id)).map((y) => ({ id: y.id, title: title(y) })),
    removed: a.filter((x) => !after.has(x.id)).map((x) => ({ id: x.id, title: title(x) })),
    changed,
  };
}

const PACK_FIELDS: readonly [keyof Pack, Text][] = [
  ['title', { zh: '标题', en: 'title' }],
  ['issuer', { zh: '发布单位', en: 'issuer' }],
  ['total', { zh: '总分', en: 'total' }],
  ['effectiveFrom', { zh: '生效日期', en: 'effective from' }],
  ['effectiveTo', { zh: '失效日期', en: 'effective to' }],
  ['unitKinds', { zh: '适用单位', en: 'unit kinds' }],
  ['derivedFrom', { zh: '派生自', en: 'derived from' }],
  ['eligibility', { zh: '申报条件', en: 'eligibility' }],
  ['designation', { zh: '认定条件', en: 'designation' }],
  ['constraints', { zh: '数据校验', en: 'constraints' }],
];

export function diffPacks(from: Pack, to: Pack): PackDiff {
  const labels: DiffLabels = { from: packLabels(from), to: packLabels(to) };
  const pack: FieldChange[] = [];
  for (const [field, name] of PACK_FIELDS) {
    const x = from[field];
    const y = to[field];
    if (same(x, y)) continue;
    const show = (v: unknown, l: LabelLookup): Text => {
      if (field === 'unitKinds' && Array.isArray(v)) return kinds(v as string[], []);
      if (field === 'derivedFrom' && v && typeof v === 'object') {
        const d = v as { key: string; version: string };
        return { zh: `${d.key}@${d.version}`, en: `${d.key}@${d.version}` };
      }
      if (field === 'designation' && v && typeof v === 'object' && 'passMark' in v) {
        const passMark = shownValue((v as { passMark: unknown }).passMark, l);
        return { zh: `达标分数线 ${passMark.zh}`, en: `pass mark ${passMark.en}` };
      }
      if (Array.isArray(v)) return { zh: `${v.length}条`, en: `${v.length}` };
      return shownValue(v, l);
    };
    pack.push(change(field, 'declaration', name, show(x, labels.from), show(y, labels.to)));
  }
  const toItems = new Map(to.items.map((i) => [i.id, i]));
  const fromIds = new Set(from.items.map((i) => i.id));
  const changedItems: ChangedEntry[] = [];
  for (const a of from.items) {
    const b = toItems.get(a.id);
    if (!b || same(a, b)) continue;
    changedItems.push({ id: a.id, title: b.title, changes: itemChanges(a, b, from, to, labels) });
  }
  const items: DeclarationsDiff = {
    added: to.items.filter((i) => !fromIds.has(i.id)).map((i) => ({ id: i.id, title: i.title })),
    removed: from.items
      .filter((i) => !toItems.has(i.id))
      .map((i) => ({ id: i.id, title: i.title })),
    changed: changedItems,
  };
  const label = (x: { label: Text }) => x.label;
  const diff = {
    from: ref(from),
    to: ref(to),
    pack,
    items,
    categories: declarations('categories', from.categories, to.categories, (c) => c.title, labels),
    parameters: declarations('parameters', from.parameters, to.parameters, label, labels),
    inputs: declarations('inputs', from.inputs, to.inputs, label, labels),
    metrics: declarations('metrics', from.metrics, to.metrics, label, labels),
    references: declarations('references', from.references, to.references, label, labels),
  };
  const identical = diff.from.contentHash === diff.to.contentHash;
  return { ...diff, identical, summary: summarise(diff, identical) };
}

function summarise(diff: Omit<PackDiff, 'summary' | 'identical'>, identical: boolean): Text {
  if (identical) return { zh: '两个版本内容相同', en: 'the versions are identical' };
  const { added, removed, changed } = diff.items;
  const others = [diff.parameters, diff.inputs, diff.metrics, diff.categories, diff.references];
  const count = (f: (d: DeclarationsDiff) => number) => others.reduce((n, d) => n + f(d), 0);
  const declared = count((d) => d.added.length + d.removed.length + d.changed.length);
  return {
    zh: `指标项：新增${added.length}项，删除${removed.length}项，修改${changed.length}项；其他声明变动${declared}处；标准层面变动${diff.pack.length}处`,
    en: `items: ${added.length} added, ${removed.length} removed, ${changed.length} changed; ${declared} other declarations changed; ${diff.pack.length} pack-level changes`,
  };
}
