import type { Aggregate, Input, Item, Pack, Parameter, Reference, Text } from '@kaoping/standards';
import { describeExpression, describeRule } from '@kaoping/standards';
import { packLabels } from '@kaoping/standards/pack-labels';
import { formatETag } from '../../lib/etag.ts';
import type { VisibleVersion } from './visible.ts';

/**
 * Pack versions as the API shows them (routes/packs/packs.schemas.ts). Rules and formulas
 * come in plain words from the engine's own describers, beside the rule's data.
 */

export interface PinFacts {
  id: string;
  effective_from: string;
}

/** What a catalog line says about one version: from the pack itself, or from a row's JSON. */
export interface VersionFacts {
  key: string;
  version: string;
  origin: 'built-in' | 'tenant';
  status: 'draft' | 'published';
  title: Text;
  issuer: Text;
  effectiveFrom: string;
  effectiveTo: string | null;
  unitKinds: string[];
  total: number;
  bonusMax: number;
  itemCount: number;
  contentHash: string;
  derivedFrom: { key: string; version: string } | null;
  createdAt: string | null;
  publishedAt: string | null;
}

/** What the bonus categories (加分项) can add on top of the stated total. */
export function bonusMaxOf(categories: readonly { bonus?: boolean; max: number }[]): number {
  return categories.filter((c) => c.bonus === true).reduce((sum, c) => sum + c.max, 0);
}

export function factsOf(v: VisibleVersion): VersionFacts {
  const { pack, hash, origin } = v.resolved;
  return {
    key: pack.key,
    version: pack.version,
    origin,
    status: v.row?.status ?? v.resolved.status,
    title: pack.title,
    issuer: pack.issuer,
    effectiveFrom: pack.effectiveFrom,
    effectiveTo: pack.effectiveTo ?? null,
    unitKinds: [...pack.unitKinds],
    total: pack.total,
    bonusMax: bonusMaxOf(pack.categories),
    itemCount: pack.items.length,
    contentHash: hash,
    derivedFrom: pack.derivedFrom ?? null,
    createdAt: v.row?.createdAt ?? null,
    publishedAt: v.row?.publishedAt ?? null,
  };
}

export function presentVersionSummary(f: VersionFacts, pin: PinFacts | null) {
  return {
    key: f.key,
    version: f.version,
    origin: f.origin,
    status: f.status,
    title: f.title,
    effective_from: f.effectiveFrom,
    effective_to: f.effectiveTo,
    unit_kinds: f.unitKinds as Pack['unitKinds'],
    total: f.total,
    bonus_max: f.bonusMax,
    item_count: f.itemCount,
    content_hash: f.contentHash,
    derived_from: f.derivedFrom,
    pin,
    created_at: f.createdAt,
    published_at: f.publishedAt,
  };
}

export type VersionSummaryJson = ReturnType<typeof presentVersionSummary>;

const orNull = <T>(x: T | undefined): T | null => (x === undefined ? null : x);

function presentParameter(p: Parameter) {
  return {
    id: p.id,
    kind: p.kind,
    label: p.label,
    description: orNull(p.description),
    options: p.kind === 'enum' ? p.options : null,
    min: p.kind === 'number' ? orNull(p.min) : null,
    max: p.kind === 'number' ? orNull(p.max) : null,
    default: orNull(p.default),
  };
}

function presentAggregate(a: Aggregate | undefined) {
  if (a === undefined) return null;
  return typeof a === 'string' ? a : { weighted_mean_by: a.weightedMeanBy };
}

function presentInput(input: Input) {
  const bounded =
    input.kind === 'count' || input.kind === 'number' || input.kind === 'percent' ? input : null;
  return {
    id: input.id,
    kind: input.kind,
    label: input.label,
    unit: orNull(input.unit),
    help: orNull(input.help),
    required: input.required,
    default: 'default' in input ? orNull(input.default) : null,
    min: orNull(bounded?.min),
    max: orNull(bounded?.max),
    max_length: input.kind === 'text' ? input.maxLength : null,
    options: input.kind === 'enum' ? input.options : null,
    applies_to: orNull(input.appliesTo),
    aggregate: presentAggregate(input.aggregate),
    source: input.source ? presentCitation(input.source) : null,
  };
}

