import { useState } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import type { Campaign } from '@/types/api';
import { formatNumber, formatZonedDateTime, timeZoneName } from '@/utils/format';
import { cursorOf } from '@/utils/paging';

import { SCAN_BATCHES_PAGE_SIZE, useScanBatches } from '../api/list-scan-batches';
import { batchStatusLabels } from '../utils/labels';

type BatchesTableProps = { campaign: Campaign; organizationId?: number };

/** The batches uploaded for the campaign, newest first, with their sheets' counts. */
export function BatchesTable({ campaign, organizationId }: BatchesTableProps) {
  // Forward by the page's keyset cursor: batches uploaded meanwhile (the list refreshes while any
  // is being checked) do not push the page shown down; back by number.
  const [{ page, before }, setPosition] = useState<{ page: number; before?: number }>({ page: 0 });
  const batches = useScanBatches({
    filter: { campaignId: campaign.id, organizationId, page, before },
    queryConfig: {
      // Sheets are checked in the background: keep the counts moving while any are pending.
      refetchInterval: (query) =>
        query.state.data?.items.some(
          (batch) =>
            batch.status === 'RECEIVING' ||
            batch.status === 'UNPACKING' ||
            batch.sheets.processing > 0,
        )
          ? 5000
          : false,
    },
  });
  const subjectName = (key: string) =>
    campaign.subjects.find((subject) => subject.key === key)?.name ?? key;

  return (
    <section className="panel" aria-labelledby="batches-title">
      <h2 id="batches-title" className="scans-section-title">
        Загруженные файлы
      </h2>
      {batches.isPending && <Loading label="Загрузка списка…" />}
      {batches.isError && (
        <ErrorMessage error={batches.error} onRetry={() => void batches.refetch()} />
      )}
      {batches.data && batches.data.items.length === 0 && (
        <p className="table__muted">Файлов пока нет.</p>
      )}
      {batches.data && batches.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table table--stack" data-testid="batches-table">
              <thead>
                <tr>
                  <th scope="col">Файл</th>
                  <th scope="col">Организация</th>
                  <th scope="col">Предмет</th>
                  <th scope="col">Состояние</th>
                  <th scope="col" className="table__num">
                    Листов
                  </th>
                  <th scope="col" className="table__num">
                    Принято
                  </th>
                  <th scope="col" className="table__num">
                    Ошибки
                  </th>
                  <th scope="col">Загружен ({timeZoneName(campaign.timeZone)})</th>
                </tr>
              </thead>
              <tbody>
                {batches.data.items.map((batch) => (
                  <tr key={batch.id} data-testid="batch-row">
                    <td data-label="Файл" className="table__code">
                      {batch.fileName}
                    </td>
                    <td data-label="Организация">{batch.organization.name}</td>
                    <td data-label="Предмет">{subjectName(batch.subjectKey)}</td>
                    <td data-label="Состояние">
                      {batchStatusLabels[batch.status]}
                      {batch.status === 'REJECTED' && batch.problem && (
                        <span className="scans-problem">{batch.problem}</span>
                      )}
                    </td>
                    <td data-label="Листов" className="table__num">
                      {formatNumber(batch.sheets.uploaded)}
                    </td>
                    <td data-label="Принято" className="table__num">
                      {formatNumber(batch.sheets.accepted)}
                    </td>
                    <td data-label="Ошибки" className="table__num">
                      {batch.sheets.errors > 0 ? (
                        <Link
                          to={paths.scans.errors.getHref(campaign.id, { batchId: batch.id })}
                          className="scans-errors-link"
                        >
                          {formatNumber(batch.sheets.errors)}
                        </Link>
                      ) : (
                        '0'
                      )}
                    </td>
                    <td data-label="Загружен" className="table__nowrap">
                      {formatZonedDateTime(batch.createdAt, campaign.timeZone)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {batches.data.total > SCAN_BATCHES_PAGE_SIZE && (
            <Pagination
              page={page + 1}
              totalPages={Math.ceil(batches.data.total / SCAN_BATCHES_PAGE_SIZE)}
              totalItems={batches.data.total}
              onPageChange={(next) => {
                const cursor = next === page + 2 ? cursorOf(batches.data.next, 'before') : null;
                setPosition({ page: next - 1, before: cursor ? Number(cursor) : undefined });
              }}
              label="Страницы списка файлов"
            />
          )}
        </>
      )}
    </section>
  );
}
