import { formatZonedDateTimeNamed } from '@/utils/format';
import type { FormResponse } from '@/types/api';

const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** «Отчёт сдан 12.03.2026 14:05 (Москва)», or where a response stands when not submitted. */
export function statusText(response: FormResponse): string {
  const zone = response.window?.timeZone ?? DEFAULT_TIME_ZONE;
  switch (response.status) {
    case 'SUBMITTED':
      return response.submittedAt
        ? `Отчёт сдан ${formatZonedDateTimeNamed(response.submittedAt, zone)}`
        : 'Отчёт сдан';
    case 'DRAFT':
      return 'Черновик — отчёт ещё не сдан';
    default:
      return 'Не начат — данные ещё не вносились';
  }
}

export function FormStatusLine({ response }: { response: FormResponse }) {
  return (
    <p
      className={`form-status form-status--${response.status.toLowerCase()}`}
      data-testid="form-status"
      role="status"
    >
      {statusText(response)}
    </p>
  );
}
