import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { NewStaffAccount } from '@/types/api';

/** Creates the account; the answer holds its password, the only copy there is. */
export const createAccount = (account: NewStaffAccount) =>
  unwrap(api.POST('/api/accounts', { body: account }));

export const useCreateAccount = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
};
