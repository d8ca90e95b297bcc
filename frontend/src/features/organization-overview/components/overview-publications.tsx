import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { OverviewPublication } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

type OverviewPublicationsTableProps = {
  publications: OverviewPublication[];
  timeZone: string;
};

/** Every publication released to the organization: downloaded or not, and when. */
export function OverviewPublicationsTable({
  publications,
  timeZone,
}: OverviewPublicationsTableProps) {
  const downloaded = publications.filter((p) => p.downloads > 0).length;
  return (
    <>
      <p className="field__hint" data-testid="overview-publications-summary">
        Скачано публикаций: {downloaded} из {publications.length}
      </p>
      <div className="table-wrap">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Публикация</th>
              <th scope="col">Открыта</th>
              <th scope="col">Скачивание</th>
            </tr>
          </thead>
          <tbody>
            {publications.length === 0 && (
              <tr>
                <td className="table__empty" colSpan={3}>
                  Организации ещё ничего не опубликовано.
                </td>
              </tr>
            )}
            {publications.map((p) => (
              <tr key={p.publicationId} data-testid={`overview-publication-${p.publicationId}`}>
                <td data-label="Публикация">
                  <Link to={paths.publications.publication.getHref(p.publicationId)}>
                    {p.title}
                  </Link>
                </td>
                <td data-label="Открыта">{formatZonedDateTimeNamed(p.releasedAt, timeZone)}</td>
                <td data-label="Скачивание">
                  {p.firstDownloadedAt ? (
                    <>
                      <span className="chip chip--done">Скачано</span>{' '}
                      <span>{formatZonedDateTimeNamed(p.firstDownloadedAt, timeZone)}</span>
                      {p.downloads > 1 && (
                        <div className="table__muted">Скачиваний: {p.downloads}</div>
                      )}
                    </>
                  ) : (
                    <span className="chip chip--closed">Не скачано</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
