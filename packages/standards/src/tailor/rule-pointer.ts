import type { Expression } from '../expression.ts';
import { cloneJson } from '../json-clone.ts';
import type { Text } from '../text.ts';

// Sets one value inside an item's rule, by JSON Pointer, refusing anything that is not a
// threshold or a points figure (see pack-overrides.ts). Works on a copy the caller owns.

/** Fields holding a number of points (or a rank), settable to a number. */
const POINTS_FIELDS = new Set([
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
/** Fields holding a threshold expression; anything inside them may be set. */
const THRESHOLD_FIELDS = new Set(['threshold', 'atLeast', 'step', 'target']);
/** Fields that lead to nested rules or their entries. */
const NAVIGATION = new Set([
  'parts',
  'rule',
  'base',
  'bands',
  'steps',
  'deductions',
  'award',
  'positions',
  'shares',
]);

export class PointerError extends Error {
  override name = 'PointerError';
  readonly text: Text;
  constructor(text: Text) {
    super(text.en);
    this.text = text;
  }
}

/** RFC 6901 segments: "/a~1b/0" → ["a/b", "0"]. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

type Node = Record<string, unknown> | unknown[];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isLiteral(x: unknown): x is { op: 'number' | 'percent'; value: number } {
  return isObject(x) && (x.op === 'number' || x.op === 'percent') && typeof x.value === 'number';
}

/** Sets `value` at `pointer` inside `rule` (mutating it). Throws a PointerError when refused. */
export function setInRule(rule: unknown, pointer: string, value: number | Expression): void {
  const segments = pointerSegments(pointer);
  let node: unknown = rule;
  let inThreshold = false;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (!isObject(node) && !Array.isArray(node)) {
      throw new PointerError({
        zh: `路径 ${pointer} 不存在`,
        en: `${pointer} does not exist in the rule`,
      });
    }
    const container = node as Node;
    const key = Array.isArray(container) ? Number(segment) : segment;
    const exists = Array.isArray(container)
      ? Number.isInteger(key) && (key as number) >= 0 && (key as number) < container.length
      : Object.hasOwn(container, segment);
    if (!exists) {
      throw new PointerError({
        zh: `路径 ${pointer} 不存在`,
        en: `${pointer} does not exist in the rule`,
      });
    }
    const current = (container as Record<string | number, unknown>)[key];
    if (!inThreshold && !Array.isArray(container)) {
      const allowed =
        THRESHOLD_FIELDS.has(segment) ||
        (last ? POINTS_FIELDS.has(segment) : NAVIGATION.has(segment));
      if (!allowed) {
        throw new PointerError({
          zh: `${pointer} 不可派生修改：只能改阈值和分值（不能改考核对象、条件或规则结构）`,
          en: `${pointer} cannot be tailored: only thresholds and points may change (not what is measured, conditions or the rule's shape)`,
        });
      }
      if (THRESHOLD_FIELDS.has(segment)) inThreshold = true;
    }
    if (!last) {
      node = current;
      continue;
    }
    if (typeof current === 'number') {
      if (typeof value !== 'number') {
        throw new PointerError({ zh: `${pointer} 须为数值`, en: `${pointer} takes a number` });
      }
      (container as Record<string | number, unknown>)[key] = value;
      return;
    }
    if (!inThreshold || !isObject(current) || typeof current.op !== 'string') {
      throw new PointerError({
        zh: `${pointer} 不是阈值或分值`,
        en: `${pointer} is not a threshold or points figure`,
      });
    }
    if (typeof value === 'number') {
      (container as Record<string | number, unknown>)[key] = isLiteral(current)
        ? { op: current.op, value }
        : { op: 'number', value };
    } else {
      (container as Record<string | number, unknown>)[key] = cloneJson(value);
    }
    return;
  }
}
