import type { ReactNode } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import type { Me, Role } from '@/types/api';

/** The roles that run a campaign at some level: federal, regional, municipal, responsible. */
const COORDINATOR_ROLES: readonly Role[] = ['FEDERAL', 'REGIONAL', 'MUNICIPAL', 'RESPONSIBLE'];

export const isCoordinator = (role: Role | undefined) =>
  role !== undefined && COORDINATOR_ROLES.includes(role);

/** Renders a page for coordinators only, handing it the account. */
export function CoordinatorsOnly({ children }: { children: (account: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!isCoordinator(me.data.role)) {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">
          Эта страница доступна координаторам: федеральному, региональным, муниципальным и
          ответственным.
        </p>
      </div>
    );
  }
  return children(me.data);
}
