// The examples in docs/packs.md, as a test runs them: fenced ```console blocks (```console
// exit=1 for a failing command), each `$ ` line a command and the lines after it its output,
// where a line `…` stands for any number of lines.

export interface DocExample {
  readonly command: string;
  readonly expected: string[];
  readonly exitCode: number;
  /** 1-based line of the command in the document. */
  readonly line: number;
}

export const ELLIPSIS = '…';

export function docExamples(markdown: string): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  let exitCode: number | null = null;
  let current: { command: string; expected: string[]; exitCode: number; line: number } | null =
    null;
  for (const [index, line] of lines.entries()) {
    if (exitCode === null) {
      const open = /^```console(?:\s+exit=(\d+))?\s*$/.exec(line);
      if (open) exitCode = Number(open[1] ?? 0);
      continue;
    }
    if (line.startsWith('```')) {
      if (current) examples.push(current);
      current = null;
      exitCode = null;
      continue;
    }
    if (line.startsWith('$ ')) {
      if (current) examples.push(current);
      current = { command: line.slice(2), expected: [], exitCode, line: index + 1 };
    } else if (current) {
      current.expected.push(line);
    }
  }
  return examples;
}

/** Whether `actual` matches `expected`, where an expected `…` line matches any run of lines. */
export function matchesLines(expected: readonly string[], actual: readonly string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === expected.length) result = j === actual.length;
    else if (expected[i] === ELLIPSIS) result = go(i + 1, j) || (j < actual.length && go(i, j + 1));
    else result = j < actual.length && expected[i] === actual[j] && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

const PREFIXES = ['npx -y pnpm@10 --silent kaoping-pack ', 'npx -y pnpm@10 kaoping-pack '];

/**
 * The arguments of a documented `npx -y pnpm@10 [--silent] kaoping-pack …` command: what the
 * root package.json script `node packages/standards/cli/kaoping-pack.ts` receives.
 */
export function cliArguments(command: string): string[] {
  const prefix = PREFIXES.find((p) => command.startsWith(p));
  if (!prefix) throw new Error(`not a kaoping-pack command: ${command}`);
  const rest = command.slice(prefix.length);
  if (/["'\\|<>;&]/.test(rest))
    throw new Error(`keep documented commands free of shell syntax: ${command}`);
  return rest.split(/\s+/).filter((a) => a !== '');
}
