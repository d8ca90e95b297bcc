import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { Role } from '@/types/api';
import { saveBlob } from '@/utils/download';

import { downloadArchive, downloadFile, useActs, useReviewAct } from '../api/acts';
import { dayLabel, kindLabel, localTime, deadlineTime } from '../utils/labels';

import { AuthorityPanel } from './authority-panel';
import { HandoverPanel } from './handover-panel';
import { ViolationsPanel } from './violations-panel';

type Props = { campaignId: number; role: Role; regionCode: string };

/** The acts of the scope: review (with violations or not), the scans, the archive for the region. */
export function ActsPanel({ campaignId, role, regionCode }: Props) {
  const [page, setPage] = useState(1);
  const acts = useActs(campaignId, page - 1);
  const review = useReviewAct(campaignId);
  const reviews = role !== 'ORGANIZATION';
  return (
    <section aria-labelledby="acts-title">
      <h2 id="acts-title">Акты наблюдения</h2>
      {reviews && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void downloadArchive(campaignId).then(({ blob, fileName }) =>
                saveBlob(blob, fileName),
              )
            }
          >
            Архив актов с нарушениями (.zip)
          </button>
        </p>
      )}
      {reviews && role !== 'FEDERAL' && (
        <HandoverPanel campaignId={campaignId} role={role} regionCode={regionCode} />
      )}
      {(role === 'REGIONAL' || role === 'FEDERAL') && (
        <ViolationsPanel campaignId={campaignId} role={role} />
      )}
      {role === 'REGIONAL' && <AuthorityPanel campaignId={campaignId} />}
      {review.isError && <ErrorMessage error={review.error} />}
      {acts.isPending ? (
        <Loading />
      ) : acts.isError ? (
        <ErrorMessage error={acts.error} onRetry={() => void acts.refetch()} />
      ) : acts.data.items.length === 0 ? (
        <p className="panel panel--hint">Актов пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack observer-table">
            <thead>
              <tr>
                <th>Пункт, день</th>
                <th>Наблюдатель</th>
                <th>Нарушения (по акту)</th>
                <th>Скан</th>
                <th>Рассмотрение</th>
              </tr>
            </thead>
            <tbody>
              {acts.data.items.map((a) => (
                <tr key={a.id}>
                  <td data-label="Пункт, день">
                    {a.point.name}
                    <div className="table__muted">
                      {a.point.municipalityName ?? 'без муниципалитета'} · {dayLabel(a.day)}
                    </div>
                  </td>
                  <td data-label="Наблюдатель">
                    {a.observerName}
                    <div className="table__muted">{kindLabel(a.observerKind)}</div>
                  </td>
                  <td data-label="Нарушения">
                    {a.violationsFound ? a.violations : 'нет'}
                    <div className="table__muted">подан {localTime(a.submittedAt, a.timeZone)}</div>
                    {a.late && (
                      <strong className="observer-none">
                        с опозданием
                        {a.deadline && ` (срок — ${deadlineTime(a.deadline, a.timeZone)})`}
                      </strong>
                    )}
                  </td>
                  <td data-label="Скан">
                    {a.scan ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() =>
                          void downloadFile(a.scan!.id, a.scan!.fileName).then(
                            ({ blob, fileName }) => saveBlob(blob, fileName),
                          )
                        }
                      >
                        {a.scan.fileName}
                      </button>
                    ) : (
                      'нет скана'
                    )}
                  </td>
                  <td data-label="Рассмотрение">
                    {a.reviewed ? (
                      <>
                        {a.withViolations ? 'с нарушениями' : 'без нарушений'}
                        {a.reviewedAt && (
                          <div className="table__muted">{localTime(a.reviewedAt, a.timeZone)}</div>
                        )}
                      </>
                    ) : reviews ? (
                      <>
                        <button
                          type="button"
                          className="button"
                          onClick={() => review.mutate({ actId: a.id, withViolations: true })}
                        >
                          С нарушениями
                        </button>{' '}
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => review.mutate({ actId: a.id, withViolations: false })}
                        >
                          Без нарушений
                        </button>
                      </>
                    ) : (
                      'на рассмотрении'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {acts.data && acts.data.total > acts.data.size && (
        <Pagination
          page={page}
          totalPages={Math.ceil(acts.data.total / acts.data.size)}
          totalItems={acts.data.total}
          onPageChange={setPage}
          label="Страницы актов"
        />
      )}
    </section>
  );
}
