import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { pick, useLang } from '../i18n/lang.ts';
import type { Form } from './use-form.ts';

const domId = (form: Form, name: string) => `${form.id}-${name.replace(/[^\w-]/g, '-')}`;

interface FieldProps {
  form: Form;
  /** The field's name, as the API's error paths name it without "body." ("tenant.slug"). */
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function useFieldParts(props: FieldProps) {
  useLang();
  const { form, name } = props;
  form.register(name);
  const id = domId(form, name);
  const error = form.errors[name];
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, error, hintId, errorId, describedBy };
}

function Label(props: { for: string; text: string; required?: boolean | undefined }) {
  return (
    <label for={props.for}>
      {props.text}
      {props.required && (
        <span class="required" aria-hidden="true">
          {' *'}
        </span>
      )}
    </label>
  );
}

function Below(props: {
  hintId?: string | undefined;
  hint?: string | undefined;
  errorId?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={props.hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={props.errorId}>
          {props.error}
        </p>
      )}
    </>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
    autoComplete?: string;
    inputMode?: 'text' | 'numeric' | 'email';
    min?: number;
    max?: number;
    list?: string;
    spellcheck?: boolean;
    autoFocus?: boolean;
    mono?: boolean;
  },
) {
  const { id, error, hintId, errorId, describedBy } = useFieldParts(props);
  const { form, name } = props;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <Label for={id} text={props.label} required={props.required} />
      {/* Preact types each input type apart; the attributes below suit every type used here. */}
      <input
        {...({
          id,
          name,
          class: props.mono ? 'mono' : undefined,
          type: props.type ?? 'text',
          value: form.values[name] ?? '',
          onInput: (e: Event) => form.set(name, (e.currentTarget as HTMLInputElement).value),
          required: props.required,
          'aria-required': props.required ? 'true' : undefined,
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': describedBy,
          autoComplete: props.autoComplete,
          inputMode: props.inputMode,
          min: props.min,
          max: props.max,
          list: props.list,
          spellcheck: props.spellcheck,
          autoFocus: props.autoFocus,
        } as InputHTMLAttributes<HTMLInputElement>)}
      />
      <Below hintId={hintId} hint={props.hint} errorId={errorId} error={error && pick(error)} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & { options: Option[]; onChange?: (value: string) => void },
) {
  const { id, error, hintId, errorId, describedBy } = useFieldParts(props);
  const { form, name } = props;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <Label for={id} text={props.label} required={props.required} />
      <select
        id={id}
        name={name}
        value={form.values[name] ?? ''}
        onChange={(e) => {
          form.set(name, e.currentTarget.value);
          props.onChange?.(e.currentTarget.value);
        }}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Below hintId={hintId} hint={props.hint} errorId={errorId} error={error && pick(error)} />
    </div>
  );
}

/** Several choices kept in one value, space-separated ("scores:read submissions:write"). */
export function CheckboxGroup(
  props: FieldProps & { options: (Option & { description?: string })[] },
) {
  const { id, error, hintId, errorId, describedBy } = useFieldParts(props);
  const { form, name } = props;
  const chosen = new Set((form.values[name] ?? '').split(' ').filter(Boolean));
  const toggle = (value: string, on: boolean) => {
    const next = props.options
      .map((o) => o.value)
      .filter((v) => (v === value ? on : chosen.has(v)));
    form.set(name, next.join(' '));
  };
  return (
    <fieldset
      class={error ? 'field invalid' : 'field'}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={error ? 'true' : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend>
        {props.label}
        {props.required && (
          <span class="required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </legend>
      {props.options.map((o) => (
        <label class="check" key={o.value}>
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={chosen.has(o.value)}
            onChange={(e) => toggle(o.value, e.currentTarget.checked)}
          />
          <span>
            <span class="mono">{o.value}</span> {o.label}
            {o.description && <span class="hint block">{o.description}</span>}
          </span>
        </label>
      ))}
      <Below hintId={hintId} hint={props.hint} errorId={errorId} error={error && pick(error)} />
    </fieldset>
  );
}

/**
 * A JSON file picker outside a useForm form (the file is read by the screen), with its error
 * beside it; picking a file clears the error.
 */
export function JsonFileField(props: {
  id: string;
  label: string;
  error: string | null;
  onFile: (file: File | null) => void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="file"
        accept=".json,application/json"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(e) => props.onFile(e.currentTarget.files?.[0] ?? null)}
      />
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Actions(props: { children: ComponentChildren }) {
  return <div class="actions">{props.children}</div>;
}
