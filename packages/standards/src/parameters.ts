import type { Pack, Parameter } from './pack-schema.ts';
import { fromNumber } from './rational.ts';
import type { Text } from './text.ts';
import type { Value } from './value.ts';

export type ParameterValue = string | number | boolean;

export interface ParameterIssue {
  readonly parameter: string;
  readonly message: Text;
}

/** Parameters a campaign set wrongly: an unknown name or a value of the wrong kind. */
export class ParameterError extends Error {
  override name = 'ParameterError';
  readonly issues: readonly ParameterIssue[];
  constructor(issues: readonly ParameterIssue[]) {
    super(`invalid parameters: ${issues.map((i) => `${i.parameter}: ${i.message.en}`).join('; ')}`);
    this.issues = issues;
  }
}

function problem(parameter: Parameter, value: unknown): Text | null {
  switch (parameter.kind) {
    case 'enum':
      return typeof value === 'string' && parameter.options.some((o) => o.value === value)
        ? null
        : {
            zh: `应为${parameter.options.map((o) => o.value).join('、')}之一`,
            en: `must be one of ${parameter.options.map((o) => o.value).join(', ')}`,
          };
    case 'boolean':
      return typeof value === 'boolean' ? null : { zh: '应为是或否', en: 'must be true or false' };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { zh: '应为数值', en: 'must be a finite number' };
      }
      if (parameter.min !== undefined && value < parameter.min) {
        return { zh: `不能小于${parameter.min}`, en: `must be at least ${parameter.min}` };
      }
      if (parameter.max !== undefined && value > parameter.max) {
        return { zh: `不能大于${parameter.max}`, en: `must be at most ${parameter.max}` };
      }
      return null;
  }
}

/**
 * The cycle's parameters with defaults applied, keys in the pack's order. A parameter with
 * neither a value nor a default is left out (what reads it is then unknown). Throws a
 * {@link ParameterError} for unknown names and invalid values.
 */
export function resolveParameters(
  pack: Pack,
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, ParameterValue> {
  const issues: ParameterIssue[] = [];
  const known = new Set(pack.parameters.map((p) => p.id));
  for (const name of Object.keys(given ?? {}).sort()) {
    if (!known.has(name)) {
      issues.push({ parameter: name, message: { zh: '未知参数', en: 'unknown parameter' } });
    }
  }
  const resolved: Record<string, ParameterValue> = {};
  for (const parameter of pack.parameters) {
    const value = given?.[parameter.id] ?? parameter.default;
    if (value === undefined || value === null) continue;
    const wrong = problem(parameter, value);
    if (wrong) issues.push({ parameter: parameter.id, message: wrong });
    else resolved[parameter.id] = value as ParameterValue;
  }
  if (issues.length > 0) throw new ParameterError(issues);
  return resolved;
}

export function parameterToValue(parameter: Parameter, value: ParameterValue): Value {
  switch (parameter.kind) {
    case 'enum':
      return { type: 'text', value: value as string };
    case 'boolean':
      return { type: 'boolean', value: value as boolean };
    case 'number':
      return { type: 'number', value: fromNumber(value as number), format: 'number' };
  }
}
