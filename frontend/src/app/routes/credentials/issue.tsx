import { PageHeader } from '@/components/ui/page-header';
import { HandoutForm } from '@/features/credentials/components/handout-form';
import { HandoutsList } from '@/features/credentials/components/handouts-list';

import { CoordinatorsOnly } from '../coordinators-only';
import { isStaff } from '../staff-only';

export function CredentialsIssueRoute() {
  return (
    <CoordinatorsOnly>
      {(account) =>
        isStaff(account.role) ? (
          <>
            <PageHeader
              title="Выдача логинов и паролей"
              subtitle="Логины организаций выборки: регион получает список в личном кабинете и скачивает его один раз"
            />
            <HandoutForm account={account} />
            <HandoutsList account={account} />
          </>
        ) : (
          <>
            <PageHeader
              title="Логины организаций"
              subtitle="Логины и пароли ваших организаций, переданные регионом; каждый список скачивается один раз"
            />
            <HandoutsList account={account} />
          </>
        )
      }
    </CoordinatorsOnly>
  );
}
