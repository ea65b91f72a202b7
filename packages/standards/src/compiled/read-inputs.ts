import type { CompiledPack } from '../compiled-pack.ts';
import type { InputValue } from '../input-value.ts';
import type { Input } from '../pack-schema.ts';
import { resolveParameters } from '../parameters.ts';
import type { Text } from '../text.ts';
import type { UnitKind } from '../unit-kind.ts';
import { inputAppliesTo, plainValue, readInputs } from '../validate-inputs.ts';
import { type CompiledExpression, compileExpression } from './expressions.ts';
import { type CompiledLookup, Frame, type FrameHost } from './frame.ts';
import { type KindPlan, planFor } from './plan.ts';
import { WANT_NOTHING } from './result.ts';

// A unit's inputs read for scoring (validate-inputs.ts's readInputs), compiled per pack and
// unit kind. The usual unit — every value of the right type and within bounds, every
// consistency check holding — is decided by one pass over the fields and the constraints as
// compiled closures. Anything else goes to readInputs itself, which words every problem.

export interface UnitInputs {
  /** Usable values by input slot (defaults applied). */
  readonly values: (InputValue | undefined)[];
  readonly issues: { field: string; message: Text }[];
}

interface Field {
  readonly input: Input;
  readonly applies: boolean;
  readonly defaultValue: InputValue | undefined;
}

const NO_REFERENCES: FrameHost = {
  reference: (_frame, id): CompiledLookup => ({ status: 'missing', missing: [`reference:${id}`] }),
};
const NO_UNIT = { id: '', inputs: {} };

class InputReader {
  private readonly compiled: CompiledPack;
  private readonly kind: UnitKind | undefined;
  private readonly fields: readonly Field[];
  private readonly slotOf: ReadonlyMap<string, number>;
  /** An input named like a property every object has ("constructor") is read as readInputs does. */
  private readonly shadowed: boolean;
  private constraints: { plan: KindPlan; checks: readonly CompiledExpression[] } | null = null;

  constructor(compiled: CompiledPack, kind: UnitKind | undefined) {
    this.compiled = compiled;
    this.kind = kind;
    this.fields = compiled.pack.inputs.map((input) => ({
      input,
      applies: inputAppliesTo(input, kind),
      defaultValue:
        'default' in input && input.default !== undefined
          ? (input.default as InputValue)
          : undefined,
    }));
    this.slotOf = new Map(compiled.pack.inputs.map((input, slot) => [input.id, slot]));
    this.shadowed = compiled.pack.inputs.some((input) => input.id in Object.prototype);
  }

  read(inputs: unknown): UnitInputs {
    const raw =
      typeof inputs === 'object' && inputs !== null && !Array.isArray(inputs)
        ? (inputs as Readonly<Record<string, unknown>>)
        : {};
    const given = this.plainlyValid(raw);
    if (given !== null && this.constraintsHold(given)) {
      const values = given;
      for (let slot = 0; slot < values.length; slot++) {
        if (values[slot] === undefined) {
          const field = this.fields[slot] as Field;
          if (field.applies && field.defaultValue !== undefined) values[slot] = field.defaultValue;
        }
      }
      return { values, issues: [] };
    }
    const read = readInputs(this.compiled.pack, this.kind, inputs);
    const values = new Array<InputValue | undefined>(this.fields.length);
    for (const [id, value] of read.values) values[this.slotOf.get(id) as number] = value;
    return {
      values,
      issues: read.issues.map((issue) => ({ field: issue.field, message: issue.message })),
    };
  }

  /**
   * The given values by slot when the draft schema certainly accepts them, else null. One pass
   * over the unit's keys: for-in sees its own keys and any enumerable inherited ones, and a key
   * that is not an input sends the unit to readInputs, so nothing readInputs would refuse passes.
   */
  private plainlyValid(raw: Readonly<Record<string, unknown>>): (InputValue | undefined)[] | null {
    if (this.shadowed) return this.plainlyValidByField(raw);
    const fields = this.fields;
    const given = new Array<InputValue | undefined>(fields.length);
    for (const key in raw) {
      const slot = this.slotOf.get(key);
      if (slot === undefined) return null;
      const value = raw[key];
      if (value === undefined || value === null) continue;
      const field = fields[slot] as Field;
      if (!field.applies || !plainValue(field.input, value)) return null;
      given[slot] = value as InputValue;
    }
    return given;
  }

  private plainlyValidByField(
    raw: Readonly<Record<string, unknown>>,
  ): (InputValue | undefined)[] | null {
    for (const key of Object.keys(raw)) if (!this.slotOf.has(key)) return null;
    const fields = this.fields;
    const given = new Array<InputValue | undefined>(fields.length);
    for (let slot = 0; slot < fields.length; slot++) {
      const field = fields[slot] as Field;
      const value = raw[field.input.id];
      if (value === undefined || value === null) continue;
      if (!field.applies || !plainValue(field.input, value)) return null;
      given[slot] = value as InputValue;
    }
    return given;
  }

  /** True when no constraint fails on the given values (false sends the unit to readInputs). */
  private constraintsHold(given: readonly (InputValue | undefined)[]): boolean {
    const pack = this.compiled.pack;
    if (pack.constraints.length === 0) return true;
    if (this.constraints === null) {
      // Constraints read the pack's default parameters, whatever the cycle sets.
      const plan = planFor(this.compiled, resolveParameters(pack, {}), this.kind);
      const checks = pack.constraints.map((c) => compileExpression(c.when, WANT_NOTHING, plan));
      this.constraints = { plan, checks };
    }
    const { plan, checks } = this.constraints;
    const frame = new Frame(NO_UNIT, this.kind, plan, NO_REFERENCES, given, []);
    try {
      for (const constraint of checks) {
        const result = constraint.evaluate(frame);
        if (result.status === 'value' && result.value.type === 'boolean' && !result.value.value) {
          return false;
        }
      }
    } catch {
      return false;
    }
    return true;
  }
}

const readers = new WeakMap<CompiledPack, Map<string, InputReader>>();

/** Reads one unit's inputs as readInputs does, with a fast path for valid, consistent ones. */
export function readUnitInputs(
  compiled: CompiledPack,
  kind: UnitKind | undefined,
  inputs: unknown,
): UnitInputs {
  let perPack = readers.get(compiled);
  if (!perPack) {
    perPack = new Map();
    readers.set(compiled, perPack);
  }
  const key = kind ?? '*';
  let reader = perPack.get(key);
  if (!reader) {
    reader = new InputReader(compiled, kind);
    perPack.set(key, reader);
  }
  return reader.read(inputs);
}
