import { describe, expect, it } from 'vitest';

import { formatTimeZone, plural } from './format';

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
