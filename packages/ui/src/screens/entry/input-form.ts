// The data-entry form generated from a pack version: which inputs a unit of a kind reports,
// grouped by the items that read them (in the pack's order), and how a typed text becomes the
// value the API takes. Pure: no DOM, no requests (input-form.test.ts).
import type { PackInput, PackItem, PackMetric, PackVersion } from '../../api/packs.ts';
import type { InputValue } from '../../api/submissions.ts';
import type { OrgUnitKind } from '../../api/types.ts';
import { type Text, textOf } from '../../i18n/lang.ts';

/** One group of fields: the inputs an item reads that no earlier item already asked for. */
export interface FormGroup {
  /** The item, or null for the inputs no item reads. */
  item: Pick<PackItem, 'id' | 'category' | 'title' | 'max' | 'starred'> | null;
  /** Input ids shown in this group. */
  fields: string[];
  /** Inputs this item also reads that an earlier group shows. */
  alsoReads: string[];
}

/**
 * The input ids an expression or rule (as the API gives it: data in the pack language) reads,
 * directly or through the metrics it names, in the order they appear.
 */
export function inputsRead(
  node: unknown,
  metrics: ReadonlyMap<string, unknown>,
  seenMetrics: Set<string> = new Set(),
): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const op = record.op;
    if ((op === 'input' || op === 'provided') && typeof record.id === 'string') {
      found.push(record.id);
      return;
    }
    if (op === 'metric' && typeof record.id === 'string') {
      if (seenMetrics.has(record.id)) return;
      seenMetrics.add(record.id);
      visit(metrics.get(record.id));
      return;
    }
    for (const v of Object.values(record)) visit(v);
  };
  visit(node);
  return [...new Set(found)];
}

const appliesTo = (kinds: readonly OrgUnitKind[] | null, unitKind: OrgUnitKind) =>
  !kinds || kinds.includes(unitKind);

/** The inputs a unit of this kind reports, in the pack's order. */
export function inputsFor(pack: Pick<PackVersion, 'inputs'>, unitKind: OrgUnitKind): PackInput[] {
  return pack.inputs.filter((i) => appliesTo(i.applies_to, unitKind));
}

/**
 * The form: one group per item that reads inputs (items in category order, switched-off items
 * and items for other unit kinds left out), each input in the first group that reads it; the
 * inputs no item reads come last in a group of their own.
 */
export function formGroups(
  pack: Pick<PackVersion, 'inputs' | 'metrics' | 'categories'>,
  unitKind: OrgUnitKind,
): FormGroup[] {
  const reported = new Set(inputsFor(pack, unitKind).map((i) => i.id));
  const metrics = new Map<string, unknown>(
    pack.metrics.map((m: PackMetric) => [m.id, m.definition]),
  );
  const placed = new Set<string>();
  const groups: FormGroup[] = [];
  for (const category of pack.categories) {
    for (const item of category.items) {
      if (item.disabled || !appliesTo(item.applies_to, unitKind)) continue;
      const reads = inputsRead(item.rule.definition, metrics).filter((id) => reported.has(id));
      if (reads.length === 0) continue;
      const fields = reads.filter((id) => !placed.has(id));
      for (const id of fields) placed.add(id);
      groups.push({
        item: {
          id: item.id,
          category: item.category,
          title: item.title,
          max: item.max,
          starred: item.starred,
        },
        fields: orderedAsPack(pack.inputs, fields),
        alsoReads: orderedAsPack(
          pack.inputs,
          reads.filter((id) => !fields.includes(id)),
        ),
      });
    }
  }
  const rest = [...reported].filter((id) => !placed.has(id));
  if (rest.length > 0) groups.push({ item: null, fields: rest, alsoReads: [] });
  return groups;
}

function orderedAsPack(inputs: readonly PackInput[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return inputs.filter((i) => wanted.has(i.id)).map((i) => i.id);
}

/** What a field holds while typed: text (booleans "true"/"false", evidence ids space-separated). */
export type Raw = string;

/** A stored value as the text its field shows. */
export function toRaw(input: Pick<PackInput, 'kind'>, value: InputValue | undefined): Raw {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ');
  if (input.kind === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

export type Parsed = { ok: true; value: InputValue } | { ok: false; error: Text };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A field's text as the API's value, checked as the pack's own input schema checks it
 * (packages/standards validate-inputs): "" clears the input (null); full-width digits count.
 */
export function parseRaw(input: PackInput, raw: Raw): Parsed {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: true, value: null };
  switch (input.kind) {
    case 'count':
    case 'number':
    case 'percent': {
      const plain = text.replace(/,/g, '');
      if (!NUMBER.test(plain)) return { ok: false, error: textOf('entry.rule.number') };
      const n = Number(plain);
      if (input.kind === 'count' && (!Number.isInteger(n) || n < 0)) {
        return { ok: false, error: textOf('entry.rule.count') };
      }
      const min = input.kind === 'percent' ? Math.max(0, input.min ?? 0) : input.min;
      const max = input.kind === 'percent' ? Math.min(100, input.max ?? 100) : input.max;
      if ((min !== null && n < min) || (max !== null && n > max)) {
        return {
          ok: false,
          error:
            min !== null && max !== null
              ? textOf('entry.rule.between', { min, max })
              : min !== null
                ? textOf('entry.rule.atLeast', { min })
                : textOf('entry.rule.atMost', { max: max as number }),
        };
      }
      return { ok: true, value: n };
    }
    case 'boolean':
      return text === 'true' || text === 'false'
        ? { ok: true, value: text === 'true' }
        : { ok: false, error: textOf('entry.rule.choose') };
    case 'enum':
      return input.options?.some((o) => o.value === text)
        ? { ok: true, value: text }
        : { ok: false, error: textOf('entry.rule.choose') };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
        ? { ok: true, value: text }
        : { ok: false, error: textOf('entry.rule.date') };
    case 'evidence': {
      const ids = text.split(/\s+/).filter(Boolean);
      return { ok: true, value: ids };
    }
    default: {
      const max = input.max_length ?? 2000;
      return raw.length > max
        ? { ok: false, error: textOf('rule.tooLong', { max }) }
        : { ok: true, value: raw };
    }
  }
}

/**
 * Every field's text as API values: `inputs` holds what parsed (only fields whose text differs
 * from what is stored, when `stored` is given), `errors` the fields that did not.
 */
export function collectInputs(
  inputs: readonly PackInput[],
  raws: Readonly<Record<string, Raw>>,
  stored?: Readonly<Record<string, InputValue>>,
): { inputs: Record<string, InputValue>; errors: Record<string, Text> } {
  const out: Record<string, InputValue> = {};
  const errors: Record<string, Text> = {};
  for (const input of inputs) {
    const raw = raws[input.id];
    if (raw === undefined) continue;
    if (stored && raw === toRaw(input, stored[input.id])) continue;
    const parsed = parseRaw(input, raw);
    if (parsed.ok) out[input.id] = parsed.value;
    else errors[input.id] = parsed.error;
  }
  return { inputs: out, errors };
}

/** Required inputs without a value (and without a default): what still blocks submitting. */
export function missingRequired(
  inputs: readonly PackInput[],
  values: Readonly<Record<string, InputValue>>,
): string[] {
  return inputs
    .filter((i) => i.required && (i.default === null || i.default === undefined))
    .filter((i) => {
      const v = values[i.id];
      return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
    })
    .map((i) => i.id);
}