function presentCitation(c: { file: string; section?: string | undefined; quote: string }) {
  return { file: c.file, section: orNull(c.section), quote: c.quote };
}

function presentReference(r: Reference, labels: ReturnType<typeof packLabels>) {
  const computed = r.source.from === 'units' ? r.source : null;
  return {
    id: r.id,
    label: r.label,
    format: r.format,
    description: orNull(r.description),
    supplied_by: r.source.from,
    aggregate: computed ? computed.aggregate : null,
    of: computed ? describeExpression(computed.of, labels) : null,
    peers: computed ? computed.peers : null,
  };
}

function presentItem(item: Item, labels: ReturnType<typeof packLabels>) {
  const mark = item.tightenOnly;
  return {
    id: item.id,
    category: item.category,
    title: item.title,
    content: orNull(item.content),
    target: orNull(item.target),
    method: orNull(item.method),
    max: item.max,
    min: item.min,
    starred: item.starred,
    departments: item.departments,
    applies_to: orNull(item.appliesTo),
    disabled: item.disabled,
    mandatory: item.mandatory === true,
    tighten_only: !mark ? null : mark === true ? ('stricter' as const) : mark.points,
    source: presentCitation(item.source),
    notes: item.notes,
    rule: {
      kind: item.rule.kind,
      text: describeRule(item.rule, labels),
      definition: item.rule as unknown as Record<string, unknown>,
    },
  };
}

/** A version with everything a reader needs: inputs, items by category, parameters, chain. */
export function presentVersionDetail(v: VisibleVersion, pin: PinFacts | null) {
  const pack = v.resolved.pack;
  const labels = packLabels(pack);
  const items = pack.items.map((item) => presentItem(item, labels));
  return {
    ...presentVersionSummary(factsOf(v), pin),
    issuer: pack.issuer,
    source: {
      file: pack.source.file,
      title: pack.source.title,
      section: orNull(pack.source.section),
      document: orNull(pack.source.document),
      issued: orNull(pack.source.issued),
      url: orNull(pack.source.url),
    },
    notes: pack.notes,
    parameters: pack.parameters.map(presentParameter),
    inputs: pack.inputs.map(presentInput),
    metrics: pack.metrics.map((m) => ({
      id: m.id,
      label: m.label,
      formula: describeExpression(m.expression, labels),
      // As data too, like an item's rule, so a client can tell which inputs feed it.
      definition: m.expression as unknown as Record<string, unknown>,
      format: orNull(m.format),
      description: orNull(m.description),
      source: m.source ? presentCitation(m.source) : null,
    })),
    references: pack.references.map((r) => presentReference(r, labels)),
    categories: pack.categories.map((c) => ({
      id: c.id,
      title: c.title,
      max: c.max,
      bonus: c.bonus,
      items: items.filter((i) => i.category === c.id),
    })),
    review_chain: pack.reviewChain
      ? pack.reviewChain.map((s) => ({
          key: s.key,
          title: s.title,
          actor: s.actor,
          description: orNull(s.description),
        }))
      : null,
    eligibility: pack.eligibility.map((e) => ({
      id: e.id,
      title: e.title,
      condition: describeExpression(e.when, labels),
      notes: e.notes,
    })),
    designation: pack.designation
      ? {
          title: pack.designation.title,
          pass_mark: describeExpression(pack.designation.passMark, labels),
          requirements: pack.designation.requirements.map((r) => ({
            id: r.id,
            title: r.title,
            condition: describeExpression(r.when, labels),
          })),
          notes: pack.designation.notes,
        }
      : null,
    constraints: pack.constraints.map((c) => ({
      id: c.id,
      message: c.message,
      condition: describeExpression(c.when, labels),
    })),
    overrides: (v.row?.overrides ?? null) as Record<string, unknown> | null,
    etag: v.row ? formatETag(v.row.rowVersion) : null,
  };
}

export type VersionDetailJson = ReturnType<typeof presentVersionDetail>;
