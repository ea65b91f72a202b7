import { describe, expect, it } from 'vitest';
import type { RollupSeries } from '../../api/rollups.ts';
import { barsFromSeries, layoutChart, progressByStatus } from './chart-data.ts';

// The series GET /v1/cycles/{id}/rollups/series answers (its OpenAPI example, plus a total).
const series: RollupSeries = {
  cycle_id: 'cyc_1',
  unit_kind: 'village',
  org_unit: { id: 'org_d', name: '从化区', kind: 'district' },
  total: {
    org_unit: { id: 'org_d', name: '从化区', kind: 'district' },
    unit_kind: 'village',
    in_scope: 42,
    submitted: 38,
    by_status: { published: 26, verified: 5, draft: 4, none: 7 },
    designated: 26,
    rate_percent: '61.90',
    target: { rate_percent: '70', met: false, needed_units: 4 },
    computed_at: '2026-11-22T08:05:13.001Z',
  },
  children: {
    org_unit_id: ['org_l', 'org_v', 'org_e'],
    name: ['良口镇', '吕田镇', '鳌头镇'],
    kind: ['town', 'town', 'town'],
    in_scope: [23, 19, 0],
    submitted: [23, 15, 0],
    designated: [17, 9, 0],
    rate_percent: [73.91, 47.37, null],
    target_percent: [70, 70, null],
    target_met: [true, false, null],
    needed_units: [0, 5, null],
  },
  truncated: false,
};

describe('the designation-rate chart', () => {
  it('maps the series to bars: the area first, then each child with units in scope', () => {
    const bars = barsFromSeries(series);
    expect(bars.map((b) => [b.label, b.rate, b.target, b.met, b.needed, b.isTotal])).toEqual([
      ['从化区', 61.9, 70, false, 4, true],
      ['良口镇', 73.91, 70, true, 0, false],
      ['吕田镇', 47.37, 70, false, 5, false],
    ]);
    expect(barsFromSeries({ ...series, total: null })).toHaveLength(2);
  });

  it('lays the bars on a 0–100 % scale with the target across each bar', () => {
    const layout = layoutChart(barsFromSeries(series), 240);
    const baseline = layout.height - layout.plot.bottom;
    const plotHeight = baseline - layout.plot.top;
    const [area, liangkou] = layout.bars;
    expect(area!.height).toBeCloseTo(plotHeight * 0.619, 6);
    expect(area!.y + area!.height).toBeCloseTo(baseline, 9);
    expect(area!.targetY).toBeCloseTo(baseline - plotHeight * 0.7, 9);
    // 良口镇 is above its target: its bar reaches higher than the target line.
    expect(liangkou!.y).toBeLessThan(liangkou!.targetY!);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(layout.ticks[0]!.y).toBe(baseline);
    expect(layout.ticks[4]!.y).toBe(layout.plot.top);
    // Bars do not overlap and stay inside the plot.
    for (const [i, bar] of layout.bars.entries()) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.width - layout.plot.right);
      const next = layout.bars[i + 1];
      if (next) expect(bar.x + bar.width).toBeLessThan(next.x);
    }
  });

  it('clamps rates outside 0–100 and draws no target line without a target', () => {
    const layout = layoutChart([
      { ...barsFromSeries(series)[0]!, rate: 130, target: null },
      { ...barsFromSeries(series)[1]!, rate: null },
    ]);
    expect(layout.bars[0]!.y).toBe(layout.plot.top);
    expect(layout.bars[0]!.targetY).toBeNull();
    expect(layout.bars[1]!.height).toBe(0);
  });

  it('orders progress by the review chain, leaving out statuses nobody is at', () => {
    const rows = progressByStatus(series.total!, [
      'submitted',
      'recommended',
      'verified',
      'publicised',
      'published',
    ]);
    expect(rows).toEqual([
      { status: 'none', count: 7 },
      { status: 'draft', count: 4 },
      { status: 'verified', count: 5 },
      { status: 'published', count: 26 },
    ]);
  });
});
