import { useState } from 'preact/hooks';
import { createClient, listClients, revokeClient } from '../api/clients.ts';
import type { ApiError } from '../api/problem.ts';
import { type ClientStatus, type CreatedApiClient, SCOPES, type Scope } from '../api/types.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { FormProblem, ProblemNotice } from '../components/problem-notice.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { ShownOnce } from '../components/shown-once.tsx';
import { Actions, CheckboxGroup, TextField } from '../forms/fields.tsx';
import * as rules from '../forms/rules.ts';
import { useForm } from '../forms/use-form.ts';
import { formatDateTime, t, textOf } from '../i18n/lang.ts';
import { useAsync } from '../lib/use-async.ts';

const EMPTY = { name: '', scopes: 'scores:read', expires_at: '' };

/** The end of the chosen day in the reader's time zone, as the API's ISO timestamp. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();

function CreatedPanel(props: { client: CreatedApiClient; onDone: () => void }) {
  const { client } = props;
  const origin = window.location.origin;
  return (
    <section class="card once" aria-labelledby="client-done">
      <h2 id="client-done">{t('clients.created', { name: client.name })}</h2>
      <p class="notice warn">{t('clients.onceWarning')}</p>
      <ShownOnce name="client-id" label={t('clients.clientId')} value={client.id} />
      <ShownOnce name="client-secret" label={t('clients.secret')} value={client.client_secret} />
      <p class="hint">{t('clients.howToUse')}</p>
      <pre class="example">
        {`curl -X POST ${origin}/v1/oauth/token \\\n  -u '${client.id}:<client_secret>' \\\n  -d grant_type=client_credentials`}
      </pre>
      <Actions>
        <button type="button" class="primary" onClick={props.onDone}>
          {t('once.done')}
        </button>
      </Actions>
    </section>
  );
}

export function Clients() {
  const [filter, setFilter] = useState<ClientStatus | 'all'>('active');
  const [created, setCreated] = useState<CreatedApiClient | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const clients = useAsync(() => listClients(filter), [filter]);
  const form = useForm(EMPTY);

  return (
    <Screen title={t('clients.title')} intro={t('clients.intro')}>
      {created ? (
        <CreatedPanel
          client={created}
          onDone={() => {
            setCreated(null);
            form.reset(EMPTY);
          }}
        />
      ) : (
        <form
          id={form.id}
          class="card"
          noValidate
          aria-labelledby="client-new"
          onSubmit={(e) =>
            form.submit(e, {
              rules: () => ({
                name: [rules.name(100)],
                scopes: [(v) => (v.trim() ? undefined : textOf('clients.scopeRequired'))],
              }),
              run: async (v) => {
                const client = await createClient({
                  name: v.name!.trim(),
                  scopes: v.scopes!.split(' ').filter(Boolean) as Scope[],
                  ...(v.expires_at ? { expires_at: endOfDay(v.expires_at) } : {}),
                });
                setCreated(client);
                await clients.reload();
              },
            })
          }
        >
          <h2 id="client-new">{t('clients.new')}</h2>
          <FormProblem form={form} />
          <TextField
            form={form}
            name="name"
            label={t('clients.name')}
            hint={t('clients.nameHint')}
            required
          />
          <CheckboxGroup
            form={form}
            name="scopes"
            label={t('clients.scopes')}
            required
            options={SCOPES.map((s) => ({
              value: s,
              label: t(`scope.${s}`),
              description: t(`scope.${s}.hint`),
            }))}
          />
          <TextField
            form={form}
            name="expires_at"
            type="date"
            label={t('clients.expires')}
            hint={t('clients.expiresHint')}
          />
          <Actions>
            <button type="submit" class="primary" disabled={form.submitting}>
              {t('clients.create')}
            </button>
          </Actions>
        </form>
      )}

      <section aria-labelledby="clients-list">
        <div class="section-head">
          <h2 id="clients-list">{t('clients.list')}</h2>
          <label class="inline">
            {t('field.status')}{' '}
            <select
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value as ClientStatus | 'all')}
            >
              {(['active', 'revoked', 'expired', 'all'] as const).map((s) => (
                <option key={s} value={s}>
                  {s === 'all' ? t('filter.all') : t(`clients.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {actionError && <ProblemNotice error={actionError} />}
        {clients.error && <ProblemNotice error={clients.error} />}
        {!clients.data ? (
          <Loading />
        ) : clients.data.length === 0 ? (
          <p class="hint">{t('clients.none')}</p>
        ) : (
          <ScrollTable labelledBy="clients-list">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('clients.name')}</th>
                  <th scope="col">{t('clients.clientId')}</th>
                  <th scope="col">{t('clients.scopes')}</th>
                  <th scope="col">{t('clients.secretPrefix')}</th>
                  <th scope="col">{t('field.status')}</th>
                  <th scope="col">{t('clients.lastUsed')}</th>
                  <th scope="col">{t('field.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {clients.data.map((c) => (
                  <tr key={c.id}>
                    <td>{c.name}</td>
                    <td class="mono small">{c.id}</td>
                    <td>
                      {c.scopes.map((s) => (
                        <span key={s} class="tag mono">
                          {s}
                        </span>
                      ))}
                    </td>
                    <td class="mono">{c.secret_prefix}…</td>
                    <td>
                      {t(`clients.status.${c.status}`)}
                      {c.expires_at && (
                        <div class="hint small">
                          {t('clients.expiresAt', { at: formatDateTime(c.expires_at) })}
                        </div>
                      )}
                    </td>
                    <td>{formatDateTime(c.last_used_at)}</td>
                    <td>
                      {c.status === 'active' && (
                        <ConfirmButton
                          label={t('clients.revoke')}
                          question={t('clients.revokeQuestion', { name: c.name })}
                          onConfirm={async () => {
                            setActionError(null);
                            try {
                              await revokeClient(c);
                              await clients.reload();
                            } catch (e) {
                              setActionError(e as ApiError);
                            }
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </Screen>
  );
}
