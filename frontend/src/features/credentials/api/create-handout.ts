import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { HandoutChoice } from './preview-handout';

/** Issues the choice if it still holds `confirmedCount` organizations (409 otherwise). */
export const createHandout = (choice: HandoutChoice & { confirmedCount: number }) =>
  unwrap(api.POST('/api/credential-handouts', { body: choice }));

export const useCreateHandout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHandout,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['credential-handouts'] }),
  });
};
