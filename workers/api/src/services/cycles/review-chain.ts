import type { SubmissionStatus } from '@kaoping/db/schema';
import type { Pack, Text } from '@kaoping/standards';
import { walkRules } from '@kaoping/standards';
import type { AssessedRule } from '@kaoping/standards/rules/assessed';
import type { FieldError } from '../../lib/problem.ts';

/**
 * A cycle's review chain: the stages a submission passes, in order. Each stage has
 * - `key`: what reviewer grants name (`role_grants.stage`) and the stage row's key
 *   (`submission_stages.stage`), so keys are the same across a tenant's cycles;
 * - `step`: the action that completes it, one of the fixed steps below, in their order — so
 *   the province's 自评 → 初评 → 审定 (submit → verify → publish) and Guangzhou's five steps
 *   (submit → recommend → verify → publicise → publish) are both chains;
 * - `actor`: the unit's reporters (the first stage) or reviewers granted that stage;
 * - `pack_stage`: the pack's stage name its `assessed` items are entered under here (the
 *   Yichun pack names `county` and `city`; a Guangzhou-style chain maps 区核定 to `county`).
 *
 * A submission sits at one stage; the stage's actor edits that stage's row, then takes the
 * stage's step, which moves it to the next stage with a copy of the data. Returning moves it
 * back one stage. Status says which step was completed last (see statusAt).
 */

export const STEPS = ['submit', 'recommend', 'verify', 'publicise', 'publish'] as const;
export type Step = (typeof STEPS)[number];

/** The status a submission has once a step is completed. */
export const STATUS_AFTER: Readonly<Record<Step, SubmissionStatus>> = {
  submit: 'submitted',
  recommend: 'recommended',
  verify: 'verified',
  publicise: 'publicised',
  publish: 'published',
};

export interface ChainStage {
  key: string;
  title: Text;
  step: Step;
  actor: 'reporter' | 'reviewer';
  pack_stage: string;
}

/** The titles of the steps in Guangzhou's procedure (000_…: 社区(村)自评、镇评估推荐，区核定、公示，市公布). */
const STEP_TITLES: Readonly<Record<Step, Text>> = {
  submit: { zh: '社区(村)自评', en: 'Self-assessment' },
  recommend: { zh: '镇评估推荐', en: 'Town assessment and recommendation' },
  verify: { zh: '区核定', en: 'District verification' },
  publicise: { zh: '公示', en: 'Publicity' },
  publish: { zh: '市公布', en: 'City publication' },
};

/** The stage keys of the default chain, by step. */
const DEFAULT_KEYS: Readonly<Record<Step, string>> = {
  submit: 'self',
  recommend: 'recommended',
  verify: 'verified',
  publicise: 'publicised',
  publish: 'published',
};

const stageOf = (step: Step, key = DEFAULT_KEYS[step], title = STEP_TITLES[step]): ChainStage => ({
  key,
  title,
  step,
  actor: step === 'submit' ? 'reporter' : 'reviewer',
  pack_stage: key,
});

/** 自评 self → 镇评估推荐 recommended → 区核定 verified → 公示 publicised → 市公布 published. */
export const DEFAULT_CHAIN: readonly ChainStage[] = STEPS.map((step) => stageOf(step));

/** Steps for a pack's declared chain of n stages: first submit, last publish, middle in order. */
function stepsFor(n: number): Step[] {
  const middle: Step[][] = [
    [],
    ['verify'],
    ['recommend', 'verify'],
    ['recommend', 'verify', 'publicise'],
  ];
  return ['submit', ...(middle[n - 2] ?? []), 'publish'];
}

/** The chain a cycle gets when it names none: the pack's own (2–5 stages), else the default. */
export function defaultChainFor(pack: Pack): ChainStage[] {
  const declared = pack.reviewChain;
  if (!declared || declared.length < 2 || declared.length > STEPS.length) {
    return DEFAULT_CHAIN.map((s) => ({ ...s }));
  }
  const steps = stepsFor(declared.length);
  return declared.map((s, i) => ({
    key: s.key.toLowerCase(),
    title: s.title,
    step: steps[i]!,
    actor: i === 0 ? 'reporter' : 'reviewer',
    pack_stage: s.key,
  }));
}

export interface StageRequest {
  key: string;
  step: Step;
  title?: Text | undefined;
  pack_stage?: string | undefined;
}

/** The pack's `assessed` rules (酌情评分), by assessment key (the rule's key, or its item id). */
export function assessedRules(pack: Pack): Map<string, { itemId: string; rule: AssessedRule }> {
  const out = new Map<string, { itemId: string; rule: AssessedRule }>();
  for (const item of pack.items) {
    for (const rule of walkRules(item.rule)) {
      if (rule.kind === 'assessed') out.set(rule.key ?? item.id, { itemId: item.id, rule });
    }
  }
  return out;
}

