import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ApiClientUpdate } from '@/types/api';

/** Renames a client or changes what it may read and call. */
export const updateApiClient = ({ clientId, body }: { clientId: string; body: ApiClientUpdate }) =>
  unwrap(api.PUT('/api/api-clients/{clientId}', { params: { path: { clientId } }, body }));

export const useUpdateApiClient = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateApiClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-clients'] }),
  });
};
