import { formatZonedDateTimeNamed } from '@/utils/format';

/** The reader's own time zone, named with every time shown. */
export const readerTimeZone = () =>
  Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';

/** An instant as the reader's local time with the zone named: «12.03.2026 14:05 (Саратов)». */
export function ForumTime({ at, timeZone }: { at: string; timeZone?: string }) {
  return <time dateTime={at}>{formatZonedDateTimeNamed(at, timeZone ?? readerTimeZone())}</time>;
}
