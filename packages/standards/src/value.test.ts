import { describe, expect, it } from 'vitest';
import { div, fromDecimalString, rational } from './rational.ts';
import { displayDecimal, displayNumber, displayValue, valueToJson } from './value.ts';

describe('display', () => {
  it("shows exact values exactly and others to the format's places", () => {
    expect(displayNumber(div(17, 20), 'percent')).toBe('85%');
    expect(displayNumber(div(7, 8), 'percent')).toBe('87.5%');
    expect(displayNumber(div(43, 48), 'percent')).toBe('89.6%');
    expect(displayNumber(div(9, 2), 'number')).toBe('4.5');
    expect(displayNumber(rational(12), 'count')).toBe('12');
  });

  it('never rounds up onto an integer the value does not reach', () => {
    expect(displayDecimal(fromDecimalString('84.96'), 1)).toBe('84.96');
    expect(displayDecimal(fromDecimalString('79.99999'), 1)).toBe('79.999');
    expect(displayDecimal(fromDecimalString('84.94'), 1)).toBe('84.9');
    expect(displayDecimal(fromDecimalString('84.95'), 1)).toBe('84.95');
    expect(displayDecimal(fromDecimalString('89.55'), 1)).toBe('89.6');
  });

  it('gives percentages as percent numbers in JSON, like inputs', () => {
    expect(valueToJson({ type: 'number', value: div(17, 20), format: 'percent' })).toBe(85);
    expect(displayValue({ type: 'boolean', value: false })).toEqual({ zh: '否', en: 'no' });
  });
});
