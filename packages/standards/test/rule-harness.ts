import { compilePack } from '../src/compiled-pack.ts';
import { definePack } from '../src/pack-integrity.ts';
import type { Pack, PackInput } from '../src/pack-schema.ts';
import { resolveParameters } from '../src/parameters.ts';
import * as q from '../src/rational.ts';
import {
  describeRule,
  evaluateRule,
  type RuleInput,
  ruleBounds,
  ruleSchema,
} from '../src/rules/rule.ts';
import type { Assessment, RuleContext, RuleOutcome } from '../src/rules/rule-context.ts';
import type { Text } from '../src/text.ts';
import type { UnitKind } from '../src/unit-kind.ts';
import { UnitScope } from '../src/unit-scope.ts';
import { readInputs } from '../src/validate-inputs.ts';

// A small pack around the declarations a rule test needs, and direct calls of a rule's
// evaluate/bounds/describe with a real scope (no item, no engine).

export interface Declarations {
  inputs?: PackInput['inputs'];
  metrics?: PackInput['metrics'];
  parameters?: PackInput['parameters'];
  references?: PackInput['references'];
  unitKinds?: UnitKind[];
}

export interface UnitData {
  inputs?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  assessments?: Record<string, Assessment>;
  references?: Record<string, number>;
  unitKind?: UnitKind;
}

export function basePack(extra: Partial<PackInput> = {}): PackInput {
  return {
    key: 'test.rules',
    version: '1.0',
    title: { zh: '测试', en: 'Test' },
    issuer: { zh: '测试', en: 'Test' },
    source: { file: 'test.txt', title: 'test' },
    effectiveFrom: '2024-01-01',
    total: 100,
    unitKinds: ['community', 'village'],
    ...extra,
  };
}

export function harness(declarations: Declarations = {}) {
  const pack: Pack = definePack(
    basePack({
      inputs: declarations.inputs ?? [],
      metrics: declarations.metrics ?? [],
      parameters: declarations.parameters ?? [],
      references: declarations.references ?? [],
      ...(declarations.unitKinds ? { unitKinds: declarations.unitKinds } : {}),
    }),
  );
  const compiled = compilePack(pack);
  return {
    pack,
    evaluate(input: RuleInput, data: UnitData = {}): { outcome: RuleOutcome; issues: Text[] } {
      const rule = ruleSchema.parse(input);
      const kind = data.unitKind ?? 'community';
      const read = readInputs(pack, kind, data.inputs ?? {});
      const issues: Text[] = read.issues.map((i) => i.message);
      const scope = new UnitScope({
        compiled,
        parameters: resolveParameters(pack, data.parameters),
        unitKind: kind,
        inputs: read.values,
        reference: (id) => {
          const value = data.references?.[id];
          const reference = compiled.references.get(id);
          if (value === undefined || !reference)
            return { status: 'missing', missing: [`reference:${id}`] };
          const exact = q.fromNumber(value);
          return {
            status: 'value',
            value: {
              type: 'number',
              value: reference.format === 'percent' ? q.div(exact, 100) : exact,
              format: reference.format,
            },
          };
        },
      });
      const ctx: RuleContext = {
        itemId: 'T.1',
        labels: compiled.labels,
        value: (expr) => scope.evaluate(expr),
        evaluate: (child) => evaluateRule(child, ctx),
        bounds: (child) => ruleBounds(child),
        assessment: (key) => data.assessments?.[key],
        peers: () => ({ status: 'missing', missing: ['peers'] }),
        issue: (message) => issues.push(message),
      };
      return { outcome: evaluateRule(rule, ctx), issues };
    },
    bounds(input: RuleInput): { min: number; max: number } {
      const b = ruleBounds(ruleSchema.parse(input));
      return { min: q.toNumber(b.min), max: q.toNumber(b.max) };
    },
    describe(input: RuleInput): Text {
      return describeRule(ruleSchema.parse(input), compiled.labels);
    },
  };
}

/** Points as a number, or the outcome's status when not scored. */
export function pointsOf(outcome: RuleOutcome): number | string {
  return outcome.status === 'scored' ? q.toNumber(outcome.points) : outcome.status;
}

export function explanationOf(outcome: RuleOutcome): Text {
  if (outcome.status !== 'scored') throw new Error(`not scored: ${outcome.status}`);
  return outcome.explanation;
}

export const label = (zh: string, en: string): Text => ({ zh, en });
