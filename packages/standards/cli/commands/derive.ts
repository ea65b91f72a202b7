import { lintPack } from '../../src/lint/lint-pack.ts';
import { PackError } from '../../src/pack-integrity.ts';
import { derivePack } from '../../src/tailor/derive-pack.ts';
import type { ParsedArgs } from '../args.ts';
import { CliError, type CliIo } from '../io.ts';
import { loadPack } from '../load-pack.ts';
import { lintReport } from './lint.ts';

/**
 * `kaoping-pack derive <parent> --overrides file.json [--out pack.json]`: a tailored version
 * (see docs/packs.md, "Tailoring"), linted against its parent. Without --out the pack's JSON
 * goes to stdout; with it, the lint report does. Exits 1 when the linter finds errors.
 */
export function deriveCommand(args: ParsedArgs, io: CliIo): number {
  const [ref] = args.positional;
  const overridesPath = args.values.overrides;
  if (!ref || !overridesPath) {
    throw new CliError(
      '用法：kaoping-pack derive <来源标准包> --overrides <文件.json> [--out <文件.json>]',
      'usage: kaoping-pack derive <parent> --overrides <file.json> [--out <file.json>]',
    );
  }
  const parent = loadPack(io, ref);
  let overrides: unknown;
  try {
    overrides = JSON.parse(io.readFile(overridesPath));
  } catch (error) {
    throw new CliError(
      `无法读取派生设置 ${overridesPath}：${(error as Error).message}`,
      `cannot read the overrides ${overridesPath}: ${(error as Error).message}`,
    );
  }
  let derived: ReturnType<typeof derivePack>;
  try {
    derived = derivePack(parent, overrides as never);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    const lines = error.problems.map((p) => `  ${p.path}: ${p.message.zh} / ${p.message.en}`);
    throw new CliError(`派生失败：\n${lines.join('\n')}`, 'the overrides cannot be applied');
  }
  const result = lintPack(derived, { parent });
  const report = lintReport(`${derived.key}@${derived.version}`, result).join('\n');
  const json = `${JSON.stringify(derived, null, 2)}\n`;
  if (args.values.out) {
    io.writeFile(args.values.out, json);
    io.out(`${report}\n`);
  } else {
    io.out(json);
    if (result.errors.length > 0) io.err(`${report}\n`);
  }
  return result.errors.length > 0 ? 1 : 0;
}
