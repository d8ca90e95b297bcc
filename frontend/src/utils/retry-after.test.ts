import { describe, expect, it } from 'vitest';

import { retryAfterSeconds, tooManyAttempts, waitInWords } from './retry-after';

describe('the wait after too many sign-in attempts', () => {
  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('900')).toBe(900);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterSeconds(inAMinute)).toBeGreaterThan(50);
  });

  it('says minutes, and hours for a long lock-out', () => {
    expect(waitInWords(30)).toBe('через 1 мин.');
    expect(waitInWords(900)).toBe('через 15 мин.');
    expect(waitInWords(9_000)).toBe('через 2 ч 30 мин.');
    expect(waitInWords(86_400)).toBe('через 24 ч');
  });

  it('words the refusal', () => {
    expect(tooManyAttempts('Слишком много попыток', '1800')).toBe(
      'Слишком много попыток. Повторите через 30 мин.',
    );
    expect(tooManyAttempts('Слишком много попыток', null)).toBe(
      'Слишком много попыток. Повторите позже.',
    );
  });
});
