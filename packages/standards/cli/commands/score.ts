import * as q from '../../src/rational.ts';
import { formatPoints } from '../../src/rules/rule-context.ts';
import type { Scorecard } from '../../src/scorecard.ts';
import type { ParsedArgs } from '../args.ts';
import type { CliIo } from '../io.ts';
import { table } from '../table.ts';
import { scoreFromArgs } from './scoring.ts';

const pts = (x: number) => formatPoints(q.fromNumber(x));

export function totalText(card: Scorecard): string {
  return `${pts(card.total)} / ${pts(card.max)}${card.bonusMax > 0 ? `+${pts(card.bonusMax)}` : ''}`;
}

export function designationWord(card: Scorecard): string {
  const met = card.designation?.met;
  if (!card.designation) return '—';
  return met === true ? '是 yes' : met === false ? '否 no' : '待定 pending';
}

/**
 * `kaoping-pack score <pack> --inputs file [--parameters f] [--assessments f] [--references f]
 * [--unit-kind k] [--json]`: totals per unit; --json prints the scorecard(s).
 */
export function scoreCommand(args: ParsedArgs, io: CliIo): number {
  const { single, cards } = scoreFromArgs(args, io, 'score');
  if (args.switches.has('json')) {
    io.out(`${JSON.stringify(single ? cards[0] : cards, null, 2)}\n`);
    return 0;
  }
  const rows = cards.map((card) => [
    card.unit.id ?? 'self',
    totalText(card),
    card.complete
      ? '是 yes'
      : `否 no (${card.items.filter((i) => i.points === null && i.status !== 'not-applicable' && i.status !== 'disabled').length})`,
    designationWord(card),
  ]);
  const lines = table([['单位 unit', '总分 total', '完整 complete', '认定 designated'], ...rows]);
  for (const card of cards) {
    for (const issue of card.issues) {
      lines.push(
        `${card.unit.id ?? 'self'}: ${issue.field}: ${issue.message.zh} / ${issue.message.en}`,
      );
    }
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
