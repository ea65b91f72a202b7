import * as q from '../../rational.ts';
import { ruleBounds } from '../../rules/rule.ts';
import { formatPoints } from '../../rules/rule-context.ts';
import { finding, type LintCheck, type LintFinding } from '../lint-finding.ts';

// A rule that can award more than its item's max (or less than its min) is a transcription
// error the engine would silently cap — the province's 失业保险统计 (max 4, "得5分") is the
// real case. An item whose rule can never reach its max is allowed but worth a look.

export const itemBoundsCheck: LintCheck = {
  id: 'item-bounds',
  run({ pack }) {
    const findings: LintFinding[] = [];
    for (const item of pack.items) {
      const path = `items[${item.id}].rule`;
      const bounds = ruleBounds(item.rule);
      const most = formatPoints(bounds.max);
      const least = formatPoints(bounds.min);
      const max = formatPoints(q.fromNumber(item.max));
      const min = formatPoints(q.fromNumber(item.min));
      if (q.gt(bounds.max, item.max)) {
        findings.push(
          finding(
            'item-bounds',
            'error',
            path,
            `${item.id} 的评分规则最高可得${most}分，超过本项满分${max}分`,
            `${item.id}: the rule can award ${most}, more than the item's max of ${max}`,
          ),
        );
      }
      if (q.lt(bounds.min, item.min)) {
        findings.push(
          finding(
            'item-bounds',
            'error',
            path,
            `${item.id} 的评分规则最低可得${least}分，低于本项最低分${min}分`,
            `${item.id}: the rule can award ${least}, less than the item's min of ${min}`,
          ),
        );
      }
      if (q.lt(bounds.max, item.max) && !item.disabled) {
        findings.push(
          finding(
            'item-bounds',
            'warning',
            path,
            `${item.id} 的评分规则最高只能得${most}分，达不到本项满分${max}分`,
            `${item.id}: the rule awards at most ${most}, short of the item's max of ${max}`,
          ),
        );
      }
    }
    return findings;
  },
};
