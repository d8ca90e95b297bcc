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

/** A zone's offset from UTC now: "UTC+4"; undefined for a zone the browser does not know. */
function utcOffset(timeZone: string, at: Date): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', 'UTC');
  } catch {
    return undefined;
  }
}

/**
 * A zone where zones meet (a list of regions, a zone to pick): its city and offset, "Europe/Saratov"
 * → "Саратов (UTC+4)"; a zone without a known city as "Europe/Minsk (UTC+3)"; an unknown one as
 * it came.
 */
export function formatTimeZone(timeZone: string, at: Date = new Date()): string {
  const offset = utcOffset(timeZone, at);
  const name = zoneCities[timeZone] ?? timeZone;
  return offset ? `${name} (${offset})` : name;
}

/** An instant's date alone, ДД.ММ.ГГГГ, in `timeZone`. */
export function formatDateIn(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    const p = zonedParts(date, timeZone);
    return `${p.day}.${p.month}.${p.year}`;
  } catch {
    return value;
  }
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar fields of `date` as a clock in `timeZone` shows them (24-hour). */
export function zonedParts(date: Date, timeZone: string) {
  let format = zonedFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zonedFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(date).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/**
 * An instant as ДД.ММ.ГГГГ ЧЧ:ММ in `timeZone` ("2026-04-15T05:00:00Z", "Europe/Saratov" →
 * "15.04.2026 09:00"); junk, or an unknown zone, as it came.
 */
export function formatZonedDateTime(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    const { year, month, day, hour, minute } = zonedParts(date, timeZone);
    return `${day}.${month}.${year} ${hour}:${minute}`;
  } catch {
    return value;
  }
}

/**
 * How long is left, to the minute, counted down: "2 дн. 4 ч 15 мин", "4 ч 0 мин", "15 мин";
 * under a minute — "менее минуты".
 */
export function formatDuration(milliseconds: number): string {
  const totalMinutes = Math.floor(milliseconds / 60_000);
  if (totalMinutes < 1) return 'менее минуты';
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return `${days} дн. ${hours} ч ${minutes} мин`;
  if (hours > 0) return `${hours} ч ${minutes} мин`;
  return `${minutes} мин`;
}

/** Russia's zones by a city everyone knows, to name a zone after a time. */
const zoneCities: Record<string, string> = {
  'Europe/Kaliningrad': 'Калининград',
  'Europe/Moscow': 'Москва',
  'Europe/Samara': 'Самара',
  'Europe/Saratov': 'Саратов',
  'Europe/Volgograd': 'Волгоград',
  'Europe/Ulyanovsk': 'Ульяновск',
  'Europe/Astrakhan': 'Астрахань',
  'Europe/Kirov': 'Киров',
  'Asia/Yekaterinburg': 'Екатеринбург',
  'Asia/Omsk': 'Омск',
  'Asia/Novosibirsk': 'Новосибирск',
  'Asia/Barnaul': 'Барнаул',
  'Asia/Tomsk': 'Томск',
  'Asia/Novokuznetsk': 'Новокузнецк',
  'Asia/Krasnoyarsk': 'Красноярск',
  'Asia/Irkutsk': 'Иркутск',
  'Asia/Chita': 'Чита',
  'Asia/Yakutsk': 'Якутск',
  'Asia/Vladivostok': 'Владивосток',
  'Asia/Sakhalin': 'Сахалин',
  'Asia/Magadan': 'Магадан',
  'Asia/Kamchatka': 'Камчатка',
  'Asia/Anadyr': 'Анадырь',
};

/** The cities of zoneCities as «по …» takes them: «по Саратову», «по Москве». */
const zoneCitiesDative: Record<string, string> = {
  'Europe/Kaliningrad': 'Калининграду',
  'Europe/Moscow': 'Москве',
  'Europe/Samara': 'Самаре',
  'Europe/Saratov': 'Саратову',
  'Europe/Volgograd': 'Волгограду',
  'Europe/Ulyanovsk': 'Ульяновску',
  'Europe/Astrakhan': 'Астрахани',
  'Europe/Kirov': 'Кирову',
  'Asia/Yekaterinburg': 'Екатеринбургу',
  'Asia/Omsk': 'Омску',
  'Asia/Novosibirsk': 'Новосибирску',
  'Asia/Barnaul': 'Барнаулу',
  'Asia/Tomsk': 'Томску',
  'Asia/Novokuznetsk': 'Новокузнецку',
  'Asia/Krasnoyarsk': 'Красноярску',
  'Asia/Irkutsk': 'Иркутску',
  'Asia/Chita': 'Чите',
  'Asia/Yakutsk': 'Якутску',
  'Asia/Vladivostok': 'Владивостоку',
  'Asia/Sakhalin': 'Сахалину',
  'Asia/Magadan': 'Магадану',
  'Asia/Kamchatka': 'Камчатке',
  'Asia/Anadyr': 'Анадырю',
};

/**
 * Whose time a page's times are, said once: "Europe/Saratov" → «по Саратову»; a zone without a
 * known city → «по времени Europe/Minsk (UTC+3)».
 */
export const byCity = (timeZone: string) => {
  const city = zoneCitiesDative[timeZone];
  return city ? `по ${city}` : `по времени ${formatTimeZone(timeZone)}`;
};

/** «по Саратову (UTC+4)»: where the zone is chosen, or zones meet, its offset too. */
export const byCityWithOffset = (timeZone: string) => {
  const city = zoneCitiesDative[timeZone];
  const offset = utcOffset(timeZone, new Date());
  return city && offset ? `по ${city} (${offset})` : byCity(timeZone);
};

/** "Europe/Moscow" → "Москва"; a zone without a known city as formatTimeZone shows it. */
export const timeZoneName = (timeZone: string) => zoneCities[timeZone] ?? formatTimeZone(timeZone);

/** An instant as "12.03.2026 14:05 (Москва)": the time in `timeZone`, the zone named. */
export const formatZonedDateTimeNamed = (value: string, timeZone: string) =>
  `${formatZonedDateTime(value, timeZone)} (${timeZoneName(timeZone)})`;

/** An instant's clock time alone, ЧЧ:ММ, in `timeZone` (for «Сохранено в 14:05»). */
export function formatZonedTime(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    const { hour, minute } = zonedParts(date, timeZone);
    return `${hour}:${minute}`;
  } catch {
    return value;
  }
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant's clock time with seconds, ЧЧ:ММ:СС, in `timeZone` (for «Обновлено 14:05:09»). */
export function formatZonedClock(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    let format = clockFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
      clockFormats.set(timeZone, format);
    }
    const parts = Object.fromEntries(
      format.formatToParts(date).map((part) => [part.type, part.value]),
    ) as Record<string, string>;
    return `${parts.hour}:${parts.minute}:${parts.second}`;
  } catch {
    return value;
  }
}
