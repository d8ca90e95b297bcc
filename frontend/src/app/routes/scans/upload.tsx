import { PageHeader } from '@/components/ui/page-header';
import { ScanUploadPage } from '@/features/scans/components/upload-page';

import { RolesOnly, SCAN_UPLOAD_ROLES } from './roles-only';

export function ScanUploadRoute() {
  return (
    <>
      <PageHeader
        title="Загрузка сканов"
        subtitle="Сканы бланков ответов: по одному листу или архивом ZIP"
      />
      <RolesOnly
        roles={SCAN_UPLOAD_ROLES}
        who="центрам сканирования и организациям, которым регион разрешил сканировать самим"
      >
        {(account) => <ScanUploadPage account={account} />}
      </RolesOnly>
    </>
  );
}
