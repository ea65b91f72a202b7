// `pnpm bench`: runs every suite in bench/suites (or those named on the command
// line), prints one table of medians and ratios, and writes bench/results.json.
import { readdirSync, writeFileSync } from 'node:fs';
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
const results = figures.map(({ name, value, unit, goal, met }) => ({
  name,
  value,
  unit,
  goal,
  met,
}));
writeFileSync(
  resolve(here, 'results.json'),
  `${JSON.stringify({ node: process.version, at: new Date().toISOString(), results }, null, 2)}\n`,
);
const missed = figures.filter((f) => f.met === false);
if (missed.length) console.log(`\n${missed.length} goal(s) not met`);
