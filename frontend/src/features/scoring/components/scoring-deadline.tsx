import { formatDuration, formatZonedDateTimeNamed } from '@/utils/format';

/** A day before the deadline the line turns red, as the cabinet's countdowns do. */
const URGENT_MS = 24 * 60 * 60 * 1000;

/** Whether scores are no longer taken at `now` (ms) — the server refuses them after `closesAt`. */
export const scoringClosed = (closesAt: string | undefined, now: number) =>
  closesAt !== undefined && Date.parse(closesAt) <= now;

type ScoringDeadlineProps = {
  closesAt?: string;
  timeZone: string;
  now: number;
};

/**
 * Until when the expert may score, in the region's time, and how long is left: «Проверить до
 * 25.11.2026 18:00 (Саратов) · осталось 2 дн. 4 ч 0 мин»; once over, that scores are closed.
 */
export function ScoringDeadline({ closesAt, timeZone, now }: ScoringDeadlineProps) {
  if (!closesAt) return null;
  const at = formatZonedDateTimeNamed(closesAt, timeZone);
  if (scoringClosed(closesAt, now)) {
    return (
      <div className="countdown countdown--closed" data-testid="scoring-deadline">
        <p className="countdown__main">
          <strong>Проверка завершена</strong> {at}: баллы больше не принимаются.
        </p>
      </div>
    );
  }
  const left = Date.parse(closesAt) - now;
  return (
    <div
      className={`countdown countdown--open${left < URGENT_MS ? ' countdown--urgent' : ''}`}
      data-testid="scoring-deadline"
    >
      <p className="countdown__main">
        Проверить до {at} · осталось <strong>{formatDuration(left)}</strong>
      </p>
    </div>
  );
}
