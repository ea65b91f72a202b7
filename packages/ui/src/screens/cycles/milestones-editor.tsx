import { useState } from 'preact/hooks';
import {
  type Cycle,
  createMilestone,
  deleteMilestone,
  MILESTONE_KINDS,
  type MilestoneInput,
  type MilestoneKind,
} from '../../api/cycles.ts';
import { ApiError } from '../../api/problem.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatDateTime, pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const REQUIRED = ['submitted', 'recommended', 'verified', 'publicised', 'published'] as const;

interface Draft {
  type: MilestoneKind;
  zh: string;
  en: string;
  weekly: boolean;
  date: string;
  time: string;
  weekday: string;
  until: string;
  required: string;
}

/** A milestone as the API takes it (China time, UTC+8, no daylight saving), or field errors. */
export function milestoneFromDraft(d: Draft): {
  input?: MilestoneInput;
  errors: Record<string, Text>;
} {
  const errors: Record<string, Text> = {};
  if (!d.zh.trim()) errors.zh = textOf('rule.required');
  if (!d.en.trim()) errors.en = textOf('rule.required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.date = textOf('entry.rule.date');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time)) errors.time = textOf('milestones.timeRule');
  if (d.weekly && d.until && d.until < d.date) errors.until = textOf('cycles.endBeforeStart');
  if (Object.keys(errors).length > 0) return { errors };
  const input: MilestoneInput = {
    type: d.type,
    title: { zh: d.zh.trim(), en: d.en.trim() },
    required_status: d.required || null,
  };
  if (d.weekly) {
    input.recurrence = {
      weekday: Number(d.weekday),
      time: d.time,
      timezone: 'Asia/Shanghai',
      starts: d.date,
      ...(d.until ? { until: d.until } : {}),
    };
  } else {
    input.due_at = `${d.date}T${d.time}:00+08:00`;
  }
  return { input, errors };
}

/** 时间节点: one-off deadlines and weekly ones (每周四下午4点前). */
export function MilestonesEditor(props: {
  cycle: Cycle;
  editable: boolean;
  onSaved(cycle: Cycle): void;
}) {
  useLang();
  const { cycle } = props;
  const blank: Draft = {
    type: 'submission',
    zh: '',
    en: '',
    weekly: false,
    date: '',
    time: '17:00',
    weekday: '4',
    until: '',
    required: '',
  };
  const [draft, setDraft] = useState<Draft>(blank);
  const [errors, setErrors] = useState<Record<string, Text>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const field = (name: keyof Draft, label: string, type = 'text') => {
    const error = errors[name];
    const id = `ms-${name}`;
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <label for={id}>{label}</label>
        <input
          id={id}
          type={type as 'text'}
          value={String(draft[name])}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => set({ [name]: e.currentTarget.value })}
        />
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {pick(error)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="card" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t('milestones.title')}</h2>
      {cycle.milestones.length === 0 ? (
        <p class="hint">{t('milestones.none')}</p>
      ) : (
        <ul class="plain milestones">
          {cycle.milestones.map((m) => (
            <li key={m.id}>
              <strong>{pick(m.title)}</strong>{' '}
              <span class="hint">
                {t(`milestones.kind.${m.type}`)} ·{' '}
                {m.recurrence
                  ? t('milestones.weeklyAt', {
                      weekday: t(`weekday.${m.recurrence.weekday as 1}`),
                      time: m.recurrence.time,
                      from: m.recurrence.starts,
                    })
                  : formatDateTime(m.due_at)}
                {m.required_status &&
                  ` · ${t('milestones.requires', {
                    status: t(`submission.status.${m.required_status as 'submitted'}`),
                  })}`}
              </span>{' '}
              {props.editable && (
                <ConfirmButton
                  label={t('milestones.delete')}
                  question={t('milestones.deleteQuestion', { title: pick(m.title) })}
                  onConfirm={async () => {
                    try {
                      props.onSaved(await deleteMilestone(cycle, m));
                    } catch (error) {
                      if (!(error instanceof ApiError)) throw error;
                      setProblem(error);
                    }
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const { input, errors: found } = milestoneFromDraft(draft);
            setErrors(found);
            if (!input) return;
            try {
              props.onSaved(await createMilestone(cycle, input));
              setDraft(blank);
              setProblem(null);
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              setProblem(error);
            }
          }}
        >
          <h3>{t('milestones.add')}</h3>
          <div class="grid-2">
            <div class="field">
              <label for="ms-type">{t('milestones.type')}</label>
              <select
                id="ms-type"
                value={draft.type}
                onChange={(e) => set({ type: e.currentTarget.value as MilestoneKind })}
              >
                {MILESTONE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`milestones.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="ms-required">{t('milestones.requiredStatus')}</label>
              <select
                id="ms-required"
                value={draft.required}
                onChange={(e) => set({ required: e.currentTarget.value })}
              >
                <option value="">{t('milestones.noRequirement')}</option>
                {REQUIRED.map((s) => (
                  <option key={s} value={s}>
                    {t(`submission.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            {field('zh', t('milestones.titleZh'))}
            {field('en', t('milestones.titleEn'))}
          </div>
          <label class="check">
            <input
              type="checkbox"
              checked={draft.weekly}
              onChange={(e) => set({ weekly: e.currentTarget.checked })}
            />
            <span>{t('milestones.weekly')}</span>
          </label>
          <div class="grid-2">
            {field('date', draft.weekly ? t('milestones.starts') : t('milestones.date'), 'date')}
            {field('time', t('milestones.time'), 'time')}
            {draft.weekly && (
              <div class="field">
                <label for="ms-weekday">{t('milestones.weekday')}</label>
                <select
                  id="ms-weekday"
                  value={draft.weekday}
                  onChange={(e) => set({ weekday: e.currentTarget.value })}
                >
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={String(d)}>
                      {t(`weekday.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {draft.weekly && field('until', t('milestones.until'), 'date')}
          </div>
          <p class="hint">{t('milestones.timezone')}</p>
          <div class="actions">
            <button type="submit">{t('milestones.addButton')}</button>
          </div>
        </form>
      )}
      {problem && <ProblemNotice error={problem} />}
    </section>
  );
}
