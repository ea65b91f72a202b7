import * as q from '../rational.ts';
import { type Domain, inDomain } from './value-domain.ts';

// Bands are tried in order and the first that holds wins. Each band covers a half-line
// (≥ t, > t, ≤ t, < t), so the line splits at the thresholds into finitely many pieces; one
// test value per piece (and each threshold itself) tells exactly which band wins where.
//
// - unreachable: a band that wins nowhere in the value's domain (listed after a wider band in
//   the same direction — "达85%" before "达90%" — or beyond the domain: "≥ 101%" of a percent);
// - overlap: bands of opposite directions that both hold somewhere ("≥ 80%" and "< 85%"):
//   the later one silently loses part of what it was written to cover;
// - gap: with bands from both ends, values between them that no band covers ("≥ 90%" and
//   "< 60%": 60–90 % falls to `otherwise`);
// - inversion: of two bands in the same direction, the one nearer the better end awards less.

export type BandOperator = '>=' | '>' | '<=' | '<';

export interface ResolvedBand {
  readonly operator: BandOperator;
  readonly threshold: q.Rational;
  readonly points: number;
}

export interface BandAnalysis {
  readonly unreachable: number[];
  readonly overlaps: { readonly earlier: number; readonly later: number }[];
  readonly gap: { readonly from: q.Rational; readonly to: q.Rational } | null;
  readonly inversions: { readonly better: number; readonly worse: number }[];
  /** `otherwise` awards more than the band nearest it: values missing every band gain. */
  readonly otherwiseAbove: number | null;
}

const isUp = (operator: BandOperator) => operator === '>=' || operator === '>';

export function bandHolds(band: ResolvedBand, x: q.Rational): boolean {
  const order = q.compare(x, band.threshold);
  switch (band.operator) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
  }
}

/** One value in every piece the thresholds (and the domain's ends) cut the line into. */
export function testValues(thresholds: readonly q.Rational[], domain: Domain): q.Rational[] {
  const cuts = [...thresholds];
  if (domain.lo) cuts.push(domain.lo);
  if (domain.hi) cuts.push(domain.hi);
  const sorted = cuts
    .sort(q.compare)
    .filter((x, i, all) => i === 0 || !q.eq(x, all[i - 1] as q.Rational));
  const values: q.Rational[] = [];
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first) values.push(q.sub(first, 1));
  for (const [i, cut] of sorted.entries()) {
    values.push(cut);
    const next = sorted[i + 1];
    if (next) values.push(q.div(q.add(cut, next), 2));
  }
  if (last) values.push(q.add(last, 1));
  return values.filter((x) => inDomain(x, domain));
}

export function analyseBands(
  bands: readonly ResolvedBand[],
  otherwise: number,
  domain: Domain,
): BandAnalysis {
  const values = testValues(
    bands.map((b) => b.threshold),
    domain,
  );
  const winners = new Set<number>();
  let uncovered = false;
  for (const x of values) {
    const winner = bands.findIndex((b) => bandHolds(b, x));
    if (winner < 0) uncovered = true;
    else winners.add(winner);
  }
  const unreachable = bands.map((_, i) => i).filter((i) => !winners.has(i));

  const overlaps: BandAnalysis['overlaps'] = [];
  for (const [later, b] of bands.entries()) {
    for (let earlier = 0; earlier < later; earlier++) {
      const a = bands[earlier] as ResolvedBand;
      if (isUp(a.operator) === isUp(b.operator)) continue;
      if (values.some((x) => bandHolds(a, x) && bandHolds(b, x))) {
        overlaps.push({ earlier, later });
      }
    }
  }

  const ups = bands.filter((b) => isUp(b.operator));
  const downs = bands.filter((b) => !isUp(b.operator));
  let gap: BandAnalysis['gap'] = null;
  if (uncovered && ups.length > 0 && downs.length > 0) {
    const from = downs.map((b) => b.threshold).reduce((a, b) => q.max(a, b));
    const to = ups.map((b) => b.threshold).reduce((a, b) => q.min(a, b));
    if (q.lt(from, to)) gap = { from, to };
  }

  // Reachable bands of one direction, in list order, go from the better end inwards.
  const inversions: BandAnalysis['inversions'] = [];
  let otherwiseAbove: number | null = null;
  for (const direction of [true, false]) {
    const chain = bands
      .map((b, i) => ({ b, i }))
      .filter(({ b, i }) => isUp(b.operator) === direction && winners.has(i));
    for (const [k, { b, i }] of chain.entries()) {
      const previous = chain[k - 1];
      if (previous && b.points > previous.b.points) {
        inversions.push({ better: previous.i, worse: i });
      }
    }
    const innermost = chain[chain.length - 1];
    const oneSided = direction ? downs.length === 0 : ups.length === 0;
    if (oneSided && innermost && uncovered && otherwise > innermost.b.points) {
      otherwiseAbove = innermost.i;
    }
  }
  return { unreachable, overlaps, gap, inversions, otherwiseAbove };
}
