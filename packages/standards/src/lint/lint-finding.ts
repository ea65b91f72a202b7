import type { LabelLookup } from '../expression-describe.ts';
import type { Pack } from '../pack-schema.ts';
import type { Text } from '../text.ts';

// The linter's vocabulary: a finding says which check, how bad, where, and what, in zh and en.

export type LintCheckId =
  | 'schema'
  | 'integrity'
  | 'references'
  | 'item-bounds'
  | 'category-totals'
  | 'bands'
  | 'ladders'
  | 'item-ids'
  | 'citations'
  | 'tailoring';

export type LintSeverity = 'error' | 'warning';

export interface LintFinding {
  readonly check: LintCheckId;
  readonly severity: LintSeverity;
  /** Where, in the integrity checker's notation: "items[一.1].rule.bands[0].threshold". */
  readonly path: string;
  readonly message: Text;
}

export interface LintResult {
  readonly errors: LintFinding[];
  readonly warnings: LintFinding[];
}

export interface LintContext {
  readonly pack: Pack;
  /** The published version a tailored pack derives from, when linting a derived pack. */
  readonly parent?: Pack;
  readonly labels: LabelLookup;
}

/** One check: a module under lint/checks, pure, returning findings in pack order. */
export interface LintCheck {
  readonly id: LintCheckId;
  run(ctx: LintContext): LintFinding[];
}

export function finding(
  check: LintCheckId,
  severity: LintSeverity,
  path: string,
  zh: string,
  en: string,
): LintFinding {
  return { check, severity, path, message: { zh, en } };
}

/** "（当 设计=市级 时）" / " (when level=city)", or nothing when no context varies. */
export function whenText(label: Text | null): Text {
  return label === null
    ? { zh: '', en: '' }
    : { zh: `（当${label.zh}时）`, en: ` (when ${label.en})` };
}
