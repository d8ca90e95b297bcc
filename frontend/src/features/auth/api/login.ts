import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
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
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
    if (seconds === undefined) return 'Слишком много неудачных попыток. Повторите позже.';
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `Слишком много неудачных попыток. Повторите через ${minutes} мин.`;
  }
  if (code === 'invalid_grant') return 'Неверный логин или пароль.';
  if (code === 'invalid_request') return 'Введите логин и пароль.';
  return undefined;
}

/** `Retry-After` is either a number of seconds or an HTTP date (RFC 9110 § 10.2.3). */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
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
