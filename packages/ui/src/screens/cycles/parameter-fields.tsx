import type { ParameterValue } from '../../api/cycles.ts';
import type { PackParameter } from '../../api/packs.ts';
import { pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';

/** A parameter's value as its field shows it. */
export const parameterRaw = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value);

/** Typed text as the parameter's value, checked against its kind and bounds. */
export function parseParameter(
  p: PackParameter,
  raw: string,
): { ok: true; value: ParameterValue | undefined } | { ok: false; error: Text } {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: true, value: undefined };
  if (p.kind === 'boolean') return { ok: true, value: text === 'true' };
  if (p.kind === 'enum') {
    return p.options?.some((o) => o.value === text)
      ? { ok: true, value: text }
      : { ok: false, error: textOf('entry.rule.choose') };
  }
  if (p.kind === 'number' || p.kind === 'count' || p.kind === 'percent') {
    const n = Number(text);
    if (!Number.isFinite(n)) return { ok: false, error: textOf('entry.rule.number') };
    if ((p.min !== null && n < p.min) || (p.max !== null && n > p.max)) {
      return {
        ok: false,
        error: textOf('entry.rule.between', { min: p.min ?? '−∞', max: p.max ?? '∞' }),
      };
    }
    return { ok: true, value: n };
  }
  return { ok: true, value: text };
}

/** Every parameter's value, or the errors by parameter id. */
export function collectParameters(
  params: readonly PackParameter[],
  raws: Readonly<Record<string, string>>,
): { values: Record<string, ParameterValue>; errors: Record<string, Text> } {
  const values: Record<string, ParameterValue> = {};
  const errors: Record<string, Text> = {};
  for (const p of params) {
    const parsed = parseParameter(p, raws[p.id] ?? '');
    if (!parsed.ok) errors[p.id] = parsed.error;
    else if (parsed.value !== undefined) values[p.id] = parsed.value;
  }
  return { values, errors };
}

/** The pack's parameters as typed fields (a number with bounds, a choice, yes/no). */
export function ParameterFields(props: {
  params: readonly PackParameter[];
  raws: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, Text>>;
  onChange(id: string, raw: string): void;
}) {
  useLang();
  if (props.params.length === 0) return <p class="hint">{t('cycles.noParameters')}</p>;
  return (
    <>
      {props.params.map((p) => {
        const id = `param-${p.id}`;
        const error = props.errors[p.id];
        const hint = [
          p.description ? pick(p.description) : '',
          p.min !== null || p.max !== null
            ? t('entry.hint.between', { min: p.min ?? '−∞', max: p.max ?? '∞' })
            : '',
          p.default !== null ? t('cycles.paramDefault', { value: String(p.default) }) : '',
        ]
          .filter(Boolean)
          .join(' · ');
        const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
          .filter(Boolean)
          .join(' ');
        const value = props.raws[p.id] ?? '';
        const common = {
          id,
          'aria-invalid': error ? ('true' as const) : undefined,
          'aria-describedby': described || undefined,
        };
        return (
          <div class={error ? 'field invalid' : 'field'} key={p.id}>
            <label for={id}>{pick(p.label)}</label>
            {p.kind === 'boolean' || p.options ? (
              <select
                {...common}
                value={value}
                onChange={(e) => props.onChange(p.id, e.currentTarget.value)}
              >
                <option value="">{t('cycles.paramUseDefault')}</option>
                {p.kind === 'boolean' ? (
                  <>
                    <option value="true">{t('entry.yes')}</option>
                    <option value="false">{t('entry.no')}</option>
                  </>
                ) : (
                  (p.options ?? []).map((o) => (
                    <option key={o.value} value={o.value}>
                      {pick(o.label)}
                    </option>
                  ))
                )}
              </select>
            ) : (
              <input
                {...common}
                inputMode="decimal"
                value={value}
                onInput={(e) => props.onChange(p.id, e.currentTarget.value)}
              />
            )}
            {hint && (
              <p class="hint" id={`${id}-hint`}>
                {hint}
              </p>
            )}
            {error && (
              <p class="field-error" id={`${id}-error`}>
                {pick(error)}
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
