import { contentHash } from './content-hash.ts';
import type { LabelLookup, SymbolKind } from './expression-describe.ts';
import { findPackProblems, PackError } from './pack-integrity.ts';
import type { Category, Input, Item, Metric, Pack, Parameter, Reference } from './pack-schema.ts';
import type { Text } from './text.ts';

/** A pack checked once and indexed for scoring. */
export interface CompiledPack {
  readonly pack: Pack;
  readonly hash: string;
  readonly inputs: ReadonlyMap<string, Input>;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly references: ReadonlyMap<string, Reference>;
  readonly metrics: ReadonlyMap<string, Metric>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly items: ReadonlyMap<string, Item>;
  readonly labels: LabelLookup;
}

// Packs are immutable once defined; checking and hashing each once keeps scoring fast.
const compiled = new WeakMap<Pack, CompiledPack>();

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((entry) => [entry.id, entry]));
}

/** Checks a pack's integrity (throwing a PackError) and indexes it; cached per pack object. */
export function compilePack(pack: Pack): CompiledPack {
  const cached = compiled.get(pack);
  if (cached) return cached;
  const problems = findPackProblems(pack);
  if (problems.length > 0) throw new PackError(problems);
  const inputs = byId(pack.inputs);
  const parameters = byId(pack.parameters);
  const references = byId(pack.references);
  const metrics = byId(pack.metrics);
  const categories = byId(pack.categories);
  const items = byId(pack.items);
  const labels: LabelLookup = (kind: SymbolKind, id: string): Text | undefined => {
    switch (kind) {
      case 'input':
        return inputs.get(id)?.label;
      case 'param':
        return parameters.get(id)?.label;
      case 'reference':
        return references.get(id)?.label;
      case 'metric':
        return metrics.get(id)?.label;
      case 'item':
        return items.get(id)?.title;
      case 'category':
        return categories.get(id)?.title;
      case 'option': {
        const [owner = '', value] = id.split('=', 2);
        const declared = parameters.get(owner) ?? inputs.get(owner);
        return declared && 'options' in declared
          ? declared.options?.find((o) => o.value === value)?.label
          : undefined;
      }
    }
  };
  const result: CompiledPack = {
    pack,
    hash: contentHash(pack),
    inputs,
    parameters,
    references,
    metrics,
    categories,
    items,
    labels,
  };
  compiled.set(pack, result);
  return result;
}
