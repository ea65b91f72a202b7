import { compilePack } from './compiled-pack.ts';
import { plainValue } from './expression-value.ts';
import type { InputValue } from './input-value.ts';
import type { Pack } from './pack-schema.ts';
import { type ParameterValue, resolveParameters } from './parameters.ts';
import type { UnitKind } from './unit-kind.ts';
import { UnitScope } from './unit-scope.ts';
import type { InputIssue } from './validate-inputs.ts';

/**
 * The pack's consistency checks that fail for these values ("再就业人数不能超过登记失业人数").
 * A check that cannot be decided yet (an input not given) is skipped. Each issue names the
 * first input the check reads as its field.
 */
const defaults = new WeakMap<Pack, Readonly<Record<string, ParameterValue>>>();

export function checkConstraints(
  pack: Pack,
  unitKind: UnitKind | undefined,
  values: ReadonlyMap<string, InputValue>,
): InputIssue[] {
  if (pack.constraints.length === 0) return [];
  const compiled = compilePack(pack);
  let parameters = defaults.get(pack);
  if (!parameters) {
    parameters = resolveParameters(pack, {});
    defaults.set(pack, parameters);
  }
  const scope = new UnitScope({
    compiled,
    parameters,
    unitKind,
    inputs: values,
    reference: (id) => ({ status: 'missing', missing: [`reference:${id}`] }),
  });
  const issues: InputIssue[] = [];
  for (const constraint of pack.constraints) {
    // The plain value suffices (the message is fixed); the full evaluator only when needed.
    const { result: failed, reads } = scope.tracking(() => {
      const plain = plainValue(constraint.when, scope);
      if (plain !== undefined) return plain === false;
      const result = scope.evaluate(constraint.when);
      return result.status === 'value' && result.value.type === 'boolean' && !result.value.value;
    });
    if (!failed) continue;
    const field = [...reads.inputs][0] ?? '';
    issues.push({
      field,
      path: field ? [field] : [],
      code: 'constraint',
      message: constraint.message,
    });
  }
  return issues;
}
