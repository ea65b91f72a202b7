import type { ParsedArgs } from '../args.ts';
import { CliError } from '../io.ts';

/** `--lang zh|en` picks one language; by default both, Chinese first. */
export function languages(args: ParsedArgs): ('zh' | 'en')[] {
  const lang = args.values.lang;
  if (lang === undefined) return ['zh', 'en'];
  if (lang === 'zh' || lang === 'en') return [lang];
  throw new CliError('--lang 只能是 zh 或 en', '--lang must be zh or en');
}
