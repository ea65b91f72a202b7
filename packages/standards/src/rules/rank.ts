import { z } from 'zod';
import { statement, statementWant } from '../compiled/result.ts';
import * as x from '../exact.ts';
import { expressionSchema } from '../expression.ts';
import { valueStatement } from '../expression-eval.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import { displayNumber } from '../value.ts';
import {
  type CompiledRule,
  type RuleCompileContext,
  scored as scoredOutcome,
  unresolvedOutcome as unresolvedCompiled,
} from './compiled-rule.ts';
import {
  type Bounds,
  type BoundsContext,
  bounds as boundsOf,
  type DescribeContext,
  formatPoints,
  pointsText,
  type RuleContext,
  type RuleOutcome,
  scored,
  unresolvedOutcome,
} from './rule-context.ts';

// 排名赋分: points by the unit's standing among the cycle's units (its peers, this unit
// included; units whose value is unknown are left out). Ranks are competition ranks: tied
// units share the better rank ("1, 2, 2, 4"). Awards:
// - `position`: the best `points` among entries with rank ≤ `top`;
// - `top-percent`: the same with rank ≤ ceil(top % × number of ranked units);
// - `ratio-to-best`: points × value ÷ best (higher is better) or best ÷ value (lower is better).

const positionAward = z.strictObject({
  by: z.literal('position'),
  positions: z
    .array(z.strictObject({ top: z.number().int().positive(), points: z.number() }))
    .min(1),
  otherwise: z.number().default(0),
});
const topPercentAward = z.strictObject({
  by: z.literal('top-percent'),
  shares: z
    .array(z.strictObject({ top: z.number().positive().max(100), points: z.number() }))
    .min(1),
  otherwise: z.number().default(0),
});
const ratioToBestAward = z.strictObject({
  by: z.literal('ratio-to-best'),
  points: z.number().positive(),
});

export const rankRuleSchema = z.strictObject({
  kind: z.literal('rank'),
  label: textSchema.optional(),
  value: expressionSchema,
  order: z.enum(['higher-is-better', 'lower-is-better']).default('higher-is-better'),
  peers: z.enum(['all', 'same-kind']).default('same-kind'),
  award: z.discriminatedUnion('by', [positionAward, topPercentAward, ratioToBestAward]),
});
export type RankRule = z.infer<typeof rankRuleSchema>;

/** Competition rank of `self` among `values` (1 = best). */
export function competitionRank(
  self: q.Rational,
  values: readonly q.Rational[],
  order: RankRule['order'],
): number {
  const better = values.filter((v) =>
    order === 'higher-is-better' ? q.gt(v, self) : q.lt(v, self),
  ).length;
  return better + 1;
}

function pointsForRank(rule: RankRule, rank: number, ranked: number): q.Rational {
  const award = rule.award;
  if (award.by === 'ratio-to-best') throw new Error('rank: not a positional award');
  const entries =
    award.by === 'position'
      ? award.positions.map((p) => ({ within: p.top, points: p.points }))
      : award.shares.map((s) => ({
          within: Number(q.ceil(q.div(q.mul(s.top, ranked), 100))),
          points: s.points,
        }));
  const reached = entries.filter((e) => rank <= e.within).map((e) => e.points);
  return q.fromNumber(reached.length > 0 ? Math.max(...reached) : award.otherwise);
}

export function evaluate(rule: RankRule, ctx: RuleContext): RuleOutcome {
  const peers = ctx.peers(rule.value, rule.peers);
  if (peers.status !== 'value') return unresolvedOutcome(peers, bounds(rule).max);
  const self = peers.self;
  if (self.value.type !== 'number') throw new TypeError('rank: the value must be a number');
  const x = self.value.value;
  const format = self.value.format;
  const values = peers.peers.map((p) => p.value);
  const statement = valueStatement(rule.value, self, ctx.labels);
  const rank = competitionRank(x, values, rule.order);
  const standing = {
    zh: `在${values.length}个单位中排第${rank}名`,
    en: `ranked ${rank} of ${values.length}`,
  };
  if (rule.award.by !== 'ratio-to-best') {
    const points = pointsForRank(rule, rank, values.length);
    const awarded = pointsText(points);
    return scored(points, {
      zh: `${statement.zh}，${standing.zh}，${awarded.zh}`,
      en: `${statement.en}, ${standing.en}, ${awarded.en}`,
    });
  }
  const full = q.fromNumber(rule.award.points);
  const [first, ...rest] = values as [q.Rational, ...q.Rational[]];
  const best = rule.order === 'higher-is-better' ? q.max(first, ...rest) : q.min(first, ...rest);
  let share: q.Rational;
  if (q.eq(x, best)) share = q.ONE;
  else if (rule.order === 'higher-is-better') share = q.gt(best, 0) ? q.div(x, best) : q.ZERO;
  else share = q.gt(x, 0) ? q.div(best, x) : q.ZERO;
  const points = q.clamp(q.mul(full, share), 0, full);
  const bestShown = displayNumber(best, format);
  const awarded = pointsText(points);
  return scored(points, {
    zh: `${statement.zh}，${standing.zh}，最优值${bestShown}，${awarded.zh}`,
    en: `${statement.en}, ${standing.en}, best ${bestShown}, ${awarded.en}`,
  });
}

