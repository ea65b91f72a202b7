// The public face of @kaoping/standards. Each name lives in the module named beside it;
// import from there directly when you need more than this (e.g. '@kaoping/standards/rules/band').

export { canonicalJson } from './canonical-json.ts';
export { contentHash } from './content-hash.ts';
export { diffPacks, type PackDiff } from './diff/diff-packs.ts';
export { type RescorePreview, rescorePreview } from './diff/rescore-preview.ts';
export { packMarkdown } from './doc/pack-markdown.ts';
export {
  type CycleOptions,
  type CycleScore,
  type CycleUnit,
  ENGINE_VERSION,
  type ScoreOptions,
  score,
  scoreCycle,
} from './engine.ts';
export type { Expression } from './expression.ts';
export { describeExpression } from './expression-describe.ts';
export type { LintFinding, LintResult } from './lint/lint-finding.ts';
export { lintPack, lintPackSource } from './lint/lint-pack.ts';
export { definePack, findPackProblems, PackError, type PackProblem } from './pack-integrity.ts';
export {
  type Aggregate,
  type Category,
  type Citation,
  type Input,
  type Item,
  type Metric,
  type Pack,
  type PackInput,
  type Parameter,
  packSchema,
  type Reference,
  type ReviewStage,
} from './pack-schema.ts';
export { ParameterError, type ParameterValue, resolveParameters } from './parameters.ts';
export type { Rational } from './rational.ts';
export {
  builtInPacks,
  compareVersions,
  findBuiltInPack,
  packRef,
  versionInEffect,
} from './registry.ts';
export { type RolledValue, type Rollup, type RollupUnit, rollUp } from './rollup.ts';
export {
  childRules,
  describeRule,
  type Rule,
  type RuleKind,
  ruleBounds,
  ruleKinds,
  ruleSchema,
  walkRules,
} from './rules/rule.ts';
export type { Assessment, Bounds, RuleOutcome } from './rules/rule-context.ts';
export {
  type CategoryResult,
  type DesignationResult,
  type EligibilityResult,
  type ItemResult,
  type ItemStatus,
  type Scorecard,
  scorecardSchema,
} from './scorecard.ts';
export { sha256Hex } from './sha256.ts';
export { derivePack } from './tailor/derive-pack.ts';
export { type PackOverrides, packOverridesSchema } from './tailor/pack-overrides.ts';
export type { Text } from './text.ts';
export { type UnitKind, unitKinds } from './unit-kind.ts';
export {
  type InputIssue,
  type InputValidation,
  type InputValue,
  inputsSchema,
  type ValidationMode,
  validateInputs,
} from './validate-inputs.ts';
export { versionForPeriod } from './versions/version-for-period.ts';
