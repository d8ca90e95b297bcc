import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** A new generated password, shown once; the old one stops working. */
export const resetAccountPassword = (login: string) =>
  unwrap(api.POST('/api/accounts/{login}/password-reset', { params: { path: { login } } }));

export const useResetAccountPassword = () => useMutation({ mutationFn: resetAccountPassword });