/** Every pack stage its `assessed` rules may be entered at, by assessment key. */
export function assessedStages(pack: Pack): Map<string, { itemId: string; stages: string[] }> {
  return new Map(
    [...assessedRules(pack)].map(([key, { itemId, rule }]) => [
      key,
      { itemId, stages: rule.stages },
    ]),
  );
}

const issue = (path: string, code: string, en: string, zh: string): FieldError => ({
  path,
  code,
  message: en,
  message_zh: zh,
});

/**
 * The chain a cycle asked for, checked: unique keys, steps in the fixed order from submit to
 * publish, and every assessed item of the pack enterable at some stage. Titles default to the
 * pack's (for its own stage names) or Guangzhou's words for the step. Returns field errors
 * under `path` instead of throwing, so the caller reports them with the rest.
 */
export function buildChain(
  pack: Pack,
  requested: readonly StageRequest[] | undefined,
  path: string,
): { chain: ChainStage[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (requested === undefined) {
    const chain = defaultChainFor(pack);
    return { chain, errors: assessableEverywhere(pack, chain, path) };
  }
  const packTitles = new Map((pack.reviewChain ?? []).map((s) => [s.key, s.title]));
  const chain = requested.map((s) =>
    stageOf(s.step, s.key, s.title ?? packTitles.get(s.pack_stage ?? s.key) ?? STEP_TITLES[s.step]),
  );
  requested.forEach((s, i) => {
    if (s.pack_stage !== undefined) chain[i]!.pack_stage = s.pack_stage;
  });
  const seen = new Set<string>();
  chain.forEach((s, i) => {
    if (seen.has(s.key)) {
      errors.push(
        issue(
          `${path}.${i}.key`,
          'duplicate',
          `stage ${s.key} appears twice`,
          `阶段 ${s.key} 重复`,
        ),
      );
    }
    seen.add(s.key);
    if (i > 0 && STEPS.indexOf(s.step) <= STEPS.indexOf(chain[i - 1]!.step)) {
      errors.push(
        issue(
          `${path}.${i}.step`,
          'order',
          `steps go in the order ${STEPS.join(' → ')}; ${s.step} cannot follow ${chain[i - 1]!.step}`,
          `步骤须按 ${STEPS.join(' → ')} 的顺序；${s.step} 不能排在 ${chain[i - 1]!.step} 之后`,
        ),
      );
    }
  });
  if (chain[0]?.step !== 'submit') {
    errors.push(
      issue(
        `${path}.0.step`,
        'first',
        'the first stage is the unit’s own: submit',
        '第一阶段须为单位自评（submit）',
      ),
    );
  }
  if (chain.at(-1)?.step !== 'publish') {
    errors.push(
      issue(
        `${path}.${chain.length - 1}.step`,
        'last',
        'the last stage publishes the result: publish',
        '最后阶段须为公布结果（publish）',
      ),
    );
  }
  if (errors.length === 0) errors.push(...assessableEverywhere(pack, chain, path));
  return { chain, errors };
}

/** Every assessed item must be enterable at some stage of the chain, or it could never score. */
function assessableEverywhere(
  pack: Pack,
  chain: readonly ChainStage[],
  path: string,
): FieldError[] {
  const packStages = new Set(chain.map((s) => s.pack_stage));
  const errors: FieldError[] = [];
  for (const [key, { itemId, stages }] of assessedStages(pack)) {
    if (stages.some((s) => packStages.has(s))) continue;
    errors.push(
      issue(
        path,
        'unassessable',
        `item ${itemId} (${key}) is assessed at ${stages.join(' or ')}: map a stage to one of them with pack_stage`,
        `指标 ${itemId}（${key}）须在 ${stages.join('或')} 阶段评分：请用 pack_stage 把某一阶段对应到其中之一`,
      ),
    );
  }
  return errors;
}

/** A stored chain (cycles.stages), read back. */
export function parseChain(stored: unknown): ChainStage[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((s): ChainStage[] => {
    if (!s || typeof s !== 'object') return [];
    const r = s as Partial<ChainStage>;
    if (typeof r.key !== 'string' || !STEPS.includes(r.step as Step)) return [];
    return [
      {
        key: r.key,
        title: r.title ?? { zh: r.key, en: r.key },
        step: r.step as Step,
        actor: r.step === 'submit' ? 'reporter' : 'reviewer',
        pack_stage: typeof r.pack_stage === 'string' ? r.pack_stage : r.key,
      },
    ];
  });
}

/**
 * The status of a submission that has just arrived at stage `index`: by a return to the
 * first stage, `returned` (the unit must submit again; `draft` before its first submission);
 * otherwise the status of the step completed before it. A return further up the chain thus
 * steps the status back too, so deadline checks ("submitted by 15 October") stay truthful.
 */
export function statusAt(
  chain: readonly ChainStage[],
  index: number,
  returned: boolean,
): SubmissionStatus {
  if (index <= 0) return returned ? 'returned' : 'draft';
  return STATUS_AFTER[chain[index - 1]!.step];
}

export function stageIndex(chain: readonly ChainStage[], key: string): number {
  return chain.findIndex((s) => s.key === key);
}
