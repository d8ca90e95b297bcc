import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { tooManyAttempts } from '@/utils/retry-after';
import { startSession } from '@/lib/auth-session';

export type Credentials = { username: string; password: string };

/** Signs in with a login and password (the OAuth2 password grant); returns the tokens. */
export const login = ({ username, password }: Credentials) =>
  unwrap(
    api.POST('/oauth2/token', {
      body: { grant_type: 'password', username, password },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
    describeLoginError,
  );

/** The token endpoint answers with OAuth2 error codes (RFC 6749 § 5.2), not problem+json. */
function describeLoginError(response: Response, body: unknown): string | undefined {
  const code =
    typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (response.status === 429 || code === 'too_many_attempts') {
    return tooManyAttempts('Слишком много неудачных попыток', response.headers.get('Retry-After'));
  }
  if (code === 'invalid_grant') return 'Неверный логин или пароль.';
  if (code === 'invalid_request') return 'Введите логин и пароль.';
  return undefined;
}

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (tokens) => {
      // Nothing the previous user of this computer loaded may show to the next one.
      queryClient.clear();
      startSession(tokens);
    },
  });
};
