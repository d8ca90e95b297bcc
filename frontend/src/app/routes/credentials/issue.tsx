import { PageHeader } from '@/components/ui/page-header';
import { CredentialsIssueForm } from '@/features/credentials/components/credentials-issue-form';

import { StaffOnly } from '../staff-only';

export function CredentialsIssueRoute() {
  return (
    <>
      <PageHeader
        title="Выдача логинов и паролей"
        subtitle="Новые пароли для учётных записей организаций региона — списком в файле Excel"
      />
      <StaffOnly>{(account) => <CredentialsIssueForm account={account} />}</StaffOnly>
    </>
  );
}
