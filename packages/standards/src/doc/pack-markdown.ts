import { contentHash } from '../content-hash.ts';
import { describeExpression } from '../expression-describe.ts';
import { packLabels } from '../pack-labels.ts';
import type { Item, Pack } from '../pack-schema.ts';
import * as q from '../rational.ts';
import { describeRule } from '../rules/rule.ts';
import { formatPoints } from '../rules/rule-context.ts';
import type { Text } from '../text.ts';
import { unitKindLabels } from '../unit-kind.ts';

// A pack in Markdown, for people: its items, points and rules in plain words (describeRule),
// the source words each item encodes, and every ambiguity the pack resolved (`notes`).
// Deterministic, so a generated document can be checked for staleness.

const pts = (x: number) => formatPoints(q.fromNumber(x));

/** Text for a Markdown line: no line breaks, table pipes escaped. */
function inline(text: string): string {
  return text.replaceAll('\n', ' ').replaceAll('|', '\\|');
}

function both(text: Text): string {
  return text.zh === text.en ? inline(text.zh) : `${inline(text.zh)} / ${inline(text.en)}`;
}

function kindsText(kinds: readonly string[]): Text {
  const labels = kinds.map(
    (k) => unitKindLabels[k as keyof typeof unitKindLabels] ?? { zh: k, en: k },
  );
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}

function noteLines(notes: readonly Text[], indent = ''): string[] {
  return notes.flatMap((n) => [`${indent}- ${inline(n.zh)}`, `${indent}  ${inline(n.en)}`]);
}

function quoteLines(quote: string, indent: string): string[] {
  return quote.split('\n').map((line) => `${indent}> ${line}`);
}

function itemLines(item: Item, labels: ReturnType<typeof packLabels>): string[] {
  const rule = describeRule(item.rule, labels);
  const range =
    item.min === 0
      ? `${pts(item.max)}分 / ${pts(item.max)} points`
      : `${pts(item.min)}–${pts(item.max)}分 / points`;
  const marks = [
    item.starred ? '★ 引导性 / guidance' : null,
    item.disabled ? '已停用 / disabled' : null,
    item.mandatory ? '必选 / mandatory' : null,
    item.tightenOnly ? '只许收紧 / tighten only' : null,
  ].filter((m) => m !== null);
  const lines = [
    `### ${item.id} ${inline(item.title.zh)}`,
    '',
    `_${inline(item.title.en)}_ — ${range}${marks.length > 0 ? ` · ${marks.join(' · ')}` : ''}`,
    '',
  ];
  if (item.appliesTo) {
    lines.push(`- 适用 / applies to: ${both(kindsText(item.appliesTo))}`);
  }
  if (item.content) lines.push(`- 内容 / content: ${both(item.content)}`);
  if (item.method) lines.push(`- 评估方法 / method: ${both(item.method)}`);
  if (item.departments.length > 0)
    lines.push(`- 评估分工 / departments: ${item.departments.join('、')}`);
  lines.push(`- 规则：${inline(rule.zh)}`, `- Rule: ${inline(rule.en)}`);
  const where = item.source.section
    ? `${item.source.file} ${item.source.section}`
    : item.source.file;
  lines.push(`- 出处 / source: ${inline(where)}`, '', ...quoteLines(item.source.quote, '  '));
  if (item.notes.length > 0) {
    lines.push('', '- 说明 / notes:', ...noteLines(item.notes, '  '));
  }
  lines.push('');
  return lines;
}

