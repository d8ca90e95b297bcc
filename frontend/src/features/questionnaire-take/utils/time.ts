import { formatZonedDateTimeNamed } from '@/utils/format';

/** The phone's own zone: only when the server did not say the region's (an older server). */
const phoneZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';

/**
 * ДД.ММ.ГГГГ ЧЧ:ММ in the participant's region, its city named («22.12.2026 01:00 (Саратов)»):
 * the same time the school's strips and the coordinators show, whatever zone the phone is set to.
 */
export const formatRegionDateTime = (value: string, timeZone: string | undefined) =>
  formatZonedDateTimeNamed(value, timeZone ?? phoneZone());
