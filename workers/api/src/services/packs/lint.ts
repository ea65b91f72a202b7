import type { PackRef } from '@kaoping/db/pack-store';
import { type Pack, packSchema } from '@kaoping/standards';
import { finding, type LintFinding, type LintResult } from '@kaoping/standards/lint/lint-finding';
import { lintPack, lintPackSource } from '@kaoping/standards/lint/lint-pack';
import { requireScope } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { AppError } from '../../lib/problem.ts';
import { field, invalidBody } from './errors.ts';
import { visibleVersion } from './visible.ts';

/**
 * The linter checks bands and thresholds once per combination of the parameter values and
 * unit kinds they read. A pack body sent to be linted is anyone's, so the combinations are
 * bounded before linting: 30 yes/no parameters would be a billion of them. The built-in packs
 * need at most 16.
 */
export const MAX_LINT_COMBINATIONS = 4096;

function combinations(pack: Pack): number {
  let n = pack.unitKinds.length;
  for (const p of pack.parameters) {
    n *= p.kind === 'enum' ? p.options.length : p.kind === 'boolean' ? 2 : 1;
    if (n > MAX_LINT_COMBINATIONS) return n;
  }
  return n;
}

/** 400 when a pack has too many combinations to lint (and so to be trusted). */
export function checkLintable(pack: Pack): void {
  if (combinations(pack) > MAX_LINT_COMBINATIONS) {
    throw invalidBody([
      field(
        'body.pack.parameters',
        'too_many_combinations',
        `参数取值与单位类型的组合过多（超过${MAX_LINT_COMBINATIONS}种），无法检查`,
        `too many combinations of parameter values and unit kinds to lint (over ${MAX_LINT_COMBINATIONS})`,
      ),
    ]);
  }
}

/** A parent given by reference: a published version the caller can see, else 404. */
async function publishedParent(ctx: ServiceContext, ref: PackRef): Promise<Pack> {
  return (await visibleVersion(ctx, ref, { drafts: false })).resolved.pack;
}

/**
 * Lints a pack body (`POST /v1/packs/lint`) without storing anything: the schema first (each
 * problem a finding with its path), then every lint check; with `parent`, the parent's
 * mandatory and tighten-only marks too. Open to the tenant's people and scores:read clients.
 */
export async function lintPackBody({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { pack: Record<string, unknown>; parent?: PackRef | undefined };
}): Promise<LintResult> {
  requireScope(ctx.principal, 'scores:read');
  const parsed = packSchema.safeParse(input.pack);
  if (parsed.success) checkLintable(parsed.data);
  const parent = input.parent ? await publishedParent(ctx, input.parent) : undefined;
  const { errors, warnings } = lintPackSource(input.pack, parent ? { parent } : {});
  return { errors, warnings };
}

/**
 * Lints a stored version — a tailored draft before publishing, or any visible version —
 * against the version it derives from, so the parent's marks are enforced.
 */
export async function lintPackVersion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PackRef;
}): Promise<LintResult> {
  const { pack } = (await visibleVersion(ctx, input)).resolved;
  let parent: Pack | undefined;
  const missingParent: LintFinding[] = [];
  if (pack.derivedFrom) {
    try {
      parent = await publishedParent(ctx, pack.derivedFrom);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
      const shown = `${pack.derivedFrom.key}@${pack.derivedFrom.version}`;
      missingParent.push(
        finding(
          'tailoring',
          'error',
          'derivedFrom',
          `来源版本 ${shown} 不可用，无法核对其必选和只许收紧标记`,
          `the parent ${shown} is not available, so its marks cannot be checked`,
        ),
      );
    }
  }
  const result = lintPack(pack, parent ? { parent } : {});
  return { errors: [...missingParent, ...result.errors], warnings: result.warnings };
}
