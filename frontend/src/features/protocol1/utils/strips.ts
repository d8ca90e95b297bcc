import { formatZonedDateTime, timeZoneName } from '@/utils/format';

/** The questionnaire link of one participant: the printed link with their login filled in. */
export function questionnaireUrl(link: string, login: string): string {
  try {
    const url = new URL(link);
    url.searchParams.set('login', login);
    return url.toString();
  } catch {
    return `${link}${link.includes('?') ? '&' : '?'}login=${encodeURIComponent(login)}`;
  }
}

export type Validity = { validFrom?: string; validUntil?: string; timeZone: string };

/** «с 15.04.2026 09:00 по 30.04.2026 18:00 (Саратов)», or what is known of it. */
export function formatValidity({ validFrom, validUntil, timeZone }: Validity): string | undefined {
  if (!validFrom && !validUntil) return undefined;
  const from = validFrom ? `с ${formatZonedDateTime(validFrom, timeZone)}` : '';
  const until = validUntil ? `по ${formatZonedDateTime(validUntil, timeZone)}` : '';
  return `${[from, until].filter(Boolean).join(' ')} (${timeZoneName(timeZone)})`;
}

export type StripContent = {
  name: string;
  login: string;
  password: string;
  url: string;
  validity?: string;
};

/**
 * The text a participant gets: greeting (with the name when typed), link, login, password and
 * the period. Built on this device only — for a letter the device's mail program opens, or the
 * clipboard.
 */
export function stripText({ name, login, password, url, validity }: StripContent, eol = '\n') {
  return [
    name.trim() ? `Здравствуйте, ${name.trim()}!` : 'Здравствуйте!',
    '',
    'Приглашаем вас заполнить анкету участника ОМК.',
    `Ссылка на анкету: ${url}`,
    `Логин: ${login}`,
    `Пароль: ${password}`,
    ...(validity ? [`Анкета доступна ${validity}.`] : []),
  ].join(eol);
}

export const MAIL_SUBJECT = 'Анкета ОМК';

/**
 * A `mailto:` link with no address: the participant's letter is written by the device's own mail
 * program, so nothing of it (the name included) passes through the server.
 */
export const mailtoHref = (content: StripContent) =>
  `mailto:?subject=${encodeURIComponent(MAIL_SUBJECT)}&body=${encodeURIComponent(
    stripText(content, '\r\n'),
  )}`;

/**
 * Names pasted as a column from Excel, one per line in kit order; an empty line is a kit without
 * a name (an unused row), and the line break after the last cell is not a row.
 */
export function parseNameColumn(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => {
    // «501501⇥Иванов Иван» (the kit column copied too): the name is the second cell.
    const cells = line.split('\t');
    const cell = cells.length > 1 && /^\s*\d+\s*$/.test(cells[0] ?? '') ? cells[1] : cells[0];
    return (cell ?? '').trim().replace(/\s+/g, ' ');
  });
}