/** The whole pack in Markdown. */
export function packMarkdown(pack: Pack): string {
  const labels = packLabels(pack);
  const bonus = pack.categories.filter((c) => c.bonus).reduce((n, c) => n + c.max, 0);
  const source = pack.source;
  const lines = [
    `# ${inline(pack.title.zh)}`,
    '',
    `_${inline(pack.title.en)}_`,
    '',
    `- 标识 / ref: \`${pack.key}@${pack.version}\`${pack.derivedFrom ? `, 派生自 / derived from \`${pack.derivedFrom.key}@${pack.derivedFrom.version}\`` : ''}`,
    `- 发布 / issuer: ${both(pack.issuer)}`,
    `- 出处 / source: ${inline(source.file)}${source.section ? ` ${inline(source.section)}` : ''} 《${inline(source.title)}》${source.document ? `, ${inline(source.document)}` : ''}${source.issued ? `, ${source.issued}` : ''}`,
    `- 生效 / effective: ${pack.effectiveFrom}${pack.effectiveTo ? ` – ${pack.effectiveTo}` : ' –'}`,
    `- 总分 / total: ${pts(pack.total)}${bonus > 0 ? ` + ${pts(bonus)} 加分 / bonus` : ''}`,
    `- 适用 / unit kinds: ${both(kindsText(pack.unitKinds))}`,
    `- 内容哈希 / content hash: \`${contentHash(pack)}\``,
    '',
  ];
  if (pack.notes.length > 0) lines.push('## 说明 / Notes', '', ...noteLines(pack.notes), '');
  if (pack.parameters.length > 0) {
    lines.push(
      '## 参数 / Parameters',
      '',
      '| id | 名称 / name | 类型 / kind | 默认 / default |',
      '| --- | --- | --- | --- |',
    );
    for (const p of pack.parameters) {
      const kind =
        p.kind === 'enum'
          ? p.options.map((o) => `${o.value} (${both(o.label)})`).join(', ')
          : p.kind;
      const shown = p.default === undefined ? '—' : String(p.default);
      lines.push(`| ${p.id} | ${both(p.label)} | ${inline(kind)} | ${shown} |`);
    }
    lines.push('');
  }
  if (pack.eligibility.length > 0) {
    lines.push('## 申报条件 / Eligibility', '');
    for (const gate of pack.eligibility) {
      const when = describeExpression(gate.when, labels);
      lines.push(`- **${both(gate.title)}**: ${inline(when.zh)} / ${inline(when.en)}`);
      if (gate.notes.length > 0) lines.push(...noteLines(gate.notes, '  '));
    }
    lines.push('');
  }
  for (const category of pack.categories) {
    const own = pack.items.filter((i) => i.category === category.id);
    lines.push(
      `## ${category.id} ${inline(category.title.zh)} (${pts(category.max)}${category.bonus ? '，加分项' : ''})`,
      '',
      `_${inline(category.title.en)}${category.bonus ? ', bonus' : ''}_`,
      '',
    );
    for (const item of own) lines.push(...itemLines(item, labels));
  }
  const orphans = pack.items.filter((i) => !pack.categories.some((c) => c.id === i.category));
  for (const item of orphans) lines.push(...itemLines(item, labels));
  if (pack.designation) {
    const d = pack.designation;
    const mark = describeExpression(d.passMark, labels);
    lines.push(
      '## 认定 / Designation',
      '',
      `- ${both(d.title)}: 达标分数线 / pass mark = ${inline(mark.zh)} / ${inline(mark.en)}`,
    );
    for (const r of d.requirements) {
      const when = describeExpression(r.when, labels);
      lines.push(`- ${both(r.title)}: ${inline(when.zh)} / ${inline(when.en)}`);
    }
    if (d.notes.length > 0) lines.push(...noteLines(d.notes, '  '));
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Every documented ambiguity choice of a pack — the notes of the pack, its items, eligibility
 * checks and designation — as a Markdown section (docs/packs.md is generated from these).
 */
export function packAmbiguitiesMarkdown(pack: Pack): string {
  const lines = [
    `### \`${pack.key}@${pack.version}\` ${inline(pack.title.zh)}`,
    '',
    `_${inline(pack.title.en)}_`,
    '',
  ];
  const groups: [string, readonly Text[]][] = [
    ['本标准 / the pack', pack.notes],
    ...pack.eligibility.map((g): [string, readonly Text[]] => [
      `${g.id} ${inline(g.title.zh)}`,
      g.notes,
    ]),
    ...pack.items.map((i): [string, readonly Text[]] => [`${i.id} ${inline(i.title.zh)}`, i.notes]),
    ...(pack.designation
      ? [[`认定 / designation`, pack.designation.notes] as [string, readonly Text[]]]
      : []),
  ];
  let any = false;
  for (const [title, notes] of groups) {
    if (notes.length === 0) continue;
    any = true;
    lines.push(`- **${title}**`, ...noteLines(notes, '  '));
  }
  if (!any) lines.push('- 无 / none');
  return `${lines.join('\n')}\n`;
}

/** The generated section of docs/packs.md: every built-in pack's ambiguity choices. */
export function ambiguitiesSection(packs: readonly Pack[]): string {
  return packs.map(packAmbiguitiesMarkdown).join('\n');
}
