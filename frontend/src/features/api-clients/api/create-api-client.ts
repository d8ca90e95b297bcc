import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ApiClientInput } from '@/types/api';

/** Registers a regional system; the answer holds its secret, the only copy there is. */
export const createApiClient = (client: ApiClientInput) =>
  unwrap(api.POST('/api/api-clients', { body: client }));

export const useCreateApiClient = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-clients'] }),
  });
};
