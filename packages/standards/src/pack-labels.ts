import type { LabelLookup, SymbolKind } from './expression-describe.ts';
import type { Pack } from './pack-schema.ts';
import type { Text } from './text.ts';

// Labels of a pack's declared names, for describing rules and expressions. Needs no integrity:
// the linter describes packs that cannot be scored, and unknown ids simply have no label.

export function packLabels(pack: Pack): LabelLookup {
  const byId = <T extends { id: string }>(list: readonly T[]) =>
    new Map(list.map((entry) => [entry.id, entry]));
  const inputs = byId(pack.inputs);
  const parameters = byId(pack.parameters);
  const references = byId(pack.references);
  const metrics = byId(pack.metrics);
  const categories = byId(pack.categories);
  const items = byId(pack.items);
  return (kind: SymbolKind, id: string): Text | undefined => {
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
}
