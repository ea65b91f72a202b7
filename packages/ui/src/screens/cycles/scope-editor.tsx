import { useMemo, useState } from 'preact/hooks';
import {
  addCycleUnits,
  type Cycle,
  listCycleUnits,
  removeCycleUnits,
  type ScopeUnit,
} from '../../api/cycles.ts';
import { ApiError } from '../../api/problem.ts';
import type { OrgUnit, OrgUnitKind } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { t, useLang } from '../../i18n/lang.ts';
import { unitOptions } from '../../lib/unit-options.ts';
import { useAsync } from '../../lib/use-async.ts';

/** Units that may still be put in scope: of the kind, under the subtree, not in scope yet. */
export function candidateUnits(
  units: readonly OrgUnit[],
  inScope: ReadonlySet<string>,
  kind: OrgUnitKind,
  under: string,
): OrgUnit[] {
  return units.filter(
    (u) =>
      u.status === 'active' &&
      u.kind === kind &&
      !inScope.has(u.id) &&
      (!under || u.path.includes(`/${under}/`)),
  );
}

const REMOVABLE = new Set(['draft', 'returned']);

/** 纳入范围: pick units from the org tree by kind and subtree; take out those not yet submitted. */
export function ScopeEditor(props: {
  cycle: Cycle;
  unitKinds: readonly OrgUnitKind[];
  orgUnits: readonly OrgUnit[];
  editable: boolean;
  onChanged(): Promise<void>;
}) {
  useLang();
  const { cycle } = props;
  const scope = useAsync(() => listCycleUnits(cycle.id), [cycle.id, cycle.etag]);
  const inScope = useMemo(
    () => new Set((scope.data ?? []).map((u) => u.org_unit_id)),
    [scope.data],
  );
  const [kind, setKind] = useState<OrgUnitKind>(props.unitKinds[0] ?? 'village');
  const [under, setUnder] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [removing, setRemoving] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const candidates = candidateUnits(props.orgUnits, inScope, kind, under);
  const parents = unitOptions(props.orgUnits, (u) => !props.unitKinds.includes(u.kind));

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    try {
      setNotice(await work());
      await props.onChanged();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  return (
    <section class="card" aria-labelledby="scope-title">
      <h2 id="scope-title">{t('scope.title', { count: cycle.unit_count })}</h2>
      {scope.error && <ProblemNotice error={scope.error} />}
      {!scope.data ? (
        <Loading />
      ) : scope.data.length === 0 ? (
        <p class="hint">{t('scope.none')}</p>
      ) : (
        <ScrollTable label={t('scope.listLabel')}>
          <table>
            <thead>
              <tr>
                {props.editable && <th scope="col">{t('scope.remove')}</th>}
                <th scope="col">{t('queue.unit')}</th>
                <th scope="col">{t('scope.assessedAs')}</th>
                <th scope="col">{t('queue.status')}</th>
              </tr>
            </thead>
            <tbody>
              {scope.data.map((u: ScopeUnit) => (
                <tr key={u.org_unit_id}>
                  {props.editable && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('scope.removeUnit', { unit: u.name })}
                        disabled={!u.submission || !REMOVABLE.has(u.submission.status)}
                        checked={removing.has(u.org_unit_id)}
                        onChange={(e) =>
                          setRemoving(toggle(removing, u.org_unit_id, e.currentTarget.checked))
                        }
                      />
                    </td>
                  )}
                  <td>
                    {u.submission ? (
                      <a href={`/submissions/${encodeURIComponent(u.submission.id)}`}>{u.name}</a>
                    ) : (
                      u.name
                    )}
                  </td>
                  <td>{t(`kind.${u.unit_kind}`)}</td>
                  <td>
                    {u.submission
                      ? t(`submission.status.${u.submission.status as 'draft'}`)
                      : t('submission.status.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {props.editable && removing.size > 0 && (
        <div class="actions">
          <button
            type="button"
            class="danger-outline"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const r = await removeCycleUnits(cycle, [...removing]);
                setRemoving(new Set());
                return t('scope.removed', { count: r.removed });
              })
            }
          >
            {t('scope.removeSelected', { count: removing.size })}
          </button>
        </div>
      )}
      {props.editable && (
        <form
          class="scope-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked.size === 0) return;
            void run(async () => {
              const r = await addCycleUnits(
                cycle,
                [...picked].map((id) => ({ org_unit_id: id })),
              );
              setPicked(new Set());
              return t('scope.added', { count: r.added });
            });
          }}
        >
          <h3>{t('scope.addTitle')}</h3>
          <div class="grid-2">
            <div class="field">
              <label for="scope-kind">{t('scope.kind')}</label>
              <select
                id="scope-kind"
                value={kind}
                onChange={(e) => {
                  setKind(e.currentTarget.value as OrgUnitKind);
                  setPicked(new Set());
                }}
              >
                {props.unitKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="scope-under">{t('scope.under')}</label>
              <select
                id="scope-under"
                value={under}
                onChange={(e) => {
                  setUnder(e.currentTarget.value);
                  setPicked(new Set());
                }}
              >
                <option value="">{t('scope.anywhere')}</option>
                {parents.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {candidates.length === 0 ? (
            <p class="hint">{t('scope.noCandidates')}</p>
          ) : (
            <fieldset class="field candidates">
              <legend>{t('scope.candidates', { count: candidates.length })}</legend>
              <button
                type="button"
                class="link-button"
                onClick={() =>
                  setPicked(
                    picked.size === candidates.length
                      ? new Set()
                      : new Set(candidates.map((u) => u.id)),
                  )
                }
              >
                {picked.size === candidates.length ? t('scope.pickNone') : t('scope.pickAll')}
              </button>
              <div class="candidate-list">
                {candidates.map((u) => (
                  <label class="check" key={u.id}>
                    <input
                      type="checkbox"
                      checked={picked.has(u.id)}
                      onChange={(e) => setPicked(toggle(picked, u.id, e.currentTarget.checked))}
                    />
                    <span>{u.name}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div class="actions">
            <button type="submit" disabled={busy || picked.size === 0}>
              {t('scope.addSelected', { count: picked.size })}
            </button>
          </div>
        </form>
      )}
      <p class="hint" role="status">
        {notice}
      </p>
      {problem && <ProblemNotice error={problem} />}
    </section>
  );
}
