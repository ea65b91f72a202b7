import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ambiguitiesSection } from '../src/doc/pack-markdown.ts';
import { lintPackSource } from '../src/lint/lint-pack.ts';
import { builtInPacks } from '../src/registry.ts';
import { SECTION_END, SECTION_START } from './commands/doc.ts';
import { cliArguments, docExamples, ELLIPSIS, matchesLines } from './doc-examples.ts';

// docs/packs.md is executable: every example command runs and must print what the document
// shows; the generated section must match the packs; the example pack must lint clean.

const ROOT = new URL('../../../', import.meta.url).pathname;
const DOC = readFileSync(`${ROOT}docs/packs.md`, 'utf8');
const SCRIPT = 'node packages/standards/cli/kaoping-pack.ts';

function runCli(args: readonly string[]) {
  // What the root script runs, with the same Node (≥ 22: it strips the types).
  const result = spawnSync(process.execPath, ['packages/standards/cli/kaoping-pack.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('docs/packs.md', () => {
  const examples = docExamples(DOC);

  it('has examples of every command', () => {
    const commands = new Set(examples.map((e) => cliArguments(e.command)[0]));
    for (const command of ['list', 'lint', 'diff', 'score', 'explain', 'doc']) {
      expect(commands).toContain(command);
    }
  });

  for (const example of examples) {
    it(`line ${example.line}: ${example.command.slice(0, 90)}`, () => {
      const { code, stdout, stderr } = runCli(cliArguments(example.command));
      expect(stderr).toBe('');
      expect(code).toBe(example.exitCode);
      const actual = lines(stdout);
      if (!matchesLines(example.expected, actual)) {
        // Show the difference line by line (ellipses aside).
        expect(actual).toEqual(example.expected.filter((l) => l !== ELLIPSIS));
      }
    });
  }

  it('is run through the root package.json script that pnpm runs', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.scripts['kaoping-pack']).toBe(SCRIPT);
    const standards = JSON.parse(readFileSync(`${ROOT}packages/standards/package.json`, 'utf8'));
    expect(standards.bin['kaoping-pack']).toBe('./cli/kaoping-pack.ts');
  });

  it('has its generated section up to date (regenerate: kaoping-pack doc --ambiguities --write docs/packs.md)', () => {
    const start = DOC.indexOf(SECTION_START);
    const end = DOC.indexOf(SECTION_END);
    expect(start).toBeGreaterThan(0);
    const current = DOC.slice(start + SECTION_START.length, end).trim();
    expect(current).toBe(ambiguitiesSection(builtInPacks).trim());
  });

  it('shows an example pack that lints clean', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(DOC)?.[1] ?? '';
    const result = lintPackSource(JSON.parse(block));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('cli/examples', () => {
  it('keeps conghua.pack.json what `derive` makes of conghua.overrides.json', () => {
    const { code, stdout } = runCli([
      'derive',
      'gz.full-employment@2024.1',
      '--overrides',
      'packages/standards/cli/examples/conghua.overrides.json',
    ]);
    expect(code).toBe(0);
    // Compared as data: biome formats the committed file.
    const committed = readFileSync(
      `${ROOT}packages/standards/cli/examples/conghua.pack.json`,
      'utf8',
    );
    expect(JSON.parse(stdout)).toEqual(JSON.parse(committed));
  });
});

describe('npx -y pnpm@10 kaoping-pack (the real thing, once)', () => {
  it('runs the root script, passes the arguments and the exit code through', () => {
    const result = spawnSync(
      'npx',
      [
        '-y',
        'pnpm@10',
        'kaoping-pack',
        'lint',
        'packages/standards/cli/examples/literal-unemployment-statistics.pack.json',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.stdout).toContain(
      `> ${SCRIPT} lint packages/standards/cli/examples/literal-unemployment-statistics.pack.json`,
    );
    expect(result.stdout).toContain('失业保险.1 的评分规则最高可得5分，超过本项满分4分');
    expect(result.status).toBe(1);
  }, 120_000);
});
