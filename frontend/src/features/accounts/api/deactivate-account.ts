import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The account can no longer sign in; its sessions end at once. */
export const deactivateAccount = (login: string) =>
  unwrap(api.POST('/api/accounts/{login}/deactivate', { params: { path: { login } } }));

export const useDeactivateAccount = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
};
