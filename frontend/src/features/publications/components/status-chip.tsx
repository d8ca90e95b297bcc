import type { Publication } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { statusLabels } from '../utils/labels';

type StatusChipProps = { publication: Publication; timeZone: string };

/** Черновик / Запланирована на ДД.ММ.ГГГГ ЧЧ:ММ / Опубликована. */
export function StatusChip({ publication, timeZone }: StatusChipProps) {
  const { status, releaseAt } = publication;
  const text =
    status === 'SCHEDULED' && releaseAt
      ? `${statusLabels.SCHEDULED} на ${formatZonedDateTimeNamed(releaseAt, timeZone)}`
      : statusLabels[status];
  return (
    <span className={`chip chip--${status.toLowerCase()}`} data-testid="publication-status">
      {text}
    </span>
  );
}
