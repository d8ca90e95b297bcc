import type { ReactNode } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import type { Me, Role } from '@/types/api';

/** Who follows the scans' progress: the federal organizer, regions and scanning centres. */
export const SCAN_DASHBOARD_ROLES: readonly Role[] = ['FEDERAL', 'REGIONAL', 'SCANNER'];
/** Who uploads scans: scanning centres, and organizations allowed to scan locally. */
export const SCAN_UPLOAD_ROLES: readonly Role[] = ['SCANNER', 'ORGANIZATION'];
export const SCAN_ERRORS_ROLES: readonly Role[] = [...SCAN_DASHBOARD_ROLES, 'ORGANIZATION'];

type RolesOnlyProps = {
  roles: readonly Role[];
  who: string;
  children: (account: Me) => ReactNode;
};

/** Renders a page for `roles` only, handing it the account; `who` says who may open it. */
export function RolesOnly({ roles, who, children }: RolesOnlyProps) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!roles.includes(me.data.role)) {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">Эта страница доступна: {who}.</p>
      </div>
    );
  }
  return children(me.data);
}
