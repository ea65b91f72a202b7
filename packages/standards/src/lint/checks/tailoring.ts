import { canonicalJson } from '../../canonical-json.ts';
import type { Expression } from '../../expression.ts';
import { describeExpression, type LabelLookup } from '../../expression-describe.ts';
import type { Item, Pack } from '../../pack-schema.ts';
import * as q from '../../rational.ts';
import type { Rule } from '../../rules/rule.ts';
import { formatPoints } from '../../rules/rule-context.ts';
import type { Text } from '../../text.ts';
import { displayNumber } from '../../value.ts';
import { finding, type LintCheck, type LintFinding } from '../lint-finding.ts';
import { staticContexts, staticValue } from '../static-values.ts';

// A tailored version (derivedFrom its parent) may change what its parent allows, and no more:
// - a `mandatory` item stays enabled, and nothing the parent has disappears (disable instead);
// - a `tightenOnly` item may only get harder to earn: thresholds of ≥/> bands and ladder
//   steps up, of ≤/< bands down, deduction steps down; points awarded (band, step, check,
//   base, otherwise, caps) down, points deducted up; conditions and measured values unchanged;
//   `{ points: 'fixed' }` freezes every points figure. Marks are inherited: a town deriving
//   from a district's tailoring is held to the city's marks too.

type Direction = 'higher' | 'lower';
type PointsMode = 'stricter' | 'fixed';

