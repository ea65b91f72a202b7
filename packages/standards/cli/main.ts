import { type ParsedArgs, parseArgs } from './args.ts';
import { deriveCommand } from './commands/derive.ts';
import { diffCommand } from './commands/diff.ts';
import { docCommand } from './commands/doc.ts';
import { explainCommand } from './commands/explain.ts';
import { lintCommand } from './commands/lint.ts';
import { listCommand } from './commands/list.ts';
import { scoreCommand } from './commands/score.ts';
import { SCORING_VALUES } from './commands/scoring.ts';
import { CliError, type CliIo } from './io.ts';

// kaoping-pack: the pack author's tool. Exit codes: 0 done, 1 the linter found errors,
// 2 a usage or input problem (unknown pack, unreadable file, bad parameters).

interface Command {
  readonly run: (args: ParsedArgs, io: CliIo) => number;
  readonly values: readonly string[];
  readonly switches: readonly string[];
  readonly usage: string;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  list: { run: listCommand, values: [], switches: ['json'], usage: 'list [--json]' },
  lint: {
    run: lintCommand,
    values: ['parent'],
    switches: ['json'],
    usage: 'lint <pack> [--parent <pack>] [--json]',
  },
  diff: {
    run: diffCommand,
    values: ['units', 'parameters', 'lang'],
    switches: ['json'],
    usage: 'diff <old> <new> [--units <file>] [--parameters <file>] [--lang zh|en] [--json]',
  },
  score: {
    run: scoreCommand,
    values: SCORING_VALUES,
    switches: ['json'],
    usage:
      'score <pack> --inputs <file> [--parameters <file>] [--assessments <file>] [--references <file>] [--unit-kind <kind>] [--json]',
  },
  explain: {
    run: explainCommand,
    values: SCORING_VALUES,
    switches: [],
    usage: 'explain <pack> --inputs <file> [… as score] [--lang zh|en]',
  },
  doc: {
    run: docCommand,
    values: ['write'],
    switches: ['ambiguities'],
    usage: 'doc <pack> | doc --ambiguities [--write <docs/packs.md>]',
  },
  derive: {
    run: deriveCommand,
    values: ['overrides', 'out'],
    switches: [],
    usage: 'derive <parent> --overrides <file.json> [--out <file.json>]',
  },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  kaoping-pack ${c.usage}`);
  return [
    '用法 / usage:',
    ...lines,
    '',
    '<pack>: 内置 key 或 key@version，或 JSON 文件 / a built-in key or key@version, or a JSON file',
    '',
  ].join('\n');
}

export function main(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new CliError(`未知命令 ${name}`, `unknown command ${name}`);
    const args = parseArgs(rest, { values: command.values, switches: command.switches });
    return command.run(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`${error.zh}\n${error.en}\n`);
    if (!command) io.err(usage());
    return 2;
  }
}
