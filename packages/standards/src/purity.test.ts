import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine must give the same scorecard anywhere: no I/O, no clock, no randomness, no
// runtime beyond ECMAScript in the shipped code (tests may use node).

const ROOT = new URL('..', import.meta.url).pathname;
const FORBIDDEN: readonly [RegExp, string][] = [
  [/\bDate\.now\b|\bnew Date\(/, 'the clock'],
  [/\bMath\.random\b/, 'randomness'],
  [/\bfetch\(/, 'fetch'],
  [/\bset(Timeout|Interval|Immediate)\(/, 'timers'],
  [/\bconsole\./, 'console'],
  [/\bprocess\./, 'process'],
  [/from ['"]node:|require\(/, 'node modules'],
  [/\beval\(|new Function\(/, 'eval'],
];

function shipped(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return shipped(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('purity', () => {
  const files = [...shipped(join(ROOT, 'src')), ...shipped(join(ROOT, 'packs'))];

  it('finds the shipped files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(ROOT.length), f]))(
    '%s uses no I/O, clock or randomness',
    (_name, file) => {
      const text = readFileSync(file as string, 'utf8');
      for (const [pattern, what] of FORBIDDEN) expect(text, what).not.toMatch(pattern);
    },
  );
});
