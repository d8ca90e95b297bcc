import { PageHeader } from '@/components/ui/page-header';
import { AccountsPage } from '@/features/accounts/components/accounts-page';

import { CoordinatorsOnly } from '../coordinators-only';

export function AccountsRoute() {
  return (
    <>
      <PageHeader
        title="Учётные записи"
        subtitle="Координаторы, специалисты, эксперты и наблюдатели: создание, отключение, сброс пароля"
      />
      <CoordinatorsOnly>{(account) => <AccountsPage account={account} />}</CoordinatorsOnly>
    </>
  );
}
