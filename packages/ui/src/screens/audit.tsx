import { useEffect, useMemo, useState } from 'preact/hooks';
import { type AuditFilters, listAudit, verifyAudit } from '../api/audit.ts';
import { listClients } from '../api/clients.ts';
import { listPeople } from '../api/people.ts';
import { ApiError } from '../api/problem.ts';
import type { AuditEntry, AuditVerification } from '../api/types.ts';
import { FormProblem, ProblemNotice } from '../components/problem-notice.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Actions, SelectField, TextField } from '../forms/fields.tsx';
import { useForm, type Values } from '../forms/use-form.ts';
import { formatDateTime, isMessageKey, t, textOf } from '../i18n/lang.ts';
import { useAsync } from '../lib/use-async.ts';
import { replaceQuery, useLocation } from '../router/router.ts';

export const AUDIT_ACTIONS = [
  'tenant.sign_up',
  'auth.sign_in',
  'auth.refresh',
  'auth.sign_out',
  'person.join',
  'person.rejoin',
  'person.set_grants',
  'person.remove',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'api_client.create',
  'api_client.revoke',
  'api_client.token',
  'org_unit.create',
  'org_unit.import',
  'org_unit.update',
  'org_unit.move',
  'org_unit.archive',
  'pack_version.derive',
  'pack_version.update',
  'pack_version.publish',
  'pack_version.delete',
  'pack_pin.create',
  'pack_pin.delete',
  'cycle.create',
  'cycle.switch_version',
  'cycle.units_add',
  'cycle.units_remove',
  'cycle.targets_set',
  'milestone.create',
  'milestone.update',
  'milestone.delete',
  'submission.submit',
  'submission.recommend',
  'submission.verify',
  'submission.publicise',
  'submission.publish',
  'submission.return',
  'submission.revoke',
  'submission.assess',
  'evidence.upload',
  'evidence.delete',
  'objection.raise',
] as const;

export const AUDIT_ENTITY_TYPES = [
  'tenant',
  'session',
  'person',
  'invitation',
  'api_client',
  'org_unit',
  'pack_version',
  'pack_pin',
  'cycle',
  'milestone',
  'submission',
  'evidence',
  'objection',
] as const;

const FILTERS = ['action', 'entity_type', 'actor_id', 'since', 'until'] as const;

const label = (prefix: 'audit.action.' | 'audit.entity.', value: string) => {
  const key = `${prefix}${value}`;
  return isMessageKey(key) ? t(key) : value;
};

