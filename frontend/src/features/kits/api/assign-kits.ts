import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

import { kitsQueryKey } from './get-kits';

export type KitAssignment = {
  campaignId: number;
  input: components['schemas']['KitAssignmentInput'];
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
