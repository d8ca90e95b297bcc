import { Link } from 'react-router';

import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { ScanDashboard } from '@/features/scans/components/dashboard-page';

import { RolesOnly, SCAN_DASHBOARD_ROLES } from './roles-only';

export function ScanDashboardRoute() {
  return (
    <>
      <PageHeader
        title="Сканы работ"
        subtitle="Сколько листов загружено, принято, с ошибками и оценено — обновляется само"
      />
      <RolesOnly
        roles={SCAN_DASHBOARD_ROLES}
        who="федеральному организатору, региональным координаторам и центрам сканирования"
      >
        {(account) => (
          <>
            {account.role === 'SCANNER' && (
              <p>
                <Link className="button" to={paths.scans.upload.getHref()}>
                  Загрузить сканы
                </Link>
              </p>
            )}
            <ScanDashboard account={account} />
          </>
        )}
      </RolesOnly>
    </>
  );
}
