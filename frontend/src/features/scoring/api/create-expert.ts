import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ExpertInput } from '@/types/api';

/**
 * Registers an expert (or updates one with the same login) and returns it with its new password:
 * the only time the password is ever sent.
 */
export const createExpert = ({ campaignId, expert }: { campaignId: number; expert: ExpertInput }) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/experts', {
      params: { path: { campaignId } },
      body: expert,
    }),
  );

export const useCreateExpert = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createExpert,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: ['experts', campaignId] }),
  });
};
