import { finding, type LintCheck, type LintFinding } from '../lint-finding.ts';

// Item ids follow the source's own numbering: `<category>.<n>`, n = 1, 2, 3… in the order the
// source lists the category's items, and the categories in their declared order. A pack whose
// ids skip, repeat or run out of order has usually lost or misplaced an item.

export const itemIdsCheck: LintCheck = {
  id: 'item-ids',
  run({ pack }) {
    const findings: LintFinding[] = [];
    const seen = new Set<string>();
    for (const item of pack.items) {
      if (seen.has(item.id)) {
        findings.push(
          finding(
            'item-ids',
            'error',
            `items[${item.id}]`,
            `重复的标识 ${item.id}`,
            `duplicate id ${item.id}`,
          ),
        );
      }
      seen.add(item.id);
    }
    const categoryOrder = new Map(pack.categories.map((c, i) => [c.id, i]));
    const counts = new Map<string, number>();
    let lastCategory = -1;
    let lastCategoryId = '';
    for (const item of pack.items) {
      const path = `items[${item.id}]`;
      const [prefix = '', number = ''] = item.id.split('.');
      const position = (counts.get(item.category) ?? 0) + 1;
      counts.set(item.category, position);
      if (prefix !== item.category) {
        findings.push(
          finding(
            'item-ids',
            'error',
            path,
            `编号应以类别 ${item.category}. 开头`,
            `the id should start with its category "${item.category}."`,
          ),
        );
      } else if (Number(number) !== position) {
        findings.push(
          finding(
            'item-ids',
            'error',
            path,
            `${item.id} 是类别 ${item.category} 中列出的第${position}项，编号应为 ${item.category}.${position}（按原文顺序编号）`,
            `${item.id} is listed ${position}${ordinal(position)} in category ${item.category}; its id should be ${item.category}.${position} (ids follow the source's order)`,
          ),
        );
      }
      const order = categoryOrder.get(item.category);
      if (order === undefined) continue;
      if (order < lastCategory) {
        findings.push(
          finding(
            'item-ids',
            'error',
            path,
            `${item.id} 列在类别 ${lastCategoryId} 的项之后，但类别 ${item.category} 在前（应按类别顺序列出）`,
            `${item.id} is listed after items of category ${lastCategoryId}, which comes later (list items in category order)`,
          ),
        );
      } else {
        lastCategory = order;
        lastCategoryId = item.category;
      }
    }
    return findings;
  },
};

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}
