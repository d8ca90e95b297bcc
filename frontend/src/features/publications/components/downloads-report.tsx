import '../publications.css';

import { Link } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import { byCity, formatNumber, formatZonedDateTime, plural } from '@/utils/format';
import { cursorOf, parsePage } from '@/utils/paging';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';

import { useExportPublicationDownloads } from '../api/export-publication-downloads';
import { usePublication } from '../api/get-publication';
import { usePublicationDownloads } from '../api/get-publication-downloads';
import { useCampaignTimeZone } from '../utils/time-zones';

const ORGANIZATION_FORMS = ['организации', 'организаций', 'организаций'] as const;

const filters = [
  { value: '', label: 'Все' },
  { value: 'yes', label: 'Скачали' },
  { value: 'no', label: 'Не скачали' },
] as const;

/**
 * Which organizations of the publication's audience have downloaded its files, and when; the
 * filter and the page live in the URL.
 */
export function DownloadsReport({ publicationId }: { publicationId: number }) {
  const [searchParams, update] = useSearchParamUpdates();
  const filter = searchParams.get('filter');
  const downloaded = filter === 'yes' ? true : filter === 'no' ? false : undefined;
  const active = downloaded === undefined ? '' : downloaded ? 'yes' : 'no';
  const page = parsePage(searchParams.get('page'));

  const publication = usePublication({ publicationId });
  const after = searchParams.get('after') ?? undefined;
  const downloads = usePublicationDownloads({
    filter: { publicationId, downloaded, page: page - 1, after },
  });
  const exporting = useExportPublicationDownloads(publicationId);
  const zoneOf = useCampaignTimeZone();
  const timeZone = zoneOf(publication.data?.campaignId);

  const title = publication.data?.title ?? 'Публикация';
  const at = (value?: string) =>
    value ? <time dateTime={value}>{formatZonedDateTime(value, timeZone)}</time> : '—';

  return (
    <>
      <PageHeader title="Кто скачал" subtitle={`${title} — время ${byCity(timeZone)}`}>
        <Breadcrumbs
          items={[
            { label: 'Публикации', to: paths.publications.list.getHref() },
            { label: title, to: paths.publications.publication.getHref(publicationId) },
            { label: 'Кто скачал' },
          ]}
        />
      </PageHeader>
      <section className="panel" data-testid="downloads">
        {downloads.data && (
          <p className="downloads-total" data-testid="downloads-total">
            Скачали {formatNumber(downloads.data.downloadedOrganizations)} из{' '}
            {formatNumber(downloads.data.audienceOrganizations)}{' '}
            {plural(downloads.data.audienceOrganizations, ORGANIZATION_FORMS)}
          </p>
        )}
        <div className="segmented" role="group" aria-label="Показать">
          {filters.map((item) => (
            <button
              key={item.value}
              type="button"
              className="button button--secondary segmented__item"
              aria-pressed={active === item.value}
              onClick={() => update({ filter: item.value || null, page: null, after: null })}
            >
              {item.label}
            </button>
          ))}
        </div>
        <div className="downloads-export">
          <button
            type="button"
            className="button button--secondary"
            data-testid="downloads-export"
            disabled={exporting.isPending}
            onClick={() => exporting.mutate(downloaded)}
          >
            {exporting.isPending ? 'Готовим файл…' : 'Скачать в Excel (.xlsx)'}
          </button>
          {exporting.isError && (
            <p className="inline-error" role="alert">
              {exporting.error.message}
            </p>
          )}
        </div>

        {downloads.isPending ? (
          <Loading />
        ) : downloads.isError ? (
          <ErrorMessage error={downloads.error} onRetry={() => void downloads.refetch()} />
        ) : (
          <>
            <div className="table-wrap" aria-busy={downloads.isPlaceholderData}>
              <table className="table table--stack" data-testid="downloads-table">
                <caption className="visually-hidden">Скачивания по организациям</caption>
                <thead>
                  <tr>
                    <th scope="col">Логин</th>
                    <th scope="col">Организация</th>
                    <th scope="col">Муниципалитет</th>
                    <th scope="col">Первое скачивание</th>
                    <th scope="col">Последнее</th>
                    <th scope="col" className="table__num">
                      Раз
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {downloads.data.items.length === 0 && (
                    <tr>
                      <td colSpan={6} className="table__empty">
                        {downloaded === false
                          ? 'Все организации уже скачали файлы.'
                          : downloaded
                            ? 'Пока никто не скачал.'
                            : 'Организаций нет.'}
                      </td>
                    </tr>
                  )}
                  {downloads.data.items.map((row) => (
                    <tr key={row.organization.id} data-testid="download-row">
                      <td className="table__code" data-label="Логин">
                        {row.organization.login}
                      </td>
                      <td data-label="Организация">
                        <Link to={paths.orgs.organization.getHref(row.organization.id)}>
                          {row.organization.name}
                        </Link>
                      </td>
                      <td data-label="Муниципалитет">{row.organization.municipalityName ?? '—'}</td>
                      <td className="table__nowrap" data-label="Первое скачивание">
                        {at(row.firstDownloadedAt)}
                      </td>
                      <td className="table__nowrap" data-label="Последнее">
                        {at(row.lastDownloadedAt)}
                      </td>
                      <td className="table__num" data-label="Раз">
                        {formatNumber(row.downloads)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {downloads.data.totalItems > 0 && (
              <Pagination
                label="Страницы списка организаций"
                page={page}
                totalPages={downloads.data.totalPages}
                totalItems={downloads.data.totalItems}
                onPageChange={(next) =>
                  // forward by the page's keyset cursor: a school that downloads meanwhile and
                  // leaves «Не скачали» pushes nobody out of sight; back by number
                  update({
                    page: next > 1 ? String(next) : null,
                    after: next === page + 1 ? cursorOf(downloads.data.next) : null,
                  })
                }
              />
            )}
          </>
        )}
      </section>
    </>
  );
}
