import { packLabels } from '../pack-labels.ts';
import { type Pack, packSchema } from '../pack-schema.ts';
import { bandsCheck } from './checks/bands.ts';
import { categoryTotalsCheck } from './checks/category-totals.ts';
import { citationsCheck } from './checks/citations.ts';
import { integrityCheck } from './checks/integrity.ts';
import { itemBoundsCheck } from './checks/item-bounds.ts';
import { itemIdsCheck } from './checks/item-ids.ts';
import { laddersCheck } from './checks/ladders.ts';
import { referencesCheck } from './checks/references.ts';
import { tailoringCheck } from './checks/tailoring.ts';
import { finding, type LintCheck, type LintFinding, type LintResult } from './lint-finding.ts';

// The pack linter: judgement on top of integrity. A pack with lint errors must not be
// published; warnings are for the author to read. Pure: the same pack, the same findings.

export const lintChecks: readonly LintCheck[] = [
  integrityCheck,
  referencesCheck,
  itemIdsCheck,
  citationsCheck,
  itemBoundsCheck,
  categoryTotalsCheck,
  bandsCheck,
  laddersCheck,
  tailoringCheck,
];

export interface LintOptions {
  /** For a tailored version: the published version it derives from (enforces its marks). */
  readonly parent?: Pack;
}

const related = (a: string, b: string) =>
  a === b ||
  a.startsWith(`${b}.`) ||
  a.startsWith(`${b}[`) ||
  b.startsWith(`${a}.`) ||
  b.startsWith(`${a}[`);

/** Lints a validated pack: `errors` block publishing, `warnings` inform. */
export function lintPack(pack: Pack, options: LintOptions = {}): LintResult {
  const ctx = {
    pack,
    labels: packLabels(pack),
    ...(options.parent ? { parent: options.parent } : {}),
  };
  const all: LintFinding[] = [];
  for (const check of lintChecks) all.push(...check.run(ctx));
  // An integrity problem another check also reported (same words, same place) is shown once.
  const findings = all.filter(
    (f) =>
      f.check !== 'integrity' ||
      !all.some(
        (g) => g.check !== 'integrity' && g.message.en === f.message.en && related(g.path, f.path),
      ),
  );
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

/** Lints a pack as authored (e.g. read from a JSON file): schema first, then `lintPack`. */
export function lintPackSource(
  source: unknown,
  options: LintOptions = {},
): LintResult & { readonly pack: Pack | null } {
  const parsed = packSchema.safeParse(source);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) =>
      finding(
        'schema',
        'error',
        issue.path.map(String).join('.') || '(pack)',
        `不符合标准包格式：${issue.message}`,
        `not a valid pack: ${issue.message}`,
      ),
    );
    return { errors, warnings: [], pack: null };
  }
  return { ...lintPack(parsed.data, options), pack: parsed.data };
}
