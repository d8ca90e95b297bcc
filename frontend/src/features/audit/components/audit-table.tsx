import type { AuditEvent } from '@/types/api';
import { formatDateIn, formatZonedClock, timeZoneName } from '@/utils/format';
import { roleLabel } from '@/utils/labels';

type AuditTableProps = {
  events: AuditEvent[];
  busy: boolean;
  /** The reader's zone (its region's; Moscow for the federal organizer): the times are its. */
  timeZone: string;
};

export function AuditTable({ events, busy, timeZone }: AuditTableProps) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table--stack table--audit" data-testid="audit-table">
        <caption className="visually-hidden">Журнал аудита</caption>
        <thead>
          <tr>
            <th scope="col">Время ({timeZoneName(timeZone)})</th>
            <th scope="col">Кто</th>
            <th scope="col">Роль</th>
            <th scope="col">Регион</th>
            <th scope="col">Действие</th>
            <th scope="col">Результат</th>
            <th scope="col">Адрес</th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 && (
            <tr>
              <td colSpan={7} className="table__empty">
                Записей нет
              </td>
            </tr>
          )}
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-row">
              <td className="table__nowrap" data-label="Время">
                <time dateTime={event.at}>
                  {formatDateIn(event.at, timeZone)} {formatZonedClock(event.at, timeZone)}
                </time>
              </td>
              <td data-label="Кто">{event.actor}</td>
              <td data-label="Роль">{event.actorRole ? roleLabel(event.actorRole) : '—'}</td>
              <td className="table__code" data-label="Регион">
                {event.regionCode ?? '—'}
              </td>
              <td className="table__code" data-label="Действие" data-testid="audit-action">
                {event.action}
                {event.target && <span className="table__muted"> {event.target}</span>}
              </td>
              <td data-label="Результат">{event.outcome}</td>
              <td className="table__muted" data-label="Адрес">
                {event.clientAddress ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
