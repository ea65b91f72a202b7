// What a first visit downloads, gzipped: index.html, app.css, the entry script
// with the chunks it imports statically, and — for a deep link — the lazily
// loaded screen with its own static imports. Measured from esbuild's metafile.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_PAGE_BUDGET_BYTES = 100_000;

const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** The output file and every chunk it imports statically, transitively. */
function staticClosure(metafile, start) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imp of metafile.outputs[path]?.imports ?? []) {
      if (imp.kind === 'import-statement') visit(imp.path);
    }
  };
  visit(start);
  return seen;
}

/**
 * @param {string} distDir the built dist directory
 * @param {import('esbuild').Metafile} metafile
 */
export function firstPageReport(distDir, metafile) {
  const cwd = process.cwd();
  const entry = Object.keys(metafile.outputs).find(
    (p) => resolve(cwd, p) === resolve(distDir, 'app.js'),
  );
  if (!entry) throw new Error('app.js is not among the build outputs');
  const shellFiles = ['index.html', 'app.css'].map((f) => resolve(distDir, f));
  const shellBytes = shellFiles.reduce((sum, f) => sum + gzipped(f), 0);
  const shellClosure = staticClosure(metafile, entry);
  const scriptBytes = (paths) => [...paths].reduce((sum, p) => sum + gzipped(resolve(cwd, p)), 0);
  const signedOut = shellBytes + scriptBytes(shellClosure);

  // Each lazily loaded screen, landed on directly.
  const screens = metafile.outputs[entry].imports
    .filter((imp) => imp.kind === 'dynamic-import')
    .map((imp) => {
      const closure = staticClosure(metafile, imp.path);
      for (const p of shellClosure) closure.delete(p);
      const source = metafile.outputs[imp.path]?.entryPoint ?? imp.path;
      return { screen: source.split('/').pop(), bytes: signedOut + scriptBytes(closure) };
    })
    .sort((a, b) => b.bytes - a.bytes);

  const worst = screens[0] ?? { screen: 'shell', bytes: signedOut };
  const totalScripts = Object.keys(metafile.outputs)
    .filter((p) => p.endsWith('.js'))
    .reduce((sum, p) => sum + gzipped(resolve(cwd, p)), 0);
  const lines = [
    `  first page, signed out (html + css + ${shellClosure.size} script file(s)): ${kb(signedOut)} gzipped`,
    `  heaviest deep link (${worst.screen}): ${kb(worst.bytes)} gzipped`,
    `  all scripts together: ${kb(totalScripts)} gzipped, ${Object.keys(metafile.outputs).filter((p) => p.endsWith('.js')).length} files`,
    `  budget ${kb(FIRST_PAGE_BUDGET_BYTES)} (${relative(cwd, distDir) || '.'})`,
  ];
  return { signedOutBytes: signedOut, worstBytes: worst.bytes, screens, totalScripts, lines };
}
