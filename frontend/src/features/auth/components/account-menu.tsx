import '../auth.css';

import { useState } from 'react';

import { countStoredNames, eraseStoredNames } from '@/lib/local-personal-data';
import { plural } from '@/utils/format';

import { useMe } from '../api/get-me';
import { useLogout } from '../api/logout';
import { roleLabels } from '../utils/labels';

const RECORD_FORMS = ['участника', 'участников', 'участников'] as const;

/**
 * The signed-in account in the page header, and the way out. `roleText` names the role more
 * precisely where the page knows better (an assessment point is not a school). When protocol 1's
 * names are kept in this browser, «Выйти» first offers to erase them (a shared computer).
 */
export function AccountMenu({ roleText }: { roleText?: string } = {}) {
  const me = useMe();
  const logout = useLogout();
  const [asking, setAsking] = useState(0);

  const signOut = () => {
    const names = countStoredNames();
    if (names > 0) setAsking(names);
    else logout.mutate();
  };

  return (
    <div className="account" data-testid="account">
      {me.data && (
        <p className="account__who">
          <span className="account__name" data-testid="account-name">
            {me.data.displayName}
          </span>
          <span className="account__role" data-testid="account-role">
            {roleText ?? roleLabels[me.data.role] ?? me.data.role}
          </span>
        </p>
      )}
      <button
        type="button"
        className="button account__logout"
        disabled={logout.isPending}
        aria-expanded={asking > 0 ? true : undefined}
        onClick={signOut}
      >
        Выйти
      </button>
      {asking > 0 && (
        <div
          className="account__erase"
          role="alertdialog"
          aria-labelledby="account-erase-text"
          data-testid="erase-names-on-sign-out"
        >
          <p id="account-erase-text" className="account__erase-text">
            На этом компьютере сохранены ФИО {asking} {plural(asking, RECORD_FORMS)} из протокола 1.
            Если компьютером пользуются другие, сотрите их перед выходом.
          </p>
          <div className="account__erase-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                eraseStoredNames();
                logout.mutate();
              }}
            >
              Стереть ФИО и выйти
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => logout.mutate()}
            >
              Выйти, оставив ФИО
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(0)}>
              Отмена
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
