import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { NewPublicationForm } from '@/features/publications/components/new-publication-form';

import { StaffOnly } from '../staff-only';

export function NewPublicationRoute() {
  return (
    <>
      <PageHeader
        title="Новая публикация"
        subtitle="Сначала черновик: файлы и время публикации — на следующем шаге"
      >
        <Breadcrumbs
          items={[
            { label: 'Публикации', to: paths.publications.list.getHref() },
            { label: 'Новая публикация' },
          ]}
        />
      </PageHeader>
      <StaffOnly>{(account) => <NewPublicationForm account={account} />}</StaffOnly>
    </>
  );
}
