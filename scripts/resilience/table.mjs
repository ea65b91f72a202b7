// The `pnpm test:resilience` table: the records the suites wrote (reporter.mjs), summed by
// family and group, with the columns whose goal is zero checked.
import { GROUPS } from './families.mjs';

/** Columns summed per family; the ones after `tried` must be zero. */
export const ZERO_GOAL = ['fiveXX', 'stateChanges', 'foreignIds', 'lost', 'duplicated'];
const SUMMED = ['tried', 'designed503', ...ZERO_GOAL];

const HEADINGS = [
  ['tried', 'tried'],
  ['fiveXX', '5xx'],
  ['designed503', '503+RA'],
  ['stateChanges', 'changed'],
  ['foreignIds', 'foreign'],
  ['lost', 'lost'],
  ['duplicated', 'dup'],
  ['p50', 'p50 ms'],
  ['p99', 'p99 ms'],
];

/** Sums records into one row per family; latencies are taken from the family's record(s). */
export function summarize(records) {
  const rows = new Map();
  for (const r of records) {
    const row = rows.get(r.family) ?? Object.fromEntries(SUMMED.map((k) => [k, 0]));
    for (const k of SUMMED) row[k] += r[k] ?? 0;
    for (const k of ['p50', 'p99']) {
      if (r[k] !== undefined) row[k] = Math.max(row[k] ?? 0, r[k]);
    }
    rows.set(r.family, row);
  }
  return rows;
}

/** Pads to a width in terminal columns: Chinese characters take two. */
function padEndColumns(text, width) {
  const columns = [...text].reduce(
    (n, ch) =>
      n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1),
    0,
  );
  return text + ' '.repeat(Math.max(0, width - columns));
}

/** The table as lines of text (Chinese first, then English), and whether it met its goals. */
export function renderTable(records) {
  const rows = summarize(records);
  const width = 64;
  const cell = (v) => String(v ?? '').padStart(8);
  const lines = [
    `${padEndColumns('家族 family', width)}${HEADINGS.map(([, h]) => cell(h)).join('')}`,
    '─'.repeat(width + 8 * HEADINGS.length),
  ];
  const failures = [];
  const known = new Set();
  for (const group of GROUPS) {
    const total = Object.fromEntries(SUMMED.map((k) => [k, 0]));
    const sub = [];
    for (const [family, label] of group.families) {
      known.add(family);
      const row = rows.get(family);
      if (!row) {
        failures.push(`${family}: no suite reported it`);
        sub.push(padEndColumns(`  ${label}`, width) + cell('—'));
        continue;
      }
      for (const k of SUMMED) total[k] += row[k];
      for (const k of ZERO_GOAL) if (row[k] > 0) failures.push(`${family}: ${k} = ${row[k]}`);
      sub.push(
        padEndColumns(`  ${label}`, width) +
          HEADINGS.map(([k]) =>
            cell(k === 'p50' || k === 'p99' ? (row[k] ?? '') : row[k].toLocaleString('en')),
          ).join(''),
      );
    }
    lines.push(
      padEndColumns(group.label, width) +
        HEADINGS.map(([k]) => cell(k in total ? total[k].toLocaleString('en') : '')).join(''),
      ...sub,
    );
  }
  for (const family of rows.keys()) {
    if (!known.has(family)) failures.push(`${family}: not a family of the table`);
  }
  return { lines, failures, rows };
}
