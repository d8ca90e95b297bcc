import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Role } from '@/types/api';

import { useHandOverViolations, useViolationHandovers } from '../api/handovers';
import { localTime, deadlineTime } from '../utils/labels';

type Props = { campaignId: number; role: Role };

/**
 * Seed 000: the regional coordinator passes the observers' information on violations to the
 * federal organizer; the federal organizer sees which regions passed, when, late or not, and what.
 */
export function ViolationsPanel({ campaignId, role }: Props) {
  const board = useViolationHandovers(campaignId);
  const handOver = useHandOverViolations(campaignId);
  const federal = role === 'FEDERAL';
  return (
    <section aria-labelledby="violations-title" className="panel">
      <h3 id="violations-title">
        {federal
          ? 'Сведения о нарушениях от регионов'
          : 'Сведения о нарушениях — федеральному организатору'}
      </h3>
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          {federal && (
            <p role="status">
              Передали: <strong>{board.data.passed}</strong>; не передали:{' '}
              <strong className="observer-none">{board.data.notPassed}</strong>; с опозданием или
              просрочено: <strong className="observer-none">{board.data.late}</strong>
            </p>
          )}
          <div className="table-wrap">
            <table className="table table--stack observer-table">
              <thead>
                <tr>
                  <th>Регион</th>
                  <th>Передано</th>
                  <th>Сводка</th>
                  <th>Срок</th>
                </tr>
              </thead>
              <tbody>
                {board.data.items.map((r) => (
                  <tr key={r.regionCode} data-testid={`violations-${r.regionCode}`}>
                    <td data-label="Регион">
                      {r.regionName}
                      <div className="table__muted">{r.regionCode}</div>
                    </td>
                    <td data-label="Передано">
                      {r.handedAt ? (
                        <>
                          {localTime(r.handedAt, r.timeZone)}
                          <div className="table__muted">{r.handedBy}</div>
                          {r.late && <strong className="observer-none">с опозданием</strong>}
                        </>
                      ) : (
                        <strong className="observer-none">
                          {r.late ? 'не передано, срок прошёл' : 'не передано'}
                        </strong>
                      )}
                    </td>
                    <td data-label="Сводка">
                      {r.handedAt ? (
                        <>
                          актов с нарушениями: {r.acts}; пунктов: {r.points}; муниципалитетов:{' '}
                          {r.municipalities}; архивов в РЦОКО: {r.unitsPassed}
                        </>
                      ) : (
                        'нет'
                      )}
                      <div className="table__muted">
                        сейчас актов с нарушениями: {r.actsWithViolations}
                      </div>
                    </td>
                    <td data-label="Срок">
                      {r.deadline ? deadlineTime(r.deadline, r.timeZone) : 'не задан'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {role === 'REGIONAL' && (
        <button
          type="button"
          className="button"
          disabled={handOver.isPending}
          onClick={() => handOver.mutate()}
        >
          Передать сведения о нарушениях
        </button>
      )}
      {handOver.isSuccess && <p role="status">Сведения переданы федеральному организатору.</p>}
      {handOver.isError && <ErrorMessage error={handOver.error} />}
    </section>
  );
}
