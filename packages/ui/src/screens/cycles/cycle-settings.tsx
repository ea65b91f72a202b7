import { useState } from 'preact/hooks';
import { type Cycle, updateCycle } from '../../api/cycles.ts';
import type { PackVersion } from '../../api/packs.ts';
import { ApiError, fieldErrorText, fieldName } from '../../api/problem.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import { collectParameters, ParameterFields, parameterRaw } from './parameter-fields.tsx';

/** Name, period, the pack's parameters and the cycle-supplied reference values. */
export function CycleSettings(props: {
  cycle: Cycle;
  pack: PackVersion;
  editable: boolean;
  onSaved(cycle: Cycle): void;
}) {
  useLang();
  const { cycle, pack } = props;
  const references = (pack.references ?? []).filter((r) => r.supplied_by === 'cycle');
  const [name, setName] = useState(cycle.name);
  const [start, setStart] = useState(cycle.period.start);
  const [end, setEnd] = useState(cycle.period.end);
  const [params, setParams] = useState<Record<string, string>>(
    Object.fromEntries(pack.parameters.map((p) => [p.id, parameterRaw(cycle.parameters[p.id])])),
  );
  const [refs, setRefs] = useState<Record<string, string>>(
    Object.fromEntries(
      references.map((r) => {
        const v = cycle.references[r.id];
        return [r.id, typeof v === 'number' ? String(v) : ''];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, Text>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const found: Record<string, Text> = {};
    if (!name.trim()) found.name = textOf('rule.required');
    if (end < start) found.period_end = textOf('cycles.endBeforeStart');
    const parameters = collectParameters(pack.parameters, params);
    for (const [id, error] of Object.entries(parameters.errors)) found[`parameters.${id}`] = error;
    const refValues: Record<string, number> = {};
    for (const r of references) {
      const raw = (refs[r.id] ?? '').trim();
      if (raw === '') continue;
      const n = Number(raw);
      if (!Number.isFinite(n)) found[`references.${r.id}`] = textOf('entry.rule.number');
      else refValues[r.id] = n;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const next = await updateCycle(cycle, {
        name: name.trim(),
        period_start: start,
        period_end: end,
        parameters: parameters.values,
        ...(references.length > 0 ? { references: refValues } : {}),
      });
      setProblem(null);
      setSaved(true);
      props.onSaved(next);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const byField: Record<string, Text> = {};
      for (const fe of error.problem.errors ?? [])
        byField[fieldName(fe.path)] ??= fieldErrorText(fe);
      setErrors(byField);
      setProblem(error);
    }
  };

  const text = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    type = 'text',
  ) => {
    const error = errors[id];
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <label for={`cycle-${id}`}>{label}</label>
        <input
          id={`cycle-${id}`}
          type={type as 'text'}
          value={value}
          disabled={!props.editable}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `cycle-${id}-error` : undefined}
          onInput={(e) => set(e.currentTarget.value)}
        />
        {error && (
          <p class="field-error" id={`cycle-${id}-error`}>
            {pick(error)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="card" aria-labelledby="cycle-settings">
      <h2 id="cycle-settings">{t('cycles.settings')}</h2>
      <form onSubmit={save} noValidate>
        {text('name', t('cycles.name'), name, setName)}
        <div class="grid-2">
          {text('period_start', t('cycles.periodStart'), start, setStart, 'date')}
          {text('period_end', t('cycles.periodEnd'), end, setEnd, 'date')}
        </div>
        <fieldset class="group" disabled={!props.editable}>
          <legend>{t('cycles.parameters')}</legend>
          <ParameterFields
            params={pack.parameters}
            raws={params}
            errors={Object.fromEntries(
              Object.entries(errors)
                .filter(([k]) => k.startsWith('parameters.'))
                .map(([k, v]) => [k.slice('parameters.'.length), v]),
            )}
            onChange={(id, raw) => setParams({ ...params, [id]: raw })}
          />
        </fieldset>
        {references.length > 0 && (
          <fieldset class="group" disabled={!props.editable}>
            <legend>{t('cycles.references')}</legend>
            {references.map((r) =>
              text(`references.${r.id}`, pick(r.label), refs[r.id] ?? '', (v) =>
                setRefs({ ...refs, [r.id]: v }),
              ),
            )}
          </fieldset>
        )}
        {problem && <ProblemNotice error={problem} />}
        {props.editable && (
          <div class="actions">
            <button type="submit">{t('action.save')}</button>
          </div>
        )}
        <p class="hint" role="status">
          {saved ? t('cycles.saved') : ''}
        </p>
      </form>
    </section>
  );
}
