import type { Text } from '../text.ts';
import type { DeclarationsDiff, PackDiff } from './diff-packs.ts';
import type { RescorePreview } from './rescore-preview.ts';

// Plain-text renderings of a diff and a rescore preview, one language at a time (the CLI
// prints both, Chinese first).

export type Lang = 'zh' | 'en';

const HEAD: Readonly<Record<string, Text>> = {
  items: { zh: '指标项', en: 'Items' },
  categories: { zh: '类别', en: 'Categories' },
  parameters: { zh: '参数', en: 'Parameters' },
  inputs: { zh: '输入项', en: 'Inputs' },
  metrics: { zh: '指标', en: 'Metrics' },
  references: { zh: '参照值', en: 'References' },
  pack: { zh: '标准', en: 'Pack' },
};

const WORDS: Readonly<Record<'added' | 'removed' | 'changed', Text>> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  changed: { zh: '修改', en: 'changed' },
};

const paren = (text: string, lang: Lang) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

function section(name: string, d: DeclarationsDiff, lang: Lang): string[] {
  const lines: string[] = [];
  for (const a of d.added)
    lines.push(`  + ${a.id} ${a.title[lang]}${paren(WORDS.added[lang], lang)}`);
  for (const r of d.removed) {
    lines.push(`  - ${r.id} ${r.title[lang]}${paren(WORDS.removed[lang], lang)}`);
  }
  for (const c of d.changed) {
    lines.push(`  ~ ${c.id} ${c.title[lang]}${paren(WORDS.changed[lang], lang)}`);
    for (const f of c.changes) lines.push(`      ${f.message[lang]}`);
  }
  if (lines.length === 0) return [];
  return [`${HEAD[name]?.[lang] ?? name}:`, ...lines];
}

export function formatPackDiff(diff: PackDiff, lang: Lang): string[] {
  const title = `${diff.from.key}@${diff.from.version} → ${diff.to.key}@${diff.to.version}`;
  const lines = [title, diff.summary[lang]];
  if (diff.pack.length > 0) {
    lines.push(`${HEAD.pack?.[lang]}:`, ...diff.pack.map((c) => `  ~ ${c.message[lang]}`));
  }
  for (const name of [
    'items',
    'categories',
    'parameters',
    'inputs',
    'metrics',
    'references',
  ] as const) {
    lines.push(...section(name, diff[name], lang));
  }
  return lines;
}

/** Terminal columns: CJK characters take two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text)
    n +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return n;
}

const signed = (x: number) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '±0');

export function formatRescore(preview: RescorePreview, lang: Lang): string[] {
  const s = preview.summary;
  const head =
    lang === 'zh'
      ? `${preview.from.key}@${preview.from.version} → ${preview.to.key}@${preview.to.version}：${s.units}个单位，${s.gain}个得分上升，${s.lose}个下降，${s.same}个不变；新达标${s.designationGained}个，不再达标${s.designationLost}个`
      : `${preview.from.key}@${preview.from.version} → ${preview.to.key}@${preview.to.version}: ${s.units} units, ${s.gain} gain, ${s.lose} lose, ${s.same} unchanged; ${s.designationGained} newly designated, ${s.designationLost} no longer`;
  const width = Math.max(0, ...preview.units.map((u) => columns(u.unitId)));
  const rows = preview.units.map((u) => {
    const items = u.moved
      .map((m) => `${m.id} ${m.old ?? '—'}→${m.new ?? '—'}`)
      .join(lang === 'zh' ? '，' : ', ');
    const id = u.unitId + ' '.repeat(width - columns(u.unitId));
    return `  ${id}  ${u.old.total} → ${u.new.total} (${signed(u.delta)})${items ? `  ${items}` : ''}`;
  });
  return [head, ...rows];
}
