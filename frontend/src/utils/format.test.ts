import { describe, expect, it } from 'vitest';

import {
  formatDateIn,
  formatInstant,
  formatTimeZone,
  fromZonedInput,
  plural,
  toZonedInput,
} from './format';

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
  it('adds the UTC offset', () => {
    expect(formatTimeZone('Europe/Moscow', new Date('2025-01-15T12:00:00Z'))).toBe(
      'Europe/Moscow (UTC+3)',
    );
  });

  it('shows an unknown zone as it came', () => {
    expect(formatTimeZone('Mars/Olympus')).toBe('Mars/Olympus');
  });
});

describe('times in a zone', () => {
  it('shows an instant as ДД.ММ.ГГГГ ЧЧ:ММ in the zone', () => {
    expect(formatInstant('2026-03-12T15:00:00Z', 'Europe/Saratov')).toBe('12.03.2026 19:00');
    expect(formatInstant('2026-03-12T15:00:00Z', 'Asia/Kamchatka')).toBe('13.03.2026 03:00');
    expect(formatDateIn('2026-03-12T21:30:00Z', 'Europe/Moscow')).toBe('13.03.2026');
  });

  it('turns a wall-clock time in a zone into the instant and back', () => {
    expect(fromZonedInput('2026-03-12T18:00', 'Europe/Saratov')).toBe('2026-03-12T14:00:00Z');
    expect(fromZonedInput('2026-01-01T00:30', 'Asia/Vladivostok')).toBe('2025-12-31T14:30:00Z');
    expect(toZonedInput('2025-12-31T14:30:00Z', 'Asia/Vladivostok')).toBe('2026-01-01T00:30');
  });

  it('follows a zone that changes its offset (Berlin in summer and winter)', () => {
    expect(fromZonedInput('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00Z');
    expect(fromZonedInput('2026-01-01T12:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00Z');
  });

  it('refuses junk', () => {
    expect(fromZonedInput('', 'Europe/Moscow')).toBeUndefined();
    expect(fromZonedInput('12.03.2026 18:00', 'Europe/Moscow')).toBeUndefined();
    expect(formatInstant('soon', 'Europe/Moscow')).toBe('soon');
  });
});
