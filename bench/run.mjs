// `pnpm bench`: runs every suite in bench/suites (or those named on the command
// line), prints one table of medians and ratios, and writes bench/results.json.
// A run of some suites replaces only their figures there: each figure keeps the time of
// the run that measured it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printTable } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(resolve(here, 'suites'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const figures = [];
for (const file of files) {
  const suite = await import(pathToFileURL(resolve(here, 'suites', file)).href);
  console.error(`… ${suite.title}`);
  figures.push(...(await suite.run()));
}
printTable(figures);
const at = new Date().toISOString();
const measured = figures.map(({ name, value, unit, goal, met }) => ({
  name,
  value,
  unit,
  goal,
  met,
  at,
}));
const file = resolve(here, 'results.json');
const previous =
  only.length > 0 && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
const earlier = (previous?.results ?? []).map((r) => ({ ...r, at: r.at ?? previous.at }));
const fresh = new Map(measured.map((r) => [r.name, r]));
const results = [
  ...earlier.map((r) => fresh.get(r.name) ?? r),
  ...measured.filter((r) => !earlier.some((e) => e.name === r.name)),
];
writeFileSync(file, `${JSON.stringify({ node: process.version, at, results }, null, 2)}\n`);
const missed = figures.filter((f) => f.met === false);
if (missed.length) console.log(`\n${missed.length} goal(s) not met`);
