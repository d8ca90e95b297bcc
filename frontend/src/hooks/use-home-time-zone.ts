import { useQuery } from '@tanstack/react-query';

import { getMeQueryOptions } from '@/lib/me';

/** Moscow: the federal organizer's time, and the answer until the account has loaded. */
export const MOSCOW = 'Europe/Moscow';

/**
 * The zone the signed-in account's times are shown in: its region's (GET /api/me's `timeZone`),
 * Moscow for the federal organizer — never the browser's, which on a borrowed or travelling
 * phone says nothing about the deadlines the user works to.
 */
export function useHomeTimeZone(): string {
  const me = useQuery(getMeQueryOptions());
  return me.data?.timeZone ?? MOSCOW;
}
