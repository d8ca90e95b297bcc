import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';

import { PARTICIPANTS_PAGE_SIZE, useParticipantResults } from '../api/list-participant-results';

/** Report 5: by participant code; the organization maps codes to names on its own, offline. */
export function ParticipantsTable({
  campaignId,
  subjectKey,
  organizationId,
}: {
  campaignId: number;
  subjectKey: string;
  organizationId?: number;
}) {
  const [page, setPage] = useState(1);
  const rows = useParticipantResults({ campaignId, subjectKey, organizationId, page: page - 1 });
  return (
    <section className="report__section" aria-labelledby="participants-title">
      <h3 id="participants-title">5. Индивидуальные результаты</h3>
      {rows.isPending ? (
        <Loading label="Загружаем результаты участников…" />
      ) : rows.isError ? (
        <ErrorMessage error={rows.error} onRetry={() => void rows.refetch()} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="participants-table">
              <thead>
                <tr>
                  <th scope="col">Код</th>
                  <th scope="col">Класс</th>
                  {rows.data.taskLabels.map((label) => (
                    <th key={label} scope="col" className="table__num">
                      {label}
                    </th>
                  ))}
                  <th scope="col" className="table__num">
                    Балл
                  </th>
                  <th scope="col" className="table__num">
                    Отметка
                  </th>
                  <th scope="col" className="table__num">
                    По журналу
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((row) => (
                  <tr key={row.code}>
                    <td className="table__code">{row.code}</td>
                    <td>{row.classLetter ?? '—'}</td>
                    {row.scores.map((score, index) => (
                      <td key={rows.data.taskLabels[index] ?? index} className="table__num">
                        {score}
                      </td>
                    ))}
                    <td className="table__num">{row.total}</td>
                    <td className="table__num">{row.grade ?? '—'}</td>
                    <td className="table__num">{row.journalGrade ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            totalPages={Math.max(1, Math.ceil(rows.data.total / PARTICIPANTS_PAGE_SIZE))}
            totalItems={rows.data.total}
            onPageChange={setPage}
            label="Страницы участников"
          />
        </>
      )}
    </section>
  );
}
