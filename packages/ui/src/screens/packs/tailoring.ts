// Tailoring a pack version (docs/packs.md#tailoring): the numbers an item's rule lets a
// derived version change, addressed by JSON Pointer into the rule, the overrides built from
// edits, and lint findings placed beside the field they name. Pure (tailoring.test.ts).
import type { ItemOverride, LintFinding, PackOverrides } from '../../api/packs.ts';

/** Where a walk may go inside a rule, as docs/packs.md lists them. */
const THROUGH = new Set(['parts', 'base', 'rule', 'bands', 'steps', 'deductions', 'award']);
const THRESHOLDS = new Set(['threshold', 'atLeast', 'step', 'target']);
const POINTS = new Set([
  'points',
  'otherwise',
  'base',
  'cap',
  'floor',
  'max',
  'maxTotal',
  'min',
  'top',
]);

export interface TailorableNumber {
  /** JSON Pointer into the item's rule: "/base/bands/0/threshold". */
  pointer: string;
  role: 'threshold' | 'points';
  value: number;
  /** A threshold written as a percentage ({op: 'percent'}): shown with %. */
  percent: boolean;
}

function literal(v: unknown): { value: number; percent: boolean } | null {
  if (typeof v === 'number') return { value: v, percent: false };
  if (!v || typeof v !== 'object') return null;
  const e = v as { op?: unknown; value?: unknown };
  if ((e.op === 'number' || e.op === 'percent') && typeof e.value === 'number') {
    return { value: e.value, percent: e.op === 'percent' };
  }
  return null;
}

/** Every number the rule lets a tailored version set, in the rule's own order. */
export function tailorableNumbers(rule: unknown, at = ''): TailorableNumber[] {
  if (!rule || typeof rule !== 'object') return [];
  if (Array.isArray(rule)) return rule.flatMap((r, i) => tailorableNumbers(r, `${at}/${i}`));
  const found: TailorableNumber[] = [];
  const assessed = (rule as { kind?: unknown }).kind === 'assessed';
  for (const [key, value] of Object.entries(rule as Record<string, unknown>)) {
    const pointer = `${at}/${key}`;
    // An assessed rule's `step` is the judgement's granularity, not a threshold.
    if (assessed && key === 'step') continue;
    if (THRESHOLDS.has(key)) {
      const lit = literal(value);
      if (lit) found.push({ pointer, role: 'threshold', ...lit });
    } else if (POINTS.has(key) && typeof value === 'number') {
      found.push({ pointer, role: 'points', value, percent: false });
    } else if (THROUGH.has(key) && value && typeof value === 'object') {
      found.push(...tailorableNumbers(value, pointer));
    }
  }
  return found;
}

/** The value at a pointer in a rule (a literal's number), or undefined. */
export function valueAt(rule: unknown, pointer: string): number | undefined {
  let node: unknown = rule;
  for (const segment of pointer.split('/').slice(1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return literal(node)?.value;
}

/** The edits of one item: switched off or not, numbers by pointer, a note in both languages. */
export interface ItemEdit {
  disabled: boolean;
  numbers: Record<string, number>;
  note: { zh: string; en: string };
}

/**
 * Overrides for a derived version: only what differs from the parent (numbers, disabling) and
 * the notes that explain it; parameters likewise. Items left as the parent has them are absent.
 */
export function buildOverrides(
  parentRules: ReadonlyMap<string, unknown>,
  edits: Readonly<Record<string, ItemEdit>>,
  parameters: Record<string, string | number | boolean>,
): PackOverrides {
  const items: Record<string, ItemOverride> = {};
  for (const [itemId, edit] of Object.entries(edits)) {
    const rule = parentRules.get(itemId);
    const set: Record<string, number> = {};
    for (const [pointer, value] of Object.entries(edit.numbers)) {
      if (valueAt(rule, pointer) !== value) set[pointer] = value;
    }
    const override: ItemOverride = {};
    if (edit.disabled) override.disabled = true;
    if (Object.keys(set).length > 0) override.set = set;
    if (Object.keys(override).length === 0) continue;
    if (edit.note.zh.trim() && edit.note.en.trim()) {
      override.notes = [{ zh: edit.note.zh.trim(), en: edit.note.en.trim() }];
    }
    items[itemId] = override;
  }
  return {
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    ...(Object.keys(items).length > 0 ? { items } : {}),
  };
}

/**
 * Where a lint finding belongs: "items[一.1].rule.base.bands[0].threshold" → item 一.1 at
 * pointer /base/bands/0/threshold; "items[四.6]" → the item itself; anything else → the pack.
 */
export function findingPlace(finding: Pick<LintFinding, 'path'>): {
  itemId: string | null;
  pointer: string | null;
} {
  const m = /^items\[([^\]]+)\](?:\.rule(.*))?/.exec(finding.path);
  if (!m) return { itemId: null, pointer: null };
  const rest = m[2] ?? '';
  const pointer = rest
    ? rest
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter(Boolean)
        .map((s) => `/${s}`)
        .join('')
    : null;
  return { itemId: m[1]!, pointer };
}

/** The words for a pointer's segments, as dictionary keys with numbers ("bands/0" → band 1). */
export function pointerParts(pointer: string): { key: string; n?: number }[] {
  const segments = pointer.split('/').slice(1);
  const parts: { key: string; n?: number }[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const next = segments[i + 1];
    if (
      ['parts', 'bands', 'steps', 'deductions'].includes(s) &&
      next !== undefined &&
      /^\d+$/.test(next)
    ) {
      parts.push({ key: `tailor.seg.${s}`, n: Number(next) + 1 });
      i++;
    } else {
      parts.push({ key: `tailor.seg.${s}` });
    }
  }
  return parts;
}

/**
 * The field a finding is shown beside: the number at its pointer, or — for a finding about a
 * band, step or part ("/base/bands/1") — the first number inside it; null: about the item.
 */
export function fieldForFinding(
  pointer: string | null,
  numbers: readonly Pick<TailorableNumber, 'pointer'>[],
): string | null {
  if (!pointer) return null;
  const exact = numbers.find((n) => n.pointer === pointer);
  if (exact) return exact.pointer;
  return numbers.find((n) => n.pointer.startsWith(`${pointer}/`))?.pointer ?? null;
}
