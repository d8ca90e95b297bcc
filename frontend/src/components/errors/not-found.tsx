import '@/components/errors/not-found.css';

import { Link } from 'react-router';

import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';

export function NotFound() {
  return (
    <section className="not-found" data-testid="not-found">
      <PageHeader title="Страница не найдена" subtitle="Ошибка 404" />
      <p>Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.</p>
      <p>
        <Link to={paths.orgs.regions.getHref()} className="button">
          К списку регионов
        </Link>
      </p>
    </section>
  );
}
