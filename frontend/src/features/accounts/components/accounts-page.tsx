import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';
import type { Me, Role, StaffAccount, StaffAccountCredentials } from '@/types/api';
import { roleLabels } from '@/utils/labels';
import { cursorOf, parsePage } from '@/utils/paging';

import { useActivateAccount } from '../api/activate-account';
import { useDeactivateAccount } from '../api/deactivate-account';
import { useAccounts } from '../api/get-accounts';
import { useResetAccountPassword } from '../api/reset-account-password';
import { CreateAccountForm } from './create-account-form';
import { ImportAccounts } from './import-accounts';
import { grantableRoles } from './grantable-roles';
import { PasswordOnce } from './password-once';

const ROLES = Object.keys(roleLabels) as Role[];

/**
 * «Учётные записи»: the accounts of the signed-in coordinator's scope, a page at a time, filtered
 * by role, text and state (all in the URL); creating one, deactivating, re-activating and
 * resetting a password for those whose role it may grant. A new password is shown once.
 */
export function AccountsPage({ account }: { account: Me }) {
  const [searchParams, update] = useSearchParamUpdates();
  const roleParam = searchParams.get('role');
  const role = ROLES.includes(roleParam as Role) ? (roleParam as Role) : undefined;
  const q = searchParams.get('q') ?? '';
  const stateParam = searchParams.get('state');
  const active = stateParam === 'active' ? true : stateParam === 'inactive' ? false : undefined;
  const page = parsePage(searchParams.get('page'));
  const after = searchParams.get('after') ?? undefined;
  const accounts = useAccounts({ filter: { role, q, active, page: page - 1, after } });
  const [shown, setShown] = useState<{ title: string; credentials: StaffAccountCredentials }>();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const manages = grantableRoles(account.role);
  const id = useId();

  return (
    <section className="panel" data-testid="accounts">
      {shown && (
        <PasswordOnce
          title={shown.title}
          credentials={shown.credentials}
          onDone={() => setShown(undefined)}
        />
      )}
      {manages.length > 0 && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-expanded={creating}
            data-testid="account-new"
            onClick={() => setCreating((open) => !open)}
          >
            {creating ? 'Скрыть форму' : 'Создать учётную запись'}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={importing}
            onClick={() => setImporting((open) => !open)}
          >
            {importing ? 'Скрыть загрузку' : 'Загрузить список из Excel'}
          </button>
        </div>
      )}
      {importing && <ImportAccounts />}
      {creating && (
        <CreateAccountForm
          account={account}
          onCreated={(credentials) => {
            setShown({ title: 'Учётная запись создана', credentials });
            setCreating(false);
          }}
        />
      )}

      <div className="filters" role="search">
        <div className="field">
          <label htmlFor={`${id}-role`}>Роль</label>
          <select
            id={`${id}-role`}
            className="input"
            value={role ?? ''}
            data-testid="accounts-role"
            onChange={(event) =>
              update({ role: event.target.value || null, page: null, after: null })
            }
          >
            <option value="">Все роли</option>
            {ROLES.filter((r) => r !== 'PARTICIPANT' && r !== 'API_CLIENT').map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>Поиск</label>
          <input
            id={`${id}-q`}
            className="input"
            type="search"
            placeholder="Логин, ФИО, телефон, почта"
            defaultValue={q}
            data-testid="accounts-q"
            onChange={(event) =>
              update({ q: event.target.value || null, page: null, after: null }, true)
            }
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>Состояние</label>
          <select
            id={`${id}-state`}
            className="input"
            value={stateParam ?? ''}
            onChange={(event) =>
              update({ state: event.target.value || null, page: null, after: null })
            }
          >
            <option value="">Все</option>
            <option value="active">Действующие</option>
            <option value="inactive">Отключённые</option>
          </select>
        </div>
      </div>

      {accounts.isPending ? (
        <Loading />
      ) : accounts.isError ? (
        <ErrorMessage error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.data.items.length === 0 ? (
        <p className="table__muted">Учётных записей не найдено.</p>
      ) : (
        <>
          <AccountsTable
            items={accounts.data.items}
            self={account.login}
            manages={manages}
            busy={accounts.isPlaceholderData}
            onPassword={(credentials) => setShown({ title: 'Новый пароль', credentials })}
          />
          <Pagination
            label="Страницы списка учётных записей"
            page={page}
            totalPages={accounts.data.totalPages}
            totalItems={accounts.data.totalItems}
            onPageChange={(next) =>
              // forward by the page's keyset cursor: accounts created meanwhile by colleagues
              // neither repeat nor push one out of sight; back by number
              update({
                page: next > 1 ? String(next) : null,
                after: next === page + 1 ? cursorOf(accounts.data.next) : null,
              })
            }
          />
        </>
      )}
    </section>
  );
}

type AccountsTableProps = {
  items: StaffAccount[];
  self: string;
  manages: Role[];
  busy: boolean;
  onPassword: (credentials: StaffAccountCredentials) => void;
};

function AccountsTable({ items, self, manages, busy, onPassword }: AccountsTableProps) {
  const deactivate = useDeactivateAccount();
  const activate = useActivateAccount();
  const reset = useResetAccountPassword();
  const failed = deactivate.error ?? activate.error ?? reset.error;
  return (
    <>
      {failed && <ErrorMessage error={failed} title="Действие не выполнено" />}
      <div className="table-wrap">
        <table className="table table--stack" aria-busy={busy || undefined}>
          <caption className="visually-hidden">Учётные записи</caption>
          <thead>
            <tr>
              <th scope="col">Логин</th>
              <th scope="col">ФИО</th>
              <th scope="col">Роль</th>
              <th scope="col">Где</th>
              <th scope="col">Контакты</th>
              <th scope="col">Состояние</th>
              <th scope="col">Действия</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => {
              const managed = manages.includes(a.role) && a.login !== self;
              return (
                <tr key={a.login} data-testid="account-row">
                  <td data-label="Логин">
                    <code>{a.login}</code>
                  </td>
                  <td data-label="ФИО">{a.displayName}</td>
                  <td data-label="Роль">{roleLabels[a.role]}</td>
                  <td data-label="Где">
                    {[
                      a.regionCode ? `регион ${a.regionCode}` : 'вся страна',
                      a.municipalityName,
                      a.organizationName,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                  <td data-label="Контакты">
                    {a.phone && <a href={`tel:${a.phone}`}>{a.phone}</a>}
                    {a.phone && a.email && <br />}
                    {a.email && <a href={`mailto:${a.email}`}>{a.email}</a>}
                    {!a.phone && !a.email && <span className="table__muted">—</span>}
                  </td>
                  <td data-label="Состояние" data-testid="account-state">
                    {a.active ? 'Действует' : 'Отключена'}
                  </td>
                  <td data-label="Действия">
                    {managed && (
                      <div className="actions">
                        {a.active ? (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={deactivate.isPending}
                            onClick={() => {
                              if (
                                window.confirm(
                                  `Отключить ${a.login}? Вход станет невозможен сразу.`,
                                )
                              ) {
                                deactivate.mutate(a.login);
                              }
                            }}
                          >
                            Отключить
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={activate.isPending}
                            onClick={() => activate.mutate(a.login)}
                          >
                            Включить
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={reset.isPending}
                          onClick={() => {
                            if (
                              window.confirm(
                                `Сбросить пароль ${a.login}? Прежний пароль перестанет действовать.`,
                              )
                            ) {
                              reset.mutate(a.login, { onSuccess: onPassword });
                            }
                          }}
                        >
                          Сбросить пароль
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
