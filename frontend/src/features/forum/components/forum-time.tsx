import { useHomeTimeZone } from '@/hooks/use-home-time-zone';
import { formatZonedDateTimeNamed } from '@/utils/format';

/**
 * An instant as the reader's region's local time with its city named: «12.03.2026 14:05
 * (Саратов)». `timeZone` (a campaign's zone) wins; otherwise the account's region's.
 */
export function ForumTime({ at, timeZone }: { at: string; timeZone?: string }) {
  const home = useHomeTimeZone();
  return <time dateTime={at}>{formatZonedDateTimeNamed(at, timeZone ?? home)}</time>;
}
