import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The region passes a municipality its part of a hand-out. */
export const passHandoutPart = (partId: number) =>
  unwrap(api.POST('/api/credential-handout-parts/{partId}/pass', { params: { path: { partId } } }));

export const usePassHandoutPart = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: passHandoutPart,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['credential-handouts'] }),
  });
};
