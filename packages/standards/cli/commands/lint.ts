import type { LintFinding, LintResult } from '../../src/lint/lint-finding.ts';
import { lintPackSource } from '../../src/lint/lint-pack.ts';
import type { ParsedArgs } from '../args.ts';
import { CliError, type CliIo } from '../io.ts';
import { loadPack, readPackSource } from '../load-pack.ts';

function findingLines(f: LintFinding): string[] {
  const severity = f.severity === 'error' ? '错误 error' : '警告 warning';
  return [`${severity}  ${f.path}  [${f.check}]`, `  ${f.message.zh}`, `  ${f.message.en}`];
}

export function lintReport(ref: string, result: LintResult): string[] {
  const e = result.errors.length;
  const w = result.warnings.length;
  return [
    `${ref}：${e} 个错误，${w} 个警告 / ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
    ...[...result.errors, ...result.warnings].flatMap(findingLines),
  ];
}

/** `kaoping-pack lint <pack> [--parent <pack>] [--json]`: exits 1 when there are errors. */
export function lintCommand(args: ParsedArgs, io: CliIo): number {
  const [ref] = args.positional;
  if (!ref)
    throw new CliError('用法：kaoping-pack lint <标准包>', 'usage: kaoping-pack lint <pack>');
  const parentRef = args.values.parent;
  const parent = parentRef ? loadPack(io, parentRef) : undefined;
  const result = lintPackSource(readPackSource(io, ref), parent ? { parent } : {});
  if (args.switches.has('json')) {
    io.out(`${JSON.stringify({ errors: result.errors, warnings: result.warnings }, null, 2)}\n`);
  } else {
    io.out(`${lintReport(ref, result).join('\n')}\n`);
  }
  return result.errors.length > 0 ? 1 : 0;
}
