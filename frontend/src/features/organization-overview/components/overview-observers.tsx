import type { OverviewObservers, OverviewReports } from '@/types/api';
import { formatNumber, formatZonedDateTime, plural } from '@/utils/format';

const activityLabels: Record<string, string> = {
  CONDUCT: 'Проведение',
  CHECKING: 'Проверка работ',
};

/** Observers assigned to the organization: the day, presence and the act, with the totals. */
export function OverviewObserversTable({
  observers,
  timeZone,
}: {
  observers: OverviewObservers;
  timeZone: string;
}) {
  return (
    <>
      <p data-testid="overview-observers-totals">
        Назначено: {formatNumber(observers.assigned)}, присутствовали:{' '}
        {formatNumber(observers.present)}, актов: {formatNumber(observers.acts)}
        {observers.actsWithViolations > 0
          ? `, из них с нарушениями: ${formatNumber(observers.actsWithViolations)}`
          : ''}
        .
      </p>
      <div className="table-wrap">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">День</th>
              <th scope="col">Что наблюдает</th>
              <th scope="col">Присутствие</th>
              <th scope="col">Акт</th>
            </tr>
          </thead>
          <tbody>
            {observers.items.length === 0 && (
              <tr>
                <td className="table__empty" colSpan={4}>
                  Наблюдатели в эту организацию не назначены.
                </td>
              </tr>
            )}
            {observers.items.map((visit, index) => (
              <tr key={`${visit.day}-${index}`} data-testid="overview-observer-visit">
                <td data-label="День">{visit.day.split('-').reverse().join('.')}</td>
                <td data-label="Что наблюдает">
                  {activityLabels[visit.activity] ?? visit.activity}
                </td>
                <td data-label="Присутствие">
                  {visit.presentAt
                    ? `Отметился в ${formatZonedDateTime(visit.presentAt, timeZone)}`
                    : 'Не отмечался'}
                </td>
                <td data-label="Акт">
                  {visit.actSubmittedAt
                    ? `${formatZonedDateTime(visit.actSubmittedAt, timeZone)}, ${
                        visit.violationsFound ? 'нарушения выявлены' : 'без нарушений'
                      }`
                    : 'Не подан'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Whether the organization opened its statistical reports, and when. */
export function OverviewReportsSummary({
  reports,
  timeZone,
}: {
  reports: OverviewReports;
  timeZone: string;
}) {
  if (!reports.opened || !reports.firstOpenedAt || !reports.lastOpenedAt) {
    return <p data-testid="overview-reports-state">Организация ещё не открывала отчёты.</p>;
  }
  return (
    <p data-testid="overview-reports-state">
      Отчёты открыты {formatNumber(reports.opens)} {plural(reports.opens, ['раз', 'раза', 'раз'])}:
      впервые {formatZonedDateTime(reports.firstOpenedAt, timeZone)}, последний раз{' '}
      {formatZonedDateTime(reports.lastOpenedAt, timeZone)}.
    </p>
  );
}
