import { useEffect, useState } from 'preact/hooks';
import { type Cycle, readCycle } from '../../api/cycles.ts';
import { type ExportFormat, type ExportLayout, exportCycle } from '../../api/exports.ts';
import { listOrgUnits } from '../../api/org-units.ts';
import { type PackVersion, readPackVersion } from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import {
  listDeadlineFlags,
  listRuns,
  rescore,
  rollupSeries,
  type ScoringRun,
} from '../../api/rollups.ts';
import { type CurrentScore, listScores, readSnapshot, type Scorecard } from '../../api/scores.ts';
import type { OrgUnit, OrgUnitKind } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatPoints, ScorecardView } from '../../components/scorecard-view.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { formatDateTime, pick, t, useLang } from '../../i18n/lang.ts';
import { saveFile } from '../../lib/save-file.ts';
import { unitOptions } from '../../lib/unit-options.ts';
import { useAsync } from '../../lib/use-async.ts';
import { isAdmin, useSession } from '../../session/session.ts';
import { barsFromSeries, progressByStatus } from './chart-data.ts';
import { RateChart } from './rate-chart.tsx';

const STEP_STATUS = {
  submit: 'submitted',
  recommend: 'recommended',
  verify: 'verified',
  publicise: 'publicised',
  publish: 'published',
} as const;

