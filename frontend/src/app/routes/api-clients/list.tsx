import { PageHeader } from '@/components/ui/page-header';
import { ApiClientsPage } from '@/features/api-clients/components/api-clients-page';

import { StaffOnly } from '../staff-only';

export function ApiClientsRoute() {
  return (
    <>
      <PageHeader
        title="Внешние системы"
        subtitle="Системы региона, которые получают данные OKO через API: кто, что им можно, секреты"
      />
      <StaffOnly>{(account) => <ApiClientsPage account={account} />}</StaffOnly>
    </>
  );
}
