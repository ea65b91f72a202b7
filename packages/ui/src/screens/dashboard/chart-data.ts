// The designation-rate chart's data: rollup rows → bars against their targets, and the
// bars → an SVG layout. Pure, so the mapping is tested apart from the drawing.
import type { Rollup, RollupSeries } from '../../api/rollups.ts';

export interface RateBar {
  id: string;
  label: string;
  /** Designation rate, percent; null when no unit of the kind is in scope. */
  rate: number | null;
  target: number | null;
  met: boolean | null;
  designated: number;
  inScope: number;
  needed: number | null;
  /** The unit whose subtree the chart shows (drawn first). */
  isTotal: boolean;
}

const num = (s: string | null | undefined): number | null => {
  if (s === null || s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

function fromRollup(r: Rollup): RateBar {
  return {
    id: r.org_unit.id,
    label: r.org_unit.name,
    rate: num(r.rate_percent),
    target: num(r.target?.rate_percent),
    met: r.target?.met ?? null,
    designated: r.designated,
    inScope: r.in_scope,
    needed: r.target?.needed_units ?? null,
    isTotal: true,
  };
}

/** The unit's own bar first, then one per child with units of the kind in scope. */
export function barsFromSeries(series: RollupSeries): RateBar[] {
  const c = series.children;
  const children: RateBar[] = c.org_unit_id
    .map((id, i) => ({
      id,
      label: c.name[i] ?? id,
      rate: c.rate_percent[i] ?? null,
      target: c.target_percent[i] ?? null,
      met: c.target_met[i] ?? null,
      designated: c.designated[i] ?? 0,
      inScope: c.in_scope[i] ?? 0,
      needed: c.needed_units[i] ?? null,
      isTotal: false,
    }))
    .filter((b) => b.inScope > 0);
  return series.total ? [fromRollup(series.total), ...children] : children;
}

export interface BarShape {
  bar: RateBar;
  x: number;
  width: number;
  /** Top of the bar and its height, in SVG units (0 % at the baseline). */
  y: number;
  height: number;
  /** The target's tick across the bar, if there is a target. */
  targetY: number | null;
  labelX: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: BarShape[];
  ticks: { y: number; value: number }[];
}

/**
 * Bars on a 0–100 % scale: equal widths with gaps, a tick every 25 %, the target as a line
 * across its bar. `width` grows with the number of bars so labels stay readable.
 */
export function layoutChart(bars: readonly RateBar[], height = 240): ChartLayout {
  const slot = 72;
  const plot = { left: 44, top: 12, right: 12, bottom: 40 };
  const width = Math.max(320, plot.left + plot.right + bars.length * slot);
  const plotHeight = height - plot.top - plot.bottom;
  const baseline = height - plot.bottom;
  const yOf = (percent: number) =>
    baseline - (Math.max(0, Math.min(100, percent)) / 100) * plotHeight;
  const slotWidth = (width - plot.left - plot.right) / Math.max(1, bars.length);
  const barWidth = Math.min(40, slotWidth * 0.6);
  return {
    width,
    height,
    plot,
    bars: bars.map((bar, i) => {
      const x = plot.left + i * slotWidth + (slotWidth - barWidth) / 2;
      const y = yOf(bar.rate ?? 0);
      return {
        bar,
        x,
        width: barWidth,
        y,
        height: baseline - y,
        targetY: bar.target === null ? null : yOf(bar.target),
        labelX: x + barWidth / 2,
      };
    }),
    ticks: [0, 25, 50, 75, 100].map((value) => ({ y: yOf(value), value })),
  };
}

/** Units at each status, in the order of the review chain (then returned, revoked, none). */
export function progressByStatus(
  rollup: Pick<Rollup, 'by_status' | 'in_scope'>,
  chainStatuses: readonly string[],
): { status: string; count: number }[] {
  const order = ['none', 'draft', ...chainStatuses, 'returned', 'revoked'];
  const seen = new Set<string>();
  const rows: { status: string; count: number }[] = [];
  for (const status of [...order, ...Object.keys(rollup.by_status)]) {
    if (seen.has(status)) continue;
    seen.add(status);
    const count = rollup.by_status[status] ?? 0;
    if (count > 0) rows.push({ status, count });
  }
  return rows;
}
