import '../auth.css';

import { useMe } from '../api/get-me';
import { useLogout } from '../api/logout';
import { roleLabels } from '../utils/labels';

/**
 * The signed-in account in the page header, and the way out. `roleText` names the role more
 * precisely where the page knows better (an assessment point is not a school).
 */
export function AccountMenu({ roleText }: { roleText?: string } = {}) {
  const me = useMe();
  const logout = useLogout();

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
        onClick={() => logout.mutate()}
      >
        Выйти
      </button>
    </div>
  );
}
