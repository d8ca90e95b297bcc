import { describe, expect, it } from 'vitest';

import { formatDuration, formatZonedDateTime } from './format';
import { instantToZonedLocal, zonedLocalToInstant } from './zoned-time';

describe('zonedLocalToInstant', () => {
  it.each([
    ['2026-04-15T09:00', 'Europe/Saratov', '2026-04-15T05:00:00.000Z'],
    ['2026-04-15T09:00', 'Europe/Moscow', '2026-04-15T06:00:00.000Z'],
    ['2026-04-15T09:00', 'Asia/Kamchatka', '2026-04-14T21:00:00.000Z'],
    ['2026-01-01T00:30', 'Europe/Kaliningrad', '2025-12-31T22:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, instant) => {
    expect(zonedLocalToInstant(local, zone)).toBe(instant);
  });

  it('refuses a malformed value or an unknown zone', () => {
    expect(zonedLocalToInstant('15.04.2026 09:00', 'Europe/Moscow')).toBeUndefined();
    expect(zonedLocalToInstant('2026-04-15T09:00', 'Mars/Olympus')).toBeUndefined();
  });

  it('follows a zone that changes its offset (Berlin in summer and winter)', () => {
    expect(zonedLocalToInstant('2026-07-01T12:00', 'Europe/Berlin')).toBe(
      '2026-07-01T10:00:00.000Z',
    );
    expect(zonedLocalToInstant('2026-01-01T12:00', 'Europe/Berlin')).toBe(
      '2026-01-01T11:00:00.000Z',
    );
  });

  it('is undone by instantToZonedLocal', () => {
    expect(instantToZonedLocal('2026-04-15T05:00:00Z', 'Europe/Saratov')).toBe('2026-04-15T09:00');
  });
});

describe('formatZonedDateTime', () => {
  it('shows the region’s wall clock', () => {
    expect(formatZonedDateTime('2026-04-15T05:00:00Z', 'Europe/Saratov')).toBe('15.04.2026 09:00');
    expect(formatZonedDateTime('2026-04-15T21:30:00Z', 'Asia/Vladivostok')).toBe(
      '16.04.2026 07:30',
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [(2 * 24 * 60 + 4 * 60 + 15) * 60_000 + 59_000, '2 дн. 4 ч 15 мин'],
    [4 * 60 * 60_000, '4 ч 0 мин'],
    [15 * 60_000, '15 мин'],
    [30_000, 'менее минуты'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
