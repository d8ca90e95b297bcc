import { useNow } from '@/hooks/use-now';
import { formatZonedDateTime, timeZoneName } from '@/utils/format';
import type { FormWindow } from '@/types/api';

/** The stage window: when data is accepted, to the deadline, and whether it is open now. */
export function FormWindowLine({ window }: { window: FormWindow }) {
  const now = useNow(60_000);
  const at = (instant: string) => formatZonedDateTime(instant, window.timeZone);
  const upcoming = !window.open && now < Date.parse(window.opensAt);
  return (
    <p className="form-window" data-testid="form-window">
      Приём данных: с {at(window.opensAt)} до <strong>{at(window.closesAt)}</strong> (
      {timeZoneName(window.timeZone)}) —{' '}
      <span
        className={`chip ${window.open ? 'chip--open' : upcoming ? 'chip--upcoming' : 'chip--closed'}`}
      >
        {window.open ? 'открыт' : upcoming ? 'ещё не начался' : 'закрыт'}
      </span>
      {window.regionalDeadline && (
        <span className="form-window__regional" data-testid="form-window-regional">
          {' '}
          Срок установлен дорожной картой региона: «{window.regionalDeadline.title}».
        </span>
      )}
    </p>
  );
}