/** A day in the reader's time zone as the API's ISO bounds. */
const dayStart = (d: string) => new Date(`${d}T00:00:00`).toISOString();
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999`).toISOString();

function filtersFrom(values: Values): AuditFilters {
  const f: AuditFilters = {};
  if (values.action) f.action = values.action;
  if (values.entity_type) f.entity_type = values.entity_type;
  if (values.actor_id) f.actor_id = values.actor_id;
  if (values.since) f.since = dayStart(values.since);
  if (values.until) f.until = dayEnd(values.until);
  return f;
}

function Details(props: { entry: AuditEntry }) {
  const { entry } = props;
  if (entry.before === undefined && entry.after === undefined) return null;
  return (
    <details>
      <summary>{t('audit.details')}</summary>
      {entry.before !== undefined && (
        <>
          <p class="small">{t('audit.before')}</p>
          <pre class="json">{JSON.stringify(entry.before, null, 2)}</pre>
        </>
      )}
      {entry.after !== undefined && (
        <>
          <p class="small">{t('audit.after')}</p>
          <pre class="json">{JSON.stringify(entry.after, null, 2)}</pre>
        </>
      )}
    </details>
  );
}

export function Audit() {
  const location = useLocation();
  const applied: Values = Object.fromEntries(FILTERS.map((k) => [k, location.query.get(k) ?? '']));
  const appliedKey = FILTERS.map((k) => applied[k]).join('|');
  const form = useForm(applied);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [more, setMore] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | ApiError | null>(null);
  const people = useAsync(() => listPeople('all'), []);
  const clients = useAsync(() => listClients('all'), []);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of people.data ?? []) m.set(p.id, `${p.display_name} (${p.email})`);
    for (const c of clients.data ?? []) m.set(c.id, c.name);
    return m;
  }, [people.data, clients.data]);

  const load = async (after?: string) => {
    try {
      const page = await listAudit(filtersFrom(applied), after);
      setEntries((prev) => (after && prev ? [...prev, ...page.items] : page.items));
      setCursor(page.next_cursor);
      setError(null);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    }
  };
  useEffect(() => {
    setEntries(null);
    void load();
  }, [appliedKey]);

  const actorOptions = [
    { value: '', label: t('filter.any') },
    ...(people.data ?? []).map((p) => ({ value: p.id, label: p.display_name })),
    ...(clients.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (API)` })),
  ];

  return (
    <Screen title={t('audit.title')} intro={t('audit.intro')}>
      <form
        id={form.id}
        class="card filters"
        noValidate
        aria-label={t('audit.filters')}
        onSubmit={(e) =>
          form.submit(e, {
            rules: (v) => ({
              until: [
                (until) =>
                  until && v.since && until < v.since
                    ? textOf('audit.untilBeforeSince')
                    : undefined,
              ],
            }),
            run: async (v) => {
              const query = new URLSearchParams();
              for (const k of FILTERS) if (v[k]) query.set(k, v[k]!);
              replaceQuery(query);
            },
          })
        }
      >
        <FormProblem form={form} />
        <div class="grid-3">
          <SelectField
            form={form}
            name="action"
            label={t('audit.action')}
            options={[
              { value: '', label: t('filter.any') },
              ...AUDIT_ACTIONS.map((a) => ({ value: a, label: label('audit.action.', a) })),
            ]}
          />
          <SelectField
            form={form}
            name="entity_type"
            label={t('audit.entityType')}
            options={[
              { value: '', label: t('filter.any') },
              ...AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: label('audit.entity.', e) })),
            ]}
          />
          <SelectField
            form={form}
            name="actor_id"
            label={t('audit.actor')}
            options={actorOptions}
          />
          <TextField form={form} name="since" type="date" label={t('audit.since')} />
          <TextField form={form} name="until" type="date" label={t('audit.until')} />
        </div>
        <Actions>
          <button type="submit" class="primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              const empty = Object.fromEntries(FILTERS.map((k) => [k, '']));
              form.reset(empty);
              replaceQuery(new URLSearchParams());
            }}
          >
            {t('audit.clear')}
          </button>
          <button
            type="button"
            onClick={async () => {
              try {
                setVerification(await verifyAudit());
              } catch (e) {
                if (!(e instanceof ApiError)) throw e;
                setVerification(e);
              }
            }}
          >
            {t('audit.verify')}
          </button>
        </Actions>
        <div role="status">
          {verification instanceof ApiError ? (
            <ProblemNotice error={verification} />
          ) : verification?.ok ? (
            <p class="notice success">{t('audit.verifiedOk', { count: verification.checked })}</p>
          ) : verification ? (
            <p class="notice error">
              {t('audit.verifiedBroken', { seq: verification.broken_at?.seq ?? '?' })}
            </p>
          ) : null}
        </div>
      </form>

      {error && <ProblemNotice error={error} />}
      {!entries ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p class="hint">{t('audit.none')}</p>
      ) : (
        <ScrollTable label={t('audit.title')}>
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>
                    {formatDateTime(entry.at)}
                    <div class="hint small">#{entry.seq}</div>
                  </td>
                  <td>
                    {names.get(entry.actor_id) ?? label('audit.entity.', entry.actor_type)}
                    <div class="mono small">{entry.actor_id}</div>
                  </td>
                  <td>
                    {label('audit.action.', entry.action)}
                    <div class="mono small">{entry.action}</div>
                  </td>
                  <td>
                    {label('audit.entity.', entry.entity_type)}
                    <div class="mono small">{entry.entity_id}</div>
                  </td>
                  <td>
                    <Details entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {cursor && (
        <Actions>
          <button
            type="button"
            disabled={more}
            onClick={async () => {
              setMore(true);
              await load(cursor);
              setMore(false);
            }}
          >
            {t('audit.more')}
          </button>
        </Actions>
      )}
    </Screen>
  );
}
