import type { Item, Pack } from '../../pack-schema.ts';
import * as q from '../../rational.ts';
import { formatPoints } from '../../rules/rule-context.ts';
import { type UnitKind, unitKindLabels } from '../../unit-kind.ts';
import { finding, type LintCheck, type LintFinding } from '../lint-finding.ts';

// Points must add up as the source states them: a category's items to the category's points,
// the (non-bonus) categories to the pack's total. A bonus category (加分项) caps what its items
// can add, so its items may add up to more; less would leave the bonus unreachable.
// Items that do not apply to a unit kind are left out of that kind's sums; items a tailored
// version disabled lower what can be reached — a warning, since that is the point of disabling.

const points = (x: number | q.Rational) =>
  formatPoints(typeof x === 'number' ? q.fromNumber(x) : x);

function appliesTo(item: Item, kind: UnitKind | null): boolean {
  return kind === null || !item.appliesTo || item.appliesTo.includes(kind);
}

/** The unit kinds whose sums differ, or [null] when every item applies to every kind. */
function kindsToCheck(pack: Pack): (UnitKind | null)[] {
  return pack.items.some((i) => i.appliesTo) ? [...pack.unitKinds] : [null];
}

export const categoryTotalsCheck: LintCheck = {
  id: 'category-totals',
  run({ pack }) {
    const findings: LintFinding[] = [];
    const known = new Set(pack.categories.map((c) => c.id));
    for (const kind of kindsToCheck(pack)) {
      const forKind =
        kind === null
          ? { zh: '', en: '' }
          : { zh: `（${unitKindLabels[kind].zh}）`, en: ` (for a ${unitKindLabels[kind].en})` };
      for (const category of pack.categories) {
        const path = `categories[${category.id}]`;
        const own = pack.items.filter((i) => i.category === category.id && appliesTo(i, kind));
        const enabled = q.sum(own.filter((i) => !i.disabled).map((i) => i.max));
        const disabled = q.sum(own.filter((i) => i.disabled).map((i) => i.max));
        const all = q.add(enabled, disabled);
        const title = `${category.id} ${category.title.zh}`;
        const titleEn = `${category.id} (${category.title.en})`;
        if (category.bonus) {
          if (q.lt(enabled, category.max)) {
            findings.push(
              finding(
                'category-totals',
                'warning',
                path,
                `加分类别 ${title} 的各项满分合计${points(enabled)}分，达不到类别上限${points(category.max)}分${forKind.zh}`,
                `bonus category ${titleEn}: its items add up to ${points(enabled)}, short of its cap of ${points(category.max)}${forKind.en}`,
              ),
            );
          }
          continue;
        }
        if (!q.eq(all, category.max)) {
          findings.push(
            finding(
              'category-totals',
              'error',
              path,
              `类别 ${title} 的各项满分合计${points(all)}分，与类别分值${points(category.max)}分不符${forKind.zh}`,
              `category ${titleEn}: its items add up to ${points(all)}, not its ${points(category.max)}${forKind.en}`,
            ),
          );
        } else if (!q.isZero(disabled)) {
          findings.push(
            finding(
              'category-totals',
              'warning',
              path,
              `类别 ${title} 有停用项，最高只能得${points(enabled)}分（类别分值${points(category.max)}分）${forKind.zh}`,
              `category ${titleEn}: with items disabled it reaches at most ${points(enabled)} of ${points(category.max)}${forKind.en}`,
            ),
          );
        }
      }
    }
    const stated = q.sum(pack.categories.filter((c) => !c.bonus).map((c) => c.max));
    if (!q.eq(stated, pack.total)) {
      findings.push(
        finding(
          'category-totals',
          'error',
          'total',
          `各类别（不含加分项）分值合计${points(stated)}分，与本标准总分${points(pack.total)}分不符`,
          `the categories (bonus apart) add up to ${points(stated)}, not the pack's total of ${points(pack.total)}`,
        ),
      );
    }
    for (const item of pack.items) {
      const category = pack.categories.find((c) => c.id === item.category);
      if (!known.has(item.category) || !category?.bonus) continue;
      if (item.max > category.max) {
        findings.push(
          finding(
            'category-totals',
            'warning',
            `items[${item.id}]`,
            `${item.id} 满分${points(item.max)}分，超过加分类别上限${points(category.max)}分`,
            `${item.id}: its max of ${points(item.max)} is above the bonus cap of ${points(category.max)}`,
          ),
        );
      }
    }
    return findings;
  },
};
