// Measurement helpers for `pnpm bench`: medians and spread, never single runs.

/** Run fn `samples` times (after `warmup` runs); returns seconds per sample, sorted. */
export async function sample(fn, { samples = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) / 1000);
  }
  return times.sort((a, b) => a - b);
}

export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (sorted) => quantile(sorted, 0.5);

/** Spread as the interquartile range relative to the median. */
export const spread = (sorted) =>
  (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / median(sorted);

/**
 * A figure for the results table: `goal` is a predicate text such as ">= 0.5"
 * and `met` is computed from it (null when there is no goal).
 */
export function figure(name, value, unit, { goal = null, spread: s = null, note = '' } = {}) {
  let met = null;
  if (goal) {
    const [, op, num] = goal.match(/^(>=|<=|<|>)\s*([\d.]+)/) ?? [];
    const n = Number(num);
    met = op === '>=' ? value >= n : op === '<=' ? value <= n : op === '<' ? value < n : value > n;
  }
  return { name, value, unit, goal, met, spread: s, note };
}

export function printTable(figures) {
  const rows = figures.map((f) => [
    f.name,
    formatNumber(f.value),
    f.unit,
    f.spread === null ? '' : `±${(f.spread * 100).toFixed(0)}%`,
    f.goal ?? '',
    f.met === null ? '' : f.met ? 'met' : 'NOT MET',
  ]);
  const head = ['figure', 'median', 'unit', 'spread', 'goal', ''];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i === 1)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function formatNumber(v) {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toPrecision(3);
}

// CJK characters take two columns in a terminal.
const width = (s) =>
  [...String(s)].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s, w, right) => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};
