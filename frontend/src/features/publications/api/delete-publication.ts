import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';

import { publicationQueryKey } from './get-publication';

/** Deletes a draft and its files (its author only); the answer is an empty 204. */
export const deletePublication = async ({ publicationId }: { publicationId: number }) => {
  const { response, error } = await api.DELETE('/api/publications/{publicationId}', {
    params: { path: { publicationId } },
  });
  if (response.ok) return;
  const detail = (error as { detail?: unknown } | undefined)?.detail;
  throw new ApiError(
    typeof detail === 'string' ? detail : `Черновик не удалён (код ${response.status}).`,
    response.status,
    error,
  );
};

export const useDeletePublication = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePublication,
    onSuccess: (_, { publicationId }) => {
      queryClient.removeQueries({ queryKey: publicationQueryKey(publicationId) });
      void queryClient.invalidateQueries({ queryKey: ['publications', 'list'] });
    },
  });
};
