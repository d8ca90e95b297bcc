import type { ReactNode } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import type { Me, Role } from '@/types/api';

/** The roles that run a region: they issue logins and passwords and read the audit log. */
const STAFF_ROLES: readonly Role[] = ['FEDERAL', 'REGIONAL'];

export const isStaff = (role: Role | undefined) => role !== undefined && STAFF_ROLES.includes(role);

/**
 * Renders a page for the federal organizer and regional coordinators only, handing it the
 * account. The server refuses everyone else anyway; this saves them a page of 403s.
 */
export function StaffOnly({ children }: { children: (account: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!isStaff(me.data.role)) {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">
          Эта страница доступна федеральному организатору и региональным координаторам.
        </p>
      </div>
    );
  }
  return children(me.data);
}
