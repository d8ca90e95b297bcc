import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import type { ExpertDecisionInput } from '@/types/api';

/**
 * The federal organizer's agreement on an expert the region proposed (seed 000: experts are
 * appointed «по согласованию с федеральным организатором»): approve, or reject with a reason.
 */
export const decideExpert = ({
  campaignId,
  login,
  decision,
}: {
  campaignId: number;
  login: string;
  decision: ExpertDecisionInput;
}) =>
  unwrap(
    api.POST('/api/campaigns/{campaignId}/experts/{login}/decision', {
      params: { path: { campaignId, login } },
      body: decision,
    }),
  );

export const useDecideExpert = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideExpert,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: ['experts', campaignId] }),
  });
};