/** `evaluate`, compiled: peers' values come from the cycle, each worked out once. */
export function compile(rule: RankRule, cx: RuleCompileContext): CompiledRule {
  const peersOf = cx.peers(rule.value, statementWant(rule.value), rule.peers);
  const described = cx.describe(rule.value);
  const max = x.fromRational(bounds(rule).max);
  const award = rule.award;
  return (f) => {
    const peers = peersOf(f);
    if (peers.status !== 'value') return unresolvedCompiled(peers, max);
    const self = peers.self;
    if (self.value.type !== 'number') throw new TypeError('rank: the value must be a number');
    const n = self.value.value;
    const values = peers.peers.map((p) => p.value);
    const said = statement(rule.value, self, described);
    let better = 0;
    for (const v of values) {
      if (rule.order === 'higher-is-better' ? x.gt(v, n) : x.lt(v, n)) better++;
    }
    const rank = better + 1;
    const standing = {
      zh: `在${values.length}个单位中排第${rank}名`,
      en: `ranked ${rank} of ${values.length}`,
    };
    if (award.by !== 'ratio-to-best') {
      const points = x.fromRational(pointsForRank(rule, rank, values.length));
      const awarded = x.pointsText(points);
      return scoredOutcome(points, {
        zh: `${said.zh}，${standing.zh}，${awarded.zh}`,
        en: `${said.en}, ${standing.en}, ${awarded.en}`,
      });
    }
    const full = x.fromNumber(award.points);
    let best = values[0] as x.Exact;
    for (const v of values) {
      if (rule.order === 'higher-is-better' ? x.gt(v, best) : x.lt(v, best)) best = v;
    }
    let share: x.Exact;
    if (x.eq(n, best)) share = x.ONE;
    else if (rule.order === 'higher-is-better') {
      share = x.gt(best, x.ZERO) ? x.div(n, best) : x.ZERO;
    } else share = x.gt(n, x.ZERO) ? x.div(best, n) : x.ZERO;
    const points = x.clamp(x.mul(full, share), x.ZERO, full);
    const bestShown = x.displayNumber(best, self.value.format);
    const awarded = x.pointsText(points);
    return scoredOutcome(points, {
      zh: `${said.zh}，${standing.zh}，最优值${bestShown}，${awarded.zh}`,
      en: `${said.en}, ${standing.en}, best ${bestShown}, ${awarded.en}`,
    });
  };
}

export function bounds(rule: RankRule, _ctx?: BoundsContext): Bounds {
  const award = rule.award;
  if (award.by === 'ratio-to-best') return boundsOf(0, award.points);
  const all = [
    award.otherwise,
    ...(award.by === 'position' ? award.positions : award.shares).map((e) => e.points),
  ];
  return boundsOf(Math.min(...all), Math.max(...all));
}

export function describe(rule: RankRule, ctx: DescribeContext): Text {
  const value = ctx.expression(rule.value);
  const direction =
    rule.order === 'higher-is-better'
      ? { zh: '从高到低', en: 'highest first' }
      : { zh: '从低到高', en: 'lowest first' };
  const peers =
    rule.peers === 'all'
      ? { zh: '全部单位', en: 'all units' }
      : { zh: '同类单位', en: 'units of its kind' };
  const award = rule.award;
  let how: Text;
  if (award.by === 'ratio-to-best') {
    const points = formatPoints(q.fromNumber(award.points));
    how = {
      zh: `按与最优值之比得分，满分${points}分`,
      en: `points ${points} × its ratio to the best`,
    };
  } else {
    const entries =
      award.by === 'position'
        ? award.positions.map((p) => ({ zh: `前${p.top}名`, en: `top ${p.top}`, points: p.points }))
        : award.shares.map((s) => ({ zh: `前${s.top}%`, en: `top ${s.top}%`, points: s.points }));
    const shown = entries.map((e) => ({
      zh: `${e.zh}得${formatPoints(q.fromNumber(e.points))}分`,
      en: `${e.en}: ${formatPoints(q.fromNumber(e.points))}`,
    }));
    const otherwise = formatPoints(q.fromNumber(award.otherwise));
    how = {
      zh: `${shown.map((s) => s.zh).join('，')}，其余得${otherwise}分`,
      en: `${shown.map((s) => s.en).join('; ')}; others ${otherwise}`,
    };
  }
  return {
    zh: `在${peers.zh}中按${value.zh}${direction.zh}排名：${how.zh}`,
    en: `Ranked among ${peers.en} by ${value.en}, ${direction.en}: ${how.en}`,
  };
}
