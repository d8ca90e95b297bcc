import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { kitsQueryKey } from './get-kits';
import type { KitAssignmentInput } from '@/types/api';

export type KitAssignment = {
  campaignId: number;
  input: KitAssignmentInput;
};

/** Assigns ranges of kit numbers to points (federal only); all or nothing, 422 names each clash. */
export const assignKits = ({ campaignId, input }: KitAssignment) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/kits', {
      params: { path: { campaignId } },
      body: input,
    }),
  );

export const useAssignKits = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignKits,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: kitsQueryKey(campaignId) }),
  });
};
