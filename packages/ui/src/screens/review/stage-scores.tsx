import { useState } from 'preact/hooks';
import { readSnapshot, type Scorecard } from '../../api/scores.ts';
import { readStage, type Submission } from '../../api/submissions.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatPoints, ScorecardView } from '../../components/scorecard-view.tsx';
import { formatDateTime, pick, t, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';

/** One stage's recorded score (the scheduler's snapshot), its scorecard opened on demand. */
function StageScoreRow(props: { submission: Submission; stage: Submission['stages'][number] }) {
  useLang();
  const { submission, stage } = props;
  const data = useAsync(
    () => readStage(submission.id, stage.key),
    [submission.id, stage.key, submission.etag],
  );
  const [card, setCard] = useState<Scorecard | null>(null);
  const [open, setOpen] = useState(false);
  const score = data.data?.score ?? null;
  return (
    <li class="stage-score">
      <span class="stage-name">{pick(stage.title)}</span>{' '}
      <span class="tag muted">{t(`review.stageState.${stage.state}`)}</span>{' '}
      {data.error ? (
        <ProblemNotice error={data.error} />
      ) : !data.data ? (
        <span class="hint">{t('status.loading')}</span>
      ) : !score ? (
        <span class="hint">{t('review.notScoredYet')}</span>
      ) : (
        <>
          <strong class="stage-total">
            {t('score.itemPoints', {
              points: formatPoints(score.total),
              max: formatPoints(score.max),
            })}
          </strong>{' '}
          <span class="hint">
            {score.designation_met === null
              ? t('score.designation.pending')
              : score.designation_met
                ? t('score.designation.met')
                : t('score.designation.notMet')}
            {' · '}
            {t('review.scoredAt', { at: formatDateTime(score.scored_at) })}
            {!score.current && ` · ${t('review.scoreStale')}`}
          </span>{' '}
          <button
            type="button"
            class="link-button"
            aria-expanded={open}
            onClick={async () => {
              if (!card) setCard((await readSnapshot(score.snapshot_id)).scorecard ?? null);
              setOpen(!open);
            }}
          >
            {open ? t('review.hideCard') : t('review.showCard', { stage: pick(stage.title) })}
          </button>
          {open && card && <ScorecardView card={card} idPrefix={`stage-${stage.key}`} />}
        </>
      )}
    </li>
  );
}

/** The score at every stage reached so far: 自评分 / 初评分 / 审定分 side by side in time. */
export function StageScores(props: { submission: Submission }) {
  useLang();
  const reached = props.submission.stages.filter((s) => s.state !== 'ahead');
  return (
    <section class="card" aria-labelledby="stage-scores-title">
      <h2 id="stage-scores-title">{t('review.stageScores')}</h2>
      <p class="hint">{t('review.stageScoresIntro')}</p>
      <ol class="stage-scores">
        {reached.map((stage) => (
          <StageScoreRow key={stage.key} submission={props.submission} stage={stage} />
        ))}
      </ol>
    </section>
  );
}
