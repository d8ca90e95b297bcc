import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { OverviewPublication } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { OverviewTable, type OverviewColumn } from './overview-table';

type OverviewPublicationsTableProps = {
  publications: OverviewPublication[];
  timeZone: string;
};

function publicationColumns(timeZone: string): OverviewColumn<OverviewPublication>[] {
  return [
    {
      label: 'Публикация',
      cell: (p) => (
        <Link to={paths.publications.publication.getHref(p.publicationId)}>{p.title}</Link>
      ),
    },
    { label: 'Открыта', cell: (p) => formatZonedDateTimeNamed(p.releasedAt, timeZone) },
    {
      label: 'Скачивание',
      cell: (p) =>
        p.firstDownloadedAt ? (
          <>
            <span className="chip chip--done">Скачано</span>{' '}
            <span>{formatZonedDateTimeNamed(p.firstDownloadedAt, timeZone)}</span>
            {p.downloads > 1 && <div className="table__muted">Скачиваний: {p.downloads}</div>}
          </>
        ) : (
          <span className="chip chip--closed">Не скачано</span>
        ),
    },
  ];
}

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
      <OverviewTable
        columns={publicationColumns(timeZone)}
        rows={publications}
        rowKey={(p) => p.publicationId}
        rowTestId={(p) => `overview-publication-${p.publicationId}`}
        empty="Организации ещё ничего не опубликовано."
      />
    </>
  );
}
