import type { Input } from './pack-schema.ts';
import * as q from './rational.ts';
import type { Value } from './value.ts';

/** A reported value as JSON: numbers (percentages as 0..100), booleans, strings, references. */
export type InputValue = number | boolean | string | readonly string[];

/** The engine's view of a valid input value. */
export function inputToValue(input: Input, value: InputValue): Value {
  switch (input.kind) {
    case 'count':
      return { type: 'number', value: q.fromNumber(value as number), format: 'count' };
    case 'number':
      return { type: 'number', value: q.fromNumber(value as number), format: 'number' };
    case 'percent':
      return {
        type: 'number',
        value: q.div(q.fromNumber(value as number), 100),
        format: 'percent',
      };
    case 'boolean':
      return { type: 'boolean', value: value as boolean };
    case 'evidence':
      return { type: 'boolean', value: true };
    default:
      return { type: 'text', value: value as string };
  }
}
