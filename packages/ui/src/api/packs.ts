// The pack catalog, a version in full, and the difference between two versions.
import type { Text } from '../i18n/messages.ts';
import { authed } from '../session/session.ts';
import { newIdempotencyKey } from './transport.ts';
import type { OrgUnitKind } from './types.ts';

export interface VersionSummary {
  key: string;
  version: string;
  origin: 'built-in' | 'tenant';
  status: 'draft' | 'published';
  title: Text;
  effective_from: string;
  effective_to: string | null;
  unit_kinds: OrgUnitKind[];
  total: number;
  bonus_max: number;
  item_count: number;
  content_hash: string;
  derived_from: { key: string; version: string } | null;
  pin: { id: string; effective_from: string } | null;
  created_at: string | null;
  published_at: string | null;
}

export interface CatalogPack {
  key: string;
  title: Text;
  issuer: Text;
  unit_kinds: OrgUnitKind[];
  versions: VersionSummary[];
}

export interface Citation {
  file: string;
  section: string | null;
  quote: string;
}

export interface PackItem {
  id: string;
  category: string;
  title: Text;
  content: Text | null;
  target: Text | null;
  method: Text | null;
  max: number;
  min: number;
  starred: boolean;
  departments: string[];
  applies_to: OrgUnitKind[] | null;
  disabled: boolean;
  mandatory: boolean;
  tighten_only: 'stricter' | 'fixed' | null;
  source: Citation;
  notes: Text[];
  /** The rule in words, and as data in the pack language (tailoring points into it). */
  rule: { kind: string; text: Text; definition: Record<string, unknown> };
}

export interface PackCategory {
  id: string;
  title: Text;
  max: number;
  bonus: boolean;
  items: PackItem[];
}

export interface PackParameter {
  id: string;
  kind: string;
  label: Text;
  description: Text | null;
  options: { value: string; label: Text }[] | null;
  min: number | null;
  max: number | null;
  default: string | number | boolean | null;
}

export interface PackInput {
  id: string;
  kind: string;
  label: Text;
  unit: Text | null;
  help: Text | null;
  required: boolean;
  default: string | number | boolean | null;
  min: number | null;
  max: number | null;
  max_length: number | null;
  options: { value: string; label: Text }[] | null;
  applies_to: OrgUnitKind[] | null;
}

export interface PackReference {
  id: string;
  label: Text;
  description: Text | null;
  /** A value the cycle supplies, or one computed over the cycle's units. */
  supplied_by: 'cycle' | 'units';
}

export interface PackMetric {
  id: string;
  label: Text;
  formula: Text;
  /** The expression as data: which inputs and metrics it reads. */
  definition?: Record<string, unknown>;
  source: Citation | null;
}

export interface Condition {
  id: string;
  title: Text;
  condition: Text;
}

export interface PackVersion extends VersionSummary {
  issuer: Text;
  source: {
    file: string;
    title: string;
    section: string | null;
    document: string | null;
    issued: string | null;
    url: string | null;
  };
  notes: Text[];
  parameters: PackParameter[];
  inputs: PackInput[];
  metrics: PackMetric[];
  references: PackReference[];
  categories: PackCategory[];
  review_chain:
    | { key: string; title: Text; actor: 'reporter' | 'reviewer'; description: Text | null }[]
    | null;
  eligibility: (Condition & { notes: Text[] })[];
  designation: { title: Text; pass_mark: Text; requirements: Condition[]; notes: Text[] } | null;
  constraints: { id: string; message: Text; condition: Text }[];
  /** A tailored version's overrides (docs/packs.md#tailoring); null for others. */
  overrides: PackOverrides | null;
  /** Own versions only: what a draft's edit, publish or discard sends in If-Match. */
  etag: string | null;
}

export interface ItemOverride {
  disabled?: boolean;
  /** JSON Pointer into the item's rule → the new number. */
  set?: Record<string, number>;
  notes?: Text[];
  mandatory?: boolean;
  tightenOnly?: boolean | { points: 'stricter' | 'fixed' };
}