interface Comparison {
  readonly parent: Pack;
  readonly child: Pack;
  readonly labels: LabelLookup;
  readonly points: PointsMode;
  readonly findings: LintFinding[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function error(c: Comparison, path: string, zh: string, en: string): void {
  c.findings.push(finding('tailoring', 'error', path, zh, en));
}

const WORDS: Readonly<Record<Direction, Text>> = {
  higher: { zh: '只能调高', en: 'may only rise' },
  lower: { zh: '只能调低', en: 'may only fall' },
};

function moved(c: Comparison, path: string, what: Text, from: string, to: string, dir: Direction) {
  const rule = WORDS[dir];
  error(
    c,
    path,
    `${what.zh}${rule.zh}（只许收紧）：由${from}改为${to}`,
    `${what.en} ${rule.en} (tighten only): ${from} changed to ${to}`,
  );
}

/**
 * A points figure: must stay, or move only the stricter way. An absent figure is read as
 * `absent`: +∞ for a cap (no cap is the loosest cap), −∞ for a floor.
 */
function pointsFigure(
  c: Comparison,
  path: string,
  what: Text,
  parent: number | undefined,
  child: number | undefined,
  stricter: Direction,
  absent = Number.POSITIVE_INFINITY,
): void {
  if (parent === child) return;
  const shown = (x: number | undefined) => (x === undefined ? '—' : formatPoints(q.fromNumber(x)));
  if (c.points === 'fixed') {
    error(
      c,
      path,
      `${what.zh}不得改动（分值固定）：由${shown(parent)}改为${shown(child)}`,
      `${what.en} may not change (points fixed): ${shown(parent)} changed to ${shown(child)}`,
    );
    return;
  }
  const a = parent ?? absent;
  const b = child ?? absent;
  const looser = stricter === 'higher' ? b < a : b > a;
  if (looser) moved(c, path, what, shown(parent), shown(child), stricter);
}

/** A threshold: compared per parameter combination when it depends on parameters. */
function threshold(
  c: Comparison,
  path: string,
  what: Text,
  parent: Expression,
  child: Expression,
  stricter: Direction,
): void {
  if (same(parent, child)) return;
  for (const { env, label } of staticContexts([parent, child], c.child)) {
    const a = staticValue(parent, c.parent, env);
    const b = staticValue(child, c.child, env);
    if (a?.type !== 'number' || b?.type !== 'number') {
      error(
        c,
        path,
        `${what.zh}改为无法静态比较的表达式，不能确认只是收紧`,
        `${what.en} changed to an expression that cannot be compared statically: not provably tighter`,
      );
      return;
    }
    const looser = stricter === 'higher' ? q.lt(b.value, a.value) : q.gt(b.value, a.value);
    if (looser) {
      const when = label ? { zh: `（当${label.zh}时）`, en: ` (when ${label.en})` } : null;
      moved(
        c,
        path,
        when ? { zh: `${what.zh}${when.zh}`, en: `${what.en}${when.en}` } : what,
        displayNumber(a.value, a.format, 4),
        displayNumber(b.value, b.format, 4),
        stricter,
      );
      return;
    }
  }
}

function unchanged(c: Comparison, path: string, what: Text, parent: unknown, child: unknown) {
  if (same(parent, child)) return;
  const describe = (x: unknown) =>
    x !== null && typeof x === 'object' && 'op' in x
      ? describeExpression(x as Expression, c.labels)
      : { zh: String(x), en: String(x) };
  const from = describe(parent);
  const to = describe(child);
  error(
    c,
    path,
    `${what.zh}不得改动（只许收紧）：由“${from.zh}”改为“${to.zh}”`,
    `${what.en} may not change (tighten only): "${from.en}" changed to "${to.en}"`,
  );
}

function structure(c: Comparison, path: string, what: Text): void {
  error(
    c,
    path,
    `${what.zh}的结构改变了（只许收紧：可改阈值和分值，不可增删档次或更换规则）`,
    `${what.en} changed shape (tighten only: thresholds and points may change, not the bands, parts or rule kind)`,
  );
}

const T = (zh: string, en: string): Text => ({ zh, en });

function compareRules(c: Comparison, parent: Rule, child: Rule, path: string): void {
  if (parent.kind !== child.kind) {
    structure(c, path, T('评分规则', 'the rule'));
    return;
  }
  const p = parent;
  switch (p.kind) {
    case 'band': {
      const ch = child as typeof p;
      unchanged(c, `${path}.value`, T('分档依据', 'the banded value'), p.value, ch.value);
      if (
        p.bands.length !== ch.bands.length ||
        p.bands.some((b, i) => b.operator !== ch.bands[i]?.operator)
      ) {
        structure(c, `${path}.bands`, T('分档', 'the bands'));
        return;
      }
      for (const [i, b] of p.bands.entries()) {
        const cb = ch.bands[i] as typeof b;
        const up = b.operator === '>=' || b.operator === '>';
        threshold(
          c,
          `${path}.bands[${i}].threshold`,
          T(`第${i + 1}档阈值`, `band ${i + 1}'s threshold`),
          b.threshold,
          cb.threshold,
          up ? 'higher' : 'lower',
        );
        pointsFigure(
          c,
          `${path}.bands[${i}].points`,
          T(`第${i + 1}档分值`, `band ${i + 1}'s points`),
          b.points,
          cb.points,
          'lower',
        );
      }
      pointsFigure(
        c,
        `${path}.otherwise`,
        T('未达档分值', 'otherwise'),
        p.otherwise,
        ch.otherwise,
        'lower',
      );
      return;
    }
    case 'ladder': {
      const ch = child as typeof p;
      unchanged(c, `${path}.value`, T('计数依据', 'the counted value'), p.value, ch.value);
      if (p.steps.length !== ch.steps.length) {
        structure(c, `${path}.steps`, T('阶梯', 'the steps'));
        return;
      }
      for (const [i, s] of p.steps.entries()) {
        const cs = ch.steps[i] as typeof s;
        threshold(
          c,
          `${path}.steps[${i}].atLeast`,
          T(`第${i + 1}级门槛`, `step ${i + 1}'s threshold`),
          s.atLeast,
          cs.atLeast,
          'higher',
        );
        pointsFigure(
          c,
          `${path}.steps[${i}].points`,
          T(`第${i + 1}级分值`, `step ${i + 1}'s points`),
          s.points,
          cs.points,
          'lower',
        );
      }
      pointsFigure(
        c,
        `${path}.otherwise`,
        T('未达级分值', 'otherwise'),
        p.otherwise,
        ch.otherwise,
        'lower',
      );
      return;
    }
    case 'check': {
      const ch = child as typeof p;
      unchanged(c, `${path}.when`, T('条件', 'the condition'), p.when, ch.when);
      pointsFigure(c, `${path}.points`, T('分值', 'the points'), p.points, ch.points, 'lower');
      pointsFigure(
        c,
        `${path}.otherwise`,
        T('不满足时分值', 'otherwise'),
        p.otherwise,
        ch.otherwise,
        'lower',
      );
      return;
    }
    case 'sum':
    case 'best': {
      const ch = child as typeof p;
      if (p.parts.length !== ch.parts.length) {
        structure(c, `${path}.parts`, T('组成部分', 'the parts'));
        return;
      }
      for (const [i, part] of p.parts.entries()) {
        compareRules(c, part, ch.parts[i] as Rule, `${path}.parts[${i}]`);
      }
      if (p.kind === 'sum' && ch.kind === 'sum') {
        pointsFigure(c, `${path}.cap`, T('封顶分', 'the cap'), p.cap, ch.cap, 'lower');
        pointsFigure(
          c,
          `${path}.floor`,
          T('保底分', 'the floor'),
          p.floor,
          ch.floor,
          'lower',
          -Infinity,
        );
      }
      return;
    }
    case 'deduct': {
      const ch = child as typeof p;
      if (typeof p.base === 'number' && typeof ch.base === 'number') {
        pointsFigure(c, `${path}.base`, T('基础分', 'the base'), p.base, ch.base, 'lower');
      } else if (typeof p.base !== 'number' && typeof ch.base !== 'number') {
        compareRules(c, p.base, ch.base, `${path}.base`);
      } else {
        structure(c, `${path}.base`, T('基础分', 'the base'));
      }
      if (p.deductions.length !== ch.deductions.length) {
        structure(c, `${path}.deductions`, T('扣分项', 'the deductions'));
        return;
      }
      for (const [i, d] of p.deductions.entries()) {
        const cd = ch.deductions[i] as typeof d;
        const at = `${path}.deductions[${i}]`;
        unchanged(c, `${at}.amount`, T('扣分依据', 'what is deducted for'), d.amount, cd.amount);
        unchanged(c, `${at}.rounding`, T('计步方式', 'the step rounding'), d.rounding, cd.rounding);
        if (d.step && cd.step) {
          threshold(c, `${at}.step`, T('扣分步长', 'the deduction step'), d.step, cd.step, 'lower');
        } else if (d.step || cd.step) {
          structure(c, `${at}.step`, T('扣分步长', 'the deduction step'));
        }
        pointsFigure(
          c,
          `${at}.points`,
          T('每次扣分', 'points per deduction'),
          d.points,
          cd.points,
          'higher',
        );
        pointsFigure(
          c,
          `${at}.max`,
          T('单项扣分上限', 'the deduction cap'),
          d.max,
          cd.max,
          'higher',
        );
      }
      pointsFigure(
        c,
        `${path}.maxTotal`,
        T('扣分总上限', 'the total deduction cap'),
        p.maxTotal,
        ch.maxTotal,
        'higher',
      );
      pointsFigure(c, `${path}.floor`, T('最低分', 'the floor'), p.floor, ch.floor, 'lower');
      return;
    }
    case 'each': {
      const ch = child as typeof p;
      unchanged(c, `${path}.count`, T('计次依据', 'what is counted'), p.count, ch.count);
      pointsFigure(c, `${path}.points`, T('每次分值', 'points each'), p.points, ch.points, 'lower');
      pointsFigure(c, `${path}.max`, T('上限', 'the cap'), p.max, ch.max, 'lower');
      return;
    }
    case 'proportional': {
      const ch = child as typeof p;
      unchanged(c, `${path}.value`, T('计算依据', 'the measured value'), p.value, ch.value);
      threshold(c, `${path}.target`, T('目标值', 'the target'), p.target, ch.target, 'higher');
      pointsFigure(c, `${path}.points`, T('分值', 'the points'), p.points, ch.points, 'lower');
      if (p.onZeroTarget !== ch.onZeroTarget && ch.onZeroTarget !== 'zero') {
        unchanged(
          c,
          `${path}.onZeroTarget`,
          T('目标为0时', 'a zero target'),
          p.onZeroTarget,
          ch.onZeroTarget,
        );
      }
      return;
    }
    case 'rank': {
      const ch = child as typeof p;
      unchanged(c, `${path}.value`, T('排名依据', 'the ranked value'), p.value, ch.value);
      unchanged(c, `${path}.order`, T('排序方向', 'the order'), p.order, ch.order);
      unchanged(c, `${path}.peers`, T('比较范围', 'the peers'), p.peers, ch.peers);
      const a = p.award;
      const b = ch.award;
      if (a.by !== b.by) {
        structure(c, `${path}.award`, T('赋分方式', 'the award'));
        return;
      }
      if (a.by === 'ratio-to-best' && b.by === 'ratio-to-best') {
        pointsFigure(
          c,
          `${path}.award.points`,
          T('满分', 'the points'),
          a.points,
          b.points,
          'lower',
        );
        return;
      }
      const entriesA = a.by === 'position' ? a.positions : a.by === 'top-percent' ? a.shares : [];
      const entriesB = b.by === 'position' ? b.positions : b.by === 'top-percent' ? b.shares : [];
      if (entriesA.length !== entriesB.length) {
        structure(c, `${path}.award`, T('名次档', 'the ranks'));
        return;
      }
      for (const [i, e] of entriesA.entries()) {
        const f = entriesB[i] as typeof e;
        const at = `${path}.award.${a.by === 'position' ? 'positions' : 'shares'}[${i}]`;
        if (f.top > e.top) {
          moved(
            c,
            `${at}.top`,
            T(`第${i + 1}个名次档`, `rank band ${i + 1}`),
            String(e.top),
            String(f.top),
            'lower',
          );
        }
        pointsFigure(
          c,
          `${at}.points`,
          T(`第${i + 1}个名次档分值`, `rank band ${i + 1}'s points`),
          e.points,
          f.points,
          'lower',
        );
      }
      if ('otherwise' in a && 'otherwise' in b) {
        pointsFigure(
          c,
          `${path}.award.otherwise`,
          T('其余名次分值', 'otherwise'),
          a.otherwise,
          b.otherwise,
          'lower',
        );
      }
      return;
    }
    case 'gate': {
      const ch = child as typeof p;
      unchanged(c, `${path}.when`, T('前提条件', 'the gate condition'), p.when, ch.when);
      pointsFigure(
        c,
        `${path}.otherwise`,
        T('不满足时分值', 'otherwise'),
        p.otherwise,
        ch.otherwise,
        'lower',
      );
      compareRules(c, p.rule, ch.rule, `${path}.rule`);
      return;
    }
    case 'assessed': {
      const ch = child as typeof p;
      pointsFigure(
        c,
        `${path}.points`,
        T('评估满分', 'the assessed maximum'),
        p.points,
        ch.points,
        'lower',
      );
      pointsFigure(
        c,
        `${path}.min`,
        T('评估最低分', 'the assessed minimum'),
        p.min,
        ch.min,
        'lower',
      );
      unchanged(c, `${path}.stages`, T('评估阶段', 'the stages'), p.stages, ch.stages);
      return;
    }
  }
}

function tightenMode(item: Item): PointsMode | null {
  const mark = item.tightenOnly;
  if (!mark) return null;
  return mark === true ? 'stricter' : mark.points;
}

function compareItems(c: Comparison, parent: Item, child: Item, path: string): void {
  if (parent.category !== child.category) {
    error(
      c,
      `${path}.category`,
      '只许收紧的指标项不得改变类别',
      'a tighten-only item may not change category',
    );
  }
  if (child.max > parent.max) {
    moved(c, `${path}.max`, T('满分', 'the max'), String(parent.max), String(child.max), 'lower');
  }
  if (child.min < parent.min) {
    moved(
      c,
      `${path}.min`,
      T('最低分', 'the min'),
      String(parent.min),
      String(child.min),
      'higher',
    );
  }
  const parentKinds = parent.appliesTo ?? c.parent.unitKinds;
  const childKinds = child.appliesTo ?? c.child.unitKinds;
  if (parentKinds.some((k) => !childKinds.includes(k))) {
    error(
      c,
      `${path}.appliesTo`,
      '只许收紧的指标项不得缩小适用范围',
      'a tighten-only item may not apply to fewer unit kinds',
    );
  }
  compareRules(c, parent.rule, child.rule, `${path}.rule`);
}

export const tailoringCheck: LintCheck = {
  id: 'tailoring',
  run({ pack, parent, labels }) {
    if (!parent) return [];
    const findings: LintFinding[] = [];
    const from = pack.derivedFrom;
    const parentRef = `${parent.key}@${parent.version}`;
    if (!from) {
      findings.push(
        finding(
          'tailoring',
          'error',
          'derivedFrom',
          `派生版本须在 derivedFrom 中注明来源版本 ${parentRef}`,
          `a derived version must name its parent ${parentRef} in derivedFrom`,
        ),
      );
    } else if (from.key !== parent.key || from.version !== parent.version) {
      findings.push(
        finding(
          'tailoring',
          'error',
          'derivedFrom',
          `derivedFrom 为 ${from.key}@${from.version}，与所给来源版本 ${parentRef} 不符`,
          `derivedFrom names ${from.key}@${from.version}, not the given parent ${parentRef}`,
        ),
      );
    }
    const children = new Map(pack.items.map((i) => [i.id, i]));
    for (const item of parent.items) {
      const path = `items[${item.id}]`;
      const child = children.get(item.id);
      if (!child) {
        findings.push(
          finding(
            'tailoring',
            'error',
            path,
            item.mandatory
              ? `必选项 ${item.id} 被删除`
              : `${item.id} 被删除：派生版本只能停用（disabled）指标项，不能删除`,
            item.mandatory
              ? `mandatory item ${item.id} was removed`
              : `${item.id} was removed: a derived version may disable items, not remove them`,
          ),
        );
        continue;
      }
      if (item.mandatory && child.disabled && !item.disabled) {
        findings.push(
          finding(
            'tailoring',
            'error',
            `${path}.disabled`,
            `${item.id} 是必选项，不得停用`,
            `${item.id} is mandatory and may not be disabled`,
          ),
        );
      }
      if (item.mandatory && !child.mandatory) {
        findings.push(
          finding(
            'tailoring',
            'error',
            `${path}.mandatory`,
            `${item.id} 的必选标记不得去掉`,
            `${item.id} must keep its mandatory mark`,
          ),
        );
      }
      const mode = tightenMode(item);
      const childMode = tightenMode(child);
      if (mode && (!childMode || (mode === 'fixed' && childMode !== 'fixed'))) {
        findings.push(
          finding(
            'tailoring',
            'error',
            `${path}.tightenOnly`,
            `${item.id} 的只许收紧标记不得去掉或放宽`,
            `${item.id} must keep its tighten-only mark`,
          ),
        );
      }
      if (mode) {
        compareItems({ parent, child: pack, labels, points: mode, findings }, item, child, path);
      }
    }
    const known = new Set(parent.items.map((i) => i.id));
    for (const item of pack.items) {
      if (known.has(item.id)) continue;
      findings.push(
        finding(
          'tailoring',
          'warning',
          `items[${item.id}]`,
          `${item.id} 是来源版本 ${parentRef} 没有的新增项`,
          `${item.id} is not in the parent ${parentRef}`,
        ),
      );
    }
    const params = new Map(pack.parameters.map((p) => [p.id, p]));
    for (const p of parent.parameters) {
      const mine = params.get(p.id);
      if (!mine || mine.kind !== p.kind) {
        findings.push(
          finding(
            'tailoring',
            'error',
            `parameters[${p.id}]`,
            mine ? `参数 ${p.id} 的类型不得改变` : `参数 ${p.id} 不得删除`,
            mine ? `parameter ${p.id} may not change kind` : `parameter ${p.id} may not be removed`,
          ),
        );
      }
    }
    return findings;
  },
};
