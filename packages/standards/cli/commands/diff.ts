import { diffPacks } from '../../src/diff/diff-packs.ts';
import { formatPackDiff, formatRescore, type Lang } from '../../src/diff/format-diff.ts';
import { rescorePreview } from '../../src/diff/rescore-preview.ts';
import type { ParsedArgs } from '../args.ts';
import { CliError, type CliIo } from '../io.ts';
import { loadParameters, loadUnits } from '../load-data.ts';
import { loadPack } from '../load-pack.ts';
import { languages } from './languages.ts';

/**
 * `kaoping-pack diff <old> <new> [--units file] [--parameters file] [--lang zh|en] [--json]`:
 * what changed; with --units, who would gain or lose (every unit scored under both).
 */
export function diffCommand(args: ParsedArgs, io: CliIo): number {
  const [oldRef, newRef] = args.positional;
  if (!oldRef || !newRef) {
    throw new CliError(
      '用法：kaoping-pack diff <旧版本> <新版本>',
      'usage: kaoping-pack diff <old> <new>',
    );
  }
  const before = loadPack(io, oldRef);
  const after = loadPack(io, newRef);
  const diff = diffPacks(before, after);
  const unitsPath = args.values.units;
  const parameters = args.values.parameters ? loadParameters(io, args.values.parameters) : {};
  const preview = unitsPath
    ? rescorePreview(before, after, loadUnits(io, before, unitsPath).units, { parameters })
    : null;
  if (args.switches.has('json')) {
    io.out(`${JSON.stringify(preview ? { diff, rescore: preview } : diff, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const lang of languages(args)) {
    if (lines.length > 0) lines.push('');
    lines.push(...formatPackDiff(diff, lang as Lang));
    if (preview) lines.push('', ...formatRescore(preview, lang as Lang));
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
