import { timeZoneName } from '@/utils/format';

/** Russian words for the observers' values. */
export const kindLabel = (kind: 'PUBLIC' | 'INDEPENDENT') =>
  kind === 'PUBLIC' ? 'общественный' : 'независимый';

export const statusLabel = (status: 'PROPOSED' | 'ACCEPTED' | 'REJECTED') =>
  ({ PROPOSED: 'предложен', ACCEPTED: 'принят', REJECTED: 'отклонён' })[status];

export const activityLabel = (activity: 'CONDUCT' | 'CHECKING') =>
  activity === 'CONDUCT' ? 'проведение' : 'проверка работ';

/** `12.05.2026` from `2026-05-12`. */
export const dayLabel = (day: string) => day.split('-').reverse().join('.');

/** An instant as the time in a region, with the zone named: «09:05 (Europe/Saratov)». */
export const localTime = (instant: string, timeZone: string) =>
  `${new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant))} (${timeZoneName(timeZone)})`;

/** A deadline: the year too (a roadmap's date may be months away), with the zone's city named. */
export const deadlineTime = (instant: string, timeZone: string) =>
  `${new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant))} (${timeZoneName(timeZone)})`;

/** Today's date in a time zone, as `YYYY-MM-DD`. */
export const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** A text field of a submitted form ('' when absent). */
export const fieldText = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
