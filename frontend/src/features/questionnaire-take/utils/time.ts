import { formatDateIn, formatZonedDateTime } from '@/utils/format';

/** The phone's own time zone: the participant reads times as their clock shows them. */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';

/** ДД.ММ.ГГГГ on the phone's clock. */
export const formatLocalDate = (value: string) => formatDateIn(value, localZone());

/** ДД.ММ.ГГГГ ЧЧ:ММ on the phone's clock. */
export const formatLocalDateTime = (value: string) => formatZonedDateTime(value, localZone());
