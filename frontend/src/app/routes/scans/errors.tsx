import { PageHeader } from '@/components/ui/page-header';
import { ScanErrorsPage } from '@/features/scans/components/errors-page';

import { RolesOnly, SCAN_ERRORS_ROLES } from './roles-only';

export function ScanErrorsRoute() {
  return (
    <>
      <PageHeader
        title="Ошибки в сканах"
        subtitle="Листы, которые не прошли проверку, и комплекты без части страниц"
      />
      <RolesOnly
        roles={SCAN_ERRORS_ROLES}
        who="координаторам, центрам сканирования и организациям, которые сканируют сами"
      >
        {() => <ScanErrorsPage />}
      </RolesOnly>
    </>
  );
}
