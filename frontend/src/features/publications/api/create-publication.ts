import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { PublicationInput } from '@/types/api';

/** Starts a draft; files are attached and the draft published on its own page. */
export const createPublication = (input: PublicationInput) =>
  unwrap(api.POST('/api/publications', { body: input }));

export const useCreatePublication = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPublication,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['publications', 'list'] }),
  });
};
