import type { Category, Item, Pack } from '@kaoping/standards';
import type { ChainStage } from '../cycles/review-chain.ts';

/**
 * How a cycle's export is laid out: the columns of the source table the pack was written from,
 * then the points per stage. The source is recognised by the pack's citation (`source.file` and
 * section), which tailored versions keep, so a district's own version of the Guangzhou standard
 * prints like the Guangzhou table.
 *
 * - 001_…txt 附件2, 全省就业工作单项考核表: 项目 / 子项目 / 分值 / 目标要求 / 评分办法 / 自评分 /
 *   省厅初评分 / 省厅审定考核分 — the three score columns are the pack's own stages.
 * - 000_…txt 附件3, 广州市高质量就业村建设标准: 一级指标 / 二级指标 / 分值 / 指标内容 / 评估标准 /
 *   评估方法 / 评估分工, then the cycle's stages.
 * - 000_…txt 附件4, 广州市充分就业社区(村)建设标准: 建设项目 / 建设内容 / 分值 / 评估标准和方法 /
 *   评估分工, then the cycle's stages.
 * - 003_…txt 附件1, 宜春市…考核评价指标: 序号 / 指标类别 / 创建指标 / 具体指标内容及分值 /
 *   考核内容及评分标准 / 备注, then the cycle's stages.
 * - anything else: 编号 / 类别 / 指标 / 分值 / 评分办法, then the cycle's stages.
 */

export type Cell = string | number | null;

export interface ItemColumn {
  readonly header: string;
  /** Character width in the XLSX sheet. */
  readonly width: number;
  readonly value: (item: Item, category: Category | undefined) => Cell;
}

export interface StageColumn {
  /** The cycle's stage key whose scores fill the column. */
  readonly stage: string;
  readonly header: string;
}

export interface Layout {
  readonly name: 'province' | 'gz-hqe-village' | 'gz-full-employment' | 'yc-hqe' | 'generic';
  readonly itemColumns: readonly ItemColumn[];
  readonly stageColumns: readonly StageColumn[];
}

const lines = (...parts: (string | undefined)[]) =>
  parts.filter((p): p is string => p !== undefined && p.trim() !== '').join('\n');

/** "失业保险（50分）": a category with its points, as the source prints it. */
const categoryWithPoints = (c: Category | undefined, open = '（', close = '分）') =>
  c ? `${c.title.zh}${open}${c.max}${close}` : '';

/** The item's number within its category ("一.3" → 3). */
const itemNumber = (item: Item) => item.id.slice(item.id.indexOf('.') + 1);

/** 003_…: the source's serial (序号) and 创建指标, kept in the citation ("附件1 序号12 就业服务"). */
function ycCitation(item: Item): { serial: number | null; name: string } {
  const m = /序号(\d+)\s*(.*)$/.exec(item.source.section ?? '');
  return m ? { serial: Number(m[1]), name: (m[2] ?? '').trim() } : { serial: null, name: '' };
}

const points: ItemColumn = { header: '分值', width: 8, value: (item) => item.max };

const PROVINCE_ITEMS: ItemColumn[] = [
  { header: '项目', width: 16, value: (_, c) => categoryWithPoints(c) },
  { header: '子项目', width: 24, value: (item) => item.title.zh },
  points,
  { header: '目标要求', width: 40, value: (item) => item.target?.zh ?? '' },
  { header: '评分办法', width: 60, value: (item) => item.method?.zh ?? '' },
];

const GZ_HQE_ITEMS: ItemColumn[] = [
  { header: '一级指标', width: 16, value: (_, c) => categoryWithPoints(c, '(', '分)') },
  { header: '二级指标', width: 28, value: (item) => `${itemNumber(item)}. ${item.title.zh}` },
  points,
  { header: '指标内容', width: 40, value: (item) => item.content?.zh ?? '' },
  { header: '评估标准', width: 50, value: (item) => item.source.quote },
  { header: '评估方法', width: 30, value: (item) => item.method?.zh ?? '' },
  { header: '评估分工', width: 20, value: (item) => item.departments.join('、') },
];

