import * as q from '../../src/rational.ts';
import { formatPoints } from '../../src/rules/rule-context.ts';
import type { Scorecard } from '../../src/scorecard.ts';
import { unitKindLabels } from '../../src/unit-kind.ts';
import type { ParsedArgs } from '../args.ts';
import type { CliIo } from '../io.ts';
import { displayWidth, pad } from '../table.ts';
import { languages } from './languages.ts';
import { totalText } from './score.ts';
import { scoreFromArgs } from './scoring.ts';

const pts = (x: number) => formatPoints(q.fromNumber(x));

const STATUS: Readonly<Record<string, { zh: string; en: string }>> = {
  'missing-inputs': { zh: '缺数据', en: 'missing' },
  'awaiting-assessment': { zh: '待评估', en: 'awaiting' },
  'not-applicable': { zh: '不适用', en: 'n/a' },
  disabled: { zh: '已停用', en: 'disabled' },
};

function explainCard(card: Scorecard, langs: readonly ('zh' | 'en')[]): string[] {
  const kind = card.unit.kind ? unitKindLabels[card.unit.kind] : null;
  const pick = (t: { zh: string; en: string }) => langs.map((l) => t[l]);
  const lines = [
    `单位 / unit: ${card.unit.id ?? 'self'}${kind ? ` · ${kind.zh} / ${kind.en}` : ''}`,
    '',
  ];
  const points = card.items.map((i) =>
    i.points === null
      ? `${STATUS[i.status]?.zh ?? i.status}/${pts(i.max)}`
      : `${pts(i.points)}/${pts(i.max)}`,
  );
  const idWidth = Math.max(4, ...card.items.map((i) => displayWidth(i.id)));
  const pointsWidth = Math.max(9, ...points.map(displayWidth));
  const indent = ' '.repeat(idWidth + pointsWidth + 4);
  lines.push(`${pad('项', idWidth)}  ${pad('得分/满分', pointsWidth)}  说明 / explanation`);
  for (const [index, item] of card.items.entries()) {
    const [first, ...rest] = [pick(item.title).join(' / '), ...pick(item.explanation)];
    lines.push(`${pad(item.id, idWidth)}  ${pad(points[index] as string, pointsWidth)}  ${first}`);
    for (const line of rest) lines.push(`${indent}${line}`);
  }
  lines.push('');
  const categories = card.categories.map(
    (c) => `${c.id} ${pts(c.points)}/${pts(c.max)}${c.capped ? '*' : ''}`,
  );
  lines.push(`类别 / categories: ${categories.join(' · ')}`);
  lines.push(
    `合计 / total: ${totalText(card)}${card.complete ? '' : `（未完成，可能范围 ${pts(card.range.min)}–${pts(card.range.max)} / incomplete, range ${pts(card.range.min)}–${pts(card.range.max)}）`}`,
  );
  if (card.designation) {
    const d = card.designation;
    const met =
      d.met === true
        ? { zh: '是', en: 'yes' }
        : d.met === false
          ? { zh: '否', en: 'no' }
          : { zh: '待定', en: 'pending' };
    for (const [i, lang] of langs.entries()) {
      const head =
        i === 0 ? '认定 / designation: ' : ' '.repeat(displayWidth('认定 / designation: '));
      lines.push(`${head}${d.title[lang]}：${met[lang]} — ${d.reason[lang]}`);
    }
  }
  for (const issue of card.issues) {
    lines.push(`问题 / issue: ${issue.field}: ${issue.message.zh} / ${issue.message.en}`);
  }
  return lines;
}

/** `kaoping-pack explain <pack> --inputs file [--lang zh|en] …`: every item, points and why. */
export function explainCommand(args: ParsedArgs, io: CliIo): number {
  const { pack, cards } = scoreFromArgs(args, io, 'explain');
  const langs = languages(args);
  const lines = [`${pack.key}@${pack.version} ${pack.title.zh} / ${pack.title.en}`, ''];
  for (const [i, card] of cards.entries()) {
    if (i > 0) lines.push('', '─'.repeat(40), '');
    lines.push(...explainCard(card, langs));
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
