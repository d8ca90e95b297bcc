import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';

import { kitsQueryKey } from './get-kits';

export type KitRangeRef = { campaignId: number; rangeId: number };

/** Takes back a range assigned by mistake (federal only); the answer is an empty 204. */
export const deleteKitRange = async ({ campaignId, rangeId }: KitRangeRef) => {
  const { response, error } = await api.DELETE('/api/campaigns/{campaignId}/kits/{rangeId}', {
    params: { path: { campaignId, rangeId } },
  });
  if (response.ok) return;
  const detail = (error as { detail?: unknown } | undefined)?.detail;
  throw new ApiError(
    typeof detail === 'string' ? detail : `Диапазон не удалён (код ${response.status}).`,
    response.status,
    error,
  );
};

export const useDeleteKitRange = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteKitRange,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: kitsQueryKey(campaignId) }),
  });
};
