import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import type { Evidence } from '../../api/evidence.ts';
import type { PackInput } from '../../api/packs.ts';
import type { Correction, InputValue } from '../../api/submissions.ts';
import { formatPoints } from '../../components/scorecard-view.tsx';
import { pick, type Text, t, useLang } from '../../i18n/lang.ts';
import { type FormGroup, type Raw, toRaw } from './input-form.ts';

export const fieldId = (inputId: string) => `in-${inputId}`;

function boundsHint(input: PackInput): string {
  const parts: string[] = [];
  if (input.kind === 'count') parts.push(t('entry.hint.count'));
  if (input.kind === 'percent') parts.push(t('entry.hint.percent'));
  if (input.min !== null && input.max !== null) {
    parts.push(t('entry.hint.between', { min: input.min, max: input.max }));
  } else if (input.min !== null) {
    parts.push(t('entry.hint.atLeast', { min: input.min }));
  } else if (input.max !== null) {
    parts.push(t('entry.hint.atMost', { max: input.max }));
  }
  if (!input.required) parts.push(t('entry.hint.optional'));
  return parts.join(t('punct.list'));
}

function shown(input: PackInput, value: InputValue | undefined): string {
  if (value === null || value === undefined) return t('entry.empty');
  if (typeof value === 'boolean') return value ? t('entry.yes') : t('entry.no');
  if (Array.isArray(value)) return t('entry.files', { count: value.length });
  if (input.kind === 'enum') {
    const option = input.options?.find((o) => o.value === value);
    return option ? pick(option.label) : String(value);
  }
  const unit = input.unit ? pick(input.unit).trim() : input.kind === 'percent' ? '%' : '';
  return `${value}${unit ? ` ${unit}` : ''}`;
}

interface FieldProps {
  input: PackInput;
  raw: Raw;
  stored: InputValue | undefined;
  error: Text | undefined;
  correction: Correction | undefined;
  /** At a reviewer's stage a change is a correction: the stored value is shown beside it. */
  correcting: boolean;
  readOnly: boolean;
  evidence: readonly Evidence[];
  onChange(raw: Raw): void;
}

function Field(props: FieldProps) {
  const { input, raw } = props;
  const id = fieldId(input.id);
  const hint = [input.help ? pick(input.help) : '', boundsHint(input)].filter(Boolean).join(' · ');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  const changed = props.correcting && raw !== toRaw(input, props.stored);
  const common = {
    id,
    name: input.id,
    disabled: props.readOnly,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': input.required ? ('true' as const) : undefined,
  };
  const unit = input.unit ? pick(input.unit).trim() : input.kind === 'percent' ? '%' : '';
  let control: ComponentChildren;
  if (input.kind === 'boolean' || input.kind === 'enum') {
    const options =
      input.kind === 'boolean'
        ? [
            { value: 'true', label: t('entry.yes') },
            { value: 'false', label: t('entry.no') },
          ]
        : (input.options ?? []).map((o) => ({ value: o.value, label: pick(o.label) }));
    control = (
      <select {...common} value={raw} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('entry.notGiven')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (input.kind === 'evidence') {
    const chosen = new Set(raw.split(/\s+/).filter(Boolean));
    control = (
      <fieldset
        class="evidence-choice"
        id={id}
        aria-describedby={describedBy || undefined}
        aria-label={pick(input.label)}
      >
        {props.evidence.length === 0 ? (
          <p class="hint">{t('entry.evidence.noneYet')}</p>
        ) : (
          props.evidence.map((file) => (
            <label class="check" key={file.id}>
              <input
                type="checkbox"
                disabled={props.readOnly}
                checked={chosen.has(file.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.currentTarget.checked) next.add(file.id);
                  else next.delete(file.id);
                  props.onChange([...next].join(' '));
                }}
              />
              <span>{file.filename}</span>
            </label>
          ))
        )}
      </fieldset>
    );
  } else if (input.kind === 'text') {
    control = (
      <textarea
        {...common}
        rows={3}
        value={raw}
        maxLength={input.max_length ?? 2000}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
    );
  } else {
    control = (
      <span class="with-unit">
        {/* Preact types each input type apart; these attributes suit both used here. */}
        <input
          {...({
            ...common,
            type: input.kind === 'date' ? 'date' : 'text',
            inputMode:
              input.kind === 'count' ? 'numeric' : input.kind === 'date' ? undefined : 'decimal',
            autoComplete: 'off',
            value: raw,
            onInput: (e: Event) => props.onChange((e.currentTarget as HTMLInputElement).value),
          } as InputHTMLAttributes<HTMLInputElement>)}
        />
        {unit && (
          <span class="unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </span>
    );
  }
  return (
    <div class={props.error ? 'field invalid' : changed ? 'field changed' : 'field'}>
      {input.kind !== 'evidence' && (
        <label for={id}>
          {pick(input.label)}
          {unit && <span class="visually-hidden">{` (${unit})`}</span>}
          {input.required && (
            <span class="required" aria-hidden="true">
              {' *'}
            </span>
          )}
        </label>
      )}
      {input.kind === 'evidence' && <p class="label-like">{pick(input.label)}</p>}
      {control}
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {changed && (
        <p class="hint was">{t('entry.reported', { value: shown(input, props.stored) })}</p>
      )}
      {props.correction && (
        <p class="hint was">
          {t('entry.corrected', {
            from: shown(input, props.correction.from),
            to: shown(input, props.correction.to),
            reason: props.correction.reason,
          })}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={errorId}>
          {pick(props.error)}
        </p>
      )}
    </div>
  );
}

/** The form generated from the pack: one fieldset per item, its inputs inside. */
export function EntryForm(props: {
  groups: readonly FormGroup[];
  inputs: ReadonlyMap<string, PackInput>;
  raws: Readonly<Record<string, Raw>>;
  stored: Readonly<Record<string, InputValue>>;
  errors: Readonly<Record<string, Text>>;
  corrections: Readonly<Record<string, Correction>>;
  correcting: boolean;
  readOnly: boolean;
  evidence: readonly Evidence[];
  onChange(inputId: string, raw: Raw): void;
}) {
  useLang();
  return (
    <div class="entry-form">
      {props.groups.map((group) => {
        const legendId = `grp-${group.item?.id ?? 'other'}`;
        return (
          <fieldset class="group item-group" key={legendId} aria-labelledby={legendId}>
            <legend id={legendId}>
              {group.item ? (
                <>
                  <span class="item-id">{group.item.id}</span> {pick(group.item.title)}{' '}
                  <span class="hint">
                    {t('packs.points', { max: formatPoints(group.item.max) })}
                  </span>
                </>
              ) : (
                t('entry.otherInputs')
              )}
            </legend>
            {group.fields.map((inputId) => {
              const input = props.inputs.get(inputId);
              if (!input) return null;
              return (
                <Field
                  key={inputId}
                  input={input}
                  raw={props.raws[inputId] ?? toRaw(input, props.stored[inputId])}
                  stored={props.stored[inputId]}
                  error={props.errors[inputId]}
                  correction={props.corrections[inputId]}
                  correcting={props.correcting}
                  readOnly={props.readOnly}
                  evidence={props.evidence}
                  onChange={(raw) => props.onChange(inputId, raw)}
                />
              );
            })}
            {group.alsoReads.length > 0 && (
              <p class="hint">
                {t('entry.alsoReads', {
                  inputs: group.alsoReads
                    .map((id) => {
                      const input = props.inputs.get(id);
                      return input ? pick(input.label) : id;
                    })
                    .join(t('punct.list')),
                })}
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