export interface PackOverrides {
  key?: string;
  version?: string;
  parameters?: Record<string, string | number | boolean>;
  items?: Record<string, ItemOverride>;
  notes?: Text[];
}

export interface LintFinding {
  check: string;
  severity: 'error' | 'warning';
  /** "items[一.1].rule.base.bands[0].threshold" */
  path: string;
  message: Text;
}

export interface LintResult {
  errors: LintFinding[];
  warnings: LintFinding[];
}

export interface PackPin {
  id: string;
  key: string;
  version: string;
  effective_from: string;
  pinned_by: string;
  created_at: string;
}

export interface FieldChange {
  path: string;
  kind: string;
  from: Text;
  to: Text;
  message: Text;
}

export interface Named {
  id: string;
  title: Text;
}

export interface DeclarationsDiff {
  added: Named[];
  removed: Named[];
  changed: (Named & { changes: FieldChange[] })[];
}

export const DIFF_SECTIONS = [
  'items',
  'categories',
  'parameters',
  'inputs',
  'metrics',
  'references',
] as const;

export type PackDiff = {
  from: { key: string; version: string; contentHash: string };
  to: { key: string; version: string; contentHash: string };
  identical: boolean;
  pack: FieldChange[];
  summary: Text;
} & Record<(typeof DIFF_SECTIONS)[number], DeclarationsDiff>;

const versionPath = (key: string, version: string) =>
  `/v1/packs/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}`;

export const listPacks = (unitKind: OrgUnitKind | '', status: 'published' | 'draft' | 'all') =>
  authed<{ items: CatalogPack[] }>('/v1/packs', {
    query: { unit_kind: unitKind || undefined, status },
  }).then((r) => r.items);

export const readPackVersion = (key: string, version: string) =>
  authed<PackVersion>(versionPath(key, version));

/** `to` is "key@version", or a version of the same key. */
export const diffPackVersions = (key: string, version: string, to: string) =>
  authed<PackDiff>(`${versionPath(key, version)}/diff`, { query: { to } });

export const lintPackVersion = (key: string, version: string) =>
  authed<LintResult>(`${versionPath(key, version)}/lint`);

/** A pack the tenant wrote (a parsed pack file), stored as its own draft. */
export const importPack = (pack: Record<string, unknown>) =>
  authed<PackVersion>('/v1/packs', { json: { pack }, idempotencyKey: newIdempotencyKey() });

/** A tailored draft from a published version; the API names it unless `version` is given. */
export const derivePack = (key: string, version: string, overrides: PackOverrides) =>
  authed<PackVersion>(`${versionPath(key, version)}/derive`, {
    json: { overrides },
    idempotencyKey: newIdempotencyKey(),
  });

export const updatePackDraft = (draft: PackVersion, overrides: PackOverrides) =>
  authed<PackVersion>(versionPath(draft.key, draft.version), {
    method: 'PATCH',
    json: { overrides },
    ifMatch: draft.etag ?? undefined,
  });

export const publishPackDraft = (draft: PackVersion) =>
  authed<PackVersion>(`${versionPath(draft.key, draft.version)}/publish`, {
    method: 'POST',
    ifMatch: draft.etag ?? undefined,
  });

export const deletePackDraft = (draft: PackVersion) =>
  authed<void>(versionPath(draft.key, draft.version), {
    method: 'DELETE',
    ifMatch: draft.etag ?? undefined,
  });

export const listPins = (key?: string) =>
  authed<{ items: PackPin[] }>('/v1/pack-pins', { query: { key } }).then((r) => r.items);

export const createPin = (input: { key: string; version: string; effective_from: string }) =>
  authed<PackPin>('/v1/pack-pins', { json: input, idempotencyKey: newIdempotencyKey() });

export const deletePin = (pin: PackPin) =>
  authed<void>(`/v1/pack-pins/${encodeURIComponent(pin.id)}`, { method: 'DELETE' });
