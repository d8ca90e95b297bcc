import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** A deactivated account may sign in again, with its old password. */
export const activateAccount = (login: string) =>
  unwrap(api.POST('/api/accounts/{login}/activate', { params: { path: { login } } }));

export const useActivateAccount = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: activateAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
};
