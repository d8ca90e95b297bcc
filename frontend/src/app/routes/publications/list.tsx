import { Link } from 'react-router';

import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { PublicationsBrowser } from '@/features/publications/components/publications-browser';

import { isStaff } from '../staff-only';

export function PublicationsRoute() {
  const me = useMe();
  // The federal organizer and regional coordinators write publications.
  const author = isStaff(me.data?.role);
  return (
    <>
      <PageHeader
        title="Публикации"
        subtitle="Материалы, инструкции и формы по кампаниям — сначала новые"
      >
        {author && (
          <p className="page-header__actions">
            <Link className="button" to={paths.publications.create.getHref()}>
              Новая публикация
            </Link>
          </p>
        )}
      </PageHeader>
      <PublicationsBrowser author={author} />
    </>
  );
}
