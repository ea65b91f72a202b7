import { useId, useRef, useState } from 'preact/hooks';
import { ApiError, fieldErrorText, fieldName } from '../api/problem.ts';
import type { Text } from '../i18n/messages.ts';
import { check, type Rule } from './rules.ts';

export type Values = Record<string, string>;
export type FieldErrors = Record<string, Text>;

export interface Form {
  id: string;
  values: Values;
  errors: FieldErrors;
  /** The API's refusal of the last submit, shown above the form. */
  problem: ApiError | null;
  submitting: boolean;
  set(name: string, value: string): void;
  /** Fields rendered by this form: errors for other paths are listed in the notice instead. */
  register(name: string): void;
  isField(name: string): boolean;
  reset(values?: Values): void;
  submit(
    event: Event,
    options: { rules?: (v: Values) => Record<string, Rule[]>; run: (v: Values) => Promise<void> },
  ): Promise<void>;
}

/** Focus the first field in error, or the notice when no field is to blame. */
function focusTrouble(formId: string): void {
  requestAnimationFrame(() => {
    const form = document.getElementById(formId);
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('.notice[tabindex]');
    target?.focus();
  });
}

/**
 * A form's values, errors and submission. What was typed is never cleared by
 * an error: values change only through `set` and `reset`.
 */
export function useForm(initial: Values): Form {
  const id = `form-${useId()}`;
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const fields = useRef(new Set<string>());

  return {
    id,
    values,
    errors,
    problem,
    submitting,
    set(name, value) {
      setValues((v) => ({ ...v, [name]: value }));
      if (errors[name]) {
        setErrors((e) => {
          const { [name]: _, ...rest } = e;
          return rest;
        });
      }
    },
    register(name) {
      fields.current.add(name);
    },
    isField: (name) => fields.current.has(name),
    reset(next = initial) {
      setValues(next);
      setErrors({});
      setProblem(null);
    },
    async submit(event, { rules, run }) {
      event.preventDefault();
      if (submitting) return;
      const found = rules ? check(values, rules(values)) : {};
      if (Object.keys(found).length > 0) {
        setErrors(found);
        setProblem(null);
        focusTrouble(id);
        return;
      }
      setSubmitting(true);
      setErrors({});
      setProblem(null);
      try {
        await run(values);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const byField: FieldErrors = {};
        for (const e of error.problem.errors ?? []) {
          const name = fieldName(e.path);
          byField[name] ??= fieldErrorText(e);
        }
        setErrors(byField);
        setProblem(error);
        focusTrouble(id);
      } finally {
        setSubmitting(false);
      }
    },
  };
}
