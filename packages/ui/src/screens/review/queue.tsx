import { useState } from 'preact/hooks';
import {
  type Cycle,
  listCycles,
  listCycleUnits,
  readCycle,
  type ScopeUnit,
} from '../../api/cycles.ts';
import { listObjections, type Objection, resolveObjection } from '../../api/objections.ts';
import { ApiError } from '../../api/problem.ts';
import type { Grant } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { formatDateTime, pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSession } from '../../session/session.ts';

/** A list of units waiting for one person: at one stage of one cycle, or their own units. */
export interface WorkList {
  key: string;
  cycle: Cycle;
  /** The stage a reviewer acts at; null for a reporter's own units. */
  stage: Cycle['stages'][number] | null;
  units: ScopeUnit[];
  objections: Objection[];
}

const FINISHED = new Set(['published', 'revoked']);

/** Is the unit at `path` inside the grant's subtree (no unit: the whole tenant)? */
export const inGrant = (grant: Grant, path: string) =>
  !grant.org_unit_id || path.includes(`/${grant.org_unit_id}/`);

/** The work lists for a person's grants over the open cycles. */
export async function loadWork(grants: readonly Grant[]): Promise<WorkList[]> {
  const open = await listCycles('open');
  const lists: WorkList[] = [];
  for (const summary of open) {
    const reviewing = grants.filter(
      (g) => g.role === 'reviewer' && summary.stages.some((s) => s.key === g.stage),
    );
    const reporting = grants.filter((g) => g.role === 'reporter');
    if (reviewing.length === 0 && reporting.length === 0) continue;
    const [cycle, units] = await Promise.all([readCycle(summary.id), listCycleUnits(summary.id)]);
    for (const grant of reviewing) {
      const stage = cycle.stages.find((s) => s.key === grant.stage)!;
      const waiting = units.filter(
        (u) =>
          u.submission &&
          u.submission.stage === stage.key &&
          !FINISHED.has(u.submission.status) &&
          inGrant(grant, u.path),
      );
      const objections =
        stage.step === 'publicise' ? await listObjections(cycle.id, 'open').catch(() => []) : [];
      lists.push({
        key: `${cycle.id}:${stage.key}:${grant.org_unit_id ?? '*'}`,
        cycle,
        stage,
        units: waiting,
        objections,
      });
    }
    if (reporting.length > 0) {
      const mine = units.filter((u) => u.submission && reporting.some((g) => inGrant(g, u.path)));
      lists.push({ key: `${cycle.id}:report`, cycle, stage: null, units: mine, objections: [] });
    }
  }
  return lists;
}

function ResolveObjection(props: { objection: Objection; onResolved(o: Objection): void }) {
  useLang();
  const { objection } = props;
  const [decision, setDecision] = useState<'uphold' | 'dismiss'>('dismiss');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Text | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const id = `obj-${objection.id}`;
  return (
    <li class="objection">
      <p>
        <strong>
          {t('objections.unit', { unit: objection.unit_name ?? objection.submission_id })}
        </strong>{' '}
        <span class="hint">
          {t('objections.raisedAt', { at: formatDateTime(objection.created_at) })}
        </span>
      </p>
      <blockquote lang="zh-CN">{objection.text}</blockquote>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError(textOf('review.reasonNeeded'));
            return;
          }
          try {
            props.onResolved(await resolveObjection(objection, decision, reason.trim()));
          } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            setProblem(err);
          }
        }}
      >
        <fieldset class="field">
          <legend>{t('objections.decision')}</legend>
          {(['dismiss', 'uphold'] as const).map((d) => (
            <label class="check" key={d}>
              <input
                type="radio"
                name={`${id}-decision`}
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              <span>{t(`objections.${d}`)}</span>
            </label>
          ))}
        </fieldset>
        <div class={error ? 'field invalid' : 'field'}>
          <label for={`${id}-reason`}>{t('review.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={reason}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-reason-error` : undefined}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
          />
          {error && (
            <p class="field-error" id={`${id}-reason-error`}>
              {pick(error)}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit">{t('objections.resolve')}</button>
        </div>
        {problem && <ProblemNotice error={problem} />}
      </form>
    </li>
  );
}

function WorkListCard(props: { list: WorkList }) {
  useLang();
  const { list } = props;
  const [objections, setObjections] = useState(list.objections);
  const titleId = `work-${list.key.replace(/[^\w-]/g, '-')}`;
  const title = list.stage
    ? t('queue.reviewTitle', { cycle: list.cycle.name, stage: pick(list.stage.title) })
    : t('queue.reportTitle', { cycle: list.cycle.name });
  return (
    <section class="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {list.units.length === 0 ? (
        <p class="hint">{t('queue.empty')}</p>
      ) : (
        <ScrollTable labelledBy={titleId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('queue.unit')}</th>
                <th scope="col">{t('queue.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.units.map((u) => (
                <tr key={u.org_unit_id}>
                  <td>
                    <a
                      href={`/submissions/${encodeURIComponent(u.submission!.id)}`}
                      aria-label={t('queue.open', { unit: u.name })}
                    >
                      {u.name}
                    </a>{' '}
                    <span class="hint">{t(`kind.${u.unit_kind}`)}</span>
                  </td>
                  <td>{t(`submission.status.${u.submission!.status as 'draft'}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {list.stage?.step === 'publicise' && (
        <>
          <h3>{t('objections.title')}</h3>
          {objections.length === 0 ? (
            <p class="hint">{t('objections.none')}</p>
          ) : (
            <ul class="plain objections">
              {objections.map((o) => (
                <ResolveObjection
                  key={o.id}
                  objection={o}
                  onResolved={(done) => setObjections(objections.filter((x) => x.id !== done.id))}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** 待办: the units waiting for the signed-in person, by cycle and stage. */
export function WorkQueue() {
  useLang();
  const session = useSession();
  const grants = session.status === 'signedIn' ? (session.me.user?.grants ?? []) : [];
  const work = useAsync(() => loadWork(grants), [JSON.stringify(grants)]);
  return (
    <Screen title={t('queue.title')} intro={t('queue.intro')}>
      {work.error && <ProblemNotice error={work.error} />}
      {!work.data ? (
        <Loading />
      ) : work.data.length === 0 ? (
        <p class="hint">{t('queue.none')}</p>
      ) : (
        work.data.map((list) => <WorkListCard key={list.key} list={list} />)
      )}
    </Screen>
  );
}
