import { benchUnits, cycleParameters } from '../../../bench/fixtures/engine-units.ts';
import { type CycleUnit, score, scoreCycle } from '../src/engine.ts';
import type { Input, Pack } from '../src/pack-schema.ts';
import { packRef } from '../src/registry.ts';
import { walkRules } from '../src/rules/rule.ts';
import type { Assessment } from '../src/rules/rule-context.ts';
import type { UnitKind } from '../src/unit-kind.ts';
import { validateInputs } from '../src/validate-inputs.ts';

// The cases of the engine oracle (engine-oracle.test.ts): what the public functions — score,
// scoreCycle, validateInputs — return for every built-in pack's benchmark units, random units
// (edge values, omissions), damaged inputs, assessments good and bad, references, parameter
// sets, whole cycles and units scored among peers. Everything is generated deterministically
// here, so a case's input is the same on every machine; its output is frozen as a hash.

export interface OracleCase {
  readonly name: string;
  /** What the case feeds the engine (hashed too: a changed input is not an engine change). */
  readonly input: unknown;
  readonly run: () => unknown;
}

/** mulberry32, as in the bench fixture: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, 0, list.length - 1)] as T;

/** Awkward numbers: thirds, float sums, shortest decimals, halves at the rounding digit. */
const ODD_FRACTIONS = [1 / 3, 2 / 3, 0.1 + 0.2, 0.005, 0.125, 0.995, 0.45, 0.04999];

function edgeValue(rng: Rng, input: Input): unknown {
  switch (input.kind) {
    case 'count': {
      const lo = input.min ?? 0;
      const hi = input.max ?? 60;
      const r = rng();
      if (r < 0.25) return Math.min(hi, lo + int(rng, 0, 3));
      if (r < 0.3 && input.max === undefined) return 1_000_000_007 + int(rng, 0, 9);
      return int(rng, lo, hi);
    }
    case 'number': {
      const lo = input.min ?? -1000;
      const hi = input.max ?? 1000;
      const r = rng();
      const whole = int(rng, Math.ceil(lo), Math.floor(hi));
      if (r < 0.4) return whole;
      if (r < 0.6) return Math.min(hi, Math.max(lo, whole + pick(rng, ODD_FRACTIONS)));
      if (r < 0.65 && input.max === undefined) return 1e15 + int(rng, 0, 9);
      return Math.round((lo + rng() * (hi - lo)) * 100) / 100;
    }
    case 'percent': {
      const lo = input.min ?? 0;
      const hi = input.max ?? 100;
      const r = rng();
      if (r < 0.2) return pick(rng, [lo, hi, 85, 84.96, 89.5, 90, 66.6]);
      if (r < 0.4) return Math.min(hi, Math.max(lo, int(rng, lo, hi) + pick(rng, ODD_FRACTIONS)));
      return Math.round((lo + rng() * (hi - lo)) * 10) / 10;
    }
    case 'boolean':
      return rng() < 0.7;
    case 'enum':
      return pick(rng, input.options).value;
    case 'date':
      return pick(rng, ['2023-10-01', '2024-06-30', '2024-02-29']);
    case 'text':
      return pick(rng, ['按要求落实', '', 'ok']);
    case 'evidence':
      return rng() < 0.5 ? 'r2/evidence.pdf' : ['r2/a.pdf', 'r2/b.pdf'];
  }
}

function applies(input: Input, kind: UnitKind): boolean {
  return !input.appliesTo || input.appliesTo.includes(kind);
}

/** A random unit: every applicable input drawn at the edges, some left out. */
function randomUnit(rng: Rng, pack: Pack, index: number): CycleUnit {
  const unitKind = pack.unitKinds[index % pack.unitKinds.length] as UnitKind;
  const inputs: Record<string, unknown> = {};
  for (const input of pack.inputs) {
    if (!applies(input, unitKind) || rng() < 0.08) continue;
    inputs[input.id] = edgeValue(rng, input);
  }
  return { id: `r${String(index).padStart(4, '0')}`, unitKind, inputs };
}

