// Engine (issue 9 §1): scorecards per second for every built-in pack on a deterministic,
// realistic fixture; and for gz full employment, side by side in the same rounds, the same
// rubric as a hand-written function (goal ≥ 0.5 of its speed), in json-rules-engine (goal
// ≥ 10× faster) and the cost of JSON.parse + zod validation of the same inputs (scoring goal
// ≤ 2× that). Ratios are taken per round and reported as medians with their spread.
//
// "The same inputs" is everything the engine reads of a unit: its inputs (the pack's own zod
// schema, as a submission is checked), and, where the fixture has them, its assessments and
// cycle-supplied references (zod schemas shaped like the API's). See docs/performance.md.
import { createRequire } from 'node:module';
// The zod packages/standards uses (same module instance as its input schemas).
import { z } from '../../packages/standards/node_modules/zod/index.js';
import { score } from '../../packages/standards/src/engine.ts';
import { builtInPacks, packRef } from '../../packages/standards/src/registry.ts';
import { inputsSchema } from '../../packages/standards/src/validate-inputs.ts';
import { benchUnits, cycleParameters } from '../fixtures/engine-units.ts';
import { figure, median, spread } from '../lib.mjs';
import { scoreGzByHand } from '../reference/gz-full-employment.ts';
import { gzRulesEngine } from '../reference/gz-full-employment-rules-engine.ts';

export const title =
  'engine (scorecards per second, against hand-written, json-rules-engine, JSON.parse + zod)';

const UNITS = 2000;
const RULES_ENGINE_UNITS = 400;
const ROUNDS = 9;

// json-rules-engine is a devDependency of packages/standards: resolve it from there.
const { Engine } = createRequire(new URL('../../packages/standards/package.json', import.meta.url))(
  'json-rules-engine',
);

function time(fn) {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

async function timeAsync(fn) {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Runs each measurement once per round, in turn, after a warm-up round; seconds per round. */
async function rounds(measurements) {
  const times = Object.fromEntries(Object.keys(measurements).map((k) => [k, []]));
  for (let r = 0; r <= ROUNDS; r++) {
    for (const [name, fn] of Object.entries(measurements)) {
      const seconds = await fn();
      if (r > 0) times[name].push(seconds);
    }
  }
  return times;
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);

function scorer(pack, units) {
  const parameters = cycleParameters(pack);
  return () =>
    time(() => {
      for (const u of units) {
        score(pack, parameters, u.inputs, {
          unitKind: u.unitKind,
          ...(u.assessments ? { assessments: u.assessments } : {}),
          ...(u.references ? { references: u.references } : {}),
        });
      }
    });
}

// An assessment as the API accepts one (key and reason as in submissions.routes.ts), with the
// who/when/stage the campaign layer stores beside it.
const assessmentKey = z
  .string()
  .max(64)
  .regex(/^[^\s_][^\s]*$/u);
const assessmentSchema = z.strictObject({
  points: z.number(),
  reason: z.string().trim().min(1).max(1000),
  by: z.string().optional(),
  at: z.string().optional(),
  stage: z.string().optional(),
});

/** The zod schema of one unit's payload: what the engine reads of it. */
function unitSchema(pack, kind) {
  return z.strictObject({
    inputs: inputsSchema(pack, kind, 'submit'),
    assessments: z.record(assessmentKey, assessmentSchema).optional(),
    references: z.record(z.string(), z.number()).optional(),
  });
}

function parser(pack, units) {
  const schemas = new Map(pack.unitKinds.map((kind) => [kind, unitSchema(pack, kind)]));
  const jsons = units.map((u) => [
    u.unitKind,
    JSON.stringify({
      inputs: u.inputs,
      ...(u.assessments ? { assessments: u.assessments } : {}),
      ...(u.references ? { references: u.references } : {}),
    }),
  ]);
  return () =>
    time(() => {
      for (const [kind, json] of jsons) schemas.get(kind).parse(JSON.parse(json));
    });
}

export async function run() {
  const figures = [];
  for (const pack of builtInPacks) {
    const ref = packRef(pack);
    const units = benchUnits(pack, UNITS);
    const measurements = { engine: scorer(pack, units), parse: parser(pack, units) };
    let hand = null;
    let rules = null;
    if (pack.key === 'gz.full-employment') {
      const passMark = cycleParameters(pack).passMark;
      hand = () =>
        time(() => {
          for (const u of units) scoreGzByHand(u.inputs, u.unitKind, passMark);
        });
      const rulesScore = gzRulesEngine(Engine);
      const few = units.slice(0, RULES_ENGINE_UNITS);
      rules = () =>
        timeAsync(async () => {
          for (const u of few) await rulesScore(u.inputs, u.unitKind);
        });
      Object.assign(measurements, { hand, rules });
    }
    const t = await rounds(measurements);
    const perSecond = t.engine.map((s) => UNITS / s);
    figures.push(
      figure(`engine ${ref}: scorecards per second`, median(sorted(perSecond)), '/s', {
        spread: spread(sorted(perSecond)),
        note: `${UNITS} units`,
      }),
    );
    const costRatio = t.engine.map((s, i) => s / t.parse[i]);
    figures.push(
      figure(`engine ${ref}: scoring ÷ (JSON.parse + zod) time`, median(sorted(costRatio)), '×', {
        goal: '<= 2',
        spread: spread(sorted(costRatio)),
      }),
    );
    if (hand) {
      const handPerSecond = t.hand.map((s) => UNITS / s);
      figures.push(
        figure(`hand-written ${ref}: scorecards per second`, median(sorted(handPerSecond)), '/s', {
          spread: spread(sorted(handPerSecond)),
        }),
      );
      const vsHand = t.engine.map((s, i) => t.hand[i] / s);
      figures.push(
        figure(`engine ${ref}: speed ÷ hand-written`, median(sorted(vsHand)), '×', {
          goal: '>= 0.5',
          spread: spread(sorted(vsHand)),
        }),
      );
      const rulesPerSecond = t.rules.map((s) => RULES_ENGINE_UNITS / s);
      figures.push(
        figure(
          `json-rules-engine ${ref}: scorecards per second`,
          median(sorted(rulesPerSecond)),
          '/s',
          {
            spread: spread(sorted(rulesPerSecond)),
          },
        ),
      );
      const vsRules = perSecond.map((p, i) => p / rulesPerSecond[i]);
      figures.push(
        figure(`engine ${ref}: speed ÷ json-rules-engine`, median(sorted(vsRules)), '×', {
          goal: '>= 10',
          spread: spread(sorted(vsRules)),
        }),
      );
    }
  }
  return figures;
}
