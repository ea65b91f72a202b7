import { useState } from 'preact/hooks';
import { type Cycle, setTargets, type TargetInput } from '../../api/cycles.ts';
import { ApiError } from '../../api/problem.ts';
import type { OrgUnit, OrgUnitKind } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import { unitOptions } from '../../lib/unit-options.ts';

interface Row {
  org_unit_id: string;
  unit_kind: OrgUnitKind;
  rate: string;
  count: string;
}

/** Rows as the API takes them, or the errors by row and field ("0.rate"). */
export function targetsFromRows(rows: readonly Row[]): {
  targets: TargetInput[];
  errors: Record<string, Text>;
} {
  const targets: TargetInput[] = [];
  const errors: Record<string, Text> = {};
  rows.forEach((row, i) => {
    const rate = Number(row.rate.normalize('NFKC').trim());
    if (row.rate.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 100) {
      errors[`${i}.rate`] = textOf('entry.rule.between', { min: 0, max: 100 });
    }
    const countText = row.count.normalize('NFKC').trim();
    const count = countText === '' ? null : Number(countText);
    if (count !== null && (!Number.isInteger(count) || count < 0)) {
      errors[`${i}.count`] = textOf('entry.rule.count');
    }
    if (!row.org_unit_id) errors[`${i}.unit`] = textOf('rule.required');
    targets.push({
      org_unit_id: row.org_unit_id,
      unit_kind: row.unit_kind,
      rate_percent: rate,
      count,
    });
  });
  return { targets, errors };
}

/** 建设目标: a designation rate per unit kind per subtree ("75 % of communities under 良口镇"). */
export function TargetsEditor(props: {
  cycle: Cycle;
  unitKinds: readonly OrgUnitKind[];
  orgUnits: readonly OrgUnit[];
  editable: boolean;
  onSaved(cycle: Cycle): void;
}) {
  useLang();
  const { cycle } = props;
  const firstParent = props.orgUnits.find((u) => !props.unitKinds.includes(u.kind));
  const [rows, setRows] = useState<Row[]>(
    cycle.targets.map((x) => ({
      org_unit_id: x.org_unit_id,
      unit_kind: x.unit_kind,
      rate: String(x.rate_percent),
      count: x.count === null ? '' : String(x.count),
    })),
  );
  const [errors, setErrors] = useState<Record<string, Text>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const parents = unitOptions(props.orgUnits, (u) => !props.unitKinds.includes(u.kind));
  const set = (i: number, patch: Partial<Row>) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setSaved(false);
  };

  return (
    <section class="card" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('targets.title')}</h2>
      <p class="hint">{t('targets.intro')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const { targets, errors: found } = targetsFromRows(rows);
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          try {
            props.onSaved(await setTargets(cycle, targets));
            setProblem(null);
            setSaved(true);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            setProblem(error);
          }
        }}
      >
        {rows.length === 0 && <p class="hint">{t('targets.none')}</p>}
        {rows.map((row, i) => {
          const id = `target-${i}`;
          const err = (f: string) => errors[`${i}.${f}`];
          const input = (f: 'rate' | 'count', label: string) => (
            <div class={err(f) ? 'field invalid' : 'field'}>
              <label for={`${id}-${f}`}>{label}</label>
              <input
                id={`${id}-${f}`}
                inputMode="decimal"
                value={row[f]}
                disabled={!props.editable}
                aria-invalid={err(f) ? 'true' : undefined}
                aria-describedby={err(f) ? `${id}-${f}-error` : undefined}
                onInput={(e) => set(i, { [f]: e.currentTarget.value })}
              />
              {err(f) && (
                <p class="field-error" id={`${id}-${f}-error`}>
                  {pick(err(f)!)}
                </p>
              )}
            </div>
          );
          return (
            <fieldset class="group target-row" key={i} aria-label={t('targets.row', { n: i + 1 })}>
              <div class="field">
                <label for={`${id}-unit`}>{t('targets.subtree')}</label>
                <select
                  id={`${id}-unit`}
                  value={row.org_unit_id}
                  disabled={!props.editable}
                  onChange={(e) => set(i, { org_unit_id: e.currentTarget.value })}
                >
                  {parents.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`${id}-kind`}>{t('scope.kind')}</label>
                <select
                  id={`${id}-kind`}
                  value={row.unit_kind}
                  disabled={!props.editable}
                  onChange={(e) => set(i, { unit_kind: e.currentTarget.value as OrgUnitKind })}
                >
                  {props.unitKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              {input('rate', t('targets.rate'))}
              {input('count', t('targets.count'))}
              {props.editable && (
                <button
                  type="button"
                  class="link-button"
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  {t('targets.removeRow', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          );
        })}
        {props.editable && (
          <div class="actions">
            <button
              type="button"
              onClick={() =>
                setRows([
                  ...rows,
                  {
                    org_unit_id: firstParent?.id ?? '',
                    unit_kind: props.unitKinds[0] ?? 'village',
                    rate: '',
                    count: '',
                  },
                ])
              }
            >
              {t('targets.add')}
            </button>
            <button type="submit" class="primary">
              {t('targets.save')}
            </button>
          </div>
        )}
        <p class="hint" role="status">
          {saved ? t('targets.saved') : ''}
        </p>
        {problem && <ProblemNotice error={problem} />}
      </form>
    </section>
  );
}
