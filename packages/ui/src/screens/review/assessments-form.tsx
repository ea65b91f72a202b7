import { useState } from 'preact/hooks';
import { ApiError } from '../../api/problem.ts';
import { type Assessment, type StageData, saveAssessments } from '../../api/submissions.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatPoints } from '../../components/scorecard-view.tsx';
import { pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import type { AssessedSpec } from './assessed-items.ts';

/** A judgement's points as typed, checked as the engine checks it: min..max in its steps. */
export function assessedPointsProblem(spec: AssessedSpec, raw: string): Text | null {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return textOf('rule.required');
  const n = Number(text);
  if (!Number.isFinite(n)) return textOf('entry.rule.number');
  if (n < spec.min || n > spec.points) {
    return textOf('entry.rule.between', { min: spec.min, max: spec.points });
  }
  if (spec.step !== null) {
    const steps = (n - spec.min) / spec.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) {
      return textOf('review.assess.step', { step: spec.step });
    }
  }
  return null;
}

/** 酌情评分 at this stage: points and a reason per assessed item. */
export function AssessmentsForm(props: {
  submissionId: string;
  etag: string;
  specs: readonly AssessedSpec[];
  stored: Readonly<Record<string, Assessment>>;
  onSaved(data: StageData, etag: string | null): void;
}) {
  useLang();
  const initial = () =>
    Object.fromEntries(
      props.specs.map((s) => [
        s.key,
        {
          points: props.stored[s.key] ? String(props.stored[s.key]!.points) : '',
          reason: props.stored[s.key]?.reason ?? '',
        },
      ]),
    );
  const [values, setValues] = useState<Record<string, { points: string; reason: string }>>(initial);
  const [errors, setErrors] = useState<Record<string, Text>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (props.specs.length === 0) return null;

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const found: Record<string, Text> = {};
    const body: Record<string, { points: number; reason: string }> = {};
    for (const spec of props.specs) {
      const v = values[spec.key]!;
      if (v.points.trim() === '' && v.reason.trim() === '') continue;
      const pointsProblem = assessedPointsProblem(spec, v.points);
      if (pointsProblem) found[`${spec.key}.points`] = pointsProblem;
      if (v.reason.trim() === '')
        found[`${spec.key}.reason`] = textOf('review.assess.reasonNeeded');
      if (!pointsProblem && v.reason.trim()) {
        body[spec.key] = { points: Number(v.points.normalize('NFKC')), reason: v.reason.trim() };
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || Object.keys(body).length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await saveAssessments(props.submissionId, props.etag, body);
      props.onSaved(answer.data, answer.etag);
      setSaved(true);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="assess-title">
      <h2 id="assess-title">{t('review.assess.title')}</h2>
      <p class="hint">{t('review.assess.intro')}</p>
      <form onSubmit={save} noValidate>
        {props.specs.map((spec) => {
          const v = values[spec.key]!;
          const set = (field: 'points' | 'reason', value: string) =>
            setValues((all) => ({ ...all, [spec.key]: { ...all[spec.key]!, [field]: value } }));
          const pid = `assess-${spec.key}-points`;
          const rid = `assess-${spec.key}-reason`;
          const pointsError = errors[`${spec.key}.points`];
          const reasonError = errors[`${spec.key}.reason`];
          return (
            <fieldset class="group" key={spec.key} aria-labelledby={`${pid}-legend`}>
              <legend id={`${pid}-legend`}>
                <span class="item-id">{spec.itemId}</span> {pick(spec.label ?? spec.itemTitle)}
              </legend>
              {spec.guidance && <p class="hint">{pick(spec.guidance)}</p>}
              <div class={pointsError ? 'field invalid' : 'field'}>
                <label for={pid}>
                  {t('review.assess.points', {
                    min: formatPoints(spec.min),
                    max: formatPoints(spec.points),
                  })}
                </label>
                <input
                  id={pid}
                  inputMode="decimal"
                  value={v.points}
                  aria-invalid={pointsError ? 'true' : undefined}
                  aria-describedby={pointsError ? `${pid}-error` : undefined}
                  onInput={(e) => set('points', e.currentTarget.value)}
                />
                {pointsError && (
                  <p class="field-error" id={`${pid}-error`}>
                    {pick(pointsError)}
                  </p>
                )}
              </div>
              <div class={reasonError ? 'field invalid' : 'field'}>
                <label for={rid}>{t('review.reason')}</label>
                <textarea
                  id={rid}
                  rows={2}
                  value={v.reason}
                  aria-invalid={reasonError ? 'true' : undefined}
                  aria-describedby={reasonError ? `${rid}-error` : undefined}
                  onInput={(e) => set('reason', e.currentTarget.value)}
                />
                {reasonError && (
                  <p class="field-error" id={`${rid}-error`}>
                    {pick(reasonError)}
                  </p>
                )}
              </div>
            </fieldset>
          );
        })}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('review.assess.save')}
          </button>
        </div>
        <p class="hint" role="status">
          {saved ? t('review.assess.saved') : ''}
        </p>
        {problem && <ProblemNotice error={problem} />}
      </form>
    </section>
  );
}