/** Ways real submissions go wrong, each applied to a copy of a valid unit's inputs. */
const DAMAGES: readonly {
  readonly name: string;
  readonly apply: (
    inputs: Record<string, unknown>,
    pack: Pack,
    kind: UnitKind,
    rng: Rng,
  ) => unknown;
}[] = [
  { name: 'null-value', apply: (i, p, k, r) => set(i, someInput(p, k, r), null) },
  { name: 'text-for-number', apply: (i, p, k, r) => set(i, someInput(p, k, r, NUMERIC), '12') },
  { name: 'number-for-boolean', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['boolean']), 1) },
  { name: 'negative-count', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['count']), -1) },
  { name: 'fractional-count', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['count']), 2.5) },
  { name: 'count-too-big', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['count']), 1e9) },
  { name: 'percent-over', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['percent']), 100.5) },
  { name: 'percent-under', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['percent']), -1) },
  { name: 'nan', apply: (i, p, k, r) => set(i, someInput(p, k, r, NUMERIC), Number.NaN) },
  {
    name: 'infinity',
    apply: (i, p, k, r) => set(i, someInput(p, k, r, NUMERIC), Number.POSITIVE_INFINITY),
  },
  { name: 'array-for-number', apply: (i, p, k, r) => set(i, someInput(p, k, r, NUMERIC), [3]) },
  { name: 'unknown-key', apply: (i) => ({ ...i, notAnInput: 3 }) },
  {
    name: 'not-for-this-kind',
    apply: (i, p, k) => {
      const other = p.inputs.find((input) => !applies(input, k));
      return other ? { ...i, [other.id]: true } : { ...i, alsoUnknown: true };
    },
  },
  {
    name: 'required-removed',
    apply: (i, p, k, r) => {
      const id = someInput(p, k, r);
      const { [id]: _gone, ...rest } = i;
      return rest;
    },
  },
  { name: 'bad-enum', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['enum']), 'nope') },
  {
    name: 'long-text',
    apply: (i, p, k, r) => set(i, someInput(p, k, r, ['text']), 'x'.repeat(3000)),
  },
  { name: 'bad-date', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['date']), '2024-02-30') },
  { name: 'empty-evidence', apply: (i, p, k, r) => set(i, someInput(p, k, r, ['evidence']), []) },
  {
    name: 'constraint-broken',
    apply: (i, p, k, r) => set(i, someInput(p, k, r, ['count']), 999_999),
  },
  { name: 'several', apply: (i, p, k, r) => set(set(i, someInput(p, k, r), '?'), 'extra', null) },
  { name: 'inputs-null', apply: () => null },
  { name: 'inputs-array', apply: () => [1, 2] },
  { name: 'inputs-text', apply: () => 'inputs' },
  { name: 'inputs-empty', apply: () => ({}) },
];

const NUMERIC: readonly Input['kind'][] = ['count', 'number', 'percent'];

function set(inputs: unknown, id: string, value: unknown): Record<string, unknown> {
  return { ...(inputs as Record<string, unknown>), [id]: value };
}

/** An input of one of `kinds` that applies to `kind` (any input if none has such a kind). */
function someInput(pack: Pack, kind: UnitKind, rng: Rng, kinds?: readonly Input['kind'][]) {
  const fitting = pack.inputs.filter((i) => applies(i, kind) && (!kinds || kinds.includes(i.kind)));
  const from = fitting.length > 0 ? fitting : pack.inputs.filter((i) => applies(i, kind));
  return (pick(rng, from) as Input).id;
}

/** The assessment keys of a pack, with their rules. */
function assessedKeys(pack: Pack) {
  return pack.items.flatMap((item) =>
    walkRules(item.rule).flatMap((rule) =>
      rule.kind === 'assessed' ? [{ key: rule.key ?? item.id, rule }] : [],
    ),
  );
}

/** Every outcome an assessment can have: valid, out of range, off-step, no reason, … */
function assessmentVariants(
  pack: Pack,
): { name: string; assessments: Record<string, Assessment> }[] {
  const keys = assessedKeys(pack);
  if (keys.length === 0) return [];
  const valid = (points: (r: (typeof keys)[number]['rule']) => number) =>
    Object.fromEntries(
      keys.map(({ key, rule }) => [
        key,
        { points: points(rule), reason: '核实', stage: rule.stages[0] } as Assessment,
      ]),
    );
  const first = keys[0] as (typeof keys)[number];
  const one = (assessment: unknown) => ({
    ...valid((r) => r.points),
    [first.key]: assessment as Assessment,
  });
  return [
    { name: 'all-full', assessments: valid((r) => r.points) },
    { name: 'all-least', assessments: valid((r) => r.min) },
    { name: 'half', assessments: valid((r) => r.min + (r.step ?? 0.5) * 1) },
    { name: 'none', assessments: {} },
    { name: 'above-max', assessments: one({ points: first.rule.points + 1, reason: 'x' }) },
    { name: 'below-min', assessments: one({ points: first.rule.min - 1, reason: 'x' }) },
    { name: 'not-a-number', assessments: one({ points: 'x', reason: 'x' }) },
    { name: 'nan', assessments: one({ points: Number.NaN, reason: 'x' }) },
    { name: 'off-step', assessments: one({ points: first.rule.min + 0.3, reason: 'x' }) },
    { name: 'no-reason', assessments: one({ points: first.rule.points, reason: '  ' }) },
    {
      name: 'wrong-stage',
      assessments: one({ points: first.rule.points, reason: 'x', stage: 'nowhere' }),
    },
    {
      name: 'with-by',
      assessments: one({
        points: first.rule.points,
        reason: '材料齐全',
        by: '张三',
        at: '2024-09-01',
      }),
    },
    {
      name: 'unknown-key',
      assessments: { ...valid((r) => r.points), zzz: { points: 1, reason: 'x' } },
    },
  ];
}

