import { PageHeader } from '@/components/ui/page-header';
import { AuditLog } from '@/features/audit/components/audit-log';

import { StaffOnly } from '../staff-only';

export function AuditLogRoute() {
  return (
    <>
      <PageHeader
        title="Журнал аудита"
        subtitle="Входы, выходы, выдача паролей и другие действия — сначала новые"
      />
      <StaffOnly>{(account) => <AuditLog account={account} />}</StaffOnly>
    </>
  );
}
