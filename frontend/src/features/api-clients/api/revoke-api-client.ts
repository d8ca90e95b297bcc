import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';

/** Revokes a client: its tokens stop working within seconds; the answer is an empty 204. */
export const revokeApiClient = async (clientId: string) => {
  const { response, error } = await api.DELETE('/api/api-clients/{clientId}', {
    params: { path: { clientId } },
  });
  if (response.ok) return;
  const detail = (error as { detail?: unknown } | undefined)?.detail;
  throw new ApiError(
    typeof detail === 'string' ? detail : `Клиент не отозван (код ${response.status}).`,
    response.status,
    error,
  );
};

export const useRevokeApiClient = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-clients'] }),
  });
};