function parameterVariants(
  pack: Pack,
): { name: string; parameters: Record<string, unknown> | undefined }[] {
  const cycle = cycleParameters(pack);
  const variants: { name: string; parameters: Record<string, unknown> | undefined }[] = [
    { name: 'undefined', parameters: undefined },
    { name: 'empty', parameters: {} },
    { name: 'cycle', parameters: cycle },
    { name: 'unknown', parameters: { ...cycle, notAParameter: 1 } },
  ];
  for (const parameter of pack.parameters) {
    if (parameter.kind === 'enum') {
      for (const option of parameter.options) {
        variants.push({
          name: `${parameter.id}=${option.value}`,
          parameters: { ...cycle, [parameter.id]: option.value },
        });
      }
      variants.push({
        name: `${parameter.id}=bad`,
        parameters: { ...cycle, [parameter.id]: 'bad' },
      });
    } else if (parameter.kind === 'boolean') {
      for (const value of [true, false, 'yes']) {
        variants.push({
          name: `${parameter.id}=${value}`,
          parameters: { ...cycle, [parameter.id]: value },
        });
      }
    } else {
      for (const value of [0, pack.total, pack.total * 0.6 + 0.5, 1 / 3, Number.NaN, '60']) {
        variants.push({
          name: `${parameter.id}=${JSON.stringify(value) ?? String(value)}`,
          parameters: { ...cycle, [parameter.id]: value },
        });
      }
    }
  }
  return variants;
}

/** A thrown error as data, so a case that throws is frozen like one that returns. */
function outcome(run: () => unknown): () => unknown {
  return () => {
    try {
      return run();
    } catch (error) {
      const e = error as Error & { issues?: unknown; problems?: unknown };
      return { thrown: e.name, message: e.message, issues: e.issues, problems: e.problems };
    }
  };
}

function unitOptions(unit: CycleUnit) {
  return {
    unitId: unit.id,
    ...(unit.unitKind ? { unitKind: unit.unitKind } : {}),
    ...(unit.assessments ? { assessments: unit.assessments } : {}),
    ...(unit.references ? { references: unit.references } : {}),
  };
}

/** Cycle-supplied references for a unit: numbers, percents, or nothing. */
function cycleReferences(rng: Rng, pack: Pack): Record<string, number> {
  return Object.fromEntries(
    pack.references
      .filter((r) => r.source.from === 'cycle')
      .map((r) => [
        r.id,
        r.format === 'percent' ? pick(rng, [80, 85, 88.8, 90, 95.5]) : int(rng, 0, 400),
      ]),
  );
}

