import { describe, expect, it } from 'vitest';

import { describeTokenError } from './password-grant';

const refusal = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  [new Response(null, { status, headers }), body] as const;

describe('describeTokenError', () => {
  const staff = describeTokenError({ tooManyAttempts: 'Слишком много неудачных попыток' });
  const participant = describeTokenError({
    tooManyAttempts: 'Слишком много попыток',
    serverWords: true,
  });

  it('names a wrong password and a missing field in Russian', () => {
    expect(staff(...refusal(400, { error: 'invalid_grant' }))).toBe('Неверный логин или пароль.');
    expect(staff(...refusal(400, { error: 'invalid_request' }))).toBe('Введите логин и пароль.');
  });

  it("shows the server's own words only where asked to", () => {
    const body = { error: 'invalid_grant', error_description: ' Анкета ещё не открыта. ' };
    expect(participant(...refusal(400, body))).toBe('Анкета ещё не открыта.');
    expect(staff(...refusal(400, body))).toBe('Неверный логин или пароль.');
  });

  it('starts the lockout message with its own words', () => {
    expect(staff(...refusal(429, {}))).toMatch(/^Слишком много неудачных попыток/);
    expect(participant(...refusal(400, { error: 'too_many_attempts' }))).toMatch(
      /^Слишком много попыток/,
    );
  });

  it('leaves anything else to the problem document', () => {
    expect(staff(...refusal(500, undefined))).toBeUndefined();
  });
});
