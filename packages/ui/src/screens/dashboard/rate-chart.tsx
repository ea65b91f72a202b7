import { ScrollTable } from '../../components/scroll-table.tsx';
import { t, useLang } from '../../i18n/lang.ts';
import { layoutChart, type RateBar } from './chart-data.ts';

/** Wider than this (in SVG units, about 8 bars), the chart is drawn at its own size. */
const WIDE = 640;

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100) / 100}%`);

/**
 * Designation rate against target, drawn here as SVG (no chart library): a bar per unit, the
 * target as a line across it. The same figures follow as a table for screen readers and print.
 */
export function RateChart(props: { bars: readonly RateBar[]; id: string; caption: string }) {
  useLang();
  const layout = layoutChart(props.bars);
  const { plot } = layout;
  const baseline = layout.height - plot.bottom;
  return (
    <figure class="rate-chart">
      {/* Many bars keep their natural width and scroll sideways; a few fit the page. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled from the keyboard */}
      <section class="chart-scroll" tabIndex={0} aria-label={props.caption}>
        <svg
          class={layout.width > WIDE ? 'wide' : undefined}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          role="img"
          aria-labelledby={`${props.id}-title ${props.id}-desc`}
        >
          <title id={`${props.id}-title`}>{props.caption}</title>
          <desc id={`${props.id}-desc`}>
            {props.bars
              .map((b) =>
                t('chart.barText', {
                  unit: b.label,
                  rate: pct(b.rate),
                  target: pct(b.target),
                }),
              )
              .join(t('punct.list'))}
          </desc>
          {layout.ticks.map((tick) => (
            <g key={tick.value} class="tick">
              <line x1={plot.left} x2={layout.width - plot.right} y1={tick.y} y2={tick.y} />
              <text x={plot.left - 6} y={tick.y + 4} text-anchor="end">
                {`${tick.value}%`}
              </text>
            </g>
          ))}
          {layout.bars.map((shape) => (
            <g
              key={shape.bar.id}
              class={`bar ${shape.bar.isTotal ? 'total' : ''} ${shape.bar.met === true ? 'met' : shape.bar.met === false ? 'short' : ''}`}
            >
              <rect
                x={shape.x}
                y={shape.y}
                width={shape.width}
                height={Math.max(shape.height, 1)}
              />
              {shape.targetY !== null && (
                <line
                  class="target"
                  x1={shape.x - 6}
                  x2={shape.x + shape.width + 6}
                  y1={shape.targetY}
                  y2={shape.targetY}
                />
              )}
              <text class="value" x={shape.labelX} y={shape.y - 4} text-anchor="middle">
                {pct(shape.bar.rate)}
              </text>
              <text class="label" x={shape.labelX} y={baseline + 16} text-anchor="middle">
                {shape.bar.label.length > 6 ? `${shape.bar.label.slice(0, 6)}…` : shape.bar.label}
              </text>
            </g>
          ))}
          <line
            class="axis"
            x1={plot.left}
            x2={layout.width - plot.right}
            y1={baseline}
            y2={baseline}
          />
        </svg>
      </section>
      <figcaption class="hint">
        <span class="legend-bar" aria-hidden="true" /> {t('chart.legendRate')}{' '}
        <span class="legend-target" aria-hidden="true" /> {t('chart.legendTarget')}
      </figcaption>
      <ScrollTable label={t('chart.tableLabel', { caption: props.caption })}>
        <table class="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('queue.unit')}</th>
              <th scope="col">{t('chart.inScope')}</th>
              <th scope="col">{t('chart.designated')}</th>
              <th scope="col">{t('chart.rate')}</th>
              <th scope="col">{t('chart.target')}</th>
              <th scope="col">{t('chart.needed')}</th>
            </tr>
          </thead>
          <tbody>
            {props.bars.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.label}</th>
                <td>{b.inScope}</td>
                <td>{b.designated}</td>
                <td>{pct(b.rate)}</td>
                <td>
                  {pct(b.target)}
                  {b.met === true && ` · ${t('chart.met')}`}
                  {b.met === false && ` · ${t('chart.notMet')}`}
                </td>
                <td>{b.needed ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </figure>
  );
}
