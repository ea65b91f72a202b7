import { useMemo, useState } from 'preact/hooks';
import { type Cycle, readCycle } from '../../api/cycles.ts';
import { type Evidence, listEvidence } from '../../api/evidence.ts';
import { type PackInput, type PackVersion, readPackVersion } from '../../api/packs.ts';
import { ApiError, fieldErrorText, fieldName } from '../../api/problem.ts';
import type { PreviewRequest } from '../../api/scores.ts';
import {
  type Action,
  type InputValue,
  readSubmission,
  type Submission,
  saveInputs,
  transition,
} from '../../api/submissions.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { formatDateTime, pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { assessedItems } from '../review/assessed-items.ts';
import { AssessmentsForm } from '../review/assessments-form.tsx';
import { StageScores } from '../review/stage-scores.tsx';
import { TransitionActions } from '../review/transition-actions.tsx';
import { ConflictPanel } from './conflict-panel.tsx';
import { clearDraft, readDraft, writeDraft } from './draft-store.ts';
import { EntryForm } from './entry-form.tsx';
import { EvidencePanel } from './evidence-panel.tsx';
import { collectInputs, formGroups, inputsFor, parseRaw, type Raw } from './input-form.ts';
import { LivePreview } from './live-preview.tsx';

interface Loaded {
  submission: Submission;
  cycle: Cycle;
  pack: PackVersion;
  evidence: Evidence[];
}

async function load(id: string): Promise<Loaded> {
  const submission = await readSubmission(id);
  const cycle = await readCycle(submission.cycle_id);
  const [pack, evidence] = await Promise.all([
    readPackVersion(cycle.pack.key, cycle.pack.version),
    listEvidence(id),
  ]);
  return { submission, cycle, pack, evidence };
}

/** The cycle's reference values that apply to this unit, as the preview takes them. */
function referencesFor(cycle: Cycle, unitId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(cycle.references)) {
    if (typeof value === 'number') out[id] = value;
    else if (typeof value[unitId] === 'number') out[id] = value[unitId];
  }
  return out;
}

/** Stored values with what is typed now laid over them (text that does not parse is left out). */
function currentValues(
  inputs: readonly PackInput[],
  stored: Readonly<Record<string, InputValue>>,
  raws: Readonly<Record<string, Raw>>,
): Record<string, InputValue> {
  const values: Record<string, InputValue> = {};
  for (const input of inputs) {
    const raw = raws[input.id];
    let value = stored[input.id];
    if (raw !== undefined) {
      const parsed = parseRaw(input, raw);
      if (parsed.ok) value = parsed.value;
    }
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      values[input.id] = value;
    }
  }
  return values;
}

/** Field errors the API names (`body.inputs.x`, `inputs.x`) by input id. */
function inputErrors(error: ApiError): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const e of error.problem.errors ?? []) {
    const m = /^inputs\.([A-Za-z][A-Za-z0-9_]*)/.exec(fieldName(e.path));
    if (m?.[1]) out[m[1]] ??= fieldErrorText(e);
  }
  return out;
}

function focusFirstError(): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('.entry-form [aria-invalid="true"]')?.focus(),
  );
}

