import { describe, expect, it } from 'vitest';

import { formatValidity, parseNameColumn, questionnaireUrl, stripText } from './strips';

describe('protocol 1 strips', () => {
  it('puts the login into the questionnaire link, keeping what the link already asks', () => {
    expect(questionnaireUrl('https://oko.example.org/q', 'ulit64501501')).toBe(
      'https://oko.example.org/q?login=ulit64501501',
    );
    expect(questionnaireUrl('https://oko.example.org/q?lang=ru', 'ulit64501501')).toBe(
      'https://oko.example.org/q?lang=ru&login=ulit64501501',
    );
    expect(questionnaireUrl('/q', 'ulit64501501')).toBe('/q?login=ulit64501501');
  });

  it('reads a column pasted from Excel: blank cells stay blank, the last line break is no row', () => {
    expect(parseNameColumn('Иванов Иван\r\n\r\n  Петров   Пётр \r\n')).toEqual([
      'Иванов Иван',
      '',
      'Петров Пётр',
    ]);
    expect(parseNameColumn('501501\tИванов Иван\n501502\t\n')).toEqual(['Иванов Иван', '']);
  });

  it('names the period in the campaign’s zone and greets without a name when none is typed', () => {
    const validity = formatValidity({
      validFrom: '2026-04-15T05:00:00Z',
      validUntil: '2026-04-30T14:00:00Z',
      timeZone: 'Europe/Saratov',
    });
    expect(validity).toBe('с 15.04.2026 09:00 по 30.04.2026 18:00 (Саратов)');
    expect(formatValidity({ timeZone: 'Europe/Saratov' })).toBeUndefined();
    const text = stripText({
      name: ' ',
      login: 'ulit64501501',
      password: '33289',
      url: 'https://oko.example.org/q?login=ulit64501501',
      validity,
    });
    expect(text.split('\n')[0]).toBe('Здравствуйте!');
    expect(text).toContain('Пароль: 33289');
  });
});