function Progress(props: { cycle: Cycle; unitKind: OrgUnitKind | '*'; orgUnitId: string }) {
  useLang();
  const { cycle } = props;
  const series = useAsync(
    () => rollupSeries(cycle.id, props.unitKind, props.orgUnitId || undefined),
    [cycle.id, props.unitKind, props.orgUnitId],
  );
  if (series.error) return <ProblemNotice error={series.error} />;
  if (!series.data) return <Loading />;
  const total = series.data.total;
  const statuses = cycle.stages.map((s) => STEP_STATUS[s.step]);
  const rows = total ? progressByStatus(total, statuses) : [];
  const bars = barsFromSeries(series.data);
  const kindName = props.unitKind === '*' ? t('dashboard.allKinds') : t(`kind.${props.unitKind}`);
  return (
    <>
      <section class="card" aria-labelledby="progress-title">
        <h2 id="progress-title">
          {t('dashboard.progress', { unit: series.data.org_unit.name, kind: kindName })}
        </h2>
        {!total ? (
          <p class="hint">{t('dashboard.noRollup')}</p>
        ) : (
          <>
            <p>
              {t('dashboard.progressLine', {
                inScope: total.in_scope,
                submitted: total.submitted,
                designated: total.designated,
              })}
            </p>
            <ul class="plain status-bars">
              {rows.map((r) => (
                <li key={r.status}>
                  <span class="status-name">{t(`submission.status.${r.status as 'draft'}`)}</span>
                  <progress
                    max={total.in_scope}
                    value={r.count}
                    aria-label={t('dashboard.statusCount', {
                      status: t(`submission.status.${r.status as 'draft'}`),
                      count: r.count,
                      total: total.in_scope,
                    })}
                  />
                  <span class="status-count">{r.count}</span>
                </li>
              ))}
            </ul>
            <p class="hint">
              {t('dashboard.computedAt', { at: formatDateTime(total.computed_at) })}
            </p>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="rate-title">
        <h2 id="rate-title">{t('dashboard.rateTitle', { kind: kindName })}</h2>
        {total?.target ? (
          <p class="rate-headline">
            {t('dashboard.rateHeadline', {
              rate: total.rate_percent ?? '0',
              target: total.target.rate_percent,
              needed: total.target.needed_units ?? 0,
            })}{' '}
            <span class={`tag ${total.target.met ? 'ok' : 'muted'}`}>
              {total.target.met ? t('chart.met') : t('chart.notMet')}
            </span>
          </p>
        ) : (
          total && (
            <p class="rate-headline">
              {t('dashboard.rateNoTarget', { rate: total.rate_percent ?? '—' })}
            </p>
          )
        )}
        {bars.length > 0 ? (
          <RateChart
            bars={bars}
            id="rate-chart"
            caption={t('dashboard.rateCaption', { kind: kindName })}
          />
        ) : (
          <p class="hint">{t('dashboard.noRollup')}</p>
        )}
      </section>
    </>
  );
}

/** Each unit's latest-stage score, its scorecard with every item's explanation on demand. */
function Scorecards(props: { cycle: Cycle; orgUnitId: string }) {
  useLang();
  const { cycle } = props;
  const scores = useAsync(async () => {
    const all: CurrentScore[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await listScores({
        cycle_id: cycle.id,
        org_unit_id: props.orgUnitId || undefined,
        view: 'summary',
        cursor,
      });
      all.push(...page.items);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    const order = new Map(cycle.stages.map((s, i) => [s.key, i]));
    const latest = new Map<string, CurrentScore>();
    for (const s of all) {
      const have = latest.get(s.submission_id);
      if (!have || (order.get(s.stage) ?? 0) > (order.get(have.stage) ?? 0)) {
        latest.set(s.submission_id, s);
      }
    }
    return [...latest.values()].sort((a, b) =>
      a.org_unit.name.localeCompare(b.org_unit.name, 'zh'),
    );
  }, [cycle.id, props.orgUnitId]);
  const [open, setOpen] = useState<{ id: string; card: Scorecard } | null>(null);
  const stageTitle = (key: string) => {
    const stage = cycle.stages.find((s) => s.key === key);
    return stage ? pick(stage.title) : key;
  };
  return (
    <section class="card" aria-labelledby="scores-title">
      <h2 id="scores-title">{t('dashboard.scores')}</h2>
      <p class="hint">{t('dashboard.scoresIntro')}</p>
      {scores.error && <ProblemNotice error={scores.error} />}
      {!scores.data ? (
        <Loading />
      ) : scores.data.length === 0 ? (
        <p class="hint">{t('dashboard.noScores')}</p>
      ) : (
        <ScrollTable labelledBy="scores-title">
          <table class="scores-table">
            <thead>
              <tr>
                <th scope="col">{t('queue.unit')}</th>
                <th scope="col">{t('dashboard.stage')}</th>
                <th scope="col">{t('queue.status')}</th>
                <th scope="col">{t('dashboard.total')}</th>
                <th scope="col">{t('dashboard.designation')}</th>
              </tr>
            </thead>
            <tbody>
              {scores.data.map((s) => (
                <tr key={s.snapshot_id}>
                  <th scope="row">
                    <button
                      type="button"
                      class="link-button"
                      aria-expanded={open?.id === s.snapshot_id}
                      onClick={async () => {
                        if (open?.id === s.snapshot_id) return setOpen(null);
                        const snap = await readSnapshot(s.snapshot_id);
                        if (snap.scorecard) setOpen({ id: s.snapshot_id, card: snap.scorecard });
                      }}
                    >
                      {s.org_unit.name}
                    </button>
                  </th>
                  <td>{stageTitle(s.stage)}</td>
                  <td>{t(`submission.status.${s.submission_status as 'draft'}`)}</td>
                  <td class="num">{`${formatPoints(s.total)} / ${formatPoints(s.max)}`}</td>
                  <td>
                    {s.designation_met === null
                      ? t('score.designation.pending')
                      : s.designation_met
                        ? t('score.designation.met')
                        : t('score.designation.notMet')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {open && scores.data && (
        <section class="opened-card" aria-labelledby="opened-card-title">
          <h3 id="opened-card-title">
            {t('dashboard.cardOf', {
              unit: scores.data.find((s) => s.snapshot_id === open.id)?.org_unit.name ?? '',
            })}
          </h3>
          <ScorecardView card={open.card} idPrefix="dash" />
        </section>
      )}
    </section>
  );
}

function DeadlineFlags(props: { cycle: Cycle }) {
  useLang();
  const flags = useAsync(() => listDeadlineFlags(props.cycle.id, 'open'), [props.cycle.id]);
  return (
    <section class="card" aria-labelledby="flags-title">
      <h2 id="flags-title">{t('dashboard.flags')}</h2>
      {flags.error && <ProblemNotice error={flags.error} />}
      {!flags.data ? (
        <Loading />
      ) : flags.data.items.length === 0 ? (
        <p class="hint">{t('dashboard.noFlags')}</p>
      ) : (
        <ScrollTable labelledBy="flags-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.milestone')}</th>
                <th scope="col">{t('queue.unit')}</th>
                <th scope="col">{t('dashboard.dueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.data.items.map((f) => (
                <tr key={`${f.milestone.id}-${f.org_unit?.id ?? '*'}-${f.due_at}`}>
                  <td>{pick(f.milestone.title)}</td>
                  <td>{f.org_unit ? f.org_unit.name : t('dashboard.wholeCycle')}</td>
                  <td>{formatDateTime(f.due_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function Runs(props: { cycle: Cycle; onDone(): void }) {
  useLang();
  const runs = useAsync(() => listRuns(props.cycle.id), [props.cycle.id]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const running = (runs.data ?? []).some((r) => r.status === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void runs.reload(), 2000);
    return () => clearInterval(timer);
  }, [running]);
  const wasRunning = useState({ value: false })[0];
  useEffect(() => {
    if (wasRunning.value && !running) props.onDone();
    wasRunning.value = running;
  }, [running]);
  return (
    <section class="card" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('dashboard.runs')}</h2>
      <p class="hint">{t('dashboard.runsIntro')}</p>
      <div class="actions">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await rescore(props.cycle.id);
              setProblem(null);
              await runs.reload();
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              setProblem(error);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('dashboard.rescore')}
        </button>
      </div>
      {problem && <ProblemNotice error={problem} />}
      {runs.data && runs.data.length > 0 && (
        <ul class="plain runs">
          {runs.data.map((r: ScoringRun) => (
            <li key={r.id}>
              <span>
                {t(`dashboard.run.${r.trigger}`)} · {t(`dashboard.runStatus.${r.status}`)} ·{' '}
                {formatDateTime(r.started_at)}
              </span>
              <progress
                max={1}
                value={r.total === 0 ? 1 : r.progress}
                aria-label={t('dashboard.runProgress', { done: r.done, total: r.total })}
              />
              <span class="hint">
                {t('dashboard.runProgress', { done: r.done, total: r.total })}
                {r.errors > 0 && ` · ${t('dashboard.runErrors', { count: r.errors })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Exports(props: { cycle: Cycle; orgUnitId: string }) {
  useLang();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState('');
  const get = async (format: ExportFormat, layout: ExportLayout) => {
    setBusy(`${format}-${layout}`);
    setProblem(null);
    try {
      const file = await exportCycle(props.cycle.id, format, layout, props.orgUnitId || undefined);
      saveFile(file, `${props.cycle.name}-${layout}.${format}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
    } finally {
      setBusy('');
    }
  };
  return (
    <section class="card" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('dashboard.exports')}</h2>
      <p class="hint">{t('dashboard.exportsIntro')}</p>
      <div class="actions">
        {(['detail', 'summary'] as const).flatMap((layout) =>
          (['xlsx', 'csv'] as const).map((format) => (
            <button
              type="button"
              key={`${format}-${layout}`}
              disabled={busy !== ''}
              onClick={() => void get(format, layout)}
            >
              {t(`dashboard.export.${layout}`, { format: format.toUpperCase() })}
            </button>
          )),
        )}
      </div>
      <p class="hint" role="status">
        {busy ? t('dashboard.exporting') : ''}
      </p>
      {problem && <ProblemNotice error={problem} />}
    </section>
  );
}

interface Loaded {
  cycle: Cycle;
  pack: PackVersion;
  areas: OrgUnit[];
}

async function load(id: string): Promise<Loaded> {
  const cycle = await readCycle(id);
  const [pack, units] = await Promise.all([
    readPackVersion(cycle.pack.key, cycle.pack.version),
    listOrgUnits('active'),
  ]);
  return { cycle, pack, areas: units };
}

/** 进度看板: a cycle's progress, designation rate against target, scorecards, flags, runs, exports. */
export function Dashboard(props: { params: Record<string, string> }) {
  useLang();
  const session = useSession();
  const id = props.params.id ?? '';
  const loaded = useAsync(() => load(id), [id]);
  const [kind, setKind] = useState<OrgUnitKind | '*' | null>(null);
  const [area, setArea] = useState('');
  const [round, setRound] = useState(0);
  if (loaded.error) {
    return (
      <Screen title={t('dashboard.title')}>
        <ProblemNotice error={loaded.error} />
      </Screen>
    );
  }
  if (!loaded.data) return <Loading />;
  const { cycle, pack, areas } = loaded.data;
  const kinds = pack.unit_kinds;
  const unitKind = kind ?? cycle.targets[0]?.unit_kind ?? '*';
  const areaOptions = unitOptions(areas, (u) => !kinds.includes(u.kind));
  return (
    <Screen title={t('dashboard.titleOf', { cycle: cycle.name })}>
      <p class="crumbs">
        <a href={`/cycles/${encodeURIComponent(cycle.id)}`}>{t('dashboard.toCycle')}</a>
      </p>
      <form class="card filters dashboard-filters" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="dash-kind">{t('scope.kind')}</label>
          <select
            id="dash-kind"
            value={unitKind}
            onChange={(e) => setKind(e.currentTarget.value as OrgUnitKind | '*')}
          >
            <option value="*">{t('dashboard.allKinds')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="dash-area">{t('dashboard.area')}</label>
          <select id="dash-area" value={area} onChange={(e) => setArea(e.currentTarget.value)}>
            <option value="">{t('dashboard.wholeTenant')}</option>
            {areaOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="button" onClick={() => setRound(round + 1)}>
            {t('dashboard.refresh')}
          </button>
        </div>
      </form>
      <div key={round}>
        <Progress cycle={cycle} unitKind={unitKind} orgUnitId={area} />
        <Scorecards cycle={cycle} orgUnitId={area} />
        <DeadlineFlags cycle={cycle} />
        {isAdmin(session) && <Runs cycle={cycle} onDone={() => setRound((r) => r + 1)} />}
        <Exports cycle={cycle} orgUnitId={area} />
      </div>
    </Screen>
  );
}
