import { useMutation } from '@tanstack/react-query';

import { unwrap } from '@/lib/api-client';
import { tooManyAttempts } from '@/utils/retry-after';

import { writeParticipantToken, type ParticipantToken } from '../utils/participant-token';
import { participantApi } from './participant-client';

export type ParticipantCredentials = { login: string; password: string };

/**
 * Signs a participant in with the questionnaire login and password (the OAuth2 password grant)
 * and keeps the token apart from any staff session.
 */
export async function signInParticipant({
  login,
  password,
}: ParticipantCredentials): Promise<ParticipantToken> {
  const tokens = await unwrap(
    participantApi.POST('/oauth2/token', {
      body: { grant_type: 'password', username: login, password },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
    describeSignInError,
  );
  const token = {
    login,
    accessToken: tokens.access_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
  };
  writeParticipantToken(token);
  return token;
}

/**
 * The token endpoint answers with OAuth2 errors. For a participant, `invalid_grant` carries the
 * reason in Russian (wrong password, the questionnaire not open yet, the kit marked spoiled), so
 * it is shown as is.
 */
export function describeSignInError(response: Response, body: unknown): string | undefined {
  const { error, error_description: description } =
    typeof body === 'object' && body !== null
      ? (body as { error?: unknown; error_description?: unknown })
      : {};
  if (response.status === 429 || error === 'too_many_attempts') {
    return tooManyAttempts('Слишком много попыток', response.headers.get('Retry-After'));
  }
  if (typeof description === 'string' && description.trim()) return description.trim();
  if (error === 'invalid_grant') return 'Неверный логин или пароль.';
  if (error === 'invalid_request') return 'Введите логин и пароль.';
  return undefined;
}

export const useParticipantSignIn = () => useMutation({ mutationFn: signInParticipant });
