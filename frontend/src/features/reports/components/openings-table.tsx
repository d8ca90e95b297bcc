import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { OPENINGS_PAGE_SIZE, useReportOpenings } from '../api/list-report-openings';

/** The organization's local time, its region's city named: «12.03.2026 14:05 (Саратов)». */
export function localTime(instant: string | undefined, zone: string) {
  if (!instant) return 'не открывала';
  return formatZonedDateTimeNamed(instant, zone);
}

/** Monitoring: which organizations have opened their statistical reports. */
export function OpeningsTable({ campaignId }: { campaignId: number }) {
  const [page, setPage] = useState(1);
  const openings = useReportOpenings({ campaignId, page: page - 1 });
  return (
    <section className="report__section no-print" aria-labelledby="openings-title">
      <h3 id="openings-title">Кто открыл отчёты</h3>
      {openings.isPending ? (
        <Loading />
      ) : openings.isError ? (
        <ErrorMessage error={openings.error} onRetry={() => void openings.refetch()} />
      ) : (
        <>
          <p className="table__muted">
            Открыли: {openings.data.opened} из {openings.data.total} организаций с результатами
            (время — местное время организации).
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="openings-table">
              <thead>
                <tr>
                  <th scope="col">Организация</th>
                  <th scope="col">Впервые открыла</th>
                  <th scope="col" className="table__num">
                    Открытий
                  </th>
                </tr>
              </thead>
              <tbody>
                {openings.data.items.map((row) => (
                  <tr key={row.organization.id}>
                    <td>
                      {row.organization.name}{' '}
                      <span className="table__muted">{row.organization.login}</span>
                    </td>
                    <td>{localTime(row.firstOpenedAt, row.timeZone)}</td>
                    <td className="table__num">{row.opens}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            totalPages={Math.max(1, Math.ceil(openings.data.total / OPENINGS_PAGE_SIZE))}
            totalItems={openings.data.total}
            onPageChange={setPage}
            label="Страницы мониторинга"
          />
        </>
      )}
    </section>
  );
}