/** Every case for one pack. `fixture` are its benchmark units (or random ones). */
export function packCases(pack: Pack, fixture: readonly CycleUnit[], seed: number): OracleCase[] {
  const ref = packRef(pack);
  const cases: OracleCase[] = [];
  const rng = random(seed);
  const parameters = cycleParameters(pack);
  const add = (name: string, input: unknown, run: () => unknown) =>
    cases.push({ name: `${ref}/${name}`, input, run: outcome(run) });

  for (const unit of fixture) {
    add(`fixture/${unit.id}`, { parameters, unit }, () =>
      score(pack, parameters, unit.inputs, unitOptions(unit)),
    );
  }

  const randoms = Array.from({ length: 150 }, (_, i) => randomUnit(rng, pack, i));
  for (const [index, unit] of randoms.entries()) {
    const references = index % 3 === 0 ? {} : cycleReferences(rng, pack);
    const variants = assessmentVariants(pack);
    const assessments = variants.length > 0 ? pick(rng, variants).assessments : undefined;
    const params = index % 2 === 0 ? parameters : {};
    const options = {
      unitId: unit.id,
      unitKind: unit.unitKind as UnitKind,
      references,
      ...(assessments ? { assessments } : {}),
    };
    add(`random/${unit.id}`, { params, inputs: unit.inputs, options }, () =>
      score(pack, params, unit.inputs, options),
    );
  }

  for (const [index, damage] of DAMAGES.entries()) {
    for (let copy = 0; copy < 3; copy++) {
      const base = fixture[(index * 3 + copy) % fixture.length] as CycleUnit;
      const kind = base.unitKind as UnitKind;
      const damaged = damage.apply({ ...base.inputs }, pack, kind, rng);
      const name = `damaged/${damage.name}/${copy}`;
      add(`${name}/score`, { parameters, damaged, kind }, () =>
        score(pack, parameters, damaged as Record<string, unknown>, { unitKind: kind }),
      );
      for (const mode of ['draft', 'submit'] as const) {
        add(`${name}/validate-${mode}`, { damaged, kind, mode }, () =>
          validateInputs(pack, kind, damaged, { mode }),
        );
      }
    }
  }
  for (const [index, unit] of fixture.slice(0, 10).entries()) {
    for (const mode of ['draft', 'submit'] as const) {
      add(`valid/${unit.id}/validate-${mode}`, { unit, mode }, () =>
        validateInputs(pack, unit.unitKind, unit.inputs, { mode }),
      );
    }
    if (pack.unitKinds.length > 1 && index < 3) {
      add(`no-kind/${unit.id}`, { unit }, () => score(pack, parameters, unit.inputs));
      add(`no-kind/${unit.id}/validate`, { unit }, () =>
        validateInputs(pack, undefined, unit.inputs, { mode: 'submit' }),
      );
    }
  }

  const sample = fixture[0] as CycleUnit;
  for (const variant of assessmentVariants(pack)) {
    add(`assessments/${variant.name}`, { sample, variant }, () =>
      score(pack, parameters, sample.inputs, {
        ...unitOptions(sample),
        assessments: variant.assessments,
      }),
    );
  }
  for (const variant of parameterVariants(pack)) {
    add(`parameters/${variant.name}`, { sample, variant }, () =>
      score(pack, variant.parameters, sample.inputs, unitOptions(sample)),
    );
  }
  const cycleRefs = pack.references.filter((r) => r.source.from === 'cycle');
  if (cycleRefs.length > 0) {
    const id = (cycleRefs[0] as (typeof cycleRefs)[number]).id;
    const { references: _own, ...bare } = sample;
    for (const [name, value] of [
      ['absent', undefined],
      ['nan', Number.NaN],
      ['infinite', Number.POSITIVE_INFINITY],
      ['text', '80'],
      ['zero', 0],
      ['high', 100],
      ['fraction', 84.96],
    ] as const) {
      const references = value === undefined ? {} : { [id]: value as number };
      add(`references/${name}`, { sample, references }, () =>
        score(pack, parameters, bare.inputs, { ...unitOptions(bare), references }),
      );
    }
  }

  const members = fixture.slice(0, 24);
  const reversed = [...members].reverse();
  add('cycle/fixture', { parameters, members }, () => scoreCycle(pack, parameters, reversed));
  add('cycle/fixture-with-references', { parameters, members }, () =>
    scoreCycle(pack, parameters, reversed, { references: cycleReferences(random(seed + 1), pack) }),
  );
  const randomMembers = randoms.slice(0, 30);
  add('cycle/random', { randomMembers }, () => scoreCycle(pack, {}, randomMembers));
  add('cycle/duplicate-id', { members }, () =>
    scoreCycle(pack, parameters, [...members.slice(0, 3), members[0] as CycleUnit]),
  );
  add('cycle/foreign-kind', { members }, () =>
    scoreCycle(pack, parameters, [{ ...(members[0] as CycleUnit), unitKind: 'province' }]),
  );
  for (const unit of members.slice(0, 6)) {
    const peers = members.filter((m) => m !== unit);
    add(`peers/${unit.id}`, { parameters, unit, peers }, () =>
      score(pack, parameters, unit.inputs, { ...unitOptions(unit), peers }),
    );
  }
  return cases;
}

/** Every case of the oracle: the built-in packs, then the exercise pack. */
export function oracleCases(packs: readonly Pack[], exercise: Pack): OracleCase[] {
  const cases: OracleCase[] = [];
  for (const [index, pack] of packs.entries()) {
    cases.push(...packCases(pack, benchUnits(pack, 120), 9001 + index));
  }
  const rng = random(77);
  const exerciseUnits = Array.from({ length: 120 }, (_, i) => {
    const unit = randomUnit(rng, exercise, i);
    return {
      ...unit,
      references: cycleReferences(rng, exercise),
      assessments: pick(rng, assessmentVariants(exercise)).assessments,
    };
  });
  cases.push(...packCases(exercise, exerciseUnits, 4242));
  // Cycles large enough for ranks and computed references to matter, by kind and in all.
  for (let size = 2; size <= 60; size += 29) {
    const members = exerciseUnits.slice(0, size);
    const parameters = { passMark: 20 };
    cases.push({
      name: `${packRef(exercise)}/cycle/${size}`,
      input: { members, parameters },
      run: outcome(() =>
        scoreCycle(exercise, parameters, members, { references: { countyRate: 75 } }),
      ),
    });
  }
  return cases;
}
