import { describe, expect, it } from 'vitest';

import { byCity, formatDateIn, formatZonedDateTime, formatTimeZone, plural } from './format';

describe('plural', () => {
  const forms = ['организация', 'организации', 'организаций'] as const;

  it.each([
    [1, 'организация'],
    [3, 'организации'],
    [5, 'организаций'],
    [11, 'организаций'],
    [14, 'организаций'],
    [21, 'организация'],
    [104, 'организации'],
  ])('%i → %s', (count, expected) => {
    expect(plural(count, forms)).toBe(expected);
  });
});

describe('formatTimeZone', () => {
  it('names the zone by its city with the UTC offset, never the raw zone id', () => {
    expect(formatTimeZone('Europe/Moscow', new Date('2025-01-15T12:00:00Z'))).toBe(
      'Москва (UTC+3)',
    );
    expect(formatTimeZone('Europe/Minsk', new Date('2025-01-15T12:00:00Z'))).toBe(
      'Europe/Minsk (UTC+3)',
    );
  });

  it('says whose time it is by the city, in words', () => {
    expect(byCity('Europe/Saratov')).toBe('по Саратову');
    expect(byCity('Europe/Moscow')).toBe('по Москве');
    expect(byCity('Asia/Yekaterinburg')).toBe('по Екатеринбургу');
    expect(byCity('Europe/Minsk')).toMatch(/^по времени Europe\/Minsk \(UTC\+3\)$/);
  });

  it('shows an unknown zone as it came', () => {
    expect(formatTimeZone('Mars/Olympus')).toBe('Mars/Olympus');
  });
});

describe('times in a zone', () => {
  it('shows an instant as ДД.ММ.ГГГГ ЧЧ:ММ in the zone', () => {
    expect(formatZonedDateTime('2026-03-12T15:00:00Z', 'Europe/Saratov')).toBe('12.03.2026 19:00');
    expect(formatZonedDateTime('2026-03-12T15:00:00Z', 'Asia/Kamchatka')).toBe('13.03.2026 03:00');
    expect(formatDateIn('2026-03-12T21:30:00Z', 'Europe/Moscow')).toBe('13.03.2026');
  });

  it('refuses junk', () => {
    expect(formatZonedDateTime('soon', 'Europe/Moscow')).toBe('soon');
  });
});
