import { useState } from 'preact/hooks';
import { type Cycle, readCycle, updateCycle } from '../../api/cycles.ts';
import { listOrgUnits } from '../../api/org-units.ts';
import { type PackVersion, readPackVersion } from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import type { OrgUnit } from '../../api/types.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { pick, t, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { isAdmin, useSession } from '../../session/session.ts';
import { versionHref } from '../packs/links.ts';
import { CycleSettings } from './cycle-settings.tsx';
import { cycleHref } from './cycles.tsx';
import { MilestonesEditor } from './milestones-editor.tsx';
import { ScopeEditor } from './scope-editor.tsx';
import { SwitchVersion } from './switch-version.tsx';
import { TargetsEditor } from './targets-editor.tsx';

interface Loaded {
  cycle: Cycle;
  pack: PackVersion;
  orgUnits: OrgUnit[];
}

async function load(id: string): Promise<Loaded> {
  const cycle = await readCycle(id);
  const [pack, orgUnits] = await Promise.all([
    readPackVersion(cycle.pack.key, cycle.pack.version),
    listOrgUnits('active'),
  ]);
  return { cycle, pack, orgUnits };
}

function StatusActions(props: { cycle: Cycle; onSaved(cycle: Cycle): void }) {
  useLang();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const next =
    props.cycle.status === 'draft' ? 'open' : props.cycle.status === 'open' ? 'closed' : null;
  if (!next) return null;
  return (
    <div class="actions">
      <ConfirmButton
        label={t(next === 'open' ? 'cycles.open' : 'cycles.close')}
        question={t(next === 'open' ? 'cycles.openQuestion' : 'cycles.closeQuestion')}
        onConfirm={async () => {
          try {
            props.onSaved(await updateCycle(props.cycle, { status: next }));
            setProblem(null);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            setProblem(error);
          }
        }}
      />
      {problem && <ProblemNotice error={problem} />}
    </div>
  );
}

function CycleWorkspace(props: { loaded: Loaded; reload(): Promise<void> }) {
  useLang();
  const session = useSession();
  const admin = isAdmin(session);
  const [cycle, setCycle] = useState(props.loaded.cycle);
  const { pack, orgUnits } = props.loaded;
  const editable = admin && cycle.status !== 'closed';
  const refresh = async () => setCycle(await readCycle(cycle.id));
  return (
    <>
      <section class="card" aria-labelledby="cycle-facts">
        <h2 id="cycle-facts">{t('cycles.about')}</h2>
        <dl class="facts">
          <dt>{t('field.status')}</dt>
          <dd>{t(`cycles.status.${cycle.status}`)}</dd>
          <dt>{t('cycles.packVersion')}</dt>
          <dd>
            <a href={versionHref(cycle.pack.key, cycle.pack.version)}>
              {`${pick(pack.title)} ${cycle.pack.version}`}
            </a>
          </dd>
          <dt>{t('cycles.period')}</dt>
          <dd>{`${cycle.period.start} – ${cycle.period.end}`}</dd>
          <dt>{t('cycles.chain')}</dt>
          <dd>{cycle.stages.map((s) => pick(s.title)).join(' → ')}</dd>
          {cycle.public_objection_path && (
            <>
              <dt>{t('cycles.publicLink')}</dt>
              <dd class="mono small">{cycle.public_objection_path}</dd>
            </>
          )}
        </dl>
        <p>
          <a href={`${cycleHref(cycle.id)}/dashboard`}>{t('dashboard.open')}</a>
        </p>
        {admin && <StatusActions cycle={cycle} onSaved={setCycle} />}
      </section>
      <CycleSettings cycle={cycle} pack={pack} editable={editable} onSaved={setCycle} />
      <ScopeEditor
        cycle={cycle}
        unitKinds={pack.unit_kinds}
        orgUnits={orgUnits}
        editable={editable}
        onChanged={refresh}
      />
      <TargetsEditor
        cycle={cycle}
        unitKinds={pack.unit_kinds}
        orgUnits={orgUnits}
        editable={editable}
        onSaved={setCycle}
      />
      <MilestonesEditor cycle={cycle} editable={editable} onSaved={setCycle} />
      {editable && <SwitchVersion cycle={cycle} onSwitched={props.reload} />}
    </>
  );
}

/** One cycle: its pack version and parameters, units in scope, targets and milestones. */
export function CycleScreen(props: { params: Record<string, string> }) {
  useLang();
  const id = props.params.id ?? '';
  const loaded = useAsync(() => load(id), [id]);
  if (loaded.error) {
    return (
      <Screen title={t('cycles.title')}>
        <ProblemNotice error={loaded.error} />
      </Screen>
    );
  }
  if (!loaded.data) return <Loading />;
  return (
    <Screen title={loaded.data.cycle.name}>
      <p class="crumbs">
        <a href="/cycles">{t('cycles.back')}</a>
      </p>
      <CycleWorkspace
        key={`${loaded.data.cycle.id}:${loaded.data.cycle.pack.version}`}
        loaded={loaded.data}
        reload={loaded.reload}
      />
    </Screen>
  );
}
