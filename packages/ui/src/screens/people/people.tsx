import { useState } from 'preact/hooks';
import { listOrgUnits } from '../../api/org-units.ts';
import { listInvitations, listPeople, removePerson, revokeInvitation } from '../../api/people.ts';
import type { ApiError } from '../../api/problem.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { formatDateTime, t } from '../../i18n/lang.ts';
import { unitsById } from '../../lib/unit-options.ts';
import { useAsync } from '../../lib/use-async.ts';
import { reloadMe, useSession } from '../../session/session.ts';
import { GrantText, KnownStages } from './grant-text.tsx';
import { GrantsEditor } from './grants-editor.tsx';
import { InviteForm } from './invite-form.tsx';

type PeopleFilter = 'active' | 'removed' | 'all';

export function People() {
  const session = useSession();
  const myId = session.status === 'signedIn' ? session.me.user?.id : undefined;
  const [filter, setFilter] = useState<PeopleFilter>('active');
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const units = useAsync(() => listOrgUnits('active'), []);
  const people = useAsync(() => listPeople(filter), [filter]);
  const invitations = useAsync(() => listInvitations('pending'), []);
  const byId = unitsById(units.data);

  const act = async (work: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await work();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };

  return (
    <Screen title={t('people.title')} intro={t('people.intro')}>
      <KnownStages />
      <InviteForm units={units.data ?? []} onInvited={() => void invitations.reload()} />

      {actionError && <ProblemNotice error={actionError} />}

      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t('invitations.title')}</h2>
        {invitations.error && <ProblemNotice error={invitations.error} />}
        {!invitations.data ? (
          <Loading />
        ) : invitations.data.length === 0 ? (
          <p class="hint">{t('invitations.none')}</p>
        ) : (
          <ScrollTable labelledBy="invitations-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('field.email')}</th>
                  <th scope="col">{t('field.grant')}</th>
                  <th scope="col">{t('invitations.expires')}</th>
                  <th scope="col">{t('field.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.data.map((inv) => (
                  <tr key={inv.id}>
                    <td class="mono">{inv.email}</td>
                    <td>
                      <GrantText grant={inv} units={byId} />
                    </td>
                    <td>{formatDateTime(inv.expires_at)}</td>
                    <td>
                      <ConfirmButton
                        label={t('invitations.revoke')}
                        question={t('invitations.revokeQuestion', { email: inv.email })}
                        onConfirm={() =>
                          act(async () => {
                            await revokeInvitation(inv);
                            await invitations.reload();
                          })
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="people-list-title">
        <div class="section-head">
          <h2 id="people-list-title">{t('people.list')}</h2>
          <label class="inline">
            {t('field.status')}{' '}
            <select
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value as PeopleFilter)}
            >
              <option value="active">{t('people.status.active')}</option>
              <option value="removed">{t('people.status.removed')}</option>
              <option value="all">{t('filter.all')}</option>
            </select>
          </label>
        </div>
        {people.error && <ProblemNotice error={people.error} />}
        {!people.data ? (
          <Loading />
        ) : (
          <ul class="people">
            {people.data.map((p) => (
              <li key={p.id} class="person card">
                <div class="person-head">
                  <div>
                    <strong>{p.display_name}</strong>
                    {p.id === myId && <span class="tag">{t('people.you')}</span>}
                    {p.status === 'removed' && (
                      <span class="tag muted">{t('people.status.removed')}</span>
                    )}
                    <div class="mono small">{p.email}</div>
                  </div>
                  {p.status === 'active' && editing !== p.id && (
                    <div class="row-actions">
                      <button type="button" onClick={() => setEditing(p.id)}>
                        {t('grants.edit')}
                      </button>
                      <ConfirmButton
                        label={t('people.remove')}
                        question={t('people.removeQuestion', { name: p.display_name })}
                        onConfirm={() =>
                          act(async () => {
                            await removePerson(p);
                            await people.reload();
                          })
                        }
                      />
                    </div>
                  )}
                </div>
                {editing === p.id ? (
                  <GrantsEditor
                    person={p}
                    units={units.data ?? []}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      setEditing(null);
                      people.mutate((list) => list?.map((x) => (x.id === saved.id ? saved : x)));
                      if (saved.id === myId) void reloadMe();
                    }}
                  />
                ) : (
                  <ul class="plain grants">
                    {p.grants.length === 0 && <li class="hint">{t('grants.none')}</li>}
                    {p.grants.map((g, i) => (
                      <li key={i}>
                        <GrantText grant={g} units={byId} />
                      </li>
                    ))}
                  </ul>
                )}
                <div class="hint small">
                  {t('people.joined', { at: formatDateTime(p.created_at) })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}
