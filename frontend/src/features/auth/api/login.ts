import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { startSession } from '@/lib/auth-session';
import { passwordGrant, type PasswordCredentials } from '@/lib/password-grant';

export type Credentials = PasswordCredentials;

/** Signs in with a login and password (the OAuth2 password grant); returns the tokens. */
export const login = (credentials: Credentials) =>
  passwordGrant(api, credentials, { tooManyAttempts: 'Слишком много неудачных попыток' });

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
