import type { InputValue } from '../input-value.ts';

// A table of results by the values of a few input slots (see rule-memo.ts for why results may
// be kept this way). Counts, booleans and absent values pack into one number, so the usual
// lookup is a single Map.get; other values (decimals, text, evidence lists) go through one map
// level per slot, keyed by the value itself. A table that rarely finds anything stops looking
// (its keys would cost more than it saves) and keeps only the first combinations it meets.

/** Inputs that are not yes/no beyond this are not worth a table: their values rarely repeat. */
export const MAX_OPEN_SLOTS = 8;
const MAX_KEPT = 512;
const TRIAL = 256;
const MIN_HITS = 64;
/** Codes 0 absent, 1 false, 2 true, 3 + n for a count n below RADIX − 3 (yes/no slots: 3). */
const RADIX = 64;
const YES_NO_RADIX = 3;

/** Whether a table over slots of these kinds can pack every key into one safe integer. */
export function tableFits(yesNo: readonly boolean[]): boolean {
  let open = 0;
  let range = 1;
  for (const flag of yesNo) {
    if (!flag) open++;
    range *= flag ? YES_NO_RADIX : RADIX;
  }
  return open <= MAX_OPEN_SLOTS && range <= 2 ** 52;
}

type Level<T> = Map<unknown, Level<T> | T>;

/** −0 is its own key: Map would take it for 0, and a unit's inputs are shown as given. */
const NEGATIVE_ZERO = Symbol('-0');

/** Text and lists are both keyed as strings, so each kind carries its own mark. */
function keyPart(value: InputValue | undefined): unknown {
  if (typeof value === 'object') return `l${JSON.stringify(value)}`;
  if (typeof value === 'string') return `s${value}`;
  return Object.is(value, -0) ? NEGATIVE_ZERO : value;
}

export class ValueTable<T> {
  readonly slots: readonly number[];
  private readonly radix: readonly number[];
  private readonly packed = new Map<number, T>();
  private readonly nested: Level<T> = new Map();
  private size = 0;
  lookups = 0;
  hits = 0;
  /** False once the table has given up. */
  active = true;

  /** `yesNo[i]`: slot i holds a validated boolean (or nothing). */
  constructor(slots: readonly number[], yesNo: readonly boolean[]) {
    this.slots = slots;
    this.radix = yesNo.map((flag) => (flag ? YES_NO_RADIX : RADIX));
  }

  /** The values packed into one number, or -1 when one of them does not pack. */
  private packedKey(values: readonly (InputValue | undefined)[]): number {
    let key = 0;
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const value = values[this.slots[i] as number];
      let code: number;
      if (value === undefined) code = 0;
      else if (value === false) code = 1;
      else if (value === true) code = 2;
      else if (
        typeof value === 'number' &&
        value >= 0 &&
        value < RADIX - 3 &&
        value % 1 === 0 &&
        !Object.is(value, -0)
      ) {
        code = value + 3;
      } else return -1;
      const radix = this.radix[i] as number;
      if (code >= radix) return -1;
      key = key * radix + code;
    }
    return key;
  }

  get(values: readonly (InputValue | undefined)[]): T | undefined {
    const packed = this.packedKey(values);
    let found: T | undefined;
    if (packed >= 0) found = this.packed.get(packed);
    else {
      let level = this.nested;
      const last = this.slots.length - 1;
      for (let i = 0; i <= last; i++) {
        const next = level.get(keyPart(values[this.slots[i] as number]));
        if (next === undefined) break;
        if (i === last) found = next as T;
        else level = next as Level<T>;
      }
    }
    this.lookups++;
    if (found !== undefined) this.hits++;
    if (this.lookups === TRIAL && this.hits < MIN_HITS) {
      this.active = false;
      this.packed.clear();
      this.nested.clear();
    }
    return found;
  }

  set(values: readonly (InputValue | undefined)[], entry: T): void {
    if (!this.active || this.size >= MAX_KEPT) return;
    this.size++;
    const packed = this.packedKey(values);
    if (packed >= 0) {
      this.packed.set(packed, entry);
      return;
    }
    let level = this.nested;
    const last = this.slots.length - 1;
    for (let i = 0; i < last; i++) {
      const part = keyPart(values[this.slots[i] as number]);
      let next = level.get(part) as Level<T> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(part, next);
      }
      level = next;
    }
    level.set(keyPart(values[this.slots[last] as number]), entry);
  }
}