const GZ_FULL_ITEMS: ItemColumn[] = [
  {
    header: '建设项目',
    width: 18,
    value: (_, c) => (c ? `(${c.id})${c.title.zh}(${c.max}分)` : ''),
  },
  { header: '建设内容', width: 28, value: (item) => `${itemNumber(item)}. ${item.title.zh}` },
  points,
  {
    header: '评估标准和方法',
    width: 60,
    value: (item) => lines(item.content?.zh, item.source.quote, item.method?.zh),
  },
  { header: '评估分工', width: 20, value: (item) => item.departments.join('、') },
];

const YC_ITEMS: ItemColumn[] = [
  { header: '序号', width: 6, value: (item) => ycCitation(item).serial },
  { header: '指标类别', width: 16, value: (_, c) => categoryWithPoints(c) },
  { header: '创建指标', width: 16, value: (item) => ycCitation(item).name },
  {
    header: '具体指标内容及分值',
    width: 28,
    value: (item) => `${item.title.zh}（${item.max}分）`,
  },
  { header: '考核内容及评分标准', width: 60, value: (item) => item.content?.zh ?? '' },
  { header: '备注', width: 10, value: () => '' },
];

const GENERIC_ITEMS: ItemColumn[] = [
  { header: '编号', width: 8, value: (item) => item.id },
  { header: '类别', width: 16, value: (_, c) => c?.title.zh ?? '' },
  { header: '指标', width: 28, value: (item) => item.title.zh },
  points,
  { header: '评分办法', width: 50, value: (item) => item.method?.zh ?? item.source.quote },
];

/** A column per stage of the cycle's chain: "<stage title>得分". */
function chainColumns(chain: readonly ChainStage[]): StageColumn[] {
  return chain.map((s) => ({ stage: s.key, header: `${s.title.zh}得分` }));
}

/**
 * The province table's three score columns are the pack's own stages, headed as the source
 * heads them (the pack's stage titles are the source's words); each is filled from the cycle
 * stage that enters that pack stage.
 */
function packStageColumns(pack: Pack, chain: readonly ChainStage[]): StageColumn[] {
  return (pack.reviewChain ?? []).map((s) => ({
    stage: chain.find((c) => c.pack_stage === s.key)?.key ?? s.key,
    header: s.title.zh,
  }));
}

export function layoutFor(pack: Pack, chain: readonly ChainStage[]): Layout {
  const file = pack.source.file;
  const section = pack.source.section ?? '';
  if (file.startsWith('001_') && (pack.reviewChain?.length ?? 0) > 0) {
    return {
      name: 'province',
      itemColumns: PROVINCE_ITEMS,
      stageColumns: packStageColumns(pack, chain),
    };
  }
  if (file.startsWith('000_') && section.includes('附件3')) {
    return { name: 'gz-hqe-village', itemColumns: GZ_HQE_ITEMS, stageColumns: chainColumns(chain) };
  }
  if (file.startsWith('000_') && section.includes('附件4')) {
    return {
      name: 'gz-full-employment',
      itemColumns: GZ_FULL_ITEMS,
      stageColumns: chainColumns(chain),
    };
  }
  if (file.startsWith('003_')) {
    return { name: 'yc-hqe', itemColumns: YC_ITEMS, stageColumns: chainColumns(chain) };
  }
  return { name: 'generic', itemColumns: GENERIC_ITEMS, stageColumns: chainColumns(chain) };
}

/** The items a unit of `kind` is scored on, in the pack's order, with their categories. */
export function itemsFor(
  pack: Pack,
  kind: string,
): { item: Item; category: Category | undefined }[] {
  const categories = new Map(pack.categories.map((c) => [c.id, c]));
  return pack.items
    .filter((item) => !item.disabled)
    .filter((item) => !item.appliesTo || item.appliesTo.includes(kind as never))
    .map((item) => ({ item, category: categories.get(item.category) }));
}

export const UNIT_KIND_ZH: Readonly<Record<string, string>> = {
  province: '省',
  city: '市',
  district: '区',
  county: '县',
  town: '镇',
  street: '街道',
  village: '村',
  community: '社区',
};

export const STATUS_ZH: Readonly<Record<string, string>> = {
  none: '未填报',
  draft: '填报中',
  submitted: '已提交',
  recommended: '已推荐',
  verified: '已核定',
  publicised: '公示中',
  published: '已公布',
  returned: '已退回',
  revoked: '已撤销',
};

export function designationZh(met: number | null | undefined): string {
  if (met === undefined) return '';
  if (met === null) return '待定';
  return met === 1 ? '达标' : '未达标';
}
