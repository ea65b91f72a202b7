import type { Assessment } from '@kaoping/standards';
import { type Pack, type Scorecard, score, type UnitKind, walkRules } from '@kaoping/standards';
import type { ServiceContext } from '../../auth/principal.ts';
import { AppError } from '../../lib/problem.ts';
import { packOfCycle } from '../cycles/cycle-pack.ts';
import { cycleStageData, engineUnit, splitReferences } from '../cycles/stage-data.ts';
import { loadSubmission, type StageRow, type SubmissionContext } from './access.ts';
import { SEAL_FORMAT, type SealDocument, sealOf } from './seal-document.ts';

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
  return { ...sealOf(document), scorecard };
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
