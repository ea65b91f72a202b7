import { currentScores, scoreSnapshots, submissionStages } from '@kaoping/db/schema';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { notFound } from '../../lib/problem.ts';
import { loadSubmission } from './access.ts';
import { presentStageData } from './present.ts';

const stageNotFound = () => notFound({ zh: '该阶段的数据', en: 'Stage data' });

/**
 * One stage's own data and score (the province table's 自评分 / 初评分 / 审定分 are three of
 * these): the inputs and judgements as that stage left them, and the scheduler's current
 * snapshot of them — `current` says whether the snapshot is of the data shown (false while a
 * change waits for the next scoring run).
 */
export async function readStage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { submissionId: string; stage: string };
}) {
  const s = await loadSubmission(ctx, input.submissionId);
  const { tdb } = ctx;
  const row = await tdb.first(
    submissionStages,
    eq(submissionStages.submissionId, s.submission.id),
    eq(submissionStages.stage, input.stage),
  );
  if (!row) throw stageNotFound();
  const pointer = await tdb.db
    .select({
      id: scoreSnapshots.id,
      total: scoreSnapshots.total,
      max: scoreSnapshots.max,
      complete: scoreSnapshots.complete,
      designationMet: scoreSnapshots.designationMet,
      packVersion: scoreSnapshots.packVersion,
      packHash: scoreSnapshots.packHash,
      inputHash: scoreSnapshots.inputHash,
      createdAt: scoreSnapshots.createdAt,
    })
    .from(currentScores)
    .innerJoin(scoreSnapshots, eq(scoreSnapshots.seq, currentScores.snapshotSeq))
    .where(
      and(
        tdb.where(currentScores, eq(currentScores.submissionId, s.submission.id)),
        eq(currentScores.stage, input.stage),
      ),
    )
    .limit(1);
  const snap = pointer[0];
  const stage = s.chain.find((st) => st.key === input.stage);
  return {
    ...presentStageData(ctx.principal, row),
    title: stage?.title ?? { zh: input.stage, en: input.stage },
    data_hash: row.dataHash,
    score: snap
      ? {
          snapshot_id: snap.id,
          total: snap.total,
          max: snap.max,
          complete: snap.complete === 1,
          designation_met: snap.designationMet === null ? null : snap.designationMet === 1,
          pack_version: snap.packVersion,
          scored_at: snap.createdAt,
          current: row.dirty === 0 && snap.packHash === s.cycle.packHash,
        }
      : null,
  };
}
