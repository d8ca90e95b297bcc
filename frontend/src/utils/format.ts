const numberFormat = new Intl.NumberFormat('ru-RU');

export const formatNumber = (value: number) => numberFormat.format(value);

const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "2026-11-23T09:45:12Z" → "23.11.2026, 12:45:12" in the browser's time zone; junk as it came. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** A file's size in kilobytes, as «Файл сохранён: 12 КБ» shows it (at least 1). */
export const formatKilobytes = (bytes: number) =>
  formatNumber(Math.max(1, Math.round(bytes / 1024)));

/**
 * Picks the Russian word form for a count: forms are for 1, 2–4 and 5+ («организация»,
 * «организации», «организаций»).
 */
export function plural(count: number, forms: readonly [string, string, string]): string {
  const tens = Math.abs(count) % 100;
  const units = tens % 10;
  if (tens > 10 && tens < 20) return forms[2];
  if (units === 1) return forms[0];
  if (units >= 2 && units <= 4) return forms[1];
  return forms[2];
}

/** "Europe/Saratov" → "Europe/Saratov (UTC+4)"; an unknown zone is shown as it came. */
export function formatTimeZone(timeZone: string, at: Date = new Date()): string {
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    return offset ? `${timeZone} (${offset.replace('GMT', 'UTC')})` : timeZone;
  } catch {
    return timeZone;
  }
}
