import { canonicalJson, type Scorecard, sha256Hex } from '@kaoping/standards';

/**
 * Publication seals the result (市公布). The sealed document holds everything the published
 * score depends on and the score itself:
 *
 *   { seal: "kaoping-seal/1", cycle_id, submission_id, org_unit_id, unit_kind, stage,
 *     pack: {key, version, content_hash}, parameters, references, inputs, assessments,
 *     scorecard, published_at }
 *
 * and `sealed_hash` = SHA-256 (hex) of the UTF-8 bytes of its canonical JSON: object keys
 * sorted by UTF-16 code unit at every level, no whitespace, numbers and strings as
 * JSON.stringify writes them (RFC 8785 gives the same bytes for these values). An API client
 * verifies with GET /v1/submissions/{id}/seal: hash the canonical form of `document` and compare
 * with `hash`; it can also re-score `inputs` and `assessments` under the pack version named
 * (the score-preview route, or packages/standards) and compare with `scorecard`.
 */
export const SEAL_FORMAT = 'kaoping-seal/1';

export interface SealDocument {
  seal: typeof SEAL_FORMAT;
  cycle_id: string;
  submission_id: string;
  org_unit_id: string;
  unit_kind: string;
  stage: string;
  pack: { key: string; version: string; content_hash: string };
  parameters: Record<string, unknown>;
  references: Record<string, number>;
  inputs: Record<string, unknown>;
  assessments: Record<string, unknown>;
  scorecard: Scorecard;
  published_at: string;
}

/** The document sealed for a published stage row, its canonical text and its hash. */
export function sealOf(document: SealDocument): { document: string; hash: string } {
  const text = canonicalJson(document);
  return { document: text, hash: sha256Hex(text) };
}