function Workspace(props: { loaded: Loaded }) {
  useLang();
  const { cycle, pack } = props.loaded;
  const [submission, setSubmission] = useState(props.loaded.submission);
  const [etag, setEtag] = useState(props.loaded.submission.etag);
  const [stored, setStored] = useState(props.loaded.submission.data.inputs);
  const [assessments, setAssessments] = useState(props.loaded.submission.data.assessments);
  const [evidence, setEvidence] = useState(props.loaded.evidence);
  const restored = useMemo(() => {
    const draft = readDraft(submission.id);
    return draft && draft.stage === submission.stage ? draft : null;
  }, []);
  const [raws, setRaws] = useState<Record<string, Raw>>(restored?.raws ?? {});
  const [reason, setReason] = useState(restored?.reason ?? '');
  const [showRestored, setShowRestored] = useState(!!restored);
  const [errors, setErrors] = useState<Record<string, Text>>({});
  const [reasonError, setReasonError] = useState<Text | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  // Typing kept from an earlier visit, against a version someone else has saved over since:
  // shown side by side at once, as a refused save would be.
  const [conflict, setConflict] = useState<Submission | null>(
    restored && restored.etag !== props.loaded.submission.etag ? props.loaded.submission : null,
  );
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const unitKind = submission.unit_kind;
  const inputs = useMemo(() => inputsFor(pack, unitKind), [pack, unitKind]);
  const byId = useMemo(() => new Map(inputs.map((i) => [i.id, i])), [inputs]);
  const groups = useMemo(() => formGroups(pack, unitKind), [pack, unitKind]);
  const items = useMemo(() => pack.categories.flatMap((c) => c.items), [pack]);
  const stage = cycle.stages.find((s) => s.key === submission.stage);
  const step = submission.current_stage.step;
  // The caller acts at this stage when its step is among what they may do now.
  const editable = submission.actions.includes(step as Action);
  const correcting = editable && submission.current_stage.actor === 'reviewer';
  const unsaved = collectInputs(inputs, raws, stored);
  const dirty = Object.keys(unsaved.inputs).length > 0 || Object.keys(unsaved.errors).length > 0;

  const remember = (nextRaws: Record<string, Raw>, nextReason: string) =>
    writeDraft(submission.id, {
      etag,
      stage: submission.stage,
      raws: nextRaws,
      reason: nextReason,
    });

  const onChange = (inputId: string, raw: Raw) => {
    const next = { ...raws, [inputId]: raw };
    setRaws(next);
    setNotice('');
    if (errors[inputId]) {
      const { [inputId]: _, ...rest } = errors;
      setErrors(rest);
    }
    remember(next, reason);
  };

  const fail = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 412) {
      void readSubmission(submission.id).then(setConflict);
      setProblem(null);
      return;
    }
    const byField = inputErrors(error);
    setErrors(byField);
    setProblem(error);
    if (Object.keys(byField).length > 0) focusFirstError();
  };

  /** Save what changed; resolves with the new ETag, or null when refused. */
  const save = async (): Promise<string | null> => {
    const { inputs: changes, errors: found } = collectInputs(inputs, raws, stored);
    setErrors(found);
    setProblem(null);
    setNotice('');
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return null;
    }
    if (Object.keys(changes).length === 0) return etag;
    if (correcting && !reason.trim()) {
      setReasonError(textOf('review.correctionReasonNeeded'));
      requestAnimationFrame(() => document.getElementById('correction-reason')?.focus());
      return null;
    }
    setReasonError(null);
    setBusy(true);
    try {
      const answer = await saveInputs(
        submission.id,
        etag,
        changes,
        correcting ? reason.trim() : undefined,
      );
      const next = answer.etag ?? etag;
      setStored(answer.data.inputs);
      setSubmission({ ...submission, data: answer.data, etag: next });
      setEtag(next);
      setRaws({});
      setReason('');
      clearDraft(submission.id);
      setConflict(null);
      setShowRestored(false);
      setNotice(t('entry.saved', { at: formatDateTime(answer.data.updated_at) }));
      return next;
    } catch (error) {
      fail(error);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: Action, why?: string) => {
    const current = dirty ? await save() : etag;
    if (!current) return;
    setBusy(true);
    setProblem(null);
    try {
      const moved = await transition(submission.id, current, action, why);
      setSubmission(moved);
      setEtag(moved.etag);
      setStored(moved.data.inputs);
      setAssessments(moved.data.assessments);
      clearDraft(submission.id);
      setNotice(t(`entry.moved.${action}`));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const preview: PreviewRequest = {
    unitKind,
    parameters: cycle.parameters,
    inputs: currentValues(inputs, stored, raws),
    assessments: Object.fromEntries(
      Object.entries(assessments).map(([k, a]) => [
        k,
        { points: a.points, reason: a.reason ?? '—' },
      ]),
    ),
    references: referencesFor(cycle, submission.org_unit_id),
  };
  const canUpload = editable && submission.current_stage.actor === 'reporter';
  const packStage = stage?.pack_stage ?? submission.stage;

  return (
    <>
      <p class="crumbs">
        <a href={`/cycles/${encodeURIComponent(cycle.id)}`}>{cycle.name}</a>
      </p>
      <section class="card submission-head" aria-labelledby="sub-status">
        <h2 id="sub-status" class="visually-hidden">
          {t('entry.statusTitle')}
        </h2>
        <p>
          <span class={`status status-${submission.status}`}>
            {t(`submission.status.${submission.status}`)}
          </span>{' '}
          <span class="hint">
            {t('entry.atStage', { stage: pick(submission.current_stage.title) })} ·{' '}
            {t(`kind.${unitKind}`)} · <span class="mono">{`${pack.key}@${pack.version}`}</span>
          </span>
        </p>
        <ol class="chain-steps" aria-label={t('entry.chainLabel')}>
          {submission.stages.map((s) => (
            <li
              key={s.key}
              class={`chain-step ${s.state}`}
              aria-current={s.state === 'current' ? 'step' : undefined}
            >
              {pick(s.title)}
            </li>
          ))}
        </ol>
        {submission.status === 'returned' && submission.return_reason && (
          <p class="notice warn">{t('entry.returned', { reason: submission.return_reason })}</p>
        )}
      </section>
      {showRestored && restored && (
        <div class="notice info" role="status">
          <p>{t('entry.restored', { at: formatDateTime(restored.savedAt) })}</p>
          <button
            type="button"
            onClick={() => {
              setRaws({});
              setReason('');
              clearDraft(submission.id);
              setShowRestored(false);
            }}
          >
            {t('entry.discardRestored')}
          </button>
        </div>
      )}
      {conflict && (
        <ConflictPanel
          inputs={byId}
          mine={raws}
          theirs={conflict}
          onReload={() => {
            // Take their version as the base, keep every typed value on top of it.
            setSubmission(conflict);
            setEtag(conflict.etag);
            setStored(conflict.data.inputs);
            setAssessments(conflict.data.assessments);
            setConflict(null);
            writeDraft(conflict.id, {
              etag: conflict.etag,
              stage: conflict.stage,
              raws,
              reason,
            });
            setNotice(t('entry.conflict.reloaded'));
          }}
        />
      )}
      <div class="entry-layout">
        <div class="entry-main">
          <form
            id="entry-form"
            class="card"
            aria-labelledby="entry-title"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              await save();
            }}
          >
            <h2 id="entry-title">
              {editable
                ? correcting
                  ? t('entry.correctTitle')
                  : t('entry.formTitle')
                : t('entry.readTitle')}
            </h2>
            <p class="hint">
              {editable
                ? correcting
                  ? t('entry.correctIntro')
                  : t('entry.formIntro')
                : t('entry.readIntro')}
            </p>
            <EntryForm
              groups={groups}
              inputs={byId}
              raws={raws}
              stored={stored}
              errors={errors}
              corrections={submission.data.corrections}
              correcting={correcting}
              readOnly={!editable}
              evidence={evidence}
              onChange={onChange}
            />
            {correcting && (
              <div class={reasonError ? 'field invalid' : 'field'}>
                <label for="correction-reason">{t('review.correctionReason')}</label>
                <textarea
                  id="correction-reason"
                  rows={2}
                  value={reason}
                  aria-invalid={reasonError ? 'true' : undefined}
                  aria-describedby={reasonError ? 'correction-reason-error' : undefined}
                  onInput={(e) => {
                    setReason(e.currentTarget.value);
                    setReasonError(null);
                    remember(raws, e.currentTarget.value);
                  }}
                />
                {reasonError && (
                  <p class="field-error" id="correction-reason-error">
                    {pick(reasonError)}
                  </p>
                )}
              </div>
            )}
            {problem && <ProblemNotice error={problem} unshown={(p) => !/inputs\./.test(p)} />}
            <p class="hint" role="status">
              {notice || (dirty ? t('entry.unsaved') : '')}
            </p>
            {editable && (
              <div class="actions sticky-actions">
                <button type="submit" disabled={busy || !dirty}>
                  {t('entry.saveDraft')}
                </button>
                <TransitionActions actions={submission.actions} busy={busy} onAction={act} />
              </div>
            )}
            {!editable && submission.actions.length > 0 && (
              <div class="actions">
                <TransitionActions actions={submission.actions} busy={busy} onAction={act} />
              </div>
            )}
          </form>
          {editable && submission.current_stage.actor === 'reviewer' && (
            <AssessmentsForm
              submissionId={submission.id}
              etag={etag}
              specs={assessedItems(pack, unitKind).filter((a) => a.stages.includes(packStage))}
              stored={assessments}
              onSaved={(data, next) => {
                setAssessments(data.assessments);
                if (next) {
                  setEtag(next);
                  setSubmission({ ...submission, data, etag: next });
                }
              }}
            />
          )}
          <EvidencePanel
            submissionId={submission.id}
            items={items}
            files={evidence}
            canUpload={canUpload}
            onChange={setEvidence}
          />
          <StageScores submission={submission} />
        </div>
        {/* Scrolls on its own beside the form, so the keyboard must reach it too. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled from the keyboard */}
        <aside class="entry-side" aria-label={t('entry.preview.title')} tabIndex={0}>
          <LivePreview packKey={pack.key} version={pack.version} request={preview} />
        </aside>
      </div>
    </>
  );
}

/** One unit's submission: data entry at the first stage, review and correction at later ones. */
export function SubmissionScreen(props: { params: Record<string, string> }) {
  useLang();
  const id = props.params.id ?? '';
  const loaded = useAsync(() => load(id), [id]);
  if (loaded.error) {
    return (
      <Screen title={t('entry.title')}>
        <ProblemNotice error={loaded.error} />
      </Screen>
    );
  }
  if (!loaded.data) return <Loading />;
  const { submission } = loaded.data;
  return (
    <Screen title={t('entry.unitTitle', { unit: submission.unit.name })}>
      <Workspace key={submission.id} loaded={loaded.data} />
    </Screen>
  );
}
