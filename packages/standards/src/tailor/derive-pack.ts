import { cloneJson } from '../json-clone.ts';
import { definePack, PackError, type PackProblem } from '../pack-integrity.ts';
import type { Pack } from '../pack-schema.ts';
import { type PackOverridesInput, packOverridesSchema } from './pack-overrides.ts';
import { PointerError, setInRule } from './rule-pointer.ts';

// Tailoring (派生): a district's version of a city's published pack — new parameter defaults,
// thresholds and points, items switched off — as a new pack version that records where it
// came from. The result is validated like any pack (throws PackError); lint it with
// `lintPack(derived, { parent })` to enforce the parent's mandatory and tighten-only marks.

export function derivePack(parent: Pack, overrides: PackOverridesInput): Pack {
  const parsed = packOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    throw new PackError(
      parsed.error.issues.map((issue) => ({
        path: `overrides.${issue.path.map(String).join('.')}`,
        message: {
          zh: `派生设置无效：${issue.message}`,
          en: `invalid overrides: ${issue.message}`,
        },
      })),
    );
  }
  const o = parsed.data;
  const problems: PackProblem[] = [];
  const child = cloneJson(parent);
  child.key = o.key;
  child.version = o.version;
  child.derivedFrom = { key: parent.key, version: parent.version };
  if (o.title) child.title = o.title;
  if (o.issuer) child.issuer = o.issuer;
  if (o.effectiveFrom) child.effectiveFrom = o.effectiveFrom;
  if (o.effectiveTo) child.effectiveTo = o.effectiveTo;
  child.notes = [...child.notes, ...o.notes];

  for (const [id, value] of Object.entries(o.parameters)) {
    const parameter = child.parameters.find((p) => p.id === id);
    if (!parameter) {
      problems.push({
        path: `overrides.parameters.${id}`,
        message: { zh: `来源版本没有参数 ${id}`, en: `the parent has no parameter ${id}` },
      });
      continue;
    }
    const fits =
      (parameter.kind === 'number' && typeof value === 'number') ||
      (parameter.kind === 'boolean' && typeof value === 'boolean') ||
      (parameter.kind === 'enum' && typeof value === 'string');
    if (!fits) {
      problems.push({
        path: `overrides.parameters.${id}`,
        message: {
          zh: `参数 ${id} 的默认值类型不符（应为${parameter.kind}）`,
          en: `parameter ${id} takes a ${parameter.kind} default`,
        },
      });
      continue;
    }
    (parameter as { default?: unknown }).default = value;
  }

  for (const [id, change] of Object.entries(o.items)) {
    const item = child.items.find((i) => i.id === id);
    if (!item) {
      problems.push({
        path: `overrides.items.${id}`,
        message: { zh: `来源版本没有指标项 ${id}`, en: `the parent has no item ${id}` },
      });
      continue;
    }
    if (change.disabled !== undefined) item.disabled = change.disabled;
    if (change.mandatory !== undefined) item.mandatory = change.mandatory;
    if (change.tightenOnly !== undefined) item.tightenOnly = change.tightenOnly;
    for (const [pointer, value] of Object.entries(change.set)) {
      try {
        setInRule(item.rule, pointer, value);
      } catch (error) {
        if (!(error instanceof PointerError)) throw error;
        problems.push({ path: `overrides.items.${id}.set.${pointer}`, message: error.text });
      }
    }
    item.notes = [...item.notes, ...change.notes];
  }
  if (problems.length > 0) throw new PackError(problems);
  return definePack(child);
}
