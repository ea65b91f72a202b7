import type { Assessment } from '@kaoping/standards';
import {
  canonicalJson,
  type Pack,
  type Scorecard,
  score,
  sha256Hex,
  type UnitKind,
  walkRules,
} from '@kaoping/standards';
import type { ServiceContext } from '../../auth/principal.ts';
import { AppError } from '../../lib/problem.ts';
import { packOfCycle } from '../cycles/cycle-pack.ts';
import { cycleStageData, engineUnit, splitReferences } from '../cycles/stage-data.ts';
import { loadSubmission, type StageRow, type SubmissionContext } from './access.ts';

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

function peerRelative(pack: Pack): boolean {
  return (
    pack.references.some((r) => r.source.from === 'units') ||
    pack.items.some((item) => [...walkRules(item.rule)].some((r) => r.kind === 'rank'))
  );
}

/** The scorecard of one stage row, as the scheduler computes it (peers when the pack needs them). */
export async function scoreStageRow(
  ctx: Pick<ServiceContext, 'tdb'>,
  s: SubmissionContext,
  pack: Pack,
  row: StageRow,
): Promise<{ scorecard: Scorecard; references: Record<string, number> }> {
  const refs = splitReferences(s.cycle.references);
  const references = { ...refs.cycleWide, ...refs.forUnit(s.unit.id) };
  const peers = peerRelative(pack)
    ? (await cycleStageData(ctx.tdb, s.cycle.id, { stage: row.stage })).map((r) =>
        engineUnit(r, refs.forUnit),
      )
    : undefined;
  const scorecard = score(pack, s.cycle.parameters, row.inputs, {
    unitId: s.unit.id,
    unitKind: s.unitKind as UnitKind,
    assessments: row.assessments as Record<string, Assessment>,
    references,
    ...(peers ? { peers } : {}),
  });
  return { scorecard, references };
}

/** The sealed document and its hash for publishing `row` at `at`. */
export async function sealFor(
  ctx: Pick<ServiceContext, 'tdb'>,
  s: SubmissionContext,
  row: StageRow,
  at: string,
): Promise<{ document: string; hash: string; scorecard: Scorecard }> {
  const pack = await packOfCycle(ctx.tdb, s.cycle);
  const { scorecard, references } = await scoreStageRow(ctx, s, pack, row);
  const document: SealDocument = {
    seal: SEAL_FORMAT,
    cycle_id: s.cycle.id,
    submission_id: s.submission.id,
    org_unit_id: s.unit.id,
    unit_kind: s.unitKind,
    stage: row.stage,
    pack: { key: s.cycle.packKey, version: s.cycle.packVersion, content_hash: s.cycle.packHash },
    parameters: s.cycle.parameters,
    references,
    inputs: row.inputs,
    assessments: row.assessments,
    scorecard,
    published_at: at,
  };
  const text = canonicalJson(document);
  return { document: text, hash: sha256Hex(text), scorecard };
}

const notSealed = () =>
  new AppError('not_found', {
    zh: '该填报尚未公布，没有封存结果',
    en: 'The submission is not published: there is no sealed result',
  });

/** The sealed result of a published submission, for clients to verify. */
export async function readSeal({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { submissionId: string };
}) {
  const s = await loadSubmission(ctx, input.submissionId);
  if (!s.submission.sealedHash || !s.submission.sealedDocument) throw notSealed();
  return {
    algorithm: 'SHA-256' as const,
    canonicalization: 'sorted-keys JSON (RFC 8785 compatible)',
    hash: s.submission.sealedHash,
    status: s.submission.status,
    revoked_at: s.submission.revokedAt,
    document: JSON.parse(s.submission.sealedDocument) as SealDocument,
  };
}
