// The pack's 酌情评分 (assessed) rules: judgements a reviewer enters at a stage, with a reason.
import type { PackVersion } from '../../api/packs.ts';
import type { OrgUnitKind } from '../../api/types.ts';
import type { Text } from '../../i18n/lang.ts';

export interface AssessedSpec {
  /** What assessments are keyed by: the rule's key, or its item's id. */
  key: string;
  itemId: string;
  itemTitle: Text;
  label: Text | null;
  points: number;
  min: number;
  step: number | null;
  /** The pack's stages that may enter it (a cycle stage's pack_stage). */
  stages: string[];
  guidance: Text | null;
}

const isText = (v: unknown): v is Text =>
  !!v && typeof v === 'object' && typeof (v as Text).zh === 'string';

/** Every assessed rule of the items a unit of this kind is scored on, in the pack's order. */
export function assessedItems(
  pack: Pick<PackVersion, 'categories'>,
  unitKind: OrgUnitKind,
): AssessedSpec[] {
  const found: AssessedSpec[] = [];
  for (const category of pack.categories) {
    for (const item of category.items) {
      if (item.disabled || (item.applies_to && !item.applies_to.includes(unitKind))) continue;
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const child of node) visit(child);
          return;
        }
        if (!node || typeof node !== 'object') return;
        const rule = node as Record<string, unknown>;
        if (rule.kind === 'assessed' && typeof rule.points === 'number') {
          found.push({
            key: typeof rule.key === 'string' ? rule.key : item.id,
            itemId: item.id,
            itemTitle: item.title,
            label: isText(rule.label) ? rule.label : null,
            points: rule.points,
            min: typeof rule.min === 'number' ? rule.min : 0,
            step: typeof rule.step === 'number' ? rule.step : null,
            stages: Array.isArray(rule.stages)
              ? rule.stages.filter((s) => typeof s === 'string')
              : [],
            guidance: isText(rule.guidance) ? rule.guidance : null,
          });
          return;
        }
        for (const value of Object.values(rule)) visit(value);
      };
      visit(item.rule.definition);
    }
  }
  return found;
}
